/**
 * One meeting (phòng họp không giấy): when and where, the signed invitation,
 * my answer and my check-in QR, the agenda with its documents, the secretary's
 * check-in list with the quorum in words, the chair's controls and the
 * speakers, votes (open, and secret ballots made in this browser), the
 * minutes and the conclusions that become tasks. One state (useMeeting),
 * reloaded after each action and while the page is visible.
 */
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconDeviceTv, IconSend } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { meetings } from '../../api/meetings'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { CheckInList, MyAnswer, MyCheckIn, QuorumLine } from '../../components/meetings/Attendance'
import { Conclusions, Minutes } from '../../components/meetings/Concluding'
import { MeetingFile } from '../../components/meetings/MeetingFile'
import { Agenda, ChairControls, Speakers, useAction } from '../../components/meetings/Running'
import { Votes } from '../../components/meetings/Votes'
import { meetingTime } from '../../components/meetings/format'
import { useLang } from '../../lib/labels'
import { STATUS_COLOR } from './MeetingsPage'
import { useMeeting } from './useMeeting'

export default function MeetingPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { meetingId = '' } = useParams()
  const ws = useWorkspace()
  const state = useMeeting(meetingId)
  const { busy, run } = useAction(state.act)
  const m = state.meeting
  const me = ws.user?.userId
  if (state.loading && !m) return <Loading />
  if (!m) return <ErrorAlert error={state.error} onRetry={() => void state.reload()} />
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/meetings" size="sm">← {t('meeting.back')}</Anchor>
      <PageHeader title={m.title} />
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge color={STATUS_COLOR[m.status]} variant="light" tt="none">{t(`meeting.status.${m.status}`)}</Badge>
          <Text size="sm">{t(`meeting.kind.${m.kind}`)} · {m.ownerUnitName}</Text>
        </Group>
        <Text size="sm">{t('meeting.when')}: {meetingTime(m.startsAt, lang)} · {t('meeting.place')}: {m.place}{m.sites.length ? ` (${m.sites.join(', ')})` : ''}</Text>
        <Text size="sm">{t('meeting.chair')}: {m.chair.fullName} · {t('meeting.secretary')}: {m.secretary.fullName}</Text>
        {!(m.can.lead || m.can.organise) && <QuorumLine m={m} size="sm" />}
        <Group gap="xs" wrap="wrap">
          {m.can.organise && !m.invitation && (
            <Button size="xs" leftSection={<IconSend size={16} aria-hidden />} loading={busy === 'invite'} onClick={() => void run('invite', () => meetings.invite(m.meetingId), t('meeting.invitationSent'))}>{t('meeting.sendInvitation')}</Button>
          )}
          {m.invitation && <MeetingFile label={t('meeting.invitation')} title={m.title} fileName="giay-moi.pdf" link={() => meetings.invitation(m.meetingId)} />}
          <Button size="xs" variant="default" component={Link} to={`/meetings/${encodeURIComponent(m.meetingId)}/projector`} leftSection={<IconDeviceTv size={16} aria-hidden />}>{t('meeting.projector')}</Button>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MyAnswer m={m} act={state.act} />
        <MyCheckIn m={m} act={state.act} />
      </SimpleGrid>
      {m.can.lead && <ChairControls m={m} act={state.act} />}
      <Agenda m={m} />
      <Speakers m={m} act={state.act} myUserId={me} />
      <Votes m={m} votes={state.votes} act={state.act} myUserId={me} />
      {(m.can.lead || m.can.organise) && <CheckInList m={m} act={state.act} />}
      <Conclusions m={m} act={state.act} />
      <Minutes m={m} act={state.act} myUserId={me} />
    </Stack>
  )
}
