/**
 * Work programmes (chương trình công tác) of a unit, chosen by name: each
 * programme with its period, whose it is, its state and number of items;
 * for those who manage the unit's programmes, a form drafting a new one
 * (term, year, quarter or month).
 */
import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { PROGRAMME_BODIES, PROGRAMME_KINDS } from '../../../../shared/programmes/contracts'
import { programmes, type NewProgramme, type ProgrammeSummary } from '../../api/programmes'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { UnitPicker } from '../../components/org/UnitPicker'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'

export const STATE_COLOR = { draft: { color: 'gray', text: '#343a40' }, submitted: { color: 'orange', text: '#8a3b00' }, approved: { color: 'green', text: '#1e6b30' } } as const

export function ProgrammeStateBadge({ state, size }: { state: ProgrammeSummary['state']; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation()
  const c = STATE_COLOR[state]
  return <Badge color={c.color} c={c.text} variant="light" size={size} style={{ minWidth: 'max-content' }}>{t(`prog.states.${state}`)}</Badge>
}

export default function ProgrammesPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const [params, setParams] = useSearchParams()
  const unitId = params.get('unit') ?? ws.unitId
  const list = useData(unitId ? (s) => programmes.list(unitId, s) : null, [unitId])

  return (
    <Stack gap="md">
      <PageHeader title={t('prog.title')} />
      <UnitPicker label={t('prog.unit')} value={unitId} onChange={(v) => v && setParams({ unit: v })} />
      {list.loading && !list.data && <Loading />}
      {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && unitId && <>
        {list.data.manage && <NewProgrammeForm unitId={unitId} />}
        <ProgrammeTable items={list.data.programmes} />
      </>}
    </Stack>
  )
}

function ProgrammeTable({ items }: { items: ProgrammeSummary[] }) {
  const { t } = useTranslation()
  if (!items.length) return <Text c="dimmed">{t('prog.none')}</Text>
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr><Table.Th>{t('prog.name')}</Table.Th><Table.Th>{t('prog.period')}</Table.Th><Table.Th>{t('prog.body.label')}</Table.Th><Table.Th>{t('prog.items')}</Table.Th><Table.Th>{t('prog.state')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.programmeId} data-programme={p.title}>
              <Table.Td><Anchor component={Link} to={`/programmes/${p.programmeId}`}>{p.title}</Anchor></Table.Td>
              <Table.Td>{p.periodName}</Table.Td>
              <Table.Td>{t(`prog.body.${p.body}`)}</Table.Td>
              <Table.Td>{p.items}</Table.Td>
              <Table.Td><ProgrammeStateBadge state={p.state} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function NewProgrammeForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const today = vietnamDate()
  const [body, setBody] = useState<NewProgramme['body']>('standing')
  const [kind, setKind] = useState<NewProgramme['kind']>('quarter')
  const [year, setYear] = useState(Number(today.slice(0, 4)))
  const [quarter, setQuarter] = useState(String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1))
  const [month, setMonth] = useState(String(Number(today.slice(5, 7))))
  const [title, setTitle] = useState('')
  const form = useSubmit(['body', 'kind', 'year', 'quarter', 'month', 'title'])
  const submit = async () => {
    const created = await form.run(() => programmes.create({
      unitId, body, kind, year, title: title.trim(), ...(kind === 'quarter' ? { quarter: Number(quarter) } : {}), ...(kind === 'month' ? { month: Number(month) } : {}),
    }))
    if (created) { notify.ok(t('prog.created', { title: created.title })); navigate(`/programmes/${created.programmeId}`) }
  }
  return (
    <Paper withBorder p="sm" component="form" aria-label={t('prog.new')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <Text fw={600} mb="xs" component="h2">{t('prog.new')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('prog.titleField')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} style={{ flex: '1 1 18rem' }} />
        <Select label={t('prog.body.label')} data={PROGRAMME_BODIES.map((b) => ({ value: b, label: t(`prog.body.${b}`) }))} value={body} onChange={(v) => v && setBody(v as NewProgramme['body'])} allowDeselect={false} w={180} />
        <Select label={t('prog.kind.label')} data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`prog.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as NewProgramme['kind'])} allowDeselect={false} w={150} />
        <NumberInput label={t('prog.year')} min={2000} max={2100} value={year} onChange={(n) => setYear(Number(n) || year)} error={form.errors.year} w={110} />
        {kind === 'quarter' && <Select label={t('prog.quarter')} data={['1', '2', '3', '4']} value={quarter} onChange={(v) => v && setQuarter(v)} allowDeselect={false} error={form.errors.quarter} w={90} />}
        {kind === 'month' && <Select label={t('prog.month')} data={Array.from({ length: 12 }, (_, i) => String(i + 1))} value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} error={form.errors.month} w={90} />}
        <Button type="submit" loading={form.busy} leftSection={<IconPlus size={18} aria-hidden />}>{t('prog.create')}</Button>
      </Group>
      {form.error && <Text c="red" mt="xs" role="alert">{form.error}</Text>}
    </Paper>
  )
}
