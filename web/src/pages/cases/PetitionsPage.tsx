/**
 * Voters' petitions (kiến nghị cử tri) of the office that follows them: the
 * list with its search and state, the answer deadline (overdue in red), the
 * form recording a petition from a meeting with voters (the responsible
 * agency chosen by name among units that exist today), and the resolutions
 * after council sessions with their status from their tasks.
 */
import { Anchor, Badge, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { PETITION_STATES } from '../../../../shared/cases/contracts'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { cases, petitions } from '../../api/cases'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormModal } from '../../components/FormModal'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { DateField } from '../../components/DateFields'

export default function PetitionsPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const [params, setParams] = useSearchParams()
  const mine = useData((s) => cases.mine(s), [])
  const offices = mine.data?.offices ?? []
  const officeUnitId = params.get('office') ?? offices[0]?.unitId ?? ''
  const state = params.get('state') ?? ''
  const [q, setQ] = useState('')
  const list = useData((s) => (officeUnitId ? petitions.list(officeUnitId, { ...(state ? { state } : {}), ...(params.get('q') ? { q: params.get('q')! } : {}) }, s) : Promise.resolve({ petitions: [] })), [officeUnitId, state, params.get('q')])
  const res = useData((s) => (officeUnitId ? petitions.resolutions(officeUnitId, s) : Promise.resolve({ resolutions: [] })), [officeUnitId])
  const [open, setOpen] = useState<'petition' | 'resolution' | null>(null)
  const set = (k: string, v: string) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p) }
  if (mine.loading) return <Loading />
  if (mine.error) return <ErrorAlert error={mine.error} onRetry={mine.reload} />
  const manage = offices.find((o) => o.unitId === officeUnitId)?.manage
  return (
    <Stack gap="md">
      <PageHeader title={t('cases.petitions')}>
        {manage && <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setOpen('petition')}>{t('cases.p.newPetition')}</Button>}
        {manage && <Button variant="default" onClick={() => setOpen('resolution')}>{t('cases.r.newResolution')}</Button>}
      </PageHeader>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {offices.length > 1 && <Select label={t('cases.office')} data={offices.map((o) => ({ value: o.unitId, label: o.name }))} value={officeUnitId} onChange={(v) => set('office', v ?? '')} allowDeselect={false} searchable />}
        <form onSubmit={(e) => { e.preventDefault(); set('q', q.trim()) }} style={{ flex: 1, minWidth: 200 }}>
          <TextInput label={t('cases.p.topic')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        </form>
        <Select label={t('cases.state')} w={220} data={[{ value: '', label: t('cases.all') }, ...PETITION_STATES.map((s) => ({ value: s, label: t(`cases.p.states.${s}`) }))]} value={state} onChange={(v) => set('state', v ?? '')} />
      </Group>
      {list.loading && <Loading />}
      {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && !list.data.petitions.length && <Text c="dimmed">{t('cases.p.none')}</Text>}
      <Stack gap="xs">
        {list.data?.petitions.map((p) => (
          <Card key={p.petitionId} withBorder padding="sm">
            <Anchor component={Link} to={`/petitions/${p.petitionId}`} fw={600}>{p.topic} — {p.area}</Anchor>
            <Text size="sm" lineClamp={2}>{p.text}</Text>
            <Group gap="xs" mt={4} wrap="wrap">
              <Badge variant="light">{t(`cases.p.states.${p.state}`)}</Badge>
              {p.result && <Badge variant="outline" color="teal.9">{t(`cases.p.results.${p.result}`)}</Badge>}
              <Text size="sm">{p.agencyName}</Text>
              {p.answerDue && <Text size="sm" c={p.overdue ? 'red.9' : undefined}>{t('cases.p.answerDue')}: {formatDate(p.answerDue, lang)}</Text>}
            </Group>
          </Card>
        ))}
      </Stack>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('cases.resolutions')}</Text>
        {res.data && !res.data.resolutions.length && <Text c="dimmed" size="sm">{t('cases.r.none')}</Text>}
        <Stack gap={4}>
          {res.data?.resolutions.map((r) => (
            <Group key={r.resolutionId} gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/resolutions/${r.resolutionId}`}>{r.number} — {r.title}</Anchor>
              <Badge variant="light" color={r.status === 'overdue' ? 'red.9' : r.status === 'done' ? 'teal.9' : 'blue'}>{t(`cases.r.statuses.${r.status}`)}</Badge>
              <Text size="xs" c="dimmed">{r.session} · {formatDate(r.adoptedOn, lang)}</Text>
            </Group>
          ))}
        </Stack>
      </Paper>
      {open === 'petition' && <NewPetition officeUnitId={officeUnitId} onClose={() => setOpen(null)} onDone={() => { setOpen(null); list.reload(); notify.ok(t('cases.p.created')) }} />}
      {open === 'resolution' && <NewResolution officeUnitId={officeUnitId} onClose={() => setOpen(null)} onDone={() => { setOpen(null); res.reload() }} />}
    </Stack>
  )
}

function NewPetition({ officeUnitId, onClose, onDone }: { officeUnitId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const units = useUnits()
  const form = useSubmit(['text', 'meeting', 'place', 'meetingOn', 'area', 'topic', 'agencyUnitId'])
  const [v, setV] = useState({ text: '', meeting: '', place: '', meetingOn: vietnamDate(), area: '', topic: '', agencyUnitId: '' })
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [k]: value })) }
  const submit = async () => { if (await form.run(() => petitions.create({ officeUnitId, ...v }))) onDone() }
  const e = form.errors
  return (
    <FormModal opened onClose={onClose} title={t('cases.p.newPetition')} onSubmit={submit} submitLabel={t('cases.save')} busy={form.busy} error={form.error} messages={form.messages}>
      <Textarea label={t('cases.p.text')} required autosize minRows={3} value={v.text} onChange={set('text')} error={e.text} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('cases.p.meeting')} required value={v.meeting} onChange={set('meeting')} error={e.meeting} />
        <TextInput label={t('cases.p.place')} required value={v.place} onChange={set('place')} error={e.place} />
        <DateField label={t('cases.p.meetingOn')} required value={v.meetingOn} onChange={set('meetingOn')} error={e.meetingOn} />
        <TextInput label={t('cases.p.area')} required value={v.area} onChange={set('area')} error={e.area} />
        <TextInput label={t('cases.p.topic')} required value={v.topic} onChange={set('topic')} error={e.topic} />
        <Select label={t('cases.p.agency')} required searchable data={units.activeOptions.map((o) => ({ value: o.value, label: o.label }))} value={v.agencyUnitId || null} onChange={(x) => setV((s) => ({ ...s, agencyUnitId: x ?? '' }))} error={e.agencyUnitId} />
      </SimpleGrid>
    </FormModal>
  )
}

function NewResolution({ officeUnitId, onClose, onDone }: { officeUnitId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const form = useSubmit(['number', 'title', 'session', 'adoptedOn'])
  const [v, setV] = useState({ number: '', title: '', session: '', adoptedOn: vietnamDate() })
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [k]: value })) }
  const submit = async () => { if (await form.run(() => petitions.createResolution({ officeUnitId, ...v }))) onDone() }
  return (
    <FormModal opened onClose={onClose} title={t('cases.r.newResolution')} onSubmit={submit} submitLabel={t('cases.save')} busy={form.busy} error={form.error} messages={form.messages}>
      <TextInput label={t('cases.r.number')} required value={v.number} onChange={set('number')} error={form.errors.number} />
      <TextInput label={t('cases.r.name')} required value={v.title} onChange={set('title')} error={form.errors.title} />
      <TextInput label={t('cases.r.session')} required value={v.session} onChange={set('session')} error={form.errors.session} />
      <DateField label={t('cases.r.adoptedOn')} required value={v.adoptedOn} onChange={set('adoptedOn')} error={form.errors.adoptedOn} />
    </FormModal>
  )
}
