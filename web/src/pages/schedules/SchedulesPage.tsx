/**
 * Leaders' schedules (lịch công tác): a unit's week and month in FullCalendar
 * (Vietnamese locale, Asia/Ho_Chi_Minh; a list on a phone), drafts marked,
 * the office's form to add an event with its double bookings shown before
 * saving (saving over one needs a confirmation), publishing the week, and
 * the caller's private iCalendar URL to copy or make anew.
 */
import FullCalendar from '@fullcalendar/react'
import dayGridPlugin from '@fullcalendar/daygrid'
import timeGridPlugin from '@fullcalendar/timegrid'
import listPlugin from '@fullcalendar/list'
// Without a named-time-zone plugin FullCalendar draws a named zone as UTC (a 08:00 meeting showed at 1:00).
import luxonPlugin from '@fullcalendar/luxon3'
import viLocale from '@fullcalendar/core/locales/vi'
import type { DatesSetArg, EventInput } from '@fullcalendar/core'
import { Alert, Button, Checkbox, CopyButton, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conflict } from '../../../../shared/schedules/contracts'
import { endpoints } from '../../api/endpoints'
import { schedules, type FeedState, type NewEvent } from '../../api/schedules'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useData } from '../../lib/useData'
import { DateField, TimeField } from '../../components/DateFields'

const KINDS = ['meeting', 'visit', 'reception', 'other'] as const
/** A Việt Nam wall-clock time on a day, as an instant with its offset. */
const vn = (date: string, time: string) => `${date}T${time}:00+07:00`
const clock = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit' }).format(new Date(iso))
const vnToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
const mondayOf = (date: string) => { const d = new Date(`${date}T00:00:00Z`); d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); return d.toISOString().slice(0, 10) }

export default function SchedulesPage() {
  const { t, i18n } = useTranslation()
  const phone = useMediaQuery('(max-width: 600px)')
  const units = useData((s) => schedules.units(s), [])
  const [unitId, setUnitId] = useState<string | null>(null)
  const [range, setRange] = useState<{ from: string; to: string; week: string } | null>(null)
  useEffect(() => { if (!unitId && units.data?.units.length) setUnitId(units.data.units[0].unitId) }, [units.data, unitId])
  const list = useData(unitId && range ? (s) => schedules.events(unitId, range.from, range.to, s) : null, [unitId, range?.from, range?.to])

  const events: EventInput[] = useMemo(() => (list.data?.events ?? []).map((e) => ({
    id: e.eventId, start: e.start, end: e.end,
    title: `${e.cancelled ? `[${t('schedule.cancelled')}] ` : e.state === 'draft' ? `[${t('schedule.draft')}] ` : ''}${e.title}${e.room || e.place ? ` — ${e.room?.name ?? e.place}` : ''}`,
    // Colours with a contrast of at least 4.5:1: published in dark blue, drafts pale with dark text.
    ...(e.state === 'draft' || e.cancelled
      ? { backgroundColor: '#fff4d6', borderColor: '#8a6100', textColor: '#3d2b00' }
      : { backgroundColor: '#1d4f91', borderColor: '#1d4f91', textColor: '#ffffff' }),
  })), [list.data, t])

  const calendarBox = useRef<HTMLDivElement>(null)
  const onDates = (arg: DatesSetArg) => {
    // The toolbar's chevrons are icons inside buttons that carry their own names: hide the icons from assistive technology.
    calendarBox.current?.querySelectorAll('.fc-icon').forEach((i) => { i.setAttribute('aria-hidden', 'true'); i.removeAttribute('role') })
    const from = arg.startStr.slice(0, 10)
    const last = new Date(arg.end.getTime() - 1)
    const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(last)
    const mid = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date((arg.start.getTime() + arg.end.getTime()) / 2))
    setRange((r) => (r?.from === from && r.to === to ? r : { from, to, week: mondayOf(arg.view.type.includes('Week') ? from : mid) }))
  }
  const unit = units.data?.units.find((u) => u.unitId === unitId)

  if (units.loading) return <Loading />
  if (units.error) return <ErrorAlert error={units.error} />
  return (
    <Stack gap="md">
      <PageHeader title={t('schedule.title')} />
      <Group align="end" wrap="wrap">
        <Select label={t('schedule.unit')} data={(units.data?.units ?? []).map((u) => ({ value: u.unitId, label: u.name }))} value={unitId} onChange={setUnitId} allowDeselect={false} searchable w={340} />
        {list.data?.can.publish && range && (
          <Button variant="light" onClick={async () => {
            try { const r = await schedules.publish(unitId!, range.week); notify.ok(t('schedule.published', { count: r.published })); list.reload() } catch (e) { notify.error(errorMessage(e)) }
          }}>{t('schedule.publish')}</Button>
        )}
      </Group>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Paper withBorder p="sm" aria-label={t('schedule.title')} ref={calendarBox}>
        <FullCalendar
          key={phone ? 'phone' : 'desk'}
          plugins={[luxonPlugin, timeGridPlugin, dayGridPlugin, listPlugin]}
          locales={[viLocale]} locale={i18n.language === 'en' ? 'en-gb' : 'vi'}
          timeZone="Asia/Ho_Chi_Minh"
          initialView={phone ? 'listWeek' : 'timeGridWeek'}
          headerToolbar={phone ? { left: 'prev,next', center: 'title', right: 'today' } : { left: 'prev,next today', center: 'title', right: 'timeGridWeek,dayGridMonth,listWeek' }}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }} slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          firstDay={1} slotMinTime="06:00:00" slotMaxTime="21:00:00" allDaySlot={false} nowIndicator height="auto"
          events={events} datesSet={onDates}
        />
      </Paper>
      {unit?.manage && unitId && <EventForm unitId={unitId} onSaved={list.reload} />}
      <FeedCard />
    </Stack>
  )
}

function EventForm({ unitId, onSaved }: { unitId: string; onSaved: () => void }) {
  const { t } = useTranslation()
  const rooms = useData((s) => schedules.rooms(unitId, s), [unitId])
  const people = useData((s) => endpoints.users({ unitId }, s), [unitId])
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<(typeof KINDS)[number]>('meeting')
  const [date, setDate] = useState(vnToday())
  const [start, setStart] = useState('08:00')
  const [end, setEnd] = useState('10:00')
  const [roomId, setRoomId] = useState<string | null>(null)
  const [place, setPlace] = useState('')
  const [presiderId, setPresiderId] = useState<string | null>(null)
  const [participantIds, setParticipantIds] = useState<string[]>([])
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null)
  const [accept, setAccept] = useState(false)
  const [busy, setBusy] = useState(false)
  const body: NewEvent = {
    unitId, kind, title: title.trim() || '…', start: vn(date, start), end: vn(date, end),
    ...(roomId ? { roomId } : {}), ...(place.trim() ? { place: place.trim() } : {}), ...(presiderId ? { presiderId } : {}), participantIds,
  }
  const key = JSON.stringify({ ...body, title: '' })
  // Conflicts are asked for as soon as the time, the people or the room change: shown before saving.
  useEffect(() => {
    setAccept(false)
    if (!presiderId && !participantIds.length && !roomId) { setConflicts(null); return }
    const h = setTimeout(() => { schedules.check(body).then((r) => setConflicts(r.conflicts), () => setConflicts(null)) }, 250)
    return () => clearTimeout(h)
  }, [key]) // eslint-disable-line react-hooks/exhaustive-deps
  const personOptions = (people.data?.users ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.userId, label: u.fullName }))

  const save = async () => {
    setBusy(true)
    try {
      const saved = await schedules.create({ ...body, title: title.trim(), acceptConflicts: accept })
      notify.ok(t('schedule.saved', { title: saved.title }))
      setTitle(''); setConflicts(null); onSaved()
    } catch (e) { notify.error(errorMessage(e)) } finally { setBusy(false) }
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-event">
      <Title order={2} size="h4" id="new-event" mb="sm">{t('schedule.newEvent')}</Title>
      <Stack gap="sm">
        <TextInput label={t('schedule.f.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <Group grow wrap="wrap">
          <Select label={t('schedule.f.kind')} data={KINDS.map((k) => ({ value: k, label: t(`schedule.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} />
          <DateField label={t('schedule.f.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <TimeField label={t('schedule.f.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <TimeField label={t('schedule.f.end')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
        </Group>
        <Group grow wrap="wrap">
          <Select label={t('schedule.f.room')} data={(rooms.data?.rooms ?? []).map((r) => ({ value: r.roomId, label: r.name }))} value={roomId} onChange={setRoomId} clearable />
          <TextInput label={t('schedule.f.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
        </Group>
        <Group grow wrap="wrap">
          <Select label={t('schedule.f.presider')} data={personOptions} value={presiderId} onChange={setPresiderId} searchable clearable />
          <MultiSelect label={t('schedule.f.participants')} data={personOptions} value={participantIds} onChange={setParticipantIds} searchable clearable />
        </Group>
        {conflicts && conflicts.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('schedule.conflicts')} role="alert">
            <Stack gap={4}>
              {conflicts.map((c, i) => <Text key={i} size="sm">{t(`schedule.conflict.${c.kind}`, { name: c.name, title: c.title, when: `${clock(c.start)} – ${clock(c.end)}` })}</Text>)}
              <Checkbox mt="xs" label={t('schedule.f.accept')} checked={accept} onChange={(e) => setAccept(e.currentTarget.checked)} />
            </Stack>
          </Alert>
        )}
        {conflicts && conflicts.length === 0 && <Text size="sm" c="green.9">{t('schedule.noConflicts')}</Text>}
        <Group><Button onClick={save} loading={busy} disabled={!title.trim() || (!!conflicts?.length && !accept)}>{t('schedule.save')}</Button></Group>
      </Stack>
    </Paper>
  )
}

function FeedCard() {
  const { t, i18n } = useTranslation()
  const status = useData((s) => schedules.feed(s), [])
  const [made, setMade] = useState<FeedState | null>(null)
  const url = made?.path ? `${window.location.origin}${made.path}` : null
  const act = async (fn: () => Promise<FeedState>) => {
    try { const r = await fn(); setMade(r.path ? r : null); status.setData(() => r) } catch (e) { notify.error(errorMessage(e)) }
  }
  const state = status.data
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-feed">
      <Title order={2} size="h4" id="my-feed" mb="xs">{t('schedule.feed.title')}</Title>
      <Text size="sm" mb="sm">{t('schedule.feed.help')}</Text>
      {state && <Text size="sm" mb="sm">{state.active && state.createdAt ? t('schedule.feed.active', { date: formatDate(state.createdAt, i18n.language === 'en' ? 'en' : 'vi') }) : t('schedule.feed.none')}</Text>}
      {url && (
        <Group align="end" mb="sm" wrap="nowrap">
          <TextInput label={t('schedule.feed.url')} value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={url}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('schedule.feed.copied') : t('schedule.feed.copy')}</Button>}</CopyButton>
        </Group>
      )}
      <Group>
        <Button variant="light" onClick={() => act(schedules.regenerate)}>{state?.active ? t('schedule.feed.regenerate') : t('schedule.feed.make')}</Button>
        {state?.active && <Button variant="subtle" color="red" onClick={() => act(schedules.revoke)}>{t('schedule.feed.revoke')}</Button>}
      </Group>
    </Paper>
  )
}
