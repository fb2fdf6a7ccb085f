/**
 * A new data request: title, period, deadline, the indicators (code, name,
 * unit of measure, type, "total of" other codes), and the recipient units
 * found by name among the live units in the caller's reach — chosen one by
 * one or all found at once. Saved as a draft or sent at once; the server's
 * refusal (a past deadline, totals over text…) is shown as it says it.
 */
import { ActionIcon, Button, Checkbox, Group, Paper, Pill, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { IconPlus, IconSend, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { INDICATOR_TYPES, type Indicator } from '../../../../shared/datarequests/contracts'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { CALENDAR } from '../../../../shared/calendar/working-days'
import { dataRequests, type Recipient } from '../../api/datarequests'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { useData } from '../../lib/useData'
import { DateField } from '../../components/DateFields'

interface Row { code: string; name: string; unit: string; type: Indicator['type']; totalOf: string; optional: boolean }
const emptyRow = (n: number): Row => ({ code: String(n), name: '', unit: '', type: 'number', totalOf: '', optional: false })

export default function NewDataRequestPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const today = vietnamDate()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [periodFrom, setPeriodFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [periodTo, setPeriodTo] = useState(today)
  const [deadline, setDeadline] = useState(CALENDAR.addWorkingDays(today, 5))
  const [rows, setRows] = useState<Row[]>([emptyRow(1)])
  const [chosen, setChosen] = useState<Recipient[]>([])
  const [q, setQ] = useState('')
  const found = useData((s) => dataRequests.recipients(q, s), [q])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)))
  const choose = (units: Recipient[]) => setChosen((c) => [...c, ...units.filter((u) => !c.some((x) => x.unitId === u.unitId))])
  const submit = async (send: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const indicators: Indicator[] = rows.map((r) => ({
        code: r.code.trim(), name: r.name.trim(), unit: r.type === 'percent' && !r.unit.trim() ? '%' : r.unit.trim(), type: r.type, optional: r.optional,
        ...(r.totalOf.trim() ? { totalOf: r.totalOf.split(/[,+\s]+/).filter(Boolean) } : {}),
      }))
      const created = await dataRequests.create({ title, ...(description.trim() ? { description } : {}), periodFrom, periodTo, deadline, indicators, recipientUnitIds: chosen.map((u) => u.unitId), send })
      notify.ok(send ? t('dreq.sentOk', { title: created.title, count: chosen.length }) : t('dreq.created', { title: created.title }))
      navigate(`/datarequests/${created.requestId}`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('dreq.create')} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput required label={t('dreq.f.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <Textarea label={t('dreq.f.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField required label={t('dreq.f.periodFrom')} value={periodFrom} onChange={(e) => setPeriodFrom(e.currentTarget.value)} />
            <DateField required label={t('dreq.f.periodTo')} value={periodTo} onChange={(e) => setPeriodTo(e.currentTarget.value)} />
            <DateField required label={t('dreq.f.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text fw={600} component="h2" size="lg">{t('dreq.f.indicators')}</Text>
          {rows.map((r, i) => (
            <Paper key={i} withBorder p="xs" data-indicator={i}>
              <SimpleGrid cols={{ base: 2, sm: 6 }} spacing="xs">
                <TextInput label={t('dreq.f.code')} value={r.code} onChange={(e) => setRow(i, { code: e.currentTarget.value })} />
                <TextInput style={{ gridColumn: 'span 2' }} label={t('dreq.f.indicator')} value={r.name} onChange={(e) => setRow(i, { name: e.currentTarget.value })} />
                <TextInput label={t('dreq.f.unit')} value={r.unit} onChange={(e) => setRow(i, { unit: e.currentTarget.value })} />
                <Select label={t('dreq.f.type')} value={r.type} allowDeselect={false} data={INDICATOR_TYPES.map((v) => ({ value: v, label: t(`dreq.type.${v}`) }))} onChange={(v) => setRow(i, { type: (v ?? 'number') as Row['type'] })} />
                <TextInput label={t('dreq.f.totalOf')} value={r.totalOf} placeholder="1.1, 1.2" onChange={(e) => setRow(i, { totalOf: e.currentTarget.value })} />
              </SimpleGrid>
              <Group justify="space-between" mt="xs">
                <Checkbox label={t('dreq.f.optional')} checked={r.optional} onChange={(e) => setRow(i, { optional: e.currentTarget.checked })} />
                {rows.length > 1 && <ActionIcon variant="subtle" color="red" aria-label={t('dreq.f.remove', { code: r.code })} onClick={() => setRows((rs) => rs.filter((_, n) => n !== i))}><IconTrash size={18} aria-hidden /></ActionIcon>}
              </Group>
            </Paper>
          ))}
          <Group><Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows((rs) => [...rs, emptyRow(rs.length + 1)])}>{t('dreq.f.addIndicator')}</Button></Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput label={t('dreq.f.recipients')} description={t('dreq.f.recipientsHelp')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          {chosen.length > 0 && (
            <Pill.Group aria-label={t('dreq.recipients')}>
              {chosen.map((u) => <Pill key={u.unitId} withRemoveButton removeButtonProps={{ 'aria-label': t('dreq.f.removeUnit', { name: u.name }) }} onRemove={() => setChosen((c) => c.filter((x) => x.unitId !== u.unitId))}>{u.name}</Pill>)}
            </Pill.Group>
          )}
          {found.data && (
            <Stack gap={4}>
              {found.data.units.length > 1 && <Group><Button size="xs" variant="subtle" onClick={() => choose(found.data!.units)}>{t('dreq.f.addAll', { count: found.data.units.length })}</Button></Group>}
              {found.data.units.filter((u) => !chosen.some((c) => c.unitId === u.unitId)).slice(0, 12).map((u) => (
                <Group key={u.unitId} justify="space-between" wrap="nowrap">
                  <div><Text size="sm">{u.name}</Text>{u.parentName && <Text size="xs" c="dimmed">{u.parentName}</Text>}</div>
                  <Button size="xs" variant="light" aria-label={t('dreq.f.addUnit', { name: u.name })} onClick={() => choose([u])}>+</Button>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      {!!error && <ErrorAlert error={error} />}
      <Group justify="flex-end">
        <Button variant="default" loading={busy} onClick={() => void submit(false)}>{t('dreq.f.draft')}</Button>
        <Button loading={busy} leftSection={<IconSend size={16} aria-hidden />} onClick={() => void submit(true)}>{t('dreq.f.send')}</Button>
      </Group>
    </Stack>
  )
}
