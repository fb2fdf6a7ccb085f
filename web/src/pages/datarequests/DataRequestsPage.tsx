/**
 * Data requests (yêu cầu số liệu): those the caller's units sent and those
 * their units must answer, each with its deadline (overdue in red) and how
 * many answered; a search by title or indicator (diacritics do not matter,
 * the server folds them); "new request" for those who may send.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Tabs, Text, TextInput } from '@mantine/core'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { dataRequests, type RequestSummary } from '../../api/datarequests'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { formatDate } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'

export const STATUS_COLOR = { draft: 'gray', sent: 'blue', closed: 'green', pending: 'yellow', answered: 'green', late: 'red' } as const
/** The badges' text in a dark shade of their tint: the light variant's own middle shade is too pale to read (WCAG AA, as the tasks' badges). */
export const STATUS_TEXT = { draft: '#343a40', sent: '#134e87', closed: '#1e6b30', pending: '#5c4400', answered: '#1e6b30', late: '#8f1d1d' } as const

export default function DataRequestsPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const [params, setParams] = useSearchParams()
  const maySend = ws.canAnywhere('datarequest.send')
  const view = params.get('view') === 'received' || !maySend ? 'received' : 'sent'
  const [typed, setTyped] = useState(params.get('q') ?? '')
  const q = params.get('q') ?? ''
  const list = useData((s) => dataRequests.list(view, q, s), [view, q])
  const search = (e: React.FormEvent) => { e.preventDefault(); setParams({ ...(view === 'received' ? { view } : {}), ...(typed ? { q: typed } : {}) }) }

  return (
    <Stack gap="md">
      <PageHeader title={t('dreq.title')}>
        {maySend && <Button component={Link} to="/datarequests/new" leftSection={<IconPlus size={18} aria-hidden />}>{t('dreq.create')}</Button>}
      </PageHeader>
      <form onSubmit={search} role="search">
        <Group align="end" gap="xs">
          <TextInput style={{ flex: 1, minWidth: 200 }} label={t('dreq.search')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
          <Button type="submit" variant="light" leftSection={<IconSearch size={16} aria-hidden />}>{t('dreq.find')}</Button>
        </Group>
      </form>
      <Tabs value={view} onChange={(v) => setParams({ ...(v === 'received' ? { view: 'received' } : {}), ...(q ? { q } : {}) })}>
        <Tabs.List>
          {maySend && <Tabs.Tab value="sent">{t('dreq.sent')}</Tabs.Tab>}
          <Tabs.Tab value="received">{t('dreq.received')}</Tabs.Tab>
        </Tabs.List>
        {(maySend ? (['sent', 'received'] as const) : (['received'] as const)).map((v) => (
          <Tabs.Panel key={v} value={v} pt="md">
            {v === view && <>
              {list.loading && <Loading />}
              {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
              {list.data && <RequestTable items={list.data.requests} view={view} />}
            </>}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}

function RequestTable({ items, view }: { items: RequestSummary[]; view: 'sent' | 'received' }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (!items.length) return <Text c="dimmed">{t('dreq.none')}</Text>
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dreq.name')}</Table.Th>
            <Table.Th>{t('dreq.deadline')}</Table.Th>
            <Table.Th>{view === 'sent' ? t('dreq.answered') : t('dreq.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.requestId} data-request={r.title}>
              <Table.Td>
                <Anchor component={Link} to={view === 'received' && r.units?.length === 1 ? `/datarequests/${r.requestId}/answers/${r.units[0].unitId}` : `/datarequests/${r.requestId}`}>{r.title}</Anchor>
                <Text size="xs" c="dimmed">{r.ownerUnitName} · {t('dreq.period')} {formatDate(r.periodFrom, lang)} – {formatDate(r.periodTo, lang)}</Text>
                <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]} c={STATUS_TEXT[r.status]}>{t(`dreq.status.${r.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Text span c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : undefined}>{formatDate(r.deadline, lang)}</Text>
              </Table.Td>
              <Table.Td>
                {view === 'sent'
                  ? `${r.answered ?? 0}/${r.recipients}`
                  : (r.units ?? []).map((u) => <div key={u.unitId}><Badge size="sm" color={STATUS_COLOR[u.status]} c={STATUS_TEXT[u.status]} variant="light">{t(`dreq.unitStatus.${u.status}`)}</Badge> <Text span size="sm">{u.name}</Text></div>)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
