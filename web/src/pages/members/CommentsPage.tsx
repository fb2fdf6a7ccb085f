/**
 * The yearly comment of the residence cell (213-QĐ/TW): the workplace cell
 * opens the year's campaign and follows each request; the residence cell
 * fills the form (criteria, conclusion); the commune/ward committee confirms;
 * the result comes back to the workplace cell. Overdue requests are marked.
 */
import { Badge, Button, Checkbox, Drawer, Group, NumberInput, Paper, Radio, Select, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMENT_CRITERIA, type CommentCriterion } from '../../../../shared/members/contracts'
import { membersApi, type CommentView } from '../../api/members'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { useUnits } from '../../lib/units'
import { useCellChoice } from './useCellChoice'

const COLORS: Record<string, string> = { requested: 'blue', escalated: 'orange', filled: 'teal', confirmed: 'teal', returned: 'green', expired: 'gray' }
const isOverdue = (c: CommentView) => c.status === 'escalated' || (['requested', 'filled'].includes(c.status) && Date.parse(c.deadlineAt) < Date.now())

export function CommentStatus({ c }: { c: CommentView }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={COLORS[c.status] ?? 'gray'} variant="light" tt="none">{t(`members.comments.statuses.${c.status}`)}</Badge>
      {isOverdue(c) && <Badge color="red" variant="filled" tt="none">{t('members.comments.overdue')}</Badge>}
    </Group>
  )
}

export default function CommentsPage() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<string | null>('inbox')
  return (
    <Stack gap="md">
      <PageHeader title={t('members.comments.title')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="inbox">{t('members.comments.inboxTab')}</Tabs.Tab>
          <Tabs.Tab value="campaign">{t('members.comments.campaignTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox" pt="md"><Inbox /></Tabs.Panel>
        <Tabs.Panel value="campaign" pt="md"><Campaign /></Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

/** Requests waiting on the caller's units: the residence cell's form, the ward's confirmation. */
function Inbox() {
  const { t } = useTranslation()
  const units = useUnits()
  const lang = useLang()
  const inbox = useData((signal) => membersApi.commentInbox(signal), [])
  const [open, setOpen] = useState<CommentView | null>(null)
  const items = inbox.data?.comments ?? []
  if (inbox.loading && !inbox.data) return <Loading />
  if (inbox.error !== undefined) return <ErrorAlert error={inbox.error} onRetry={inbox.reload} />
  if (items.length === 0) return <Text c="dimmed">{t('members.comments.inboxEmpty')}</Text>
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">{t('members.member')}</Table.Th><Table.Th scope="col">{t('members.comments.workplaceCell')}</Table.Th>
            <Table.Th scope="col">{t('members.deadline')}</Table.Th><Table.Th scope="col">{t('members.status')}</Table.Th>
            <Table.Th scope="col"><span className="sr-only">{t('unit.actions')}</span></Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.commentId}>
                <Table.Td>{c.memberName}<Text size="xs" c="dimmed">{t('members.comments.year', { year: c.year })}</Text></Table.Td>
                <Table.Td>{units.name(c.workplaceCellId)}</Table.Td>
                <Table.Td>{formatDateTime(c.deadlineAt, lang)}</Table.Td>
                <Table.Td><CommentStatus c={c} /></Table.Td>
                <Table.Td>
                  <Button size="xs" onClick={() => setOpen(c)} aria-label={t(c.status === 'filled' ? 'members.comments.confirmFor' : 'members.comments.fillFor', { name: c.memberName })}>
                    {c.status === 'filled' ? t('members.comments.confirm') : t('members.comments.fill')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CommentDrawer comment={open} onClose={() => setOpen(null)} onDone={() => { setOpen(null); inbox.reload() }} />
    </>
  )
}

function CommentDrawer({ comment, onClose, onDone }: { comment: CommentView | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const units = useUnits()
  const phone = useMediaQuery('(max-width: 36em)')
  const [criteria, setCriteria] = useState<Record<CommentCriterion, boolean>>(() => Object.fromEntries(COMMENT_CRITERIA.map((c) => [c, false])) as Record<CommentCriterion, boolean>)
  const [conclusion, setConclusion] = useState<'good' | 'not-good' | ''>('')
  const [note, setNote] = useState('')
  const sub = useSubmit(['conclusion', 'note'])
  const confirming = comment?.status === 'filled'
  const reset = () => { sub.reset(); setNote(''); setConclusion(''); setCriteria(Object.fromEntries(COMMENT_CRITERIA.map((c) => [c, false])) as Record<CommentCriterion, boolean>) }
  const send = async () => {
    if (!comment) return
    if (!confirming && !conclusion) return sub.setErrors({ conclusion: t('members.comments.chooseConclusion') })
    const body = note.trim() ? { note: note.trim() } : {}
    const res = await sub.run(() => (confirming ? membersApi.confirmComment(comment.commentId, body) : membersApi.fillComment(comment.commentId, { criteria, conclusion: conclusion as 'good' | 'not-good', ...body })))
    if (res) { notify.ok(confirming ? t('members.comments.confirmed') : t('members.comments.filled')); reset(); onDone() }
  }
  return (
    <Drawer opened={!!comment} onClose={() => { reset(); onClose() }} position="right" size={phone ? '100%' : 'lg'}
      title={comment ? `${confirming ? t('members.comments.confirm') : t('members.comments.fill')}: ${comment.memberName}` : ''} closeButtonProps={{ 'aria-label': t('app.close') }}>
      {comment && (
        <Stack gap="md">
          <dl className="dl">
            <dt>{t('members.member')}</dt><dd>{comment.memberName}</dd>
            <dt>{t('members.comments.workplaceCell')}</dt><dd>{units.name(comment.workplaceCellId)}</dd>
            <dt>{t('members.comments.residenceCell')}</dt><dd>{units.name(comment.residenceCellId)}</dd>
          </dl>
          {sub.error && <ErrorAlert error={new Error(sub.error)} />}
          {confirming && comment.form ? (
            <Paper withBorder p="sm">
              <Title order={3} size="h5" mb="xs">{t('members.comments.form')}</Title>
              {COMMENT_CRITERIA.map((c) => <Text key={c} size="sm">{comment.form!.criteria[c] ? '✓' : '✗'} {t(`members.comments.criteria.${c}`)}</Text>)}
              <Text mt="xs" fw={600}>{t('members.comments.conclusion')}: {t(`members.comments.conclusions.${comment.form.conclusion}`)}</Text>
              {comment.form.note && <Text size="sm">{comment.form.note}</Text>}
            </Paper>
          ) : (
            <>
              <Checkbox.Group label={t('members.comments.criteriaLabel')} value={COMMENT_CRITERIA.filter((c) => criteria[c])}
                onChange={(v) => setCriteria(Object.fromEntries(COMMENT_CRITERIA.map((c) => [c, v.includes(c)])) as Record<CommentCriterion, boolean>)}>
                <Stack gap={6} mt={6}>
                  {COMMENT_CRITERIA.map((c) => <Checkbox key={c} value={c} label={t(`members.comments.criteria.${c}`)} />)}
                </Stack>
              </Checkbox.Group>
              <Radio.Group label={t('members.comments.conclusion')} required value={conclusion} onChange={(v) => setConclusion(v as 'good' | 'not-good')} error={sub.errors.conclusion}>
                <Group mt={6}>
                  <Radio value="good" label={t('members.comments.conclusions.good')} />
                  <Radio value="not-good" label={t('members.comments.conclusions.not-good')} />
                </Group>
              </Radio.Group>
            </>
          )}
          <Textarea label={t('members.comments.note')} autosize minRows={2} maxRows={6} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={sub.errors.note} />
          <Group><Button loading={sub.busy} onClick={() => void send()}>{confirming ? t('members.comments.confirm') : t('members.comments.send')}</Button></Group>
        </Stack>
      )}
    </Drawer>
  )
}

/** The workplace cell's campaign for a year: open it, then follow every request to its result. */
function Campaign() {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const { cells, current, setCellId } = useCellChoice()
  const [year, setYear] = useState<number>(new Date().getFullYear())
  const list = useData(current ? (signal) => membersApi.campaign(current, year, signal) : null, [current, year])
  const sub = useSubmit([])
  const start = async () => {
    if (!current) return
    const r = await sub.run(() => membersApi.openCampaign(current, year))
    if (r) { notify.ok(t('members.comments.opened', { created: r.created.length, skipped: r.skipped.length })); list.reload() }
  }
  const items = list.data?.comments ?? []
  return (
    <Stack gap="md">
      <Group align="end" wrap="wrap">
        <Select label={t('members.comments.workplaceCell')} searchable data={cells.map((c) => ({ value: c.value, label: c.label }))} value={current} onChange={setCellId} miw={280} />
        <NumberInput label={t('members.comments.yearLabel')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={2020} max={2100} allowDecimal={false} w={120} />
        <Button disabled={!current} loading={sub.busy} onClick={() => void start()}>{t('members.comments.open')}</Button>
        <Button variant="default" onClick={list.reload}>{t('members.comments.refresh')}</Button>
      </Group>
      {sub.error && <ErrorAlert error={new Error(sub.error)} />}
      {list.loading && !list.data ? <Loading /> : list.error !== undefined ? <ErrorAlert error={list.error} onRetry={list.reload} /> : items.length === 0 ? <Text c="dimmed">{t('members.comments.campaignEmpty')}</Text> : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" aria-label={t('members.comments.campaignTab')}>
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('members.member')}</Table.Th><Table.Th scope="col">{t('members.comments.residenceCell')}</Table.Th>
              <Table.Th scope="col">{t('members.deadline')}</Table.Th><Table.Th scope="col">{t('members.status')}</Table.Th>
              <Table.Th scope="col">{t('members.comments.result')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.commentId}>
                  <Table.Td>{c.memberName}</Table.Td>
                  <Table.Td>{units.name(c.residenceCellId)}</Table.Td>
                  <Table.Td>{formatDateTime(c.deadlineAt, lang)}</Table.Td>
                  <Table.Td><CommentStatus c={c} /></Table.Td>
                  <Table.Td>{c.form ? `${t(`members.comments.conclusions.${c.form.conclusion}`)}${c.confirmation ? ` · ${t('members.comments.confirmedBy', { name: c.confirmation.by.fullName })}` : ''}` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
