/**
 * Running the meeting: the agenda with each item's documents (opened in the
 * PDF viewer; a MẬT entry is named, never opened), the current item, the
 * chair's controls (open, next item, close) and the speakers' list (request
 * to speak, give the floor, end, withdraw) with the speaker's timer.
 */
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { IconMicrophone, IconPlayerPlay, IconPlayerSkipForward, IconPlayerStop } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingView, Speaker } from '../../../../shared/meetings/contracts'
import { CONFIDENTIALITY_NAMES } from '../../../../shared/documents/confidentiality'
import { meetings } from '../../api/meetings'
import { notify } from '../notify'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { MeetingFile } from './MeetingFile'
import { minutesSeconds } from './format'

type Act = <T>(fn: () => Promise<T>) => Promise<T>

/** Runs one action, says why if refused. */
export function useAction(act: Act) {
  const [busy, setBusy] = useState<string | null>(null)
  const run = async (key: string, fn: () => Promise<unknown>, ok?: string) => {
    setBusy(key)
    try {
      await act(fn)
      if (ok) notify.ok(ok)
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return { busy, run }
}

export function Agenda({ m }: { m: MeetingView }) {
  const { t } = useTranslation()
  const lang = useLang()
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="agenda">
      <Title order={2} size="h4" id="agenda" mb="xs">{t('meeting.agenda')}</Title>
      <List type="ordered" spacing="sm">
        {m.agenda.map((a) => (
          <List.Item key={a.itemId} aria-current={a.itemId === m.currentItemId && m.status === 'in-progress' ? 'step' : undefined}>
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{a.title}</Text>
                {a.itemId === m.currentItemId && m.status === 'in-progress' && <Badge color="green" tt="none">{t('meeting.current')}</Badge>}
              </Group>
              <Text size="sm" c="dimmed">{[a.presenter ? t('meeting.presentedBy', { name: a.presenter.fullName }) : '', t('meeting.minutesOf', { n: a.minutes })].filter(Boolean).join(' · ')}</Text>
              {a.documents.map((d) => (
                <Group key={d.docId} gap="xs" wrap="wrap">
                  {d.canOpen ? (
                    <MeetingFile label={d.symbol ? `${d.symbol} — ${d.title}` : d.title} title={d.title} fileName={d.fileName ?? `${d.title}.pdf`} pdf={!d.fileName?.endsWith('.docx')}
                      link={() => meetings.document(m.meetingId, d.docId)} variant="subtle" />
                  ) : (
                    <Text size="sm">{d.symbol ? `${d.symbol} — ` : ''}{d.title}{d.catalogueOnly ? ` · ${t('meeting.catalogueOnly', { mark: CONFIDENTIALITY_NAMES[d.confidentiality][lang] })}` : ''}</Text>
                  )}
                  {d.draft && <Badge size="sm" color="yellow" variant="light" tt="none">{t('meeting.draftBadge')}</Badge>}
                </Group>
              ))}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Card>
  )
}

/** Seconds left to the speaker (negative: over time), ticking each second. */
export function useSpeakerClock(s: Speaker | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!s?.startedAt) return
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [s?.startedAt])
  return s?.startedAt ? s.seconds - (now - Date.parse(s.startedAt)) / 1000 : undefined
}

export function SpeakerTimer({ s, size = 'lg' }: { s: Speaker; size?: string }) {
  const { t } = useTranslation()
  const left = useSpeakerClock(s)
  if (left === undefined) return null
  return <Text size={size} fw={700} c={left < 0 ? 'red.8' : left < 60 ? 'orange.9' : undefined} data-timer>{left >= 0 ? t('meeting.timeLeft', { time: minutesSeconds(left) }) : t('meeting.overtime', { time: minutesSeconds(left) })}</Text>
}

export function ChairControls({ m, act }: { m: MeetingView; act: Act }) {
  const { t } = useTranslation()
  const { busy, run } = useAction(act)
  const at = m.agenda.findIndex((a) => a.itemId === m.currentItemId)
  const next = at >= 0 ? m.agenda[at + 1] : undefined
  if (m.status === 'ended') return null
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="chairing">
      <Title order={2} size="h4" id="chairing" mb="xs">{t('meeting.chairControls')}</Title>
      <Group gap="xs" wrap="wrap">
        {m.status !== 'in-progress' && <Button loading={busy === 'open'} leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => void run('open', () => meetings.open(m.meetingId))}>{t('meeting.openMeeting')}</Button>}
        {m.status === 'in-progress' && next && (
          <Button variant="light" loading={busy === 'next'} leftSection={<IconPlayerSkipForward size={16} aria-hidden />} onClick={() => void run('next', () => meetings.moveTo(m.meetingId, next.itemId))}>{t('meeting.nextItem')}</Button>
        )}
        {m.status === 'in-progress' && <Button variant="default" color="red" loading={busy === 'end'} leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={() => void run('end', () => meetings.end(m.meetingId))}>{t('meeting.endMeeting')}</Button>}
      </Group>
    </Card>
  )
}

export function Speakers({ m, act, myUserId }: { m: MeetingView; act: Act; myUserId?: string }) {
  const { t } = useTranslation()
  const { busy, run } = useAction(act)
  if (m.status !== 'in-progress' && !m.speakers.length) return null
  const item = m.currentItemId
  const list = m.speakers.filter((s) => s.itemId === item && (s.status === 'waiting' || s.status === 'speaking'))
  const speaking = list.find((s) => s.status === 'speaking')
  const listed = list.some((s) => s.person.userId === myUserId)
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="speakers">
      <Stack gap="xs">
        <Title order={2} size="h4" id="speakers">{t('meeting.speakers')}</Title>
        {speaking && (
          <Group gap="sm" wrap="wrap">
            <Badge color="green" tt="none">{t('meeting.speaking')}</Badge>
            <Text fw={600}>{speaking.person.fullName}</Text>
            <SpeakerTimer s={speaking} />
          </Group>
        )}
        {!list.length && <Text size="sm" c="dimmed">{t('meeting.noSpeakers')}</Text>}
        {list.filter((s) => s.status === 'waiting').map((s, i) => (
          <Group key={s.speakerId} gap="xs" wrap="wrap" data-speaker={s.person.fullName}>
            <Text size="sm">{i + 1}. {s.person.fullName}</Text>
            {m.can.lead && !speaking && <Button size="compact-sm" variant="light" loading={busy === s.speakerId} onClick={() => void run(s.speakerId, () => meetings.speakers(m.meetingId, { action: 'start', speakerId: s.speakerId }))}>{t('meeting.giveFloor', { name: s.person.fullName })}</Button>}
            {s.person.userId === myUserId && <Button size="compact-sm" variant="subtle" onClick={() => void run(s.speakerId, () => meetings.speakers(m.meetingId, { action: 'withdraw', speakerId: s.speakerId }))}>{t('meeting.withdraw')}</Button>}
          </Group>
        ))}
        <Group gap="xs">
          {m.status === 'in-progress' && m.me && !listed && (
            <Button variant="light" leftSection={<IconMicrophone size={16} aria-hidden />} loading={busy === 'request'} onClick={() => void run('request', () => meetings.speakers(m.meetingId, { action: 'request' }))}>{t('meeting.requestToSpeak')}</Button>
          )}
          {speaking && m.can.lead && <Button variant="default" loading={busy === 'finish'} onClick={() => void run('finish', () => meetings.speakers(m.meetingId, { action: 'finish', speakerId: speaking.speakerId }))}>{t('meeting.finish')}</Button>}
        </Group>
      </Stack>
    </Card>
  )
}
