/**
 * One work programme: its unit, period and state, the overall progress, and
 * its items month by month (each with the preparing unit, the presiding
 * leader, the day and its week, the expected output, the superior item it
 * carries out, its tasks and progress). Only the caller's steps are offered:
 * add items and submit while a draft (office), approve or return once
 * submitted (a Standing Committee leader who did not draft or submit it),
 * move or drop an item with a reason and give a task for it once approved.
 * Export as XLSX for everyone who reads it. Names, never ids.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { IconCalendarTime, IconCheck, IconFileSpreadsheet, IconListCheck, IconPlus, IconSend, IconTrash } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { programmePolicy } from '../../../../shared/programmes/policy'
import { ApiError } from '../../api/client'
import { endpoints } from '../../api/endpoints'
import { programmes, type ItemProgressState, type ProgrammeItemView, type ProgrammeView } from '../../api/programmes'
import { DateField } from '../../components/DateFields'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormModal } from '../../components/FormModal'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { UnitPicker } from '../../components/org/UnitPicker'
import { TaskStatusBadge } from '../../components/tasks/TaskStatusBadge'
import { formatDate } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { downloadBytes } from '../../lib/xlsx'
import { ProgrammeStateBadge } from './ProgrammesPage'

type Step = { kind: 'add' } | { kind: 'decide' } | { kind: 'move' | 'drop' | 'task'; item: ProgrammeItemView }

const PROGRESS_COLOR: Record<ItemProgressState, { color: string; text: string }> = {
  dropped: { color: 'gray', text: '#343a40' }, 'not-started': { color: 'blue', text: '#134e87' }, 'in-progress': { color: 'violet', text: '#4c2fa8' },
  done: { color: 'green', text: '#1e6b30' }, overdue: { color: 'red', text: '#9b1c1c' },
}

export default function ProgrammePage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { programmeId = '' } = useParams()
  const data = useData((s) => programmes.get(programmeId, s), [programmeId])
  const [step, setStep] = useState<Step | null>(null)
  const [busy, setBusy] = useState<'submit' | 'export' | null>(null)

  if (data.loading && !data.data) return <Loading />
  if (data.error || !data.data) return <ErrorAlert error={data.error} onRetry={data.reload} />
  const p = data.data
  const done = (v: ProgrammeView, message: string) => { data.setData(() => v); setStep(null); notify.ok(message) }
  const run = async (which: 'submit' | 'export', fn: () => Promise<void>) => {
    setBusy(which)
    try { await fn() } catch (e) { notify.error(errorMessage(e)); if (e instanceof ApiError && e.status === 409) data.reload() } finally { setBusy(null) }
  }
  const submit = () => run('submit', async () => done(await programmes.submit(p.programmeId, p.version), t('prog.done.submit')))
  const exportXlsx = () => run('export', async () => {
    const file = await programmes.export(p.programmeId)
    downloadBytes(file.fileName, Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0)), file.contentType)
    notify.ok(t('prog.done.export', { file: file.fileName }))
  })

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/programmes?unit=${p.unitId}`} size="sm">← {t('prog.back')}</Anchor>
      <PageHeader title={p.title}><ProgrammeStateBadge state={p.state} size="lg" /></PageHeader>
      <Text>{t('prog.of', { unit: p.unitName, period: p.periodName })} · {t(`prog.body.${p.body}`)}</Text>
      {p.submittedAt && p.submittedBy && p.state !== 'draft' && <Text size="sm" c="dimmed">{t('prog.submittedBy', { date: formatDate(p.submittedAt.slice(0, 10), lang), who: p.submittedBy.fullName })}</Text>}
      {p.approvedAt && p.approvedBy && <Text size="sm">{t('prog.approvedBy', { date: formatDate(p.approvedAt.slice(0, 10), lang), who: p.approvedBy.fullName })}</Text>}
      {p.state === 'draft' && p.returnComment && <Alert color="orange" variant="light" title={t('prog.returned')}>{p.returnComment}</Alert>}

      <Group gap="xs" wrap="wrap" role="group" aria-label={t('prog.actions')}>
        {p.can.edit && <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStep({ kind: 'add' })}>{t('prog.act.add')}</Button>}
        {p.can.submit && <Button loading={busy === 'submit'} leftSection={<IconSend size={16} aria-hidden />} onClick={() => void submit()}>{t('prog.act.submit')}</Button>}
        {p.can.decide && <Button color="green.8" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setStep({ kind: 'decide' })}>{t('prog.act.decide')}</Button>}
        <Button variant="default" loading={busy === 'export'} leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void exportXlsx()}>{t('prog.act.export')}</Button>
      </Group>

      <Stack gap={4}>
        <Text size="sm">{t('prog.progress', p.progress)}</Text>
        <Progress value={p.progress.percent} aria-label={t('prog.progress', p.progress)} color={p.progress.total > 0 && p.progress.done === p.progress.total ? 'green' : undefined} />
      </Stack>

      {!p.items.length ? <Text c="dimmed">{t('prog.noItems')}</Text> : <Months programme={p} onStep={setStep} />}

      {step && <StepModal programme={p} step={step} onClose={() => setStep(null)} onDone={done} onStale={data.reload} />}
    </Stack>
  )
}

/** Items under their month's heading, in date order. */
function Months({ programme, onStep }: { programme: ProgrammeView; onStep: (s: Step) => void }) {
  const { t } = useTranslation()
  const months = useMemo(() => {
    const m = new Map<string, ProgrammeItemView[]>()
    for (const i of programme.items) m.set(i.dueOn.slice(0, 7), [...(m.get(i.dueOn.slice(0, 7)) ?? []), i])
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b))
  }, [programme.items])
  return (
    <Stack gap="lg">
      {months.map(([ym, items]) => (
        <Stack key={ym} gap="sm" component="section" aria-labelledby={`m-${ym}`}>
          <Title order={2} fz="h4" id={`m-${ym}`}>{t('prog.monthHeading', { month: Number(ym.slice(5, 7)), year: ym.slice(0, 4) })}</Title>
          {items.map((i) => <ItemCard key={i.itemId} programme={programme} item={i} onStep={onStep} />)}
        </Stack>
      ))}
    </Stack>
  )
}

function ItemCard({ programme, item, onStep }: { programme: ProgrammeView; item: ProgrammeItemView; onStep: (s: Step) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const live = item.state !== 'dropped'
  const c = PROGRESS_COLOR[item.progress.state]
  const week = Math.ceil(Number(item.dueOn.slice(8, 10)) / 7)
  return (
    <Paper withBorder p="md" data-item={item.content} component="article" aria-label={item.content}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Text fw={600} component="h3" style={{ flex: '1 1 16rem', textDecoration: live ? undefined : 'line-through' }}>{item.content}</Text>
        <Group gap={6} wrap="wrap">
          {item.state !== 'planned' && <Badge variant="outline" color="gray.8" c="#343a40">{t(`prog.itemStates.${item.state}`)}</Badge>}
          {programme.state === 'approved' && <Badge color={c.color} c={c.text} variant="light" style={{ minWidth: 'max-content' }}>{t(`prog.progressStates.${item.progress.state}`)}</Badge>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" mt="xs">
        <Field label={t('prog.preparing')} value={item.preparingUnitName} />
        <Field label={t('prog.presiding')} value={item.presidingLeader?.fullName ?? '—'} />
        <Field label={t('prog.day')} value={`${formatDate(item.dueOn, lang)} (${t('prog.week', { week })})`} />
        <Field label={t('prog.output')} value={item.output} />
      </SimpleGrid>
      {item.cascadedFrom && <Text size="sm" mt="xs">{t('prog.carriesOut', { content: item.cascadedFrom.content })}</Text>}
      {item.state === 'moved' && item.movedFrom && <Text size="sm" mt="xs" c="orange.9">{t('prog.movedFrom', { date: formatDate(item.movedFrom, lang), reason: item.reason })}</Text>}
      {item.state === 'dropped' && <Text size="sm" mt="xs" c="dimmed">{t('prog.droppedBecause', { reason: item.reason })}</Text>}
      {programme.state === 'approved' && live && <>
        <Stack gap={4} mt="sm">
          <Text size="sm" c="dimmed">{t('prog.itemProgress', { percent: item.progress.percent })}</Text>
          <Progress value={item.progress.percent} aria-label={`${t('prog.itemProgress', { percent: item.progress.percent })}: ${item.content}`} color={c.color} />
        </Stack>
        <Text size="sm" fw={600} mt="sm">{t('prog.tasks')}</Text>
        {!item.tasks.length ? <Text size="sm" c="dimmed">{t('prog.noTasks')}</Text> : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {item.tasks.map((task) => (
              <Group key={task.taskId} component="li" gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/tasks/${task.taskId}`} size="sm">{t('prog.taskLine', { title: task.title, lead: task.leadUnitName, deadline: formatDate(task.deadline, lang) })}</Anchor>
                <TaskStatusBadge status={task.status} size="sm" />
              </Group>
            ))}
          </Stack>
        )}
      </>}
      {live && (programme.can.follow || programme.can.task) && (
        <Group gap="xs" mt="sm" wrap="wrap" role="group" aria-label={t('prog.itemActions', { content: item.content })}>
          {programme.can.task && <Button size="xs" leftSection={<IconListCheck size={14} aria-hidden />} onClick={() => onStep({ kind: 'task', item })}>{t('prog.act.task')}</Button>}
          {programme.can.follow && <>
            <Button size="xs" variant="light" leftSection={<IconCalendarTime size={14} aria-hidden />} onClick={() => onStep({ kind: 'move', item })}>{t('prog.act.move')}</Button>
            <Button size="xs" variant="default" c="#9b1c1c" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onStep({ kind: 'drop', item })}>{t('prog.act.drop')}</Button>
          </>}
        </Group>
      )}
    </Paper>
  )
}

function Field({ label, value }: { label: string; value: string }) {
  return <div><Text size="xs" c="dimmed">{label}</Text><Text size="sm">{value}</Text></div>
}

/** The form of one step: only the fields it takes, the server's messages beside them; a stale version says so and reloads. */
function StepModal({ programme: p, step, onClose, onDone, onStale }: {
  programme: ProgrammeView; step: Step; onClose: () => void; onDone: (v: ProgrammeView, message: string) => void; onStale: () => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const item = 'item' in step ? step.item : undefined
  const [content, setContent] = useState('')
  const [preparing, setPreparing] = useState<string | null>(p.unitId)
  const [presiding, setPresiding] = useState<string | null>(null)
  const [day, setDay] = useState('')
  const [output, setOutput] = useState('')
  const [cascade, setCascade] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [approve, setApprove] = useState('yes')
  const [title, setTitle] = useState(item?.content.slice(0, 300) ?? '')
  const [lead, setLead] = useState<string | null>(item?.preparingUnitId ?? null)
  const [deadline, setDeadline] = useState('')
  const form = useSubmit(['content', 'preparingUnitId', 'presidingLeaderId', 'dueOn', 'output', 'cascadedFrom', 'reason', 'comment', 'title', 'leadUnitId', 'deadline'])
  const leaders = useData(step.kind === 'add' ? (s) => endpoints.users({ unitId: p.unitId }, s).catch(() => ({ users: [] })) : null, [step.kind, p.unitId])
  const leaderOptions = useMemo(() => (leaders.data?.users ?? [])
    .filter((u) => u.status === 'active' && u.assignments.some((a) => a.unitId === p.unitId && programmePolicy.grants(a.role, 'programme.approve')))
    .map((u) => ({ value: u.userId, label: u.fullName })), [leaders.data, p.unitId])
  const cascadeOptions = useMemo(() => p.above.map((a) => ({
    group: `${a.unitName} — ${a.title} (${a.periodName})`,
    items: a.items.map((i) => ({ value: `${a.programmeId}|${i.itemId}`, label: `${formatDate(i.dueOn, lang)}: ${i.content}` })),
  })), [p.above, lang])
  const period = t('prog.withinPeriod', { from: formatDate(p.period.from, lang), to: formatDate(p.period.to, lang) })

  const call = (): Promise<ProgrammeView> => {
    switch (step.kind) {
      case 'add': {
        const [programmeId, itemId] = (cascade ?? '').split('|')
        return programmes.addItem(p.programmeId, p.version, {
          content, preparingUnitId: preparing ?? '', dueOn: day, output, ...(presiding ? { presidingLeaderId: presiding } : {}),
          ...(programmeId && itemId ? { cascadedFrom: { programmeId, itemId } } : {}),
        })
      }
      case 'decide': return programmes.decide(p.programmeId, p.version, approve === 'yes', reason.trim() || undefined)
      case 'move': return programmes.move(p.programmeId, step.item.itemId, p.version, day, reason)
      case 'drop': return programmes.drop(p.programmeId, step.item.itemId, p.version, reason)
      case 'task': return programmes.task(p.programmeId, step.item.itemId, { deadline, ...(title.trim() ? { title: title.trim() } : {}), ...(lead ? { leadUnitId: lead } : {}) })
    }
  }
  const message = () => step.kind === 'decide' ? t(approve === 'yes' ? 'prog.done.approve' : 'prog.done.return') : t(`prog.done.${step.kind}`, { content: item?.content })
  const submit = async () => {
    const res = await form.run(async () => {
      try { return await call() } catch (e) {
        if (e instanceof ApiError && e.status === 409) { notify.error(e.message); onClose(); onStale() }
        throw e
      }
    })
    if (res) onDone(res, message())
  }
  const heading = step.kind === 'add' ? t('prog.act.add') : step.kind === 'decide' ? t('prog.act.decide') : `${t(`prog.act.${step.kind}`)}: ${step.item.content}`
  const submitLabel = step.kind === 'decide' ? (approve === 'yes' ? t('prog.f.approve') : t('prog.f.giveBack')) : t(`prog.act.${step.kind}`)
  return (
    <FormModal opened onClose={onClose} title={heading} submitLabel={submitLabel} onSubmit={() => void submit()} busy={form.busy} error={form.error} messages={form.messages}>
      {step.kind === 'add' && <>
        <Textarea label={t('prog.f.content')} required autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={form.errors.content} />
        <UnitPicker label={t('prog.f.preparing')} required value={preparing} onChange={setPreparing} error={form.errors.preparingUnitId} />
        <Select label={t('prog.f.presiding')} clearable searchable filter={foldFilter} data={leaderOptions} value={presiding} onChange={setPresiding} error={form.errors.presidingLeaderId} />
        <DateField label={t('prog.f.day')} description={period} required min={p.period.from} max={p.period.to} value={day} onChange={(e) => setDay(e.currentTarget.value)} error={form.errors.dueOn} />
        <TextInput label={t('prog.f.output')} required value={output} onChange={(e) => setOutput(e.currentTarget.value)} error={form.errors.output} />
        {cascadeOptions.length > 0 && <Select label={t('prog.f.cascade')} clearable searchable filter={foldFilter} data={cascadeOptions} value={cascade} onChange={setCascade} error={form.errors.cascadedFrom} />}
      </>}
      {step.kind === 'decide' && <>
        <SegmentedControl value={approve} onChange={setApprove} fullWidth aria-label={t('prog.f.decision')}
          data={[{ value: 'yes', label: t('prog.f.approve') }, { value: 'no', label: t('prog.f.giveBack') }]} />
        <Textarea label={approve === 'yes' ? t('prog.f.comment') : t('prog.f.commentNeeded')} required={approve === 'no'} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.comment} />
      </>}
      {step.kind === 'move' && (
        <DateField label={t('prog.f.newDay')} description={period} required min={p.period.from} max={p.period.to} value={day} onChange={(e) => setDay(e.currentTarget.value)} error={form.errors.dueOn} />
      )}
      {(step.kind === 'move' || step.kind === 'drop') && (
        <Textarea label={t('prog.f.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} />
      )}
      {step.kind === 'task' && <>
        <TextInput label={t('prog.f.taskTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} />
        <UnitPicker label={t('prog.f.lead')} required value={lead} onChange={setLead} error={form.errors.leadUnitId} />
        <DateField label={t('prog.f.deadline')} required min={vietnamDate()} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} error={form.errors.deadline} />
      </>}
    </FormModal>
  )
}
