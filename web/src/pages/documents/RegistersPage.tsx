/**
 * The registers (sổ văn bản): incoming (by arrival number) and outgoing (by
 * number and symbol), per unit and year, in the columns of the paper
 * register; exported as CSV or XLSX with every row, not only the page shown.
 */
import { Anchor, Button, Group, Paper, Select, Stack, Table, Tabs, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import type { DocumentSummary } from '../../../../shared/documents/contracts'
import { endpoints } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { ConfidentialityBadge, DocumentList, OverdueBadge, Pager, StatusBadge, UrgencyBadge, documentPath } from '../../components/documents/DocumentBits'
import { toCsv, downloadText } from '../../lib/csv'
import { formatDate } from '../../lib/dates'
import { confidentialityLabel, typeLabel, urgencyLabel } from '../../lib/documents'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { XLSX_TYPE, downloadBytes, toXlsx } from '../../lib/xlsx'

type Kind = 'incoming-register' | 'outgoing-register'
const PAGE = 100

export default function RegistersPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const units = useUnits()
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false })
  const [params, setParams] = useSearchParams()
  const kind: Kind = params.get('register') === 'outgoing' ? 'outgoing-register' : 'incoming-register'
  const thisYear = new Date().getFullYear()
  const year = Number(params.get('year')) || thisYear
  const unitId = params.has('unitId') ? params.get('unitId') || undefined : ws.unitId ?? undefined
  const page = Math.max(1, Number(params.get('page')) || 1)
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null)
  const [exportError, setExportError] = useState<unknown>(null)

  const set = (patch: Record<string, string | undefined>) => setParams((p) => {
    const n = new URLSearchParams(p)
    for (const [k, v] of Object.entries(patch)) { if (v !== undefined) n.set(k, v); else n.delete(k) }
    return n
  }, { replace: true })

  const list = useData((signal) => endpoints.documents.list({ box: kind, unitId, year, limit: PAGE, offset: (page - 1) * PAGE }, signal), [kind, unitId, year, page])
  const items = list.data?.items ?? []
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i))
  const registerName = kind === 'incoming-register' ? t('docs.registers.incoming') : t('docs.registers.outgoing')
  const unitName = unitId ? units.name(unitId) : t('docs.filters.allUnits')
  const tableLabel = t('docs.registers.tableLabel', { register: registerName, year, unit: unitName })

  const columns = kind === 'incoming-register'
    ? [t('docs.registers.arrivalNo'), t('docs.form.receivedDate'), t('docs.symbol'), t('docs.form.documentDate'), t('docs.issuer'), t('docs.type'), t('docs.summary'), t('docs.form.confidentiality'), t('docs.form.urgency'), t('docs.deadline'), t('docs.status'), t('docs.registers.unit')]
    : [t('docs.symbol'), t('docs.issuedDate'), t('docs.type'), t('docs.summary'), t('docs.form.urgency'), t('docs.registers.issuingUnit'), t('docs.status')]
  const row = (d: DocumentSummary): (string | number | undefined)[] => kind === 'incoming-register'
    ? [d.registerNumber, formatDate(d.receivedDate, lang), d.symbol, formatDate(d.documentDate, lang), d.issuer.name, typeLabel(d.type, lang), d.summary,
      confidentialityLabel(d.confidentiality, lang), urgencyLabel(d.urgency, lang), formatDate(d.deadline, lang), t(`docs.statuses.${d.status}`), units.name(d.ownerUnitId)]
    : [d.symbol, formatDate(d.issuedDate ?? d.documentDate, lang), typeLabel(d.type, lang), d.summary, urgencyLabel(d.urgency, lang), units.name(d.ownerUnitId), t(`docs.statuses.${d.status}`)]

  /** Every row of the register, page by page (the API gives at most 200 at a time). */
  const all = async (): Promise<DocumentSummary[]> => {
    const out: DocumentSummary[] = []
    for (let offset = 0; ; offset += 200) {
      const r = await endpoints.documents.list({ box: kind, unitId, year, limit: 200, offset })
      out.push(...r.items)
      if (r.items.length < 200 || out.length >= r.total) return out
    }
  }
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format)
    setExportError(null)
    try {
      const rows = [columns, ...(await all()).map(row)]
      const name = `${kind === 'incoming-register' ? 'so-van-ban-den' : 'so-van-ban-di'}-${unitId ?? 'tat-ca'}-${year}`
      if (format === 'csv') downloadText(`${name}.csv`, toCsv(rows))
      else downloadBytes(`${name}.xlsx`, toXlsx(registerName, rows, columns.map((c, i) => (c === t('docs.summary') ? 60 : i === 0 ? 14 : 18))), XLSX_TYPE)
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(null)
    }
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('docs.registers.title')}>
        <Button variant="default" leftSection={<IconFileTypeCsv size={18} aria-hidden />} loading={exporting === 'csv'} disabled={!!exporting || !list.data?.total}
          onClick={() => void exportAs('csv')}>{t('docs.registers.exportCsv')}</Button>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} loading={exporting === 'xlsx'} disabled={!!exporting || !list.data?.total}
          onClick={() => void exportAs('xlsx')}>{t('docs.registers.exportXlsx')}</Button>
      </PageHeader>
      <ErrorAlert error={exportError} />

      <Tabs value={kind} onChange={(v) => set({ register: v === 'outgoing-register' ? 'outgoing' : undefined, page: undefined })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="incoming-register">{t('docs.registers.incoming')}</Tabs.Tab>
          <Tabs.Tab value="outgoing-register">{t('docs.registers.outgoing')}</Tabs.Tab>
        </Tabs.List>
        {/* One panel per tab (each tab controls its panel); the register shown is the active one. */}
        {(['incoming-register', 'outgoing-register'] as const).map((v) => (
          <Tabs.Panel key={v} value={v} pt="md">
            {v === kind && (
              <Stack gap="md">
                <Paper withBorder p="sm" component="form" role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
                  <Group align="flex-end" gap="md" wrap="wrap">
                    <Select label={t('docs.filters.unit')} placeholder={t('docs.filters.allUnits')} clearable searchable filter={foldFilter}
                      data={units.options.map((o) => ({ value: o.value, label: o.label }))} value={unitId ?? null}
                      onChange={(v) => set({ unitId: v ?? '', page: undefined })} w={{ base: '100%', sm: 380 }} />
                    <Select label={t('docs.filters.year')} data={years} value={String(year)} allowDeselect={false} onChange={(v) => set({ year: v ?? undefined, page: undefined })} w={120} />
                  </Group>
                </Paper>

                <Text size="sm" role="status" aria-live="polite">{list.data && t('docs.count', { count: list.data.total })}</Text>
                <ErrorAlert error={list.error} onRetry={list.reload} />
                {list.loading && !list.data ? <Loading /> : list.data && (items.length === 0 ? <Text c="dimmed">{t('docs.registers.empty')}</Text> : phone ? (
                  <DocumentList items={items} variant={kind === 'incoming-register' ? 'incoming' : 'outgoing'} label={tableLabel} empty="" />
                ) : (
                  <Table.ScrollContainer minWidth={960}>
                    <Table striped highlightOnHover verticalSpacing="xs" aria-label={tableLabel} fz="sm">
                      <Table.Thead>
                        {kind === 'incoming-register' ? (
                          <Table.Tr>
                            <Table.Th scope="col" w={64}>{t('docs.registers.arrivalNo')}</Table.Th>
                            <Table.Th scope="col" w={104}>{t('docs.form.receivedDate')}</Table.Th>
                            <Table.Th scope="col" w={150}>{t('docs.registers.symbolDate')}</Table.Th>
                            <Table.Th scope="col" w={170}>{t('docs.issuer')}</Table.Th>
                            <Table.Th scope="col">{t('docs.registers.typeSummary')}</Table.Th>
                            <Table.Th scope="col" w={110}>{t('docs.deadline')}</Table.Th>
                            <Table.Th scope="col" w={150}>{t('docs.status')}</Table.Th>
                            {!unitId && <Table.Th scope="col" w={160}>{t('docs.registers.unit')}</Table.Th>}
                          </Table.Tr>
                        ) : (
                          <Table.Tr>
                            <Table.Th scope="col" w={150}>{t('docs.symbol')}</Table.Th>
                            <Table.Th scope="col" w={110}>{t('docs.issuedDate')}</Table.Th>
                            <Table.Th scope="col">{t('docs.registers.typeSummary')}</Table.Th>
                            <Table.Th scope="col" w={130}>{t('docs.status')}</Table.Th>
                            {!unitId && <Table.Th scope="col" w={180}>{t('docs.registers.issuingUnit')}</Table.Th>}
                          </Table.Tr>
                        )}
                      </Table.Thead>
                      <Table.Tbody>
                        {items.map((d) => {
                          const summaryCell = (
                            <Table.Td>
                              <Text size="xs" c="dimmed">{typeLabel(d.type, lang)}</Text>
                              <Anchor component={Link} to={documentPath(d.documentId)} size="sm">{d.summary}</Anchor>
                              <Group gap={4} mt={2}><UrgencyBadge urgency={d.urgency} size="xs" /><ConfidentialityBadge confidentiality={d.confidentiality} size="xs" /></Group>
                            </Table.Td>
                          )
                          return kind === 'incoming-register' ? (
                            <Table.Tr key={d.documentId} className={d.overdue ? 'doc-row-overdue' : undefined}>
                              <Table.Th scope="row">{d.registerNumber}</Table.Th>
                              <Table.Td>{formatDate(d.receivedDate, lang)}</Table.Td>
                              <Table.Td><span className="nowrap">{d.symbol}</span><Text size="xs" c="dimmed">{formatDate(d.documentDate, lang)}</Text></Table.Td>
                              <Table.Td>{d.issuer.name}</Table.Td>
                              {summaryCell}
                              <Table.Td>{formatDate(d.deadline, lang)}{d.overdue && <OverdueBadge size="xs" />}</Table.Td>
                              <Table.Td><StatusBadge status={d.status} size="sm" /></Table.Td>
                              {!unitId && <Table.Td>{units.name(d.ownerUnitId)}</Table.Td>}
                            </Table.Tr>
                          ) : (
                            <Table.Tr key={d.documentId}>
                              <Table.Th scope="row" className="nowrap">{d.symbol}</Table.Th>
                              <Table.Td>{formatDate(d.issuedDate ?? d.documentDate, lang)}</Table.Td>
                              {summaryCell}
                              <Table.Td><StatusBadge status={d.status} size="sm" /></Table.Td>
                              {!unitId && <Table.Td>{units.name(d.ownerUnitId)}</Table.Td>}
                            </Table.Tr>
                          )
                        })}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ))}
                {list.data && <Pager total={list.data.total} pageSize={PAGE} page={page} onChange={(p) => set({ page: p > 1 ? String(p) : undefined })} />}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}
