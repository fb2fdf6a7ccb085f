/**
 * The projector view (màn hình chiếu) of a meeting, for the room's screen:
 * the current agenda item in large type, the speaker with the timer, the
 * quorum, and the results of the votes (shares of all members) — no shell,
 * no controls. The same state as the meeting page (useMeeting).
 */
import { Badge, Box, Group, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useParams } from 'react-router-dom'
import { useAuthUser } from '../../auth/store'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { QuorumLine } from '../../components/meetings/Attendance'
import { SpeakerTimer } from '../../components/meetings/Running'
import { VoteResult } from '../../components/meetings/Votes'
import { meetingTime } from '../../components/meetings/format'
import { useLang } from '../../lib/labels'
import { useMeeting } from './useMeeting'

export default function ProjectorPage() {
  const user = useAuthUser()
  const location = useLocation()
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />
  return <Projector />
}

function Projector() {
  const { t } = useTranslation()
  const lang = useLang()
  const { meetingId = '' } = useParams()
  const state = useMeeting(meetingId)
  const m = state.meeting
  useEffect(() => { if (m) document.title = `${t('meeting.projector')} · ${m.title}` }, [m, t])
  if (state.loading && !m) return <Loading />
  if (!m) return <Box p="xl"><ErrorAlert error={state.error} onRetry={() => void state.reload()} /></Box>
  const index = m.agenda.findIndex((a) => a.itemId === m.currentItemId)
  const item = index >= 0 ? m.agenda[index] : undefined
  const speaking = m.speakers.find((s) => s.status === 'speaking')
  const waiting = m.speakers.filter((s) => s.status === 'waiting' && s.itemId === m.currentItemId)
  const shown = [...state.votes].reverse().slice(0, 2)
  return (
    <Box component="main" p={{ base: 'md', sm: 'xl' }} mih="100vh" bg="brand.9" c="white">
      <Stack gap="xl">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} c="white">{m.title}</Title>
          <Text fz="lg">{meetingTime(m.startsAt, lang)} · {m.place}</Text>
        </Group>
        <Box bg="white" c="dark" p="sm" style={{ borderRadius: 8 }}><QuorumLine m={m} size="xl" /></Box>
        <Stack gap="xs" aria-live="polite">
          <Text fz="lg" c="gray.3">{item ? `${t('meeting.current')} — ${t('meeting.item', { n: index + 1 })}/${m.agenda.length}` : t(`meeting.status.${m.status}`)}</Text>
          <Text fz={{ base: 28, sm: 48 }} fw={700} lh={1.2} style={{ overflowWrap: 'anywhere' }} data-projector-item>{item?.title ?? m.title}</Text>
          {item?.presenter && <Text fz="xl">{t('meeting.presentedBy', { name: item.presenter.fullName })}</Text>}
        </Stack>
        {speaking && (
          <Group gap="md" wrap="wrap" aria-live="polite">
            <Badge size="xl" color="green" tt="none">{t('meeting.speaking')}</Badge>
            <Text fz={{ base: 24, sm: 36 }} fw={700}>{speaking.person.fullName}</Text>
            <Box bg="white" c="dark" px="sm" style={{ borderRadius: 8 }}><SpeakerTimer s={speaking} size="xl" /></Box>
          </Group>
        )}
        {!!waiting.length && <Text fz="lg">{t('meeting.speakers')}: {waiting.map((s) => s.person.fullName).join(', ')}</Text>}
        {shown.map((v) => (
          <Box key={v.voteId} bg="white" c="dark" p="md" style={{ borderRadius: 8 }}>
            <Title order={2} size="h3" mb="xs">{v.title} — {v.status === 'open' ? t('meeting.openStatus') : t('meeting.result')}</Title>
            <VoteResult v={v} size="lg" />
          </Box>
        ))}
      </Stack>
    </Box>
  )
}
