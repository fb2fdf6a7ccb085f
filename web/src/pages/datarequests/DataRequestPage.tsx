/**
 * One data request, for the office that sent it: who has answered (each
 * unit by name, on time or late) with reminders for the others, the
 * consolidated table (unit × indicator, totals; percentages averaged) with
 * a bar chart of one indicator by unit, and the exports (XLSX, sealed PDF).
 * A recipient sees the form's summary and goes on to its unit's answer page.
 */
import { BarChart } from '@mantine/charts'
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { IconBell, IconDownload, IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { dataRequests, type ConsolidatedView, type RequestView } from '../../api/datarequests'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate, formatDateTime } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { STATUS_COLOR, STATUS_TEXT } from './DataRequestsPage'

export const figure = (v: unknown, lang: 'vi' | 'en') => (v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 4 }) : String(v))

export default function DataRequestPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { requestId = '' } = useParams()
  const request = useData((s) => dataRequests.show(requestId, s), [requestId])
  const [busy, setBusy] = useState<string | null>(null)
  const r = request.data

  const act = async (key: string, fn: () => Promise<RequestView>, ok: (v: RequestView) => string) => {
    setBusy(key)
    try { const v = await fn(); notify.ok(ok(v)); request.reload() } catch (e) { notify.error(errorMessage(e)) } finally { setBusy(null) }
  }
  if (request.loading) return <Loading />
  if (request.error || !r) return <ErrorAlert error={request.error} onRetry={request.reload} />
  const waiting = r.recipients.filter((u) => u.status !== 'answered')
  return (
    <Stack gap="md">
      <PageHeader title={r.title}>
        <Badge color={STATUS_COLOR[r.status]} c={STATUS_TEXT[r.status]} variant="light">{t(`dreq.status.${r.status}`)}</Badge>
      </PageHeader>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">{t('dreq.from')}: <b>{r.ownerUnitName}</b> ({r.createdBy.fullName})</Text>
          <Text size="sm">{t('dreq.period')}: {formatDate(r.periodFrom, lang)} – {formatDate(r.periodTo, lang)} · {t('dreq.deadline')}: <b>{formatDate(r.deadline, lang)}</b></Text>
          {r.description && <Text size="sm">{r.description}</Text>}
          {r.lastReminder && <Text size="sm" c="dimmed">{t('dreq.lastReminder', { when: formatDateTime(r.lastReminder.at, lang), by: r.lastReminder.by.fullName, count: r.lastReminder.units })}</Text>}
        </Stack>
        {r.can.manage && (
          <Group mt="sm">
            {r.status === 'draft' && <Button loading={busy === 'send'} leftSection={<IconSend size={16} aria-hidden />} onClick={() => void act('send', () => dataRequests.send(r.requestId, r.version), (v) => t('dreq.sentOk', { title: v.title, count: v.recipients.length }))}>{t('dreq.sendDraft')}</Button>}
            {r.status === 'sent' && waiting.length > 0 && <Button variant="light" loading={busy === 'all'} leftSection={<IconBell size={16} aria-hidden />} onClick={() => void act('all', () => dataRequests.remind(r.requestId), (v) => t('dreq.reminded', { count: v.lastReminder?.units ?? 0 }))}>{t('dreq.remindAll')}</Button>}
            {r.status === 'sent' && <Button variant="default" loading={busy === 'close'} onClick={() => void act('close', () => dataRequests.close(r.requestId, r.version), () => t('dreq.closed'))}>{t('dreq.close')}</Button>}
          </Group>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} component="h2" size="lg" mb="xs">{t('dreq.recipients')}{r.counts ? ` (${r.counts.answered}/${r.counts.recipients})` : ''}</Text>
        <Table.ScrollContainer minWidth={340}>
          <Table striped>
            <Table.Tbody>
              {r.recipients.map((u) => (
                <Table.Tr key={u.unitId} data-unit={u.name}>
                  <Table.Td>{u.mine || r.can.consolidate ? <Anchor component={Link} to={`/datarequests/${r.requestId}/answers/${u.unitId}`}>{u.name}</Anchor> : u.name}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[u.status]} c={STATUS_TEXT[u.status]}>{t(`dreq.unitStatus.${u.status}`)}</Badge>
                    {u.answeredAt && <Text size="xs" c="dimmed">{formatDateTime(u.answeredAt, lang)} · {u.answeredBy} · {u.onTime ? t('dreq.onTime') : t('dreq.lateAnswer')}</Text>}
                  </Table.Td>
                  <Table.Td ta="right">
                    {r.can.manage && r.status === 'sent' && u.status !== 'answered' && (
                      <Button size="xs" variant="subtle" aria-label={`${t('dreq.remind')} ${u.name}`} loading={busy === u.unitId} onClick={() => void act(u.unitId, () => dataRequests.remind(r.requestId, [u.unitId]), () => t('dreq.reminded', { count: 1 }))}>{t('dreq.remind')}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {r.can.consolidate && r.status !== 'draft' && <ConsolidatedPanel requestId={r.requestId} />}
    </Stack>
  )
}

function ConsolidatedPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation()
  const lang = useLang()
  const table = useData((s) => dataRequests.consolidated(requestId, s), [requestId])
  const [chartCode, setChartCode] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format)
    try { const f = await dataRequests.exportFile(requestId, format); window.open(f.url, '_blank', 'noopener') } catch (e) { notify.error(errorMessage(e)) } finally { setBusy(null) }
  }
  if (table.loading) return <Loading />
  if (table.error || !table.data) return <ErrorAlert error={table.error} onRetry={table.reload} />
  const c: ConsolidatedView = table.data
  const numeric = c.indicators.filter((i) => i.type !== 'text')
  const shown = numeric.find((i) => i.code === chartCode) ?? numeric[0]
  const totals = new Map(c.totals.map((x) => [x.code, x]))
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600} component="h2" size="lg">{t('dreq.consolidated')}</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" loading={busy === 'xlsx'} leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void download('xlsx')}>{t('dreq.exportXlsx')}</Button>
          <Button size="xs" variant="light" loading={busy === 'pdf'} leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void download('pdf')}>{t('dreq.exportPdf')}</Button>
        </Group>
      </Group>
      <Text size="sm" mb="xs">{t('dreq.counts', c.counts)}</Text>
      <Table.ScrollContainer minWidth={Math.max(340, 160 + c.indicators.length * 110)}>
        <Table striped withTableBorder data-testid="consolidated">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dreq.unitCol')}</Table.Th>
              {c.indicators.map((i) => <Table.Th key={i.code}>{i.code}. {i.name}{i.unit ? ` (${i.unit})` : ''}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.rows.map((row) => (
              <Table.Tr key={row.unitId}>
                <Table.Td>{row.unitName} {row.status !== 'answered' && <Badge size="xs" variant="light" color={STATUS_COLOR[row.status]} c={STATUS_TEXT[row.status]}>{t(`dreq.unitStatus.${row.status}`)}</Badge>}</Table.Td>
                {c.indicators.map((i) => <Table.Td key={i.code} ta={i.type === 'text' ? undefined : 'right'}>{figure(row.values[i.code], lang)}</Table.Td>)}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('dreq.total')}</Table.Td>
              {c.indicators.map((i) => { const x = totals.get(i.code); return <Table.Td key={i.code} ta="right">{x ? `${figure(x.value, lang)}${x.kind === 'average' ? ` (${t('dreq.average')})` : ''}` : ''}</Table.Td> })}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown && (
        <Stack gap="xs" mt="md">
          <Select w={{ base: '100%', sm: 360 }} label={t('dreq.chartOf')} value={shown.code} allowDeselect={false} data={numeric.map((i) => ({ value: i.code, label: `${i.code}. ${i.name}` }))} onChange={setChartCode} />
          <BarChart
            h={Math.max(160, c.rows.length * 26)} data={c.rows.filter((row) => typeof row.values[shown.code] === 'number').map((row) => ({ name: row.unitName, value: row.values[shown.code] as number }))}
            dataKey="name" orientation="vertical" series={[{ name: 'value', label: shown.name, color: 'blue.6' }]} unit={shown.unit ? ` ${shown.unit}` : ''} yAxisProps={{ width: 150 }}
            barChartProps={{ accessibilityLayer: false }} aria-hidden
          />
        </Stack>
      )}
    </Paper>
  )
}
