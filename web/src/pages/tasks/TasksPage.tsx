/**
 * Tasks (nhiệm vụ): my tasks and those I assigned, each with its state and
 * deadline (dd/mm/yyyy; overdue in red), the lead's acceptance, and — for
 * leaders who may assign — a form choosing the lead unit and person by name.
 */
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core'
import { IconCheck, IconFileSpreadsheet, IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import type { TaskPage, TaskSummary } from '../../../../shared/tasks/contracts'
import { endpoints } from '../../api/endpoints'
import { tasks } from '../../api/tasks'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TaskStatusBadge } from '../../components/tasks/TaskStatusBadge'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { DateField } from '../../components/DateFields'
import { downloadBytes, toXlsx, XLSX_TYPE } from '../../lib/xlsx'


export default function TasksPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const [params, setParams] = useSearchParams()
  const view = params.get('view') === 'assigned' ? 'assigned' : 'mine'
  const list = useData((s) => tasks.list(view, undefined, s), [view])
  const mayAssign = ws.canAnywhere('task.assign')

  return (
    <Stack gap="md">
      <PageHeader title={t('task.title')}><ExportButton view={view} /></PageHeader>
      {mayAssign && <NewTaskForm onCreated={() => { if (view === 'assigned') list.reload(); else setParams({ view: 'assigned' }) }} />}
      <Tabs value={view} onChange={(v) => setParams(v === 'assigned' ? { view: 'assigned' } : {})}>
        <Tabs.List>
          <Tabs.Tab value="mine">{t('task.mine')}</Tabs.Tab>
          <Tabs.Tab value="assigned">{t('task.assigned')}</Tabs.Tab>
        </Tabs.List>
        {(['mine', 'assigned'] as const).map((v) => (
          <Tabs.Panel key={v} value={v} pt="md">
            {v === view && <>
              {list.loading && <Loading />}
              {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
              {list.data && <PagedTasks key={view} first={list.data} view={view} onChanged={list.reload} />}
            </>}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}

/** Pages read for one export at most (50 tasks each): a list longer than that is cut, and the sheet says so. */
const EXPORT_PAGES = 100

/** The whole list of the tab (every page, in the list's order) as an XLSX workbook: names and dd/mm/yyyy, never ids. */
function ExportButton({ view }: { view: 'mine' | 'assigned' }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const all: TaskSummary[] = []
      let next: string | undefined
      let pages = 0
      do {
        const page = await tasks.list(view, next)
        all.push(...page.tasks)
        next = page.next
      } while (next && ++pages < EXPORT_PAGES)
      const rows = [
        [t('task.x.no'), t('task.name'), t('task.lead'), t('task.assigner'), t('task.deadline'), t('task.state'), t('task.x.percent'), t('task.overdue')],
        ...all.map((x, i) => [i + 1, x.title, x.leadUser ? `${x.leadUser.fullName} — ${x.leadUnitName}` : x.leadUnitName, x.assigner.fullName,
          formatDate(x.deadline, 'vi'), t(`task.status.${x.status}`), x.percent, x.overdue ? t('task.x.yes') : '']),
        ...(next ? [[undefined, t('task.x.cut', { count: all.length })]] : []),
      ]
      const file = `${view === 'mine' ? t('task.x.fileMine') : t('task.x.fileAssigned')}-${vietnamDate()}.xlsx`
      downloadBytes(file, toXlsx(t(view === 'mine' ? 'task.mine' : 'task.assigned'), rows, [6, 50, 36, 24, 12, 18, 10, 10]), XLSX_TYPE)
      notify.ok(t('task.x.done', { count: all.length, file }))
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return <Button variant="default" loading={busy} leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void run()}>{t('task.x.export')}</Button>
}

/** The first page, then "show more" appends the next ones (keyset paging: the server answers a page at a time). */
function PagedTasks({ first, view, onChanged }: { first: TaskPage<TaskSummary>; view: 'mine' | 'assigned'; onChanged: () => void }) {
  const { t } = useTranslation()
  const [later, setLater] = useState<{ items: TaskSummary[]; next?: string; after?: string }>({ items: [] })
  const [loading, setLoading] = useState(false)
  const [shownFirst, setShownFirst] = useState(first)
  if (shownFirst !== first) { setShownFirst(first); setLater({ items: [] }) }
  const next = later.after ? later.next : first.next
  const more = async () => {
    setLoading(true)
    try {
      const page = await tasks.list(view, next)
      setLater((l) => ({ items: [...l.items, ...page.tasks], next: page.next, after: next }))
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }
  return (
    <Stack gap="xs">
      <TaskTable items={[...first.tasks, ...later.items]} lead={view === 'mine'} onChanged={onChanged} />
      {next && <Group justify="center"><Button variant="subtle" loading={loading} onClick={() => void more()}>{t('task.more')}</Button></Group>}
    </Stack>
  )
}

function TaskTable({ items, lead, onChanged }: { items: TaskSummary[]; lead: boolean; onChanged: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [busy, setBusy] = useState<string | null>(null)
  if (!items.length) return <Text c="dimmed">{t('task.none')}</Text>
  const accept = async (task: TaskSummary) => {
    setBusy(task.taskId)
    try {
      await tasks.accept(task.taskId, task.version)
      notify.ok(t('task.accepted', { title: task.title }))
      onChanged()
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr><Table.Th>{t('task.name')}</Table.Th><Table.Th>{t('task.lead')}</Table.Th><Table.Th>{t('task.assigner')}</Table.Th><Table.Th>{t('task.deadline')}</Table.Th><Table.Th>{t('task.state')}</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((task) => (
            <Table.Tr key={task.taskId} data-task={task.title}>
              <Table.Td><Anchor component={Link} to={`/tasks/${task.taskId}`}>{task.title}</Anchor></Table.Td>
              <Table.Td>{task.leadUser?.fullName ?? task.leadUnitName}</Table.Td>
              <Table.Td>{task.assigner.fullName}</Table.Td>
              <Table.Td>
                <Text span c={task.overdue ? 'red' : undefined} fw={task.overdue ? 600 : undefined}>{formatDate(task.deadline, lang)}</Text>
                {task.overdue && <Text c="red" size="xs">{t('task.overdue')}</Text>}
              </Table.Td>
              <Table.Td><TaskStatusBadge status={task.status} /></Table.Td>
              <Table.Td>
                {lead && task.status === 'assigned' && (
                  <Button size="xs" variant="light" loading={busy === task.taskId} leftSection={<IconCheck size={16} aria-hidden />} onClick={() => void accept(task)}
                    aria-label={`${t('task.accept')}: ${task.title}`}>{t('task.accept')}</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function NewTaskForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const units = useUnits()
  const ws = useWorkspace()
  const [title, setTitle] = useState('')
  const [leadUnitId, setLeadUnitId] = useState<string | null>(ws.unitId)
  const [leadUserId, setLeadUserId] = useState<string | null>(null)
  const [deadline, setDeadline] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const people = useData(leadUnitId ? (s) => endpoints.users({ unitId: leadUnitId }, s).catch(() => ({ users: [] })) : null, [leadUnitId])
  const userOptions = useMemo(() => (people.data?.users ?? [])
    .filter((u) => u.status === 'active' && u.assignments.some((a) => a.unitId === leadUnitId))
    .map((u) => ({ value: u.userId, label: u.fullName })), [people.data, leadUnitId])
  const unitOptions = useMemo(() => units.activeOptions.map((o) => ({ value: o.value, label: o.label })), [units])
  const today = vietnamDate()

  const submit = async () => {
    if (!leadUnitId) return
    setBusy(true)
    setError(null)
    try {
      const task = await tasks.create({ title: title.trim(), leadUnitId, ...(leadUserId ? { leadUserId } : {}), deadline })
      notify.ok(t('task.created', { title: task.title }))
      setTitle('')
      setLeadUserId(null)
      onCreated()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper withBorder p="sm" component="form" aria-label={t('task.newTask')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <Text fw={600} mb="xs" component="h2">{t('task.newTask')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('task.name')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: '1 1 18rem' }} />
        <Select label={t('task.leadUnit')} required searchable filter={foldFilter} data={unitOptions} value={leadUnitId} onChange={(v) => { setLeadUnitId(v); setLeadUserId(null) }} w={260} />
        <Select label={t('task.leadUser')} description={t('task.leadUserHelp')} clearable searchable filter={foldFilter} data={userOptions} value={leadUserId} onChange={setLeadUserId} w={220} />
        <DateField label={t('task.deadline')} required min={today} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} w={170} />
        <Button type="submit" loading={busy} leftSection={<IconPlus size={18} aria-hidden />}>{t('task.create')}</Button>
      </Group>
      {error && <Text c="red" mt="xs" role="alert">{error}</Text>}
    </Paper>
  )
}
