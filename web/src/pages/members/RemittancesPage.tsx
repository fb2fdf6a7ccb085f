/**
 * A cell's Party fee remittances month by month: what was collected, how it
 * was split between the levels (share table, configurable), and the
 * reconciliation per member (due, paid, owed), exported as XLSX.
 */
import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { membersApi, type RemittanceFull } from '../../api/members'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useUnits } from '../../lib/units'
import { XLSX_TYPE, downloadBytes, toXlsx } from '../../lib/xlsx'
import { money, monthLabel } from './TransferBits'
import { useCellChoice } from './useCellChoice'

export default function RemittancesPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const { cells, current, setCellId } = useCellChoice({ includeEnded: true })
  const list = useData(current ? (signal) => membersApi.remittances(current, signal) : null, [current])
  const [month, setMonth] = useState<string | null>(null)
  const items = list.data?.remittances ?? []
  const selected = items.find((r) => r.month === month) ?? items[0]

  const [pdfBusy, setPdfBusy] = useState(false)
  const [pdfError, setPdfError] = useState<unknown>(null)
  const exportPdf = async (r: RemittanceFull) => {
    setPdfBusy(true); setPdfError(null)
    try { window.open((await membersApi.remittancePdf(r.cellId, r.month)).report.url, '_blank', 'noopener') } catch (e) { setPdfError(e) } finally { setPdfBusy(false) }
  }
  const exportXlsx = (r: RemittanceFull) => {
    const rows: (string | number)[][] = [
      [t('members.remittances.cell'), units.name(r.cellId), '', ''],
      [t('members.month'), monthLabel(r.month), '', ''],
      [t('members.remittances.rule'), r.ruleTable, '', ''],
      [t('members.remittances.remittedAt'), `${formatDateTime(r.remittedAt, lang)} · ${r.remittedBy.fullName}`, '', ''],
      ['', '', '', ''],
      [t('members.remittances.level'), t('members.remittances.unit'), t('members.remittances.percent'), t('members.remittances.amount')],
      ...r.allocations.map((a) => [t(`members.remittances.levels.${a.level}`, { defaultValue: a.level }), units.name(a.unitId), a.percent, a.amount]),
      [t('members.remittances.collected'), '', '', r.collected],
      ['', '', '', ''],
      [t('members.fullName'), t('members.due'), t('members.paid'), t('members.owed')],
      ...r.report.map((x) => [x.fullName, x.due, x.paid, x.owed]),
      [t('members.remittances.totals', { count: r.totals.members }), r.totals.due, r.totals.paid, r.totals.owed],
    ]
    downloadBytes(`doi-soat-dang-phi-${r.cellId}-${r.month}.xlsx`, toXlsx(`${t('members.remittances.sheet')} ${r.month}`, rows, [34, 40, 14, 16]), XLSX_TYPE)
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('members.remittances.title')} />
      <Text size="sm" c="dimmed">{t('members.remittances.sharesNote')}</Text>
      <Select label={t('members.chooseCell')} searchable data={cells.map((c) => ({ value: c.value, label: c.label }))} value={current} onChange={(v) => { setCellId(v); setMonth(null) }} maw={520} />
      {list.loading && !list.data ? <Loading /> : list.error !== undefined ? <ErrorAlert error={list.error} onRetry={list.reload} /> : items.length === 0 ? <Text c="dimmed">{t('members.remittances.empty')}</Text> : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('members.remittances.history')}>
              <Table.Thead><Table.Tr>
                <Table.Th scope="col">{t('members.month')}</Table.Th><Table.Th scope="col" ta="right">{t('members.due')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('members.remittances.collected')}</Table.Th><Table.Th scope="col" ta="right">{t('members.owed')}</Table.Th>
                <Table.Th scope="col">{t('members.remittances.remittedAt')}</Table.Th>
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.month} aria-selected={r.month === selected?.month}>
                    <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => setMonth(r.month)} aria-label={t('members.remittances.show', { month: monthLabel(r.month) })}>{monthLabel(r.month)}</Button></Table.Td>
                    <Table.Td ta="right">{money(r.totals.due, lang)}</Table.Td><Table.Td ta="right">{money(r.collected, lang)}</Table.Td>
                    <Table.Td ta="right">{money(r.totals.owed, lang)}</Table.Td><Table.Td>{formatDateTime(r.remittedAt, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {selected && (
            <Paper withBorder p="md" component="section" aria-labelledby="remit-detail">
              <Group justify="space-between" mb="sm">
                <Title order={2} fz="h4" id="remit-detail">{t('members.remittances.detail', { month: monthLabel(selected.month) })}</Title>
                <Group gap="xs">
                  <Button variant="light" size="xs" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => exportXlsx(selected)}>{t('members.remittances.export')}</Button>
                  <Button variant="default" size="xs" leftSection={<IconDownload size={16} aria-hidden />} loading={pdfBusy} onClick={() => void exportPdf(selected)}>{t('members.remittances.exportPdf')}</Button>
                </Group>
              </Group>
              <ErrorAlert error={pdfError} />
              <Text size="sm" mb="xs">{t('members.remittances.rule')}: {selected.ruleTable} · {selected.remittedBy.fullName}</Text>
              <Table verticalSpacing={4} mb="md" aria-label={t('members.remittances.split')}>
                <Table.Thead><Table.Tr><Table.Th scope="col">{t('members.remittances.level')}</Table.Th><Table.Th scope="col">{t('members.remittances.unit')}</Table.Th><Table.Th scope="col" ta="right">{t('members.remittances.percent')}</Table.Th><Table.Th scope="col" ta="right">{t('members.remittances.amount')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{selected.allocations.map((a) => <Table.Tr key={a.unitId}><Table.Td>{t(`members.remittances.levels.${a.level}`, { defaultValue: a.level })}</Table.Td><Table.Td>{units.name(a.unitId)}</Table.Td><Table.Td ta="right">{a.percent}%</Table.Td><Table.Td ta="right">{money(a.amount, lang)}</Table.Td></Table.Tr>)}</Table.Tbody>
              </Table>
              <Table.ScrollContainer minWidth={520}>
                <Table striped verticalSpacing={4} aria-label={t('members.remittances.reconciliation')}>
                  <Table.Thead><Table.Tr><Table.Th scope="col">{t('members.fullName')}</Table.Th><Table.Th scope="col" ta="right">{t('members.due')}</Table.Th><Table.Th scope="col" ta="right">{t('members.paid')}</Table.Th><Table.Th scope="col" ta="right">{t('members.owed')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>{selected.report.map((x) => <Table.Tr key={x.memberId}><Table.Td>{x.fullName}</Table.Td><Table.Td ta="right">{money(x.due, lang)}</Table.Td><Table.Td ta="right">{money(x.paid, lang)}</Table.Td><Table.Td ta="right">{money(x.owed, lang)}</Table.Td></Table.Tr>)}</Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </>
      )}
    </Stack>
  )
}
