/**
 * A unit's KPI dashboard (chỉ tiêu): each KPI against its target (source and
 * deadline shown), the trend by week and month, the ranking of the units
 * below (each a link to its own dashboard), and the items behind a number
 * (the overdue documents themselves, linking to their pages). Every chart has
 * its data table next to it; one column on a phone. Reports: any period on
 * demand (signed PDF, XLSX), and the stored ones (the link in a leader's mail).
 * The charts are hidden from assistive technology and out of the tab order
 * (recharts' keyboard layer off): their tables carry the same figures.
 */
import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { BarChart, LineChart } from '@mantine/charts'
import { useMediaQuery } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { dashboards, type DashboardKpi, type StoredReport } from '../../api/dashboards'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { formatDate, addDays, todayLocal } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { KPIS, type KpiId } from '../../../../shared/dashboards/targets'
import { DateField } from '../../components/DateFields'

const STATUS_COLOUR: Record<DashboardKpi['status'], string> = { met: 'green', behind: 'yellow', late: 'red', noData: 'gray', notMeasured: 'gray' }
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`)
/** A name cut to one line of a chart's axis, with an ellipsis. */
const shorten = (name: string, max: number) => (name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`)
const shown = (k: { kind: string }, v: number | null) => (k.kind === 'count' ? (v ?? '—').toString() : pct(v))

export default function DashboardPage() {
  const lang = useLang()
  const { t } = useTranslation()
  const ws = useWorkspace()
  const params = useParams()
  const [search] = useSearchParams()
  const unitId = params.unitId ?? ws.unitId ?? ''
  const data = useData((s) => dashboards.get(unitId, s), [unitId])
  const [drill, setDrill] = useState<KpiId | null>(null)
  const [rankKpi, setRankKpi] = useState<KpiId>('documents.digital')
  const [by, setBy] = useState<'weeks' | 'months'>('weeks')
  const phone = useMediaQuery('(max-width: 48em)')
  // Only the first load replaces the page: a reload after a report keeps the report's links on screen.
  if (data.loading && data.data?.unit.unitId !== unitId) return <Loading />
  if (data.error && !data.data) return <ErrorAlert error={data.error} onRetry={data.reload} />
  const d = data.data!
  const measured = d.kpis.filter((k) => k.measured && k.kind === 'share')
  // Series keys without the KPI id's dot: recharts reads a dotted key as a path, and the legend named the wrong lines.
  const seriesKey = (kpi: string) => kpi.replace(/\./g, '_')
  const points = d.trend[by].map((p) => ({ period: formatDate(p.period, lang), ...Object.fromEntries(measured.map((k) => [seriesKey(k.kpi), p.values[k.kpi] === null || p.values[k.kpi] === undefined ? null : Math.round(p.values[k.kpi]! * 1000) / 10])) }))
  const colours = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'red.6']
  const series = measured.map((k, i) => ({ name: seriesKey(k.kpi), label: k.name[lang], color: colours[i % colours.length] }))
  const ranking = d.ranking[rankKpi] ?? []
  const rankDef = d.kpis.find((k) => k.kpi === rankKpi)!
  return (
    <Stack gap="md">
      <PageHeader title={t('dash.title', { unit: d.unit.name })} />
      {d.path.length > 0 && (
        <Breadcrumbs separator="›">{d.path.map((p) => <Anchor key={p.unitId} component={Link} to={`/dashboards/${p.unitId}`}>{p.name}</Anchor>)}<Text>{d.unit.name}</Text></Breadcrumbs>
      )}
      <Text c="dimmed">{d.snapshotDate ? t('dash.figuresOf', { date: formatDate(d.snapshotDate, lang) }) : t('dash.noFigures')}</Text>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {d.kpis.map((k) => (
          <Card key={k.kpi} withBorder padding="md" component="section" aria-label={k.name[lang]}>
            <Text fw={600}>{k.name[lang]}</Text>
            <Group justify="space-between" mt="xs" wrap="nowrap">
              <Text size="xl" fw={700}>{shown(k, k.value)}</Text>
              <Badge color={STATUS_COLOUR[k.status]} variant="light" style={{ whiteSpace: 'normal', height: 'auto' }}>{t(`dash.status.${k.status}`)}</Badge>
            </Group>
            {k.kind === 'share' && k.measured && <Text size="sm">{`${k.part}/${k.whole}`}</Text>}
            {k.target && (
              <Text size="sm" c="dimmed">
                {t('dash.target')}: {k.kind === 'count' ? `≤ ${k.target.threshold}` : `≥ ${pct(k.target.threshold)}`} · {t('dash.by')} {formatDate(k.target.deadline, lang)} · {k.target.source}{k.target.verified ? '' : t('dash.configured')}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>{k.measure[lang]}</Text>
            {k.drillable && k.measured && (k.kind === 'count' ? k.part > 0 : k.part < k.whole) && (
              <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setDrill(k.kpi)} aria-expanded={drill === k.kpi}>{t('dash.showItems')}</Button>
            )}
          </Card>
        ))}
      </SimpleGrid>

      {drill && <DrillList unitId={d.unit.unitId} kpi={drill} title={d.kpis.find((k) => k.kpi === drill)!.name[lang]} onClose={() => setDrill(null)} />}

      <Paper withBorder p="md" component="section" aria-labelledby="trend-title">
        <Group justify="space-between">
          <Title order={2} size="h4" id="trend-title">{t('dash.trend')}</Title>
          <SegmentedControl value={by} onChange={(v) => setBy(v as 'weeks' | 'months')} data={[{ value: 'weeks', label: t('dash.byWeek') }, { value: 'months', label: t('dash.byMonth') }]} />
        </Group>
        {points.length > 0 && <LineChart h={260} mt="md" data={points} dataKey="period" series={series} unit="%" yAxisProps={{ domain: [0, 100] }} withLegend legendProps={{ verticalAlign: 'bottom' }} lineChartProps={{ accessibilityLayer: false }} aria-hidden />}
        <Table.ScrollContainer minWidth={500} mt="md">
          <Table striped>
            <Table.Caption>{t('dash.trendCaption')}</Table.Caption>
            <Table.Thead><Table.Tr><Table.Th>{by === 'weeks' ? t('dash.weekOf') : t('dash.month')}</Table.Th>{measured.map((k) => <Table.Th key={k.kpi}>{k.name[lang]}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>{d.trend[by].map((p) => <Table.Tr key={p.period}><Table.Td>{by === 'weeks' ? formatDate(p.period, lang) : `${p.period.slice(5, 7)}/${p.period.slice(0, 4)}`}</Table.Td>{measured.map((k) => <Table.Td key={k.kpi}>{pct(p.values[k.kpi])}</Table.Td>)}</Table.Tr>)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="rank-title">
        <Title order={2} size="h4" id="rank-title">{t('dash.ranking')}</Title>
        <SegmentedControl mt="sm" fullWidth orientation={undefined} value={rankKpi} onChange={(v) => setRankKpi(v as KpiId)}
          data={KPIS.filter((k) => k.measured).map((k) => ({ value: k.id, label: k.name[lang] }))} style={{ flexWrap: 'wrap' }} />
        {ranking.length === 0 ? <Text c="dimmed" mt="sm">{t('dash.noUnitsBelow')}</Text> : (
          <>
            {rankDef.kind === 'share' && <BarChart h={Math.max(160, Math.min(20, ranking.length) * 36 + 40)} mt="md" data={ranking.slice(0, 20).map((r) => ({ name: r.name, value: r.value === null ? 0 : Math.round(r.value * 1000) / 10 }))} dataKey="name" orientation="vertical" series={[{ name: 'value', label: rankDef.name[lang], color: 'blue.6' }]} unit="%"
              // One line per unit, shortened (the table below names each in full): wrapped names overlapped their neighbours.
              yAxisProps={{ width: phone ? 120 : 250, interval: 0, unit: '', tickFormatter: (name: string) => shorten(name, phone ? 12 : 26) }} xAxisProps={{ domain: [0, 100], unit: '%' }} barChartProps={{ accessibilityLayer: false }} aria-hidden />}
            <Table.ScrollContainer minWidth={320} mt="md">
              <Table striped>
                <Table.Caption>{t('dash.rankingCaption')}</Table.Caption>
                <Table.Thead><Table.Tr><Table.Th>{t('dash.rank')}</Table.Th><Table.Th>{t('dash.unit')}</Table.Th><Table.Th>{t('dash.result')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{ranking.map((r) => (
                  <Table.Tr key={r.unitId}><Table.Td>{r.rank ?? '—'}</Table.Td><Table.Td><Anchor component={Link} to={`/dashboards/${r.unitId}`}>{r.name}</Anchor></Table.Td><Table.Td>{shown(rankDef, r.value)}{rankDef.kind === 'share' ? ` (${r.part}/${r.whole})` : ''}</Table.Td></Table.Tr>
                ))}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Paper>

      <Reports unitId={d.unit.unitId} stored={d.reports} open={search.get('report')} onMade={data.reload} />
    </Stack>
  )
}

function DrillList({ unitId, kpi, title, onClose }: { unitId: string; kpi: KpiId; title: string; onClose: () => void }) {
  const lang = useLang()
  const { t } = useTranslation()
  const list = useData((s) => dashboards.items(unitId, kpi, s), [unitId, kpi])
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="drill-title">
      <Group justify="space-between"><Title order={2} size="h4" id="drill-title">{title}</Title><Button variant="subtle" onClick={onClose}>{t('dash.close')}</Button></Group>
      {list.loading && <Loading />}
      {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && (
        <Stack gap={6} mt="sm" component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {list.data.items.map((i, n) => (
            <li key={n}>
              {i.href ? <Anchor component={Link} to={i.href}>{i.title}</Anchor> : <Text span>{i.title}</Text>}
              <Text size="sm" c="dimmed">{i.subtitle}{i.date ? ` · ${t('dash.due')} ${formatDate(i.date, lang)}` : ''}{i.overdue ? <Text span c="red" fw={600}>{` · ${t('dash.overdue')}`}</Text> : null}</Text>
            </li>
          ))}
          {list.data.total > list.data.items.length && <Text size="sm">{t('dash.more', { count: list.data.total - list.data.items.length })}</Text>}
        </Stack>
      )}
    </Paper>
  )
}

function Reports({ unitId, stored, open, onMade }: { unitId: string; stored: { reportId: string; registerNumber: string; kind: string; from: string; to: string }[]; open: string | null; onMade: () => void }) {
  const lang = useLang()
  const { t } = useTranslation()
  const today = todayLocal()
  const [from, setFrom] = useState(addDays(today, -30))
  const [to, setTo] = useState(today)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [made, setMade] = useState<StoredReport | null>(null)
  const navigate = useNavigate()
  useEffect(() => { if (open) dashboards.stored(open).then((r) => setMade(r.report), (e) => setError(errorMessage(e))) }, [open, lang])
  const make = async () => {
    setBusy(true); setError(null)
    try { setMade((await dashboards.report({ unitId, from, to })).report); onMade() } catch (e) { setError(errorMessage(e)) } finally { setBusy(false) }
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reports-title">
      <Title order={2} size="h4" id="reports-title">{t('dash.reports')}</Title>
      <Group align="end" mt="sm" wrap="wrap">
        <DateField label={t('dash.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <DateField label={t('dash.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button onClick={make} loading={busy}>{t('dash.make')}</Button>
      </Group>
      {error && <Text c="red" mt="xs" role="alert">{error}</Text>}
      {made && (
        <Group mt="sm" role="status">
          <Text>{t('dash.reportNo')} {made.registerNumber}:</Text>
          <Anchor href={made.pdf.url} target="_blank" rel="noreferrer">PDF {t('dash.signed')}</Anchor>
          <Anchor href={made.xlsx.url}>XLSX</Anchor>
        </Group>
      )}
      {stored.length > 0 && (
        <Stack gap={4} mt="md" component="ul" style={{ paddingLeft: 16 }}>
          {stored.map((r) => (
            <li key={r.reportId}><Anchor component="button" type="button" onClick={() => navigate(`/dashboards/${unitId}?report=${encodeURIComponent(r.reportId)}`)}>{`${r.registerNumber} · ${formatDate(r.from, lang)} – ${formatDate(r.to, lang)}`}</Anchor></li>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
