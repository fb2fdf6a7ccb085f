/**
 * Votes of the meeting: the chair opens one (resolution, personnel with its
 * candidates and seats, approval of a document; open or secret) and closes
 * it; a member votes with one button per choice — an open vote under their
 * name, a secret ballot made in this browser (secret-ballot.ts) — and after
 * closing reads the result as a share of all members, the signed result
 * record, and verifies their own secret ballot in the published list.
 */
import { Badge, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { IconLock, IconShieldCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RESOLUTION_CHOICES, VOTE_SUBJECTS, type Choice, type MeetingView, type MeetingVoteView as VoteView } from '../../../../shared/meetings/contracts'
import { meetings } from '../../api/meetings'
import { notify } from '../notify'
import { errorMessage } from '../../lib/error-message'
import { MeetingFile } from './MeetingFile'
import { useAction } from './Running'
import { castSecretBallot, findMyBallot, keptBallot } from './secret-ballot'

type Act = <T>(fn: () => Promise<T>) => Promise<T>

export function useChoiceLabel() {
  const { t } = useTranslation()
  return (v: Pick<VoteView, 'candidates'>, c: Choice) => ('option' in c ? t(`meeting.choice.${c.option}`) : c.candidates.map((id) => v.candidates.find((k) => k.userId === id)?.fullName ?? '').join(', ') || '—')
}

/** The result: each count of all members, with its share and whether it passed. */
export function VoteResult({ v, size = 'sm' }: { v: VoteView; size?: string }) {
  const { t } = useTranslation()
  if (!v.result) return null
  const r = v.result
  return (
    <Stack gap={2} data-result={v.title}>
      <Text size={size} c="dimmed">{t('meeting.cast', { cast: r.cast, members: r.members })}</Text>
      {r.tallies.map((x) => (
        <Group key={x.key} gap="xs" wrap="wrap">
          <Text size={size}>{t('meeting.tallyLine', { label: v.subject === 'personnel' ? x.label : t(`meeting.choice.${x.key}`), count: x.count, members: r.members, share: x.shareOfMembers.toLocaleString('vi-VN') })}</Text>
          {x.passed && <Badge color="green" tt="none" size={size}>{v.subject === 'personnel' ? t('meeting.elected') : t('meeting.passed')}</Badge>}
        </Group>
      ))}
    </Stack>
  )
}

export function Votes({ m, votes, act, myUserId }: { m: MeetingView; votes: VoteView[]; act: Act; myUserId?: string }) {
  const { t } = useTranslation()
  if (!votes.length && !(m.can.lead && m.status === 'in-progress')) return null
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="votes">
      <Stack gap="sm">
        <Title order={2} size="h4" id="votes">{t('meeting.votes')}</Title>
        {!votes.length && <Text size="sm" c="dimmed">{t('meeting.noVotes')}</Text>}
        {[...votes].reverse().map((v) => <VoteCard key={v.voteId} m={m} v={v} act={act} myUserId={myUserId} />)}
        {m.can.lead && m.status === 'in-progress' && <NewVote m={m} act={act} />}
      </Stack>
    </Card>
  )
}

function VoteCard({ m, v, act, myUserId }: { m: MeetingView; v: VoteView; act: Act; myUserId?: string }) {
  const { t } = useTranslation()
  const label = useChoiceLabel()
  const { busy, run } = useAction(act)
  const [picked, setPicked] = useState<string[]>([])
  const [, setTick] = useState(0)
  const [check, setCheck] = useState<string | null>(null)
  const voter = !!myUserId && v.electorate.some((p) => p.userId === myUserId)
  const kept = v.secret ? keptBallot(m.meetingId, v.voteId) : undefined
  const votedOpen = !v.secret && v.openBallots.some((b) => b.voter.userId === myUserId)
  const votedSecret = v.secret && (kept?.counted || v.iHaveSignature)
  const cast = (choice: Choice) => run('cast', async () => {
    if (!v.secret) return meetings.castOpen(m.meetingId, v.voteId, choice)
    await castSecretBallot(m.meetingId, v, choice)
    setTick((x) => x + 1)
    notify.ok(t('meeting.secretCast'))
  })
  const choices: Choice[] = v.subject === 'personnel' ? [] : RESOLUTION_CHOICES.map((option) => ({ option }))
  const verify = () => {
    const r = findMyBallot(v, kept)
    setCheck(r.found ? t('meeting.verified', { choice: label(v, r.choice!) }) : t('meeting.notFoundInList'))
  }
  return (
    <Card withBorder padding="xs" component="article" aria-label={v.title} data-vote={v.title}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{v.title}</Text>
          <Badge variant="light" tt="none" color={v.secret ? 'grape' : 'blue'} leftSection={v.secret ? <IconLock size={12} aria-hidden /> : undefined}>{v.secret ? t('meeting.secret') : t('meeting.open')}</Badge>
          <Badge variant="outline" tt="none" color={v.status === 'open' ? 'green' : 'gray'}>{v.status === 'open' ? t('meeting.openStatus') : t('meeting.closed')}</Badge>
        </Group>
        {v.status === 'open' && voter && !votedOpen && !votedSecret && (
          <Stack gap={6}>
            {v.secret && <Text size="xs" c="dimmed">{t('meeting.secretHelp')}</Text>}
            {busy === 'cast' && v.secret && <Text size="sm" role="status">{t('meeting.secretWorking')}</Text>}
            {v.subject === 'personnel' ? (
              <>
                <Checkbox.Group label={t('meeting.chooseUpTo', { seats: v.seats ?? 1 })} value={picked} onChange={(x) => setPicked(x.slice(0, v.seats ?? 1))}>
                  <Stack gap={4} mt={4}>{v.candidates.map((c) => <Checkbox key={c.userId} value={c.userId} label={c.fullName} />)}</Stack>
                </Checkbox.Group>
                <Group><Button loading={busy === 'cast'} onClick={() => void cast({ candidates: picked })}>{t('meeting.castBallot')}</Button></Group>
              </>
            ) : (
              <Group gap="xs" wrap="wrap">
                {choices.map((c) => (
                  <Button key={'option' in c ? c.option : ''} variant={'option' in c && c.option === 'agree' ? 'filled' : 'light'} disabled={busy === 'cast'}
                    aria-label={t('meeting.castFor', { choice: label(v, c), title: v.title })} onClick={() => void cast(c)}>{label(v, c)}</Button>
                ))}
              </Group>
            )}
          </Stack>
        )}
        {votedOpen && <Text size="sm" c="green.8">{t('meeting.voted')}</Text>}
        {votedSecret && v.status === 'open' && <Text size="sm" c="green.8">{kept?.counted ? t('meeting.secretCast') : t('meeting.alreadySigned')}</Text>}
        {v.status === 'open' && m.can.lead && (
          <Group><Button variant="default" loading={busy === 'close'} onClick={() => void run('close', () => meetings.closeVote(m.meetingId, v.voteId))}>{t('meeting.closeVote')}</Button></Group>
        )}
        <VoteResult v={v} />
        {v.status === 'closed' && (
          <Group gap="xs" wrap="wrap">
            {v.hasRecord && <MeetingFile label={t('meeting.recordPdf')} title={v.title} fileName="ket-qua-bieu-quyet.pdf" link={() => meetings.voteRecord(m.meetingId, v.voteId)} />}
            {v.secret && v.result?.published && <Text size="xs" c="dimmed">{t('meeting.publishedCount', { count: v.result.published.length })}</Text>}
            {v.secret && voter && (kept ? <Button size="xs" variant="light" leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={verify}>{t('meeting.verify')}</Button>
              : v.iHaveSignature ? <Text size="xs" c="dimmed">{t('meeting.notOnThisDevice')}</Text> : null)}
          </Group>
        )}
        {check && <Text size="sm" role="status" fw={600} data-verified>{check}</Text>}
      </Stack>
    </Card>
  )
}

function NewVote({ m, act }: { m: MeetingView; act: Act }) {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [subject, setSubject] = useState<(typeof VOTE_SUBJECTS)[number]>('resolution')
  const [secret, setSecret] = useState(false)
  const [candidates, setCandidates] = useState<string[]>([])
  const [seats, setSeats] = useState<number | string>(1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const people = m.participants.filter((p) => p.role === 'member').map((p) => ({ value: p.userId, label: p.fullName }))
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await act(() => meetings.openVote(m.meetingId, {
        title: title.trim(), subject, secret, ...(m.currentItemId ? { itemId: m.currentItemId } : {}),
        ...(subject === 'personnel' ? { candidateUserIds: candidates, seats: Number(seats) || 1 } : {}),
      }))
      setTitle('')
      setCandidates([])
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="xs" component="form" aria-label={t('meeting.newVote')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <Title order={3} size="h5">{t('meeting.newVote')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('meeting.voteTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} />
        <Select label={t('meeting.subjectLabel')} allowDeselect={false} data={VOTE_SUBJECTS.map((s) => ({ value: s, label: t(`meeting.subject.${s}`) }))} value={subject} onChange={(v) => v && setSubject(v as typeof subject)} w={200} />
        <Switch label={t('meeting.secret')} checked={secret} onChange={(e) => setSecret(e.currentTarget.checked)} />
      </Group>
      {subject === 'personnel' && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect label={t('meeting.candidates')} required searchable data={people} value={candidates} onChange={setCandidates} style={{ flex: '1 1 16rem' }} />
          <NumberInput label={t('meeting.seats')} min={1} max={50} value={seats} onChange={setSeats} w={140} />
        </Group>
      )}
      {error && <Text c="red" size="sm" role="alert">{error}</Text>}
      <Group><Button type="submit" loading={busy}>{t('meeting.openVote')}</Button></Group>
    </Stack>
  )
}
