/**
 * My meetings (cuộc họp của tôi): those I am invited to and those I prepare,
 * today's first, then the coming ones, then the past; and, for the office
 * of a body (meeting.organise), the form that prepares a meeting.
 */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { MeetingSummary } from '../../../../shared/meetings/contracts'
import { vietnamDate, vietnamDay } from '../../../../shared/calendar/vietnam-time'
import { meetings } from '../../api/meetings'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { NewMeetingForm } from '../../components/meetings/NewMeetingForm'
import { meetingTime } from '../../components/meetings/format'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'

export const STATUS_COLOR: Record<MeetingSummary['status'], string> = { planned: 'gray', invited: 'blue', 'in-progress': 'green', ended: 'dark' }

export default function MeetingsPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const navigate = useNavigate()
  const list = useData((s) => meetings.list(s), [])
  const today = vietnamDate()
  const all = list.data?.meetings ?? []
  const groups = [
    { key: 'today', items: all.filter((m) => vietnamDay(m.startsAt) === today) },
    { key: 'upcoming', items: all.filter((m) => vietnamDay(m.startsAt) > today) },
    { key: 'past', items: all.filter((m) => vietnamDay(m.startsAt) < today).reverse() },
  ].filter((g) => g.items.length)

  return (
    <Stack gap="md">
      <PageHeader title={t('meeting.mine')} />
      {ws.canAnywhere('meeting.organise') && <NewMeetingForm onCreated={(m) => navigate(`/meetings/${encodeURIComponent(m.meetingId)}`)} />}
      {list.loading && <Loading />}
      {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && !all.length && <Text c="dimmed">{t('meeting.none')}</Text>}
      {groups.map((g) => (
        <Stack key={g.key} gap="xs" component="section" aria-labelledby={`meetings-${g.key}`}>
          <Title order={2} size="h4" id={`meetings-${g.key}`}>{t(`meeting.${g.key}`)}</Title>
          {g.items.map((m) => <MeetingCard key={m.meetingId} m={m} />)}
        </Stack>
      ))}
    </Stack>
  )
}

function MeetingCard({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation()
  const lang = useLang()
  return (
    <Card withBorder padding="sm" component="article" data-meeting={m.title}>
      <Stack gap={4}>
        <Text component={Link} to={`/meetings/${encodeURIComponent(m.meetingId)}`} fw={600} c="brand.8" style={{ overflowWrap: 'anywhere' }}>{m.title}</Text>
        <Text size="sm">{meetingTime(m.startsAt, lang)} · {m.place}</Text>
        <Text size="sm" c="dimmed">{t(`meeting.kind.${m.kind}`)} · {m.ownerUnitName}</Text>
        <Group gap={6} wrap="wrap">
          <Badge color={STATUS_COLOR[m.status]} variant="light" tt="none">{t(`meeting.status.${m.status}`)}</Badge>
          {m.role && <Badge color="gray" variant="outline" tt="none">{t(`meeting.invitedAs.${m.role}`)}</Badge>}
          {m.organising && <Badge color="grape" variant="outline" tt="none">{t('meeting.organising')}</Badge>}
          {m.role && m.role !== 'delegate' && m.status !== 'ended' && (
            <Badge color={m.myAnswer ? 'teal' : 'orange'} variant="light" tt="none">{m.myAnswer ? t(`meeting.answerShort.${m.myAnswer}`) : t('meeting.notAnswered')}</Badge>
          )}
        </Group>
      </Stack>
    </Card>
  )
}
