/**
 * The year's disposition of a fonds: the files due (held ones apart), the
 * proposal, the appraisal council's decision, carrying it out and the
 * signed record — each step shown to whom may take it (archive.dispose,
 * archive.appraise), the others see where it stands.
 */
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Disposition } from '../../../../shared/archives/contracts'
import { periodText } from '../../../../shared/archives/retention'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { archives } from '../../api/archives'
import { useWorkspace } from '../../auth/workspace'
import { errorMessage } from '../../lib/error-message'
import { formatDate, formatDateTime } from '../../lib/dates'
import { useData } from '../../lib/useData'
import { useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { ErrorAlert } from '../ErrorAlert'
import { Loading } from '../Loading'
import { PaperButton } from './PaperButton'
import { notify } from '../notify'

const STATUS_COLOR: Record<Disposition['status'], string> = { proposed: 'blue', approved: 'teal', rejected: 'gray', 'carrying-out': 'orange', done: 'green' }

function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (fn: () => Promise<void>) => { setBusy(true); setError(null); try { await fn() } catch (e) { setError(errorMessage(e)) } finally { setBusy(false) } }
  return { busy, error, run }
}

function Council({ d, onDone }: { d: Disposition; onDone: () => void }) {
  const { t } = useTranslation()
  const [chair, setChair] = useState('')
  const [members, setMembers] = useState('')
  const [note, setNote] = useState('')
  const [keep, setKeep] = useState<string[]>([])
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const a = useAction()
  const decide = (approved: boolean) => a.run(async () => {
    const keepReasons = approved ? keep.filter((id) => reasons[id]?.trim()).map((fileId) => ({ fileId, reason: reasons[fileId].trim() })) : []
    await archives.decide(d.dispositionId, { version: d.version, approved, chair: chair.trim(), members: members.split('\n').map((m) => m.trim()).filter(Boolean), ...(note.trim() ? { note: note.trim() } : {}), keep: approved ? keep : [], keepReasons })
    notify.ok(t('arc.rm.disp.decided'))
    onDone()
  })
  return (
    <Paper withBorder p="sm" mt="sm" component="form" aria-label={t('arc.rm.disp.council')} onSubmit={(e) => { e.preventDefault(); void decide(true) }}>
      <Text fw={600} mb={4}>{t('arc.rm.disp.council')}</Text>
      <Stack gap="xs">
        <TextInput label={t('arc.rm.disp.chair')} required value={chair} onChange={(e) => setChair(e.currentTarget.value)} />
        <Textarea label={t('arc.rm.disp.members')} required autosize minRows={2} value={members} onChange={(e) => setMembers(e.currentTarget.value)} />
        <Textarea label={t('arc.rm.disp.councilNote')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {d.items.map((i) => (
          <Stack key={i.fileId} gap={4}>
            <Checkbox label={t('arc.rm.disp.keep', { code: `${i.code} — ${i.title}` })} checked={keep.includes(i.fileId)}
              onChange={(e) => { const on = e.currentTarget.checked; setKeep((k) => (on ? [...k, i.fileId] : k.filter((x) => x !== i.fileId))) }} />
            {keep.includes(i.fileId) && (
              <TextInput ml={30} label={t('arc.rm.disp.keepReason', { code: i.code })} value={reasons[i.fileId] ?? ''}
                onChange={(e) => { const v = e.currentTarget.value; setReasons((r) => ({ ...r, [i.fileId]: v })) }} />
            )}
          </Stack>
        ))}
        {a.error && <Text c="red" role="alert">{a.error}</Text>}
        <Group gap="sm">
          <Button type="submit" loading={a.busy}>{t('arc.rm.disp.approve')}</Button>
          <Button variant="default" color="red" loading={a.busy} onClick={() => void decide(false)}>{t('arc.rm.disp.reject')}</Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function RecordLink({ id }: { id: string }) {
  const { t } = useTranslation()
  const shown = useData((s) => archives.disposition(id, s), [id])
  return shown.data?.recordUrl ? <Anchor href={shown.data.recordUrl} download={`bien-ban-${shown.data.disposition.year}.pdf`}>{t('arc.rm.disp.record')}</Anchor> : null
}

function DispositionCard({ d, onChange }: { d: Disposition; onChange: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const ws = useWorkspace()
  const a = useAction()
  const [stopped, setStopped] = useState<string[]>([])
  const carry = () => a.run(async () => {
    const r = await archives.carryOut(d.dispositionId, d.version)
    setStopped(r.stoppedByHold.map((id) => d.items.find((i) => i.fileId === id)?.code ?? ''))
    if (r.status === 'done') notify.ok(t('arc.rm.disp.carried'))
    onChange()
  })
  const canCarry = (d.status === 'approved' || d.status === 'carrying-out') && ws.can('archive.dispose')
  return (
    <Paper withBorder p="sm" role="article" aria-label={t('arc.rm.disp.round', { year: d.year })}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{t('arc.rm.disp.round', { year: d.year })}</Text>
        <Badge color={STATUS_COLOR[d.status]} variant="light">{t(`arc.rm.disp.status.${d.status}`)}</Badge>
      </Group>
      <Text size="xs" c="dimmed">{t('arc.rm.disp.proposedBy', { name: d.proposedBy.fullName, date: formatDateTime(d.proposedAt, lang) })}</Text>
      {d.council && <Text size="xs" c="dimmed">{t('arc.rm.disp.decidedBy', { chair: d.council.chair, name: d.council.decidedBy.fullName, date: formatDateTime(d.council.decidedAt, lang) })}</Text>}
      {d.completedBy && <Text size="xs" c="dimmed">{t('arc.rm.disp.completedBy', { name: d.completedBy.fullName, date: formatDateTime(d.completedAt, lang) })}</Text>}
      {d.archiveUnitId && <Text size="xs" c="dimmed">{t('arc.rm.disp.actions.transfer')}: {units.name(d.archiveUnitId)}</Text>}
      <Stack gap={2} mt={6}>
        {d.items.map((i) => (
          <Text key={i.fileId} size="sm">
            {i.code} — {i.title} · {periodText(i.period, lang)} · <b>{t(`arc.rm.disp.actions.${i.decision ?? i.action}`)}</b>{i.done ? ' ✓' : ''}{i.keepReason ? ` (${i.keepReason})` : ''}
          </Text>
        ))}
      </Stack>
      {d.status === 'proposed' && (ws.can('archive.appraise') ? <Council d={d} onDone={onChange} /> : <Text size="sm" mt={4}>{t('arc.rm.disp.waitCouncil')}</Text>)}
      {(d.status === 'approved' || d.status === 'carrying-out') && (canCarry
        ? <Button mt="sm" loading={a.busy} onClick={() => void carry()}>{t('arc.rm.disp.carryOut')}</Button>
        : <Text size="sm" mt={4}>{t('arc.rm.disp.waitClerk')}</Text>)}
      {stopped.length > 0 && <Text c="orange" mt={4} role="status">{t('arc.rm.disp.stopped', { count: stopped.length, codes: stopped.join(', ') })}</Text>}
      {a.error && <Text c="red" role="alert">{a.error}</Text>}
      {d.status === 'done' && <Group mt="sm"><RecordLink id={d.dispositionId} /></Group>}
    </Paper>
  )
}

export function DispositionPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const thisYear = Number(vietnamDate().slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const due = useData((s) => archives.due(unitId, year, s), [unitId, year])
  const list = useData((s) => archives.dispositions(unitId, s), [unitId])
  const [chosen, setChosen] = useState<string[]>([])
  const [note, setNote] = useState('')
  const a = useAction()
  const mayPropose = ws.can('archive.dispose')
  const reload = () => { due.reload(); list.reload() }
  const propose = () => a.run(async () => {
    await archives.propose({ unitId, year, fileIds: chosen, ...(note.trim() ? { note: note.trim() } : {}) })
    notify.ok(t('arc.rm.disp.proposed', { year }))
    setChosen([]); setNote('')
    reload()
  })
  const rows = due.data ? [...due.data.items, ...due.data.held] : []
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <Select label={t('arc.rm.disp.year')} w={140} allowDeselect={false} value={String(year)} onChange={(v) => { if (v) { setYear(Number(v)); setChosen([]) } }}
          data={Array.from({ length: 6 }, (_, k) => String(thisYear - k))} />
        <Group gap="xs" role="group" aria-label={t('arc.rm.papers.report', { year })}>
          <PaperButton label={t('arc.rm.papers.reportPdf', { year })} make={() => archives.dispositionReport(unitId, year, 'pdf')} />
          <PaperButton label={t('arc.rm.papers.reportXlsx', { year })} make={() => archives.dispositionReport(unitId, year, 'xlsx')} />
        </Group>
      </Group>
      <Paper withBorder p="sm" component="form" aria-label={t('arc.rm.disp.due')} onSubmit={(e) => { e.preventDefault(); void propose() }}>
        <Text fw={600} component="h2">{t('arc.rm.disp.due')}</Text>
        <Text size="sm" c="dimmed" mb="xs">{t('arc.rm.disp.dueIntro')}</Text>
        {due.loading && <Loading />}
        {!!due.error && <ErrorAlert error={due.error} onRetry={due.reload} />}
        {due.data && rows.length === 0 && <Text c="dimmed">{t('arc.rm.disp.noneDue')}</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={340}>
            <Table striped>
              <Table.Thead><Table.Tr>{mayPropose && <Table.Th />}<Table.Th>{t('arc.code')}</Table.Th><Table.Th>{t('arc.fileTitle')}</Table.Th><Table.Th>{t('arc.rm.disp.action')}</Table.Th><Table.Th visibleFrom="sm">{t('arc.rm.disp.dueFrom')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const held = r.holdIds.length > 0
                  return (
                    <Table.Tr key={r.fileId}>
                      {mayPropose && <Table.Td><Checkbox aria-label={t('arc.rm.disp.choose', { code: r.code })} disabled={held || !!r.dispositionId} checked={chosen.includes(r.fileId)}
                        onChange={(e) => { const on = e.currentTarget.checked; setChosen((c) => (on ? [...c, r.fileId] : c.filter((x) => x !== r.fileId))) }} /></Table.Td>}
                      <Table.Td>{r.code}</Table.Td>
                      <Table.Td>{r.title}<Text size="xs" c="dimmed">{r.className[lang]} · {periodText(r.period, lang)}</Text>
                        {/* Text, not a badge: a badge cuts its words off in a phone's narrow column. */}
                        {held && <Text size="xs" fw={700} c="red.9">{t('arc.rm.disp.held')}</Text>}
                        {r.dispositionId && <Text size="xs" fw={700} c="blue.8">{t('arc.rm.disp.inOpen')}</Text>}</Table.Td>
                      <Table.Td>{t(`arc.rm.disp.actions.${r.action}`)}</Table.Td>
                      <Table.Td visibleFrom="sm">{formatDate(r.dueFrom, lang)}</Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {mayPropose && rows.length > 0 && (
          <Stack gap="xs" mt="sm">
            <TextInput label={t('arc.rm.disp.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            {a.error && <Text c="red" role="alert">{a.error}</Text>}
            <Group><Button type="submit" loading={a.busy} disabled={chosen.length === 0}>{t('arc.rm.disp.propose', { count: chosen.length })}</Button></Group>
          </Stack>
        )}
      </Paper>
      <Text fw={600} component="h2">{t('arc.rm.disp.list')}</Text>
      {list.loading && <Loading />}
      {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('arc.rm.disp.none')}</Text>}
      {list.data?.items.map((d) => <DispositionCard key={d.dispositionId} d={d} onChange={reload} />)}
    </Stack>
  )
}
