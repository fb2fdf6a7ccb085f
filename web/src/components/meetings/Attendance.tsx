/**
 * Answers and check-in: my answer to the invitation (attend / absent with a
 * reason / a delegate chosen by name), my check-in QR (the server's token,
 * drawn by the server as SVG) with a "I am here" button that posts my own
 * token, and the secretary's list — every participant by name with their
 * answer and presence, a tick per name, a field a QR scanner types into —
 * with the quorum in words.
 */
import { Badge, Button, Card, Group, Image, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { IconCheck, IconQrcode } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingView } from '../../../../shared/meetings/contracts'
import { meetings } from '../../api/meetings'
import { notify } from '../notify'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { clockOf } from './format'
import { PersonPicker } from './PeoplePickers'

type Act = <T>(fn: () => Promise<T>) => Promise<T>

/** "12/20 đảng viên có mặt — đủ số lượng" */
export function QuorumLine({ m, size = 'md' }: { m: MeetingView; size?: string }) {
  const { t } = useTranslation()
  const q = m.quorum
  return (
    <Text size={size} fw={600} c={q.reached ? 'green.8' : 'orange.9'} role="status" aria-live="polite" data-quorum>
      {t('meeting.quorum', { present: q.present, members: q.members, state: q.reached ? t('meeting.quorumReached') : t('meeting.quorumMissing', { needed: q.needed }) })}
    </Text>
  )
}

export function MyAnswer({ m, act }: { m: MeetingView; act: Act }) {
  const { t } = useTranslation()
  const [answer, setAnswer] = useState<'attend' | 'absent' | 'delegate'>(m.me?.answer?.answer ?? 'attend')
  const [reason, setReason] = useState(m.me?.answer?.reason ?? '')
  const [delegate, setDelegate] = useState<string | null>(m.me?.answer?.delegate?.userId ?? null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!m.me || m.me.role === 'delegate' || m.status === 'ended') return null
  const given = m.me.answer
  const others = m.participants.filter((p) => p.role !== 'delegate' && p.userId !== m.createdBy.userId).map((p) => ({ value: p.userId, label: p.fullName }))
  const send = async () => {
    setBusy(true)
    setError(null)
    try {
      await act(() => meetings.answer(m.meetingId, { answer, ...(answer === 'absent' ? { reason: reason.trim() } : {}), ...(answer === 'delegate' && delegate ? { delegateUserId: delegate } : {}) }))
      notify.ok(t('meeting.answerSaved'))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card withBorder padding="sm" component="form" aria-label={t('meeting.myAnswer')} onSubmit={(e) => { e.preventDefault(); void send() }}>
      <Stack gap="xs">
        <Title order={2} size="h4">{t('meeting.myAnswer')}</Title>
        {given && (
          <Text size="sm" data-my-answer>{t('meeting.answered', { answer: given.answer === 'delegate' && given.delegate ? `${t('meeting.answerShort.delegate')} — ${given.delegate.fullName}` : given.answer === 'absent' && given.reason ? `${t('meeting.answerShort.absent')} (${given.reason})` : t(`meeting.answerShort.${given.answer}`) })}</Text>
        )}
        <Radio.Group value={answer} onChange={(v) => setAnswer(v as typeof answer)} label={t('meeting.answerCol')}>
          <Stack gap={6} mt={4}>
            <Radio value="attend" label={t('meeting.attend')} />
            <Radio value="absent" label={t('meeting.absent')} />
            {m.me.role === 'member' && <Radio value="delegate" label={t('meeting.delegate')} />}
          </Stack>
        </Radio.Group>
        {answer === 'absent' && <Textarea label={t('meeting.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />}
        {answer === 'delegate' && <PersonPicker label={t('meeting.delegateTo')} required value={delegate} onChange={setDelegate} extra={others} />}
        {error && <Text c="red" size="sm" role="alert">{error}</Text>}
        <Group><Button type="submit" loading={busy}>{t('meeting.sendAnswer')}</Button></Group>
      </Stack>
    </Card>
  )
}

export function MyCheckIn({ m, act }: { m: MeetingView; act: Act }) {
  const { t } = useTranslation()
  const lang = useLang()
  const code = useData(m.me && !m.me.checkedInAt && m.status !== 'ended' ? (s) => meetings.checkInCode(m.meetingId, s) : null, [m.meetingId, !!m.me?.checkedInAt])
  const [busy, setBusy] = useState(false)
  if (!m.me || m.status === 'ended') return null
  if (m.me.checkedInAt) return <Text size="sm" c="green.8" fw={600} data-checked-in>{t('meeting.checkedInAt', { time: clockOf(m.me.checkedInAt, lang) })}</Text>
  const checkIn = async () => {
    if (!code.data) return
    setBusy(true)
    try {
      await act(() => meetings.checkIn(m.meetingId, { token: code.data!.token }))
      notify.ok(t('meeting.checkedIn'))
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="my-checkin">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="my-checkin">{t('meeting.myCheckIn')}</Title>
        {m.me.delegateFor && <Text size="sm">{t('meeting.delegateFor', { name: m.me.delegateFor.fullName })}</Text>}
        {code.data && <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.svg)}`} alt={t('meeting.qrAlt')} w={200} h={200} bg="white" />}
        <Text size="sm" c="dimmed">{t('meeting.qrHelp')}</Text>
        <Button leftSection={<IconQrcode size={18} aria-hidden />} loading={busy || code.loading} disabled={!code.data} onClick={() => void checkIn()}>{t('meeting.checkInNow')}</Button>
      </Stack>
    </Card>
  )
}

/** The secretary's (and the office's) list: names, answers, presence; a tick per name and a scanner's field. */
export function CheckInList({ m, act }: { m: MeetingView; act: Act }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const run = async (key: string, body: { token: string } | { userId: string }) => {
    setBusy(key)
    try {
      await act(() => meetings.checkIn(m.meetingId, body))
      if ('token' in body) setToken('')
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  const answerOf = (p: MeetingView['participants'][number]) => !p.answer ? t('meeting.notAnswered')
    : p.answer.answer === 'delegate' ? `${t('meeting.answerShort.delegate')} — ${p.answer.delegate?.fullName ?? ''}`
    : p.answer.answer === 'absent' ? `${t('meeting.answerShort.absent')}${p.answer.reason ? ` (${p.answer.reason})` : ''}` : t('meeting.answerShort.attend')
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="attendance">
      <Stack gap="xs">
        <Title order={2} size="h4" id="attendance">{t('meeting.attendance')}</Title>
        <QuorumLine m={m} />
        {m.status !== 'ended' && (
          <Group component="form" align="flex-end" gap="xs" wrap="wrap" onSubmit={(e) => { e.preventDefault(); if (token.trim()) void run('token', { token: token.trim() }) }}>
            <TextInput label={t('meeting.scan')} description={t('meeting.scanHelp')} value={token} onChange={(e) => setToken(e.currentTarget.value)} autoComplete="off" style={{ flex: '1 1 14rem' }} />
            <Button type="submit" variant="light" loading={busy === 'token'}>{t('meeting.scanSubmit')}</Button>
          </Group>
        )}
        <Table.ScrollContainer minWidth={0}>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>{t('meeting.person')}</Table.Th><Table.Th>{t('meeting.answerCol')}</Table.Th><Table.Th>{t('meeting.presence')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {m.participants.map((p) => (
                <Table.Tr key={p.userId} data-participant={p.fullName}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{p.fullName}</Text>
                    <Text size="xs" c="dimmed">{t(`meeting.invitedAs.${p.role}`)}{p.delegateFor ? ` — ${t('meeting.delegateOf', { name: p.delegateFor.fullName })}` : ''}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm">{p.role === 'delegate' ? '' : answerOf(p)}</Text></Table.Td>
                  <Table.Td>
                    {p.checkedInAt ? <Badge color="green" variant="light" tt="none" leftSection={<IconCheck size={12} aria-hidden />}>{t('meeting.present', { time: clockOf(p.checkedInAt, lang) })}</Badge>
                      : m.status === 'ended' ? <Text size="sm" c="dimmed">{t('meeting.notPresent')}</Text>
                      : <Button size="compact-sm" variant="default" loading={busy === p.userId} onClick={() => void run(p.userId, { userId: p.userId })} aria-label={t('meeting.tick', { name: p.fullName })}>{t('meeting.attendance')}</Button>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  )
}
