/**
 * One task (nhiệm vụ): what, who leads and who gave it, the deadline (and
 * the original one when an extension moved it), progress, the history in
 * order (reports, extension requests and decisions, returns, evaluation),
 * and only the steps the caller may take now — the lead's (accept, report
 * progress, submit, ask for more time) and the assigner's (evaluate, return,
 * decide an extension, cancel). Each step names the version it was made on;
 * a stale one says so and the page reloads.
 */
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core'
import { IconArrowBackUp, IconCalendarPlus, IconCheck, IconSend, IconStar, IconTrendingUp, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { ApiError } from '../../api/client'
import { tasks, type TaskStep, type TaskView } from '../../api/tasks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TaskStatusBadge } from '../../components/tasks/TaskStatusBadge'
import { FormModal } from '../../components/FormModal'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate, formatDateTime } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { DateField } from '../../components/DateFields'


type Action = 'progress' | 'submit' | 'extensions' | 'evaluate' | 'return' | 'decide' | 'cancel'

export default function TaskPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { taskId = '' } = useParams()
  const task = useData((s) => tasks.get(taskId, s), [taskId])
  const [action, setAction] = useState<Action | null>(null)
  const [accepting, setAccepting] = useState(false)

  if (task.loading && !task.data) return <Loading />
  if (task.error || !task.data) return <ErrorAlert error={task.error} onRetry={task.reload} />
  const v = task.data
  const pending = v.extensions.find((e) => e.status === 'pending')
  const done = (view: TaskView, message: string) => { task.setData(() => view); setAction(null); notify.ok(message) }
  const accept = async () => {
    setAccepting(true)
    try { done(await tasks.accept(v.taskId, v.version), t('task.accepted', { title: v.title })) } catch (e) { notify.error(errorMessage(e)); task.reload() } finally { setAccepting(false) }
  }
  const leadSteps = v.can.lead
  const assignerSteps = v.can.assigner

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/tasks" size="sm">← {t('task.back')}</Anchor>
      <PageHeader title={v.title}>
        <TaskStatusBadge status={v.status} size="lg" />
        {v.overdue && <Badge color="red.9" size="lg">{t('task.overdue')}</Badge>}
      </PageHeader>

      {(leadSteps || assignerSteps) && (
        <Group gap="xs" wrap="wrap" aria-label={t('task.actions')} role="group">
          {leadSteps && v.status === 'assigned' && <Button loading={accepting} leftSection={<IconCheck size={16} aria-hidden />} onClick={() => void accept()}>{t('task.accept')}</Button>}
          {leadSteps && (v.status === 'accepted' || v.status === 'in-progress') && <>
            <Button variant="light" leftSection={<IconTrendingUp size={16} aria-hidden />} onClick={() => setAction('progress')}>{t('task.act.progress')}</Button>
            <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setAction('submit')}>{t('task.act.submit')}</Button>
          </>}
          {leadSteps && v.status !== 'submitted' && !pending && <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setAction('extensions')}>{t('task.act.extensions')}</Button>}
          {assignerSteps && v.status === 'submitted' && <>
            <Button leftSection={<IconStar size={16} aria-hidden />} onClick={() => setAction('evaluate')}>{t('task.act.evaluate')}</Button>
            <Button variant="light" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setAction('return')}>{t('task.act.return')}</Button>
          </>}
          {assignerSteps && pending && <Button color="orange" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setAction('decide')}>{t('task.act.decide')}</Button>}
          {assignerSteps && <Button variant="subtle" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={() => setAction('cancel')}>{t('task.act.cancel')}</Button>}
        </Group>
      )}

      {pending && (
        <Alert color="orange" variant="light" title={t('task.pendingExtension')}>
          {t('task.pendingExtensionText', { who: pending.by.fullName, from: formatDate(pending.from, lang), until: formatDate(pending.until, lang), reason: pending.reason })}
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('task.lead')} value={v.leadUser ? `${v.leadUser.fullName} — ${v.leadUnitName}` : v.leadUnitName} />
          <Field label={t('task.assigner')} value={`${v.assigner.fullName} — ${v.ownerUnitName}`} />
          <Field label={t('task.deadline')} value={v.deadline === v.originalDeadline ? formatDate(v.deadline, lang)
            : `${formatDate(v.deadline, lang)} (${t('task.originally', { date: formatDate(v.originalDeadline, lang) })})`} danger={v.overdue} />
          <Field label={t('task.assignedOn')} value={formatDate(v.assignedOn, lang)} />
          <Field label={t('task.priority.label')} value={t(`task.priority.${v.priority}`)} />
          {v.coordinatingUnits.length > 0 && <Field label={t('task.coordinating')} value={v.coordinatingUnits.map((u) => u.name).join('; ')} />}
          {v.watchers.length > 0 && <Field label={t('task.watchers')} value={v.watchers.map((w) => w.fullName).join('; ')} />}
          {v.source.kind === 'document' && (
            <div><Text size="sm" c="dimmed">{t('task.source')}</Text><Anchor component={Link} to={`/documents/${v.source.documentId}`}>{t('task.openDocument')}</Anchor></div>
          )}
          {v.source.kind === 'programme' && (
            <div><Text size="sm" c="dimmed">{t('task.source')}</Text>
              <Anchor component={Link} to={`/programmes/${v.source.programmeId}`}>{t('task.fromProgramme', { programme: v.source.programmeTitle, item: v.source.itemContent })}</Anchor></div>
          )}
          {v.source.kind === 'resolution' && (
            <div><Text size="sm" c="dimmed">{t('task.source')}</Text>
              <Anchor component={Link} to={`/resolutions/${v.source.resolutionId}`}>{t('task.fromResolution', { name: v.source.name })}</Anchor></div>
          )}
        </SimpleGrid>
        {v.description && <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>{v.description}</Text>}
        <Stack gap={4} mt="md">
          <Text size="sm" c="dimmed">{t('task.progress', { percent: v.percent })}</Text>
          <Progress value={v.percent} aria-label={t('task.progress', { percent: v.percent })} color={v.status === 'done' ? 'green' : undefined} />
        </Stack>
        {v.evaluation && (
          <Text mt="md">{t('task.evaluated', {
            quality: v.evaluation.quality, timeliness: t(`task.timeliness.${v.evaluation.timeliness}`), who: v.evaluation.by.fullName, date: formatDate(v.evaluation.at.slice(0, 10), lang),
          })}{v.evaluation.comment ? ` — ${v.evaluation.comment}` : ''}</Text>
        )}
        {v.cancelReason && <Text mt="md" c="red">{t('task.cancelledBecause', { reason: v.cancelReason })}</Text>}
      </Paper>

      <Paper withBorder p="md">
        <Text fw={600} mb="sm" component="h2">{t('task.history')}</Text>
        <History task={v} />
      </Paper>

      {action && <StepModal task={v} action={action} onClose={() => setAction(null)} onDone={done} onStale={task.reload} />}
    </Stack>
  )
}

function Field({ label, value, danger }: { label: string; value: string; danger?: boolean }) {
  return <div><Text size="sm" c="dimmed">{label}</Text><Text c={danger ? 'red' : undefined} fw={danger ? 600 : undefined}>{value}</Text></div>
}

/** Every recorded step in time order, each said in words with who and when. */
function History({ task }: { task: TaskView }) {
  const { t } = useTranslation()
  const lang = useLang()
  const rows: { at: string; text: string; note?: string }[] = [
    { at: task.createdAt, text: t('task.h.assigned', { who: task.assigner.fullName }) },
    ...task.reports.map((r) => ({ at: r.at, text: t('task.h.report', { who: r.by.fullName, percent: r.percent }), note: r.text })),
    ...task.events.map((e) => ({ at: e.at, text: t(`task.h.${e.kind}`, { who: e.by.fullName }), ...(e.text ? { note: e.text } : {}) })),
    ...task.extensions.flatMap((x) => [
      { at: x.requestedAt, text: t('task.h.extension', { who: x.by.fullName, until: formatDate(x.until, lang) }), note: x.reason },
      ...(x.decidedAt && x.decidedBy ? [{ at: x.decidedAt, text: t(x.status === 'approved' ? 'task.h.approved' : 'task.h.refused', { who: x.decidedBy.fullName }), ...(x.comment ? { note: x.comment } : {}) }] : []),
    ]),
    ...(task.evaluation ? [{ at: task.evaluation.at, text: t('task.h.evaluated', { who: task.evaluation.by.fullName, quality: task.evaluation.quality }), ...(task.evaluation.comment ? { note: task.evaluation.comment } : {}) }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at))
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {rows.map((r, i) => (
        <Timeline.Item key={i} title={r.text}>
          <Text size="xs" c="dimmed">{formatDateTime(r.at, lang)}</Text>
          {r.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}

/** The form of one step: only the fields that step takes, the server's messages beside them. */
function StepModal({ task, action, onClose, onDone, onStale }: {
  task: TaskView; action: Action; onClose: () => void; onDone: (v: TaskView, message: string) => void; onStale: () => void
}) {
  const { t } = useTranslation()
  const [percent, setPercent] = useState<number>(Math.max(task.percent, 10))
  const [text, setText] = useState('')
  const [until, setUntil] = useState('')
  const [quality, setQuality] = useState('4')
  const [approve, setApprove] = useState('yes')
  const form = useSubmit(['percent', 'text', 'comment', 'reason', 'until', 'quality'])
  const step: TaskStep = action === 'decide' ? 'extensions/decision' : action
  const body = (): Record<string, unknown> => {
    const version = task.version
    switch (action) {
      case 'progress': return { version, percent, text }
      case 'submit': return { version, text }
      case 'extensions': return { version, until, reason: text }
      case 'evaluate': return { version, quality: Number(quality), ...(text.trim() ? { comment: text } : {}) }
      case 'return': return { version, comment: text }
      case 'decide': return { version, approve: approve === 'yes', ...(text.trim() ? { comment: text } : {}) }
      case 'cancel': return { version, reason: text }
    }
  }
  const submit = async () => {
    const res = await form.run(async () => {
      try {
        return await tasks.step(task.taskId, step, body())
      } catch (e) {
        // Someone changed the task meanwhile: say so and show the newer task.
        if (e instanceof ApiError && e.status === 409) { notify.error(e.message); onClose(); onStale() }
        throw e
      }
    })
    if (res) onDone(res, t(`task.done.${action}`, { title: task.title }))
  }
  const textLabel = action === 'extensions' || action === 'cancel' ? t('task.f.reason') : action === 'progress' || action === 'submit' ? t('task.f.report') : t('task.f.comment')
  const textRequired = !(action === 'evaluate' || action === 'decide')
  return (
    <FormModal opened onClose={onClose} title={t(`task.act.${action}`)} submitLabel={t(`task.act.${action}`)} onSubmit={() => void submit()}
      busy={form.busy} error={form.error}>
      {action === 'progress' && (
        <NumberInput label={t('task.f.percent')} min={0} max={100} step={5} suffix="%" value={percent} onChange={(n) => setPercent(Number(n) || 0)} error={form.errors.percent} />
      )}
      {action === 'extensions' && (
        <DateField label={t('task.f.until')} required value={until} onChange={(e) => setUntil(e.currentTarget.value)} error={form.errors.until} />
      )}
      {action === 'evaluate' && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="quality-label">{t('task.f.quality')}</Text>
          <SegmentedControl aria-labelledby="quality-label" value={quality} onChange={setQuality}
            data={['1', '2', '3', '4', '5'].map((q) => ({ value: q, label: `${q} — ${t(`task.quality.${q}`)}` }))} orientation="vertical" fullWidth />
        </Stack>
      )}
      {action === 'decide' && (
        <SegmentedControl value={approve} onChange={setApprove} fullWidth
          data={[{ value: 'yes', label: t('task.f.approve') }, { value: 'no', label: t('task.f.refuse') }]} />
      )}
      <Textarea label={textLabel} required={textRequired} autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)}
        error={form.errors.text ?? form.errors.comment ?? form.errors.reason} />
    </FormModal>
  )
}
