/**
 * The office prepares a meeting: kind, time (Việt Nam's), place and the sites
 * of a conference, chair and secretary, members and invitees chosen by name
 * (people or whole units), and the agenda: each item with its presenter by
 * name, its minutes and its documents — found in the register by search or
 * uploaded through the documents' upload slot (a draft for comments stays a
 * draft). Uploads happen when the form is sent.
 */
import { ActionIcon, Button, Checkbox, FileInput, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconTrash, IconUpload } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MEETING_KINDS, type MeetingKind, type MeetingView, type PartyRef } from '../../../../shared/meetings/contracts'
import { endpoints } from '../../api/endpoints'
import { meetings, type NewMeeting } from '../../api/meetings'
import { useWorkspace } from '../../auth/workspace'
import { meetingPolicy } from '../../../../shared/meetings/policy'
import { notify } from '../notify'
import { uploadDocumentFile } from '../../lib/documents'
import { errorMessage } from '../../lib/error-message'
import { fromVietnamLocal } from './format'
import { PartyPicker, PersonPicker } from './PeoplePickers'
import { DateTimeField } from '../DateFields'

type DocDraft = { key: string; title: string } & ({ documentId: string; symbol?: string } | { file: File; draft: boolean })
interface ItemDraft { key: string; title: string; presenterUserId: string | null; minutes: number | string; documents: DocDraft[] }
let seq = 0
const newKey = () => `k${++seq}`
const newItem = (): ItemDraft => ({ key: newKey(), title: '', presenterUserId: null, minutes: 30, documents: [] })

export function NewMeetingForm({ onCreated }: { onCreated: (m: MeetingView) => void }) {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const bodies = ws.units.filter((u) => u.roles.some((r) => meetingPolicy.grants(r, 'meeting.organise')))
  const [unitId, setUnitId] = useState<string | null>(bodies.some((b) => b.unitId === ws.unitId) ? ws.unitId : (bodies[0]?.unitId ?? null))
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<MeetingKind>('committee')
  const [startsAt, setStartsAt] = useState('')
  const [place, setPlace] = useState('')
  const [sites, setSites] = useState('')
  const [chair, setChair] = useState<string | null>(null)
  const [secretary, setSecretary] = useState<string | null>(null)
  const [members, setMembers] = useState<PartyRef[]>([])
  const [invitees, setInvitees] = useState<PartyRef[]>([])
  const [agenda, setAgenda] = useState<ItemDraft[]>([newItem()])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const setItem = (key: string, change: Partial<ItemDraft>) => setAgenda((a) => a.map((i) => (i.key === key ? { ...i, ...change } : i)))

  const submit = async () => {
    if (!unitId || !chair || !secretary) return
    setBusy(true)
    setError(null)
    try {
      const items: NewMeeting['agenda'] = []
      for (const i of agenda) {
        const documents: NewMeeting['agenda'][number]['documents'] = []
        for (const d of i.documents) {
          if ('documentId' in d) documents.push({ documentId: d.documentId })
          else documents.push({ ...(await uploadDocumentFile(d.file, () => {})), title: d.title.trim() || d.file.name, draft: d.draft })
        }
        items.push({ title: i.title.trim(), ...(i.presenterUserId ? { presenterUserId: i.presenterUserId } : {}), minutes: Number(i.minutes) || 1, documents })
      }
      const m = await meetings.create({
        unitId, title: title.trim(), kind, startsAt: fromVietnamLocal(startsAt), place: place.trim(),
        sites: kind === 'conference' ? sites.split('\n').map((s) => s.trim()).filter(Boolean) : [],
        chairUserId: chair, secretaryUserId: secretary, members, invitees, agenda: items,
      })
      notify.ok(t('meeting.created', { title: m.title }))
      onCreated(m)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper withBorder p="sm" component="form" aria-label={t('meeting.newMeeting')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('meeting.newMeeting')}</Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('meeting.meetingTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: '1 1 18rem' }} />
          <Select label={t('meeting.kindLabel')} required allowDeselect={false} data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))}
            value={kind} onChange={(v) => v && setKind(v as MeetingKind)} style={{ flex: '1 1 14rem' }} />
          {bodies.length > 1 && (
            <Select label={t('meeting.organiser')} required allowDeselect={false} data={bodies.map((b) => ({ value: b.unitId, label: b.name }))} value={unitId} onChange={setUnitId} style={{ flex: '1 1 14rem' }} />
          )}
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateTimeField label={t('meeting.startsAt')} required value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} style={{ flex: '0 1 14rem' }} />
          <TextInput label={t('meeting.place')} required value={place} onChange={(e) => setPlace(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} />
        </Group>
        {kind === 'conference' && <Textarea label={t('meeting.sites')} autosize minRows={2} value={sites} onChange={(e) => setSites(e.currentTarget.value)} />}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <PersonPicker label={t('meeting.chair')} required value={chair} onChange={setChair} />
          <PersonPicker label={t('meeting.secretary')} required value={secretary} onChange={setSecretary} />
        </Group>
        <PartyPicker label={t('meeting.members')} description={t('meeting.membersHelp')} required value={members} onChange={setMembers} />
        <PartyPicker label={t('meeting.invitees')} value={invitees} onChange={setInvitees} />
        <Title order={3} size="h5">{t('meeting.agenda')}</Title>
        {agenda.map((item, n) => (
          <Paper key={item.key} withBorder p="xs" component="fieldset" aria-label={t('meeting.item', { n: n + 1 })} style={{ minWidth: 0 }}>
            <Stack gap="xs">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput label={t('meeting.itemTitle')} required value={item.title} onChange={(e) => setItem(item.key, { title: e.currentTarget.value })} style={{ flex: '1 1 16rem' }} />
                <PersonPicker label={t('meeting.presenter')} value={item.presenterUserId} onChange={(v) => setItem(item.key, { presenterUserId: v })} />
                <NumberInput label={t('meeting.minutes')} required min={1} max={600} value={item.minutes} onChange={(v) => setItem(item.key, { minutes: v })} w={110} />
                {agenda.length > 1 && (
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('meeting.removeItem', { n: n + 1 })} onClick={() => setAgenda((a) => a.filter((i) => i.key !== item.key))}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
              <ItemDocuments docs={item.documents} onChange={(documents) => setItem(item.key, { documents })} />
            </Stack>
          </Paper>
        ))}
        <Group><Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAgenda((a) => [...a, newItem()])}>{t('meeting.addItem')}</Button></Group>
        {error && <Text c="red" role="alert">{error}</Text>}
        <Group><Button type="submit" loading={busy} disabled={!chair || !secretary || !members.length}>{t('meeting.create')}</Button></Group>
      </Stack>
    </Paper>
  )
}

/** An item's documents: from the register by search, or a file to upload. */
function ItemDocuments({ docs, onChange }: { docs: DocDraft[]; onChange: (d: DocDraft[]) => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 300)
  const [found, setFound] = useState<{ value: string; label: string; symbol?: string; summary: string }[]>([])
  useEffect(() => {
    if (q.length < 2) return
    const ctrl = new AbortController()
    endpoints.documents.search({ q, limit: 20 }, ctrl.signal).then(
      (r) => setFound(r.items.map((d) => ({ value: d.documentId, label: d.symbol ? `${d.symbol} — ${d.summary}` : d.summary, symbol: d.symbol, summary: d.summary }))),
      () => setFound([]),
    )
    return () => ctrl.abort()
  }, [q])
  const options = useMemo(() => found.filter((f) => !docs.some((d) => 'documentId' in d && d.documentId === f.value)), [found, docs])
  return (
    <Stack gap={6}>
      {docs.map((d) => (
        <Group key={d.key} gap="xs" wrap="nowrap">
          <Text size="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>{d.title}</Text>
          {'file' in d && <Checkbox size="xs" label={t('meeting.draft')} checked={d.draft} onChange={(e) => onChange(docs.map((x) => (x.key === d.key ? { ...x, draft: e.currentTarget.checked } : x)))} />}
          <ActionIcon variant="subtle" color="red" aria-label={t('meeting.removeDocument', { title: d.title })} onClick={() => onChange(docs.filter((x) => x.key !== d.key))}><IconTrash size={16} aria-hidden /></ActionIcon>
        </Group>
      ))}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t('meeting.findDocument')} searchable clearable data={options} value={null} searchValue={search} onSearchChange={setSearch} filter={({ options: o }) => o}
          onChange={(v) => { const f = found.find((x) => x.value === v); if (f) { onChange([...docs, { key: newKey(), documentId: f.value, symbol: f.symbol, title: f.label }]); setSearch('') } }}
          style={{ flex: '1 1 18rem' }} />
        <FileInput label={t('meeting.uploadDocument')} accept=".pdf,.docx,application/pdf" leftSection={<IconUpload size={16} aria-hidden />} value={null} clearable={false}
          onChange={(f) => { if (f) onChange([...docs, { key: newKey(), file: f, title: f.name.replace(/\.(pdf|docx)$/i, ''), draft: false }]) }} style={{ flex: '1 1 14rem' }} />
      </Group>
    </Stack>
  )
}
