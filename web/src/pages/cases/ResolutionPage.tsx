/**
 * One resolution after a council session: its status from its tasks, the
 * tasks (given through the tasks module: their lead unit, deadline, progress;
 * each opens on the task's own page), and — for the office — a form giving
 * one more task.
 */
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { petitions } from '../../api/cases'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormModal } from '../../components/FormModal'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { formatDate } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { DateField } from '../../components/DateFields'

export default function ResolutionPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { resolutionId = '' } = useParams()
  const r = useData((s) => petitions.resolution(resolutionId, s), [resolutionId])
  const units = useUnits()
  const [open, setOpen] = useState(false)
  const form = useSubmit(['title', 'leadUnitId', 'deadline'])
  const [f, setF] = useState({ title: '', leadUnitId: '', deadline: '' })
  if (r.loading && !r.data) return <Loading />
  if (r.error || !r.data) return <ErrorAlert error={r.error} onRetry={r.reload} />
  const v = r.data
  const submit = async () => { const next = await form.run(() => petitions.addTask(v.resolutionId, f)); if (next) { r.setData(() => next); setOpen(false) } }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/petitions" size="sm">← {t('cases.r.back')}</Anchor>
      <PageHeader title={`${v.number} — ${v.title}`}>
        <Badge size="lg" variant="light" color={v.status === 'overdue' ? 'red.9' : v.status === 'done' ? 'teal.9' : 'blue'}>{t(`cases.r.statuses.${v.status}`)}</Badge>
        {v.can.manage && <Button onClick={() => setOpen(true)}>{t('cases.r.addTask')}</Button>}
      </PageHeader>
      <Text size="sm">{v.session} · {formatDate(v.adoptedOn, lang)} · {v.officeName}</Text>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('cases.r.tasks')}</Text>
        {!v.tasks.length ? <Text c="dimmed" size="sm">{t('cases.r.noTasks')}</Text> : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{t('cases.r.taskTitle')}</Table.Th><Table.Th>{t('cases.r.leadUnit')}</Table.Th><Table.Th>{t('cases.r.deadline')}</Table.Th><Table.Th>%</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {v.tasks.map((x) => (
                  <Table.Tr key={x.taskId}>
                    <Table.Td><Anchor component={Link} to={`/tasks/${x.taskId}`}>{x.title}</Anchor></Table.Td>
                    <Table.Td>{x.leadUnitName}</Table.Td>
                    <Table.Td><Text size="sm" c={x.overdue ? 'red.9' : undefined}>{formatDate(x.deadline, lang)}</Text></Table.Td>
                    <Table.Td>{x.percent}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {open && (
        <FormModal opened onClose={() => setOpen(false)} title={t('cases.r.addTask')} onSubmit={submit} submitLabel={t('cases.r.addTask')} busy={form.busy} error={form.error} messages={form.messages}>
          <TextInput label={t('cases.r.taskTitle')} required value={f.title} onChange={(e) => { const x = e.currentTarget.value; setF((s) => ({ ...s, title: x })) }} error={form.errors.title} />
          <Group grow>
            <Select label={t('cases.r.leadUnit')} required searchable data={units.activeOptions.map((o) => ({ value: o.value, label: o.label }))} value={f.leadUnitId || null} onChange={(x) => setF((s) => ({ ...s, leadUnitId: x ?? '' }))} error={form.errors.leadUnitId} />
            <DateField label={t('cases.r.deadline')} required value={f.deadline} onChange={(e) => { const x = e.currentTarget.value; setF((s) => ({ ...s, deadline: x })) }} error={form.errors.deadline} />
          </Group>
        </FormModal>
      )}
    </Stack>
  )
}
