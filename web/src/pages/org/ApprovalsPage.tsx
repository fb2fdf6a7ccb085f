/**
 * What I must decide: reorganisation requests (those awaiting my decision
 * and those I sent; a detail drawer with the history, and approve / reject
 * with a comment), and the Party transfer steps and residence comments
 * waiting for me, each linking to the page where it is decided.
 */
import { Anchor, Badge, Button, Drawer, Group, Stack, Table, Tabs, Text, Textarea, Timeline, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconCheck, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { DecisionBody, type Reorganisation, type ReorganisationStatus } from '../../../../shared/org/contracts'
import { endpoints } from '../../api/endpoints'
import { membersApi, type CommentView, type TransferView } from '../../api/members'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate, formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { clean, validate } from '../../lib/validation'

type Scope = 'pending' | 'mine'

const STATUS_COLOR: Record<ReorganisationStatus | 'requested', string> = {
  requested: 'gray', pending: 'blue', escalated: 'orange', approved: 'green', rejected: 'red', expired: 'gray', failed: 'red',
}

function StatusBadge({ status }: { status: ReorganisationStatus | 'requested' }) {
  const { t } = useTranslation()
  return <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" tt="none" w="max-content">{t(`approvals.statuses.${status}`, { defaultValue: status })}</Badge>
}

export default function ApprovalsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const scope: Scope = params.get('tab') === 'mine' ? 'mine' : 'pending'
  const setScope = (s: Scope) => setParams(s === 'pending' ? {} : { tab: s }, { replace: true })
  const [selected, setSelected] = useState<{ request: Reorganisation; scope: Scope } | null>(null)
  const ws = useWorkspace()
  const pending = useData((signal) => endpoints.reorganisations('pending', signal), [])
  const mine = useData((signal) => endpoints.reorganisations('mine', signal), [])
  // Members' decisions: the API lists only what the caller may decide (an error means none: the lists are theirs to show).
  const transfers = useData((signal) => membersApi.inbox(signal).then((r) => r.transfers, () => [] as TransferView[]), [])
  const comments = useData((signal) => membersApi.commentInbox(signal).then((r) => r.comments.filter((c) => ['requested', 'escalated', 'filled'].includes(c.status)), () => [] as CommentView[]), [])
  const waiting = (pending.data?.requests.length ?? 0) + (transfers.data?.length ?? 0) + (comments.data?.length ?? 0)

  const decided = (r: Reorganisation, approved: boolean) => {
    setSelected(null)
    notify.ok(approved ? t('approvals.approved') : t('approvals.rejected'))
    pending.setData((d) => d && { requests: d.requests.filter((x) => x.requestId !== r.requestId) })
    pending.reload()
    mine.reload()
    ws.refreshPending()
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('approvals.title')} />
      <Tabs value={scope} onChange={(v) => setScope((v as Scope) ?? 'pending')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="pending" rightSection={waiting ? <Badge size="sm" color="red" variant="filled" circle>{waiting}</Badge> : undefined}>
            {t('approvals.pendingTab')}
          </Tabs.Tab>
          <Tabs.Tab value="mine">{t('approvals.mineTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending" pt="md">
          <Stack gap="lg">
            <MemberDecisions transfers={transfers.data ?? []} comments={comments.data ?? []} />
            <Stack gap="xs">
              <Title order={2} fz="h4">{t('approvals.reorganisations')}</Title>
              <RequestList state={pending} onOpen={(r) => setSelected({ request: r, scope: 'pending' })} />
            </Stack>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="mine" pt="md">
          <RequestList state={mine} onOpen={(r) => setSelected({ request: r, scope: 'mine' })} />
        </Tabs.Panel>
      </Tabs>
      <RequestDrawer selected={selected} onClose={() => setSelected(null)} onDecided={decided} />
    </Stack>
  )
}

/** Transfer steps and residence comments waiting for the caller: who, from where to where, by when; each opens where it is decided. */
function MemberDecisions({ transfers, comments }: { transfers: TransferView[]; comments: CommentView[] }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  if (!transfers.length && !comments.length) return null
  const rows = [
    ...transfers.map((x) => ({ key: x.transferId, title: x.memberName, what: t('approvals.transfer'), detail: `${units.name(x.fromCellId)} → ${x.toUnitId ? units.name(x.toUnitId) : x.toOutside?.name ?? ''}`, due: x.status === 'pending' ? x.stageDeadlineAt : x.acceptBy, to: '/party/transfers' })),
    ...comments.map((c) => ({ key: c.commentId, title: c.memberName, what: t('approvals.residenceComment'), detail: `${units.name(c.residenceCellId)} · ${c.year}`, due: c.deadlineAt, to: '/party/comments' })),
  ]
  return (
    <Stack gap="xs" component="section" aria-labelledby="approvals-members">
      <Title order={2} fz="h4" id="approvals-members">{t('approvals.members')}</Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r) => (
          <li key={r.key}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} miw={0} style={{ flex: '1 1 14rem' }}>
                <Anchor component={Link} to={r.to} fw={600}>{r.title}</Anchor>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{r.what} · {r.detail}</Text>
              </Stack>
              {r.due && <Text size="sm">{t('home.work.due')} {formatDateTime(r.due, lang)}</Text>}
            </Group>
          </li>
        ))}
      </Stack>
    </Stack>
  )
}

function RequestList({ state, onOpen }: { state: ReturnType<typeof useData<{ requests: Reorganisation[] }>>; onOpen: (r: Reorganisation) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  if (state.loading && !state.data) return <Loading />
  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />
  const requests = state.data?.requests ?? []
  if (!requests.length) return <Text c="dimmed">{t('approvals.empty')}</Text>
  const names = (ids: string[]) => ids.map((id) => units.name(id)).join(', ')
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('approvals.kind')}</Table.Th>
            <Table.Th scope="col">{t('approvals.sources')}</Table.Th>
            <Table.Th scope="col">{t('approvals.successors')}</Table.Th>
            <Table.Th scope="col">{t('approvals.effectiveDate')}</Table.Th>
            <Table.Th scope="col">{t('approvals.requestedBy')}</Table.Th>
            <Table.Th scope="col">{t('approvals.status')}</Table.Th>
            <Table.Th scope="col"><span className="sr-only">{t('unit.actions')}</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.requestId}>
              <Table.Td>{t(`reorg.kinds.${r.kind}`)}</Table.Td>
              <Table.Td>{names(r.sourceUnitIds)}</Table.Td>
              <Table.Td>{names(r.successors.map((s) => s.unitId)) || '—'}</Table.Td>
              <Table.Td>{formatDate(r.effectiveDate, lang)}</Table.Td>
              <Table.Td>{r.requestedBy.fullName}<Text size="xs" c="dimmed">{formatDateTime(r.createdAt, lang)}</Text></Table.Td>
              <Table.Td><StatusBadge status={r.status} /></Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => onOpen(r)}
                  aria-label={t('approvals.open', { kind: t(`reorg.kinds.${r.kind}`).toLowerCase(), units: names(r.sourceUnitIds) })}>
                  {t('app.view')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function RequestDrawer({ selected, onClose, onDecided }: {
  selected: { request: Reorganisation; scope: Scope } | null
  onClose: () => void
  onDecided: (r: Reorganisation, approved: boolean) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const phone = useMediaQuery('(max-width: 36em)')
  const [comment, setComment] = useState('')
  const [choice, setChoice] = useState<boolean | null>(null)
  const sub = useSubmit(['comment'])
  const r = selected?.request
  const canDecide = !!r && selected?.scope === 'pending' && (r.status === 'pending' || r.status === 'escalated')

  const decide = async (approved: boolean) => {
    if (!r) return
    const v = validate(DecisionBody, { approved, ...clean({ comment }) }, { comment: t('approvals.comment') }, lang)
    if (!v.ok) return sub.setErrors(v.errors)
    setChoice(approved)
    const res = await sub.run(() => endpoints.decide(r.requestId, v.data))
    if (res) {
      setComment('')
      onDecided(res.request, approved)
    }
  }

  const unitLink = (id: string) => <Anchor component={Link} to={`/units/${encodeURIComponent(id)}`} onClick={onClose}>{units.name(id)}</Anchor>

  return (
    <Drawer opened={!!r} onClose={() => { sub.reset(); setComment(''); onClose() }} position="right" size={phone ? '100%' : 'lg'}
      title={r ? t('approvals.detailTitle', { kind: lang === 'vi' ? t(`reorg.kinds.${r.kind}`).toLowerCase() : t(`reorg.kinds.${r.kind}`) }) : ''} closeButtonProps={{ 'aria-label': t('app.close') }}>
      {r && (
        <Stack gap="md">
          <Group gap="xs"><StatusBadge status={r.status} /></Group>
          <dl className="dl">
            <dt>{t('approvals.sources')}</dt>
            <dd><Group gap="xs" component="span">{r.sourceUnitIds.map((id) => <span key={id}>{unitLink(id)}</span>)}</Group></dd>
            <dt>{t('approvals.successors')}</dt>
            <dd>{r.successors.length ? <Group gap="xs" component="span">{r.successors.map((s) => <span key={s.unitId}>{unitLink(s.unitId)}{s.share !== undefined && ` (${s.share}%)`}</span>)}</Group> : '—'}</dd>
            <dt>{t('approvals.effectiveDate')}</dt><dd>{formatDate(r.effectiveDate, lang)}</dd>
            <dt>{t('approvals.approver')}</dt><dd>{units.name(r.approverUnitId)}</dd>
            <dt>{t('approvals.requestedBy')}</dt><dd>{r.requestedBy.fullName} · {formatDateTime(r.createdAt, lang)}</dd>
            {r.deadlineAt && <><dt>{t('approvals.deadline')}</dt><dd>{formatDateTime(r.deadlineAt, lang)}</dd></>}
            {r.decidedBy && <><dt>{t('approvals.decidedBy')}</dt><dd>{r.decidedBy.fullName} · {formatDateTime(r.decidedBy.at, lang)}{r.decidedBy.comment ? ` — “${r.decidedBy.comment}”` : ''}</dd></>}
            <dt>{t('approvals.reason')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</dd>
          </dl>

          <section aria-labelledby="req-history">
            <Title order={3} fz="h5" id="req-history" mb="sm">{t('approvals.history')}</Title>
            <Timeline active={r.history.length - 1} bulletSize={14} lineWidth={2}>
              {r.history.map((h, i) => (
                <Timeline.Item key={i} title={t(`approvals.statuses.${h.status}`, { defaultValue: h.status })}>
                  <Text size="xs" c="dimmed">{formatDateTime(h.at, lang)}{h.by ? ` · ${h.by}` : ''}</Text>
                  {h.note && <Text size="sm">{h.note}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </section>

          {canDecide && (
            <Stack gap="sm">
              {sub.error && <ErrorAlert error={new Error(sub.error)} />}
              <Textarea label={t('approvals.comment')} description={t('approvals.commentHelp')} autosize minRows={2} maxRows={6}
                value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={sub.errors.comment} />
              <Group gap="sm">
                <Button color="green" leftSection={<IconCheck size={18} aria-hidden />} loading={sub.busy && choice === true} disabled={sub.busy && choice !== true} onClick={() => void decide(true)}>{t('approvals.approve')}</Button>
                <Button color="red" variant="outline" leftSection={<IconX size={18} aria-hidden />} loading={sub.busy && choice === false} disabled={sub.busy && choice !== false} onClick={() => void decide(false)}>{t('approvals.reject')}</Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  )
}
