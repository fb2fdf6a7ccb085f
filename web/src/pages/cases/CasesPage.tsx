/**
 * The inspection commission's register of complaints, denunciations and
 * reports of signs of violation: the commission chosen by name, a search
 * (subject, who it concerns, register number — never the sender), the state,
 * each case with its deadline (overdue in red), keyset paging, the share
 * handled within the limit, the register's export, and the intake form for
 * those who take letters in. Cards on a phone, a table on wider screens.
 */
import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { CASE_STATES, type CaseSummary } from '../../../../shared/cases/contracts'
import { cases } from '../../api/cases'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'

export default function CasesPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const phone = useMediaQuery('(max-width: 48em)')
  const [params, setParams] = useSearchParams()
  const mine = useData((s) => cases.mine(s), [])
  const commissions = mine.data?.commissions ?? []
  const commissionId = params.get('commission') ?? commissions[0]?.unitId ?? ''
  const [q, setQ] = useState(params.get('q') ?? '')
  const state = params.get('state') ?? ''
  const list = useData((s) => (commissionId ? cases.list(commissionId, { ...(state ? { state } : {}), ...(params.get('q') ? { q: params.get('q')! } : {}) }, s) : Promise.resolve({ cases: [] })), [commissionId, state, params.get('q')])
  const kpis = useData((s) => (commissionId ? cases.kpis(commissionId, s) : Promise.resolve(undefined)), [commissionId])
  const [more, setMore] = useState<{ items: CaseSummary[]; next?: string; from?: unknown }>({ items: [] })
  if (more.from !== list.data) setMore({ items: [], from: list.data })
  const next = more.items.length ? more.next : list.data?.next
  const current = commissions.find((c) => c.unitId === commissionId)
  const set = (k: string, v: string) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p) }

  if (mine.loading) return <Loading />
  if (mine.error) return <ErrorAlert error={mine.error} onRetry={mine.reload} />
  const rows = [...(list.data?.cases ?? []), ...more.items]
  const download = async () => {
    try {
      const f = await cases.export(commissionId)
      const a = document.createElement('a')
      a.href = `data:${f.contentType};base64,${f.contentBase64}`
      a.download = f.fileName
      a.click()
    } catch (e) { notify.error(errorMessage(e)) }
  }
  const loadMore = async () => {
    try {
      const page = await cases.list(commissionId, { ...(state ? { state } : {}), ...(params.get('q') ? { q: params.get('q')! } : {}), after: next })
      setMore((m) => ({ ...m, items: [...m.items, ...page.cases], next: page.next }))
    } catch (e) { notify.error(errorMessage(e)) }
  }
  const k = kpis.data

  return (
    <Stack gap="md">
      <PageHeader title={t('cases.title')}>
        {current?.intake && <Button component={Link} to={`/cases/new?commission=${commissionId}`} leftSection={<IconPlus size={18} aria-hidden />}>{t('cases.newCase')}</Button>}
        {current && <Button variant="default" onClick={download} leftSection={<IconDownload size={18} aria-hidden />}>{t('cases.export')}</Button>}
      </PageHeader>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {commissions.length > 1 && <Select label={t('cases.commission')} data={commissions.map((c) => ({ value: c.unitId, label: c.name }))} value={commissionId} onChange={(v) => set('commission', v ?? '')} allowDeselect={false} />}
        <form onSubmit={(e) => { e.preventDefault(); set('q', q.trim()) }} style={{ flex: 1, minWidth: 220 }}>
          <TextInput label={t('cases.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} rightSection={<IconSearch size={16} aria-hidden />} />
        </form>
        <Select label={t('cases.state')} data={[{ value: '', label: t('cases.all') }, ...CASE_STATES.map((s) => ({ value: s, label: t(`cases.states.${s}`) }))]} value={state} onChange={(v) => set('state', v ?? '')} w={200} />
      </Group>
      {k && <Text size="sm" c="dimmed">{k.closed ? t('cases.kpi', { closed: k.closed, within: k.closedWithinLimit, percent: `${k.withinLimitPercent}%` }) : t('cases.noKpi')}</Text>}
      {list.loading && <Loading />}
      {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && !rows.length && <Text c="dimmed">{t('cases.none')}</Text>}
      {phone ? (
        <Stack gap="xs">
          {rows.map((c) => (
            <Card key={c.caseId} withBorder padding="sm">
              <Anchor component={Link} to={`/cases/${c.caseId}`} fw={600}>{c.registerNo ? `${c.registerNo} — ` : ''}{c.subject}</Anchor>
              <Text size="sm">{c.concerns}</Text>
              <Group gap="xs" mt={4}>
                <Badge variant="light">{t(`cases.states.${c.state}`)}</Badge>
                {c.due && <Text size="sm" c={c.overdue ? 'red.9' : undefined}>{t('cases.due')}: {formatDate(c.due, lang)}</Text>}
              </Group>
            </Card>
          ))}
        </Stack>
      ) : rows.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead><Table.Tr>
            <Table.Th>{t('cases.registerNo')}</Table.Th><Table.Th>{t('cases.subject')}</Table.Th><Table.Th>{t('cases.type')}</Table.Th>
            <Table.Th>{t('cases.state')}</Table.Th><Table.Th>{t('cases.inspector')}</Table.Th><Table.Th>{t('cases.due')}</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.caseId}>
                <Table.Td>{c.registerNo ?? '—'}</Table.Td>
                <Table.Td><Anchor component={Link} to={`/cases/${c.caseId}`}>{c.subject}</Anchor><Text size="xs" c="dimmed">{c.concerns}</Text></Table.Td>
                <Table.Td>{t(`cases.types.${c.type}`)}</Table.Td>
                <Table.Td><Badge variant="light">{t(`cases.states.${c.state}`)}</Badge></Table.Td>
                <Table.Td>{c.inspector?.fullName ?? '—'}</Table.Td>
                <Table.Td>{c.due ? <Text size="sm" c={c.overdue ? 'red.9' : undefined} fw={c.overdue ? 700 : undefined}>{formatDate(c.due, lang)}{c.overdue ? ` (${t('cases.overdue')})` : ''}</Text> : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {next && <Button variant="default" onClick={loadMore}>{t('cases.more')}</Button>}
    </Stack>
  )
}
