/**
 * Concluding the meeting: the secretary drafts the minutes (biên bản) from
 * what the meeting recorded plus notes, signs first, the chair after; the
 * signed PDF is linked for every participant. The chair turns conclusions
 * into tasks with their lead (unit, and a person, by name) and deadline.
 */
import { Button, Card, Group, List, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingView } from '../../../../shared/meetings/contracts'
import { endpoints } from '../../api/endpoints'
import { meetings } from '../../api/meetings'
import { notify } from '../notify'
import { formatDate } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { MeetingFile } from './MeetingFile'
import { useAction } from './Running'
import { DateField } from '../DateFields'

type Act = <T>(fn: () => Promise<T>) => Promise<T>

export function Minutes({ m, act, myUserId }: { m: MeetingView; act: Act; myUserId?: string }) {
  const { t } = useTranslation()
  const [notes, setNotes] = useState(m.minutes?.notes ?? '')
  const [drafted, setDrafted] = useState<{ version: number; lines: string[] }>({ version: 0, lines: [] })
  const lines = drafted.lines
  // The version just drafted may be newer than the state on screen (its reload is still on the way).
  const version = Math.max(m.version, drafted.version)
  const { busy, run } = useAction(act)
  const secretary = m.secretary.userId === myUserId
  const signed = m.minutes?.signedBy ?? []
  const maySign = !!m.minutes && m.can.lead && !signed.some((p) => p.userId === myUserId) && (signed.length > 0 || secretary)
  if (!m.minutes?.paper && !(secretary && m.status !== 'planned') && !maySign) return null
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="minutes">
      <Stack gap="xs">
        <Title order={2} size="h4" id="minutes">{t('meeting.minutesTitle')}</Title>
        {secretary && !signed.length && (
          <Stack gap="xs" component="form" aria-label={t('meeting.draftMinutes')}
            onSubmit={(e) => { e.preventDefault(); void run('draft', async () => { const r = await meetings.draftMinutes(m.meetingId, version, notes.trim()); setDrafted({ version: r.version, lines: r.lines }) }, t('meeting.minutesDrafted')) }}>
            <Textarea label={t('meeting.notes')} autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
            <Group><Button type="submit" variant="light" loading={busy === 'draft'}>{t('meeting.draftMinutes')}</Button></Group>
          </Stack>
        )}
        {!!lines.length && <Stack gap={0} data-minutes-draft>{lines.map((l, i) => <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>{l}</Text>)}</Stack>}
        {!!signed.length && <Text size="sm">{t('meeting.signedBy', { names: signed.map((p) => p.fullName).join(', ') })}</Text>}
        <Group gap="xs" wrap="wrap">
          {maySign && <Button loading={busy === 'sign'} onClick={() => void run('sign', () => meetings.signMinutes(m.meetingId, version), t('meeting.minutesSigned'))}>{t('meeting.signMinutes')}</Button>}
          {m.minutes?.paper && <MeetingFile label={t('meeting.minutesPdf')} title={m.title} fileName="bien-ban.pdf" link={() => meetings.minutes(m.meetingId)} />}
        </Group>
      </Stack>
    </Card>
  )
}

export function Conclusions({ m, act }: { m: MeetingView; act: Act }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (!m.conclusions.length && !m.can.chair) return null
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="conclusions">
      <Stack gap="xs">
        <Title order={2} size="h4" id="conclusions">{t('meeting.conclusions')}</Title>
        {!m.conclusions.length && <Text size="sm" c="dimmed">{t('meeting.noConclusions')}</Text>}
        <List spacing={4}>
          {m.conclusions.map((c) => <List.Item key={c.taskId}><Text size="sm">{t('meeting.conclusionLine', { title: c.title, lead: c.leadName, deadline: formatDate(c.deadline, lang) })}</Text></List.Item>)}
        </List>
        {m.can.chair && <NewConclusion m={m} act={act} />}
      </Stack>
    </Card>
  )
}

function NewConclusion({ m, act }: { m: MeetingView; act: Act }) {
  const { t } = useTranslation()
  const units = useUnits()
  const [title, setTitle] = useState('')
  const [leadUnitId, setLeadUnitId] = useState<string | null>(m.ownerUnitId)
  const [leadUserId, setLeadUserId] = useState<string | null>(null)
  const [deadline, setDeadline] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const people = useData(leadUnitId ? (s) => endpoints.users({ unitId: leadUnitId }, s).catch(() => ({ users: [] })) : null, [leadUnitId])
  const userOptions = useMemo(() => (people.data?.users ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.userId, label: u.fullName })), [people.data])
  const unitOptions = useMemo(() => units.activeOptions.map((o) => ({ value: o.value, label: o.label })), [units])
  const submit = async () => {
    if (!leadUnitId) return
    setBusy(true)
    setError(null)
    try {
      await act(() => meetings.conclude(m.meetingId, { title: title.trim(), leadUnitId, ...(leadUserId ? { leadUserId } : {}), deadline, ...(m.currentItemId ? { itemId: m.currentItemId } : {}) }))
      notify.ok(t('meeting.concluded', { title: title.trim() }))
      setTitle('')
      setLeadUserId(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="xs" component="form" aria-label={t('meeting.addConclusion')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('meeting.conclusion')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} />
        <Select label={t('meeting.leadUnit')} required searchable filter={foldFilter} data={unitOptions} value={leadUnitId} onChange={(v) => { setLeadUnitId(v); setLeadUserId(null) }} style={{ flex: '1 1 14rem' }} />
        <Select label={t('meeting.leadUser')} clearable searchable filter={foldFilter} data={userOptions} value={leadUserId} onChange={setLeadUserId} style={{ flex: '1 1 12rem' }} />
        <DateField label={t('meeting.deadline')} required value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} w={170} />
      </Group>
      {error && <Text c="red" size="sm" role="alert">{error}</Text>}
      <Group><Button type="submit" loading={busy}>{t('meeting.addConclusion')}</Button></Group>
    </Stack>
  )
}
