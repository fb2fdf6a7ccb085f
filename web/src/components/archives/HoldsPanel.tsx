/** Holds of a fonds: the list (files by code and title, who placed and lifted them) and, for whom the policy allows, placing and lifting one with a reason. */
import { Badge, Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { archives, type HoldView } from '../../api/archives'
import { useWorkspace } from '../../auth/workspace'
import { errorMessage } from '../../lib/error-message'
import { formatDateTime } from '../../lib/dates'
import { useData } from '../../lib/useData'
import { useLang } from '../../lib/labels'
import { ErrorAlert } from '../ErrorAlert'
import { Loading } from '../Loading'
import { notify } from '../notify'

function Release({ hold, onDone }: { hold: HoldView; onDone: () => void }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true); setError(null)
    try { await archives.releaseHold(hold.holdId, { note: note.trim(), version: hold.version }); notify.ok(t('arc.rm.hold.releaseDone')); onDone() } catch (e) { setError(errorMessage(e)) } finally { setBusy(false) }
  }
  return (
    <Group component="form" align="flex-end" gap="xs" wrap="wrap" aria-label={t('arc.rm.hold.release')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <TextInput label={t('arc.rm.hold.releaseNote')} required value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} error={error ?? undefined} />
      <Button type="submit" variant="default" loading={busy}>{t('arc.rm.hold.release')}</Button>
    </Group>
  )
}

export function HoldsPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const mayHold = ws.can('archive.hold')
  const holds = useData((s) => archives.holds(unitId, s), [unitId])
  const files = useData(mayHold ? (s) => archives.files(unitId, s) : null, [unitId, mayHold])
  const [form, setForm] = useState({ kind: 'inspection' as 'case' | 'inspection', reason: '', reference: '', fileIds: [] as string[] })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const place = async () => {
    setBusy(true); setError(null)
    try {
      await archives.placeHold({ unitId, kind: form.kind, reason: form.reason.trim(), ...(form.reference.trim() ? { reference: form.reference.trim() } : {}), fileIds: form.fileIds })
      notify.ok(t('arc.rm.hold.placed', { count: form.fileIds.length }))
      setForm((x) => ({ ...x, reason: '', reference: '', fileIds: [] }))
      holds.reload(); files.reload()
    } catch (e) { setError(errorMessage(e)) } finally { setBusy(false) }
  }
  const kinds = (['inspection', 'case'] as const).map((k) => ({ value: k, label: t(`arc.rm.hold.kinds.${k}`) }))
  return (
    <Stack gap="md">
      <Text c="dimmed">{t('arc.rm.hold.intro')}</Text>
      {mayHold && (
        <Paper withBorder p="sm" component="form" aria-label={t('arc.rm.hold.form')} onSubmit={(e) => { e.preventDefault(); void place() }}>
          <Stack gap="xs">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select label={t('arc.rm.hold.kind')} required value={form.kind} allowDeselect={false} data={kinds} onChange={(v) => v && setForm((x) => ({ ...x, kind: v as 'case' | 'inspection' }))} w={200} />
              <TextInput label={t('arc.rm.hold.reference')} value={form.reference} onChange={(e) => { const v = e.currentTarget.value; setForm((x) => ({ ...x, reference: v })) }} style={{ flex: '1 1 12rem' }} />
            </Group>
            <TextInput label={t('arc.rm.hold.reason')} required value={form.reason} onChange={(e) => { const v = e.currentTarget.value; setForm((x) => ({ ...x, reason: v })) }} />
            {/* Closed until the fonds' files have loaded: an empty list opened early would offer nothing to choose. */}
            <MultiSelect label={t('arc.rm.hold.files')} required searchable value={form.fileIds} onChange={(v) => setForm((x) => ({ ...x, fileIds: v }))}
              disabled={files.loading || !files.data} placeholder={files.loading || !files.data ? t('arc.rm.papers.loadingFiles') : undefined} aria-busy={files.loading}
              data={(files.data?.items ?? []).filter((f) => f.status !== 'destroyed' && f.custodianUnitId === unitId).map((f) => ({ value: f.fileId, label: `${f.code} — ${f.title}` }))} />
            {error && <Text c="red" role="alert">{error}</Text>}
            <Group><Button type="submit" loading={busy} disabled={form.fileIds.length === 0}>{t('arc.rm.hold.place')}</Button></Group>
          </Stack>
        </Paper>
      )}
      {holds.loading && <Loading />}
      {!!holds.error && <ErrorAlert error={holds.error} onRetry={holds.reload} />}
      {holds.data && holds.data.items.length === 0 && <Text c="dimmed">{t('arc.rm.hold.none')}</Text>}
      {holds.data?.items.map((h) => (
        <Paper key={h.holdId} withBorder p="sm" role="article" aria-label={`${t(`arc.rm.hold.kinds.${h.kind}`)}: ${h.reason}`}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>{t(`arc.rm.hold.kinds.${h.kind}`)}: {h.reason}{h.reference ? ` (${h.reference})` : ''}</Text>
            <Badge color={h.status === 'active' ? 'orange' : 'gray'} variant="light">{t(`arc.rm.hold.${h.status}`)}</Badge>
          </Group>
          <Stack gap={2} mt={4}>{h.files.map((f) => <Text key={f.fileId} size="sm">{f.code} — {f.title}</Text>)}</Stack>
          <Text size="xs" c="dimmed" mt={4}>{t('arc.rm.hold.by', { name: h.placedBy.fullName, date: formatDateTime(h.placedAt, lang) })}</Text>
          {h.status === 'released' && <Text size="xs" c="dimmed">{t('arc.rm.hold.releasedBy', { name: h.releasedBy?.fullName, date: formatDateTime(h.releasedAt, lang), note: h.releaseNote })}</Text>}
          {h.status === 'active' && mayHold && <Release hold={h} onDone={holds.reload} />}
        </Paper>
      ))}
    </Stack>
  )
}
