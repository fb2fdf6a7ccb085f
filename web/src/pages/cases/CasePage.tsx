/**
 * One case: what it is about and who it concerns, its register number,
 * state and the running deadline with its legal basis (marked unverified
 * where it is), the inspector, verifications, conclusion, measures and their
 * follow-up, the history in order, and only the steps the caller may take
 * now, each in its own form naming the version it was made on. The sender is
 * never on the page: the chair and the assigned inspector may open it on
 * demand (the read is audited), everyone else sees no button.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core'
import { IconEye, IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { MEASURES, type Complainant } from '../../../../shared/cases/contracts'
import type { ComplaintStep } from '../../../../shared/cases/complaints'
import { cases, type CaseView } from '../../api/cases'
import { endpoints } from '../../api/endpoints'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormModal } from '../../components/FormModal'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate, formatDateTime } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { DateField } from '../../components/DateFields'

export default function CasePage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { caseId = '' } = useParams()
  const c = useData((s) => cases.get(caseId, s), [caseId])
  const [step, setStep] = useState<ComplaintStep | null>(null)
  const [who, setWho] = useState<Complainant | null>(null)
  if (c.loading && !c.data) return <Loading />
  if (c.error || !c.data) return <ErrorAlert error={c.error} onRetry={c.reload} />
  const v = c.data
  const showIdentity = async () => { try { setWho((await cases.identity(v.caseId)).complainant) } catch (e) { notify.error(errorMessage(e)) } }
  const quick = async (s: ComplaintStep) => {
    try { const next = await cases.step(v.caseId, s, { version: v.version }); c.setData(() => next); notify.ok(t('cases.done', { step: t(`cases.step.${s}`) })) } catch (e) { notify.error(errorMessage(e)); c.reload() }
  }
  const deadline = (label: string, d?: CaseView['acceptance']) => d && (
    <Text size="sm"><b>{label}:</b> {formatDate(d.due, lang)} — {t('cases.legalLimit', { days: d.limitDays, source: d.source })}</Text>
  )

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/cases" size="sm">← {t('cases.back')}</Anchor>
      <PageHeader title={`${v.registerNo ? `${v.registerNo} — ` : ''}${v.subject}`}>
        <Badge size="lg" variant="light">{t(`cases.states.${v.state}`)}</Badge>
        {v.overdue && <Badge size="lg" color="red.9">{t('cases.overdue')}</Badge>}
        {v.sealed && <Badge size="lg" color="gray.8" leftSection={<IconLock size={14} aria-hidden />}>{t('cases.sealed')}</Badge>}
      </PageHeader>

      {v.can.steps.length > 0 && (
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">{t('cases.steps')}</Text>
          <Group gap="xs">
            {v.can.steps.map((s) => s === 'register'
              ? <Button key={s} onClick={() => quick(s)}>{t(`cases.step.${s}`)}</Button>
              : <Button key={s} variant={s === 'close' ? 'default' : 'filled'} onClick={() => setStep(s)}>{t(`cases.step.${s}`)}</Button>)}
          </Group>
        </Paper>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm"><b>{t('cases.type')}:</b> {t(`cases.types.${v.type}`)}</Text>
          <Text size="sm"><b>{t('cases.source')}:</b> {t(`cases.sources.${v.source}`)}{v.fromBody ? ` (${v.fromBody})` : ''}</Text>
          <Text size="sm"><b>{t('cases.received')}:</b> {formatDate(v.receivedOn, lang)}</Text>
          <Text size="sm"><b>{t('cases.commission')}:</b> {v.commissionName}</Text>
          <Text size="sm"><b>{t('cases.concerns')}:</b> {v.concerns}</Text>
          <Text size="sm"><b>{t('cases.inspector')}:</b> {v.inspector?.fullName ?? '—'}</Text>
        </SimpleGrid>
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>{v.summary}</Text>
        <Stack gap={2} mt="sm">
          {deadline(t('cases.acceptance'), v.acceptance)}
          {deadline(t('cases.handling'), v.handling)}
          {!v.acceptance.verified && <Text size="xs" c="dimmed">{t('cases.unverified')}</Text>}
        </Stack>
        {v.anonymous && <Text size="sm" mt="sm">{t('cases.anonymous')}</Text>}
        {v.can.identity && !who && <Button mt="sm" variant="light" leftSection={<IconEye size={16} aria-hidden />} onClick={showIdentity}>{t('cases.showIdentity')}</Button>}
        {who && (
          <Alert mt="sm" color="yellow" title={t('cases.complainant')}>
            <Text size="sm">{who.fullName}{who.phone ? ` · ${who.phone}` : ''}{who.address ? ` · ${who.address}` : ''}{who.email ? ` · ${who.email}` : ''}</Text>
            <Text size="xs" c="dimmed">{t('cases.identityNote')}</Text>
          </Alert>
        )}
      </Paper>

      {(v.verifications.length > 0 || v.conclusion || v.measures) && (
        <Paper withBorder p="md">
          {v.verifications.map((x, i) => <Text key={i} size="sm"><b>{t('cases.step.verify')} ({formatDate(x.at.slice(0, 10), lang)}, {x.by.fullName}):</b> {x.text}</Text>)}
          {v.conclusion && <Text size="sm" mt="xs"><b>{t('cases.step.conclude')}: {t(`cases.foundedOptions.${v.conclusion.founded}`)}</b> — {v.conclusion.text}</Text>}
          {v.measures && <Text size="sm" mt="xs"><b>{t('cases.step.measures')}: {t(`cases.measuresOptions.${v.measures.measure}`)}</b> — {v.measures.text}</Text>}
          {v.followUps.map((f, i) => <Text key={i} size="sm"><b>{t('cases.step.followUp')}:</b> {f.text}{f.executed ? ` ✓ ${t('cases.f.executed')}` : ''}</Text>)}
        </Paper>
      )}

      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('cases.history')}</Text>
        <Timeline bulletSize={14} lineWidth={2}>
          {v.events.map((e, i) => (
            <Timeline.Item key={i} title={t(`cases.step.${e.step}`)}>
              <Text size="xs" c="dimmed">{formatDateTime(e.at, lang)} · {e.by.fullName}</Text>
              {e.text && <Text size="sm">{e.text}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>

      {step && <StepForm v={v} step={step} onClose={() => setStep(null)} onDone={(next) => { c.setData(() => next); setStep(null); notify.ok(t('cases.done', { step: t(`cases.step.${step}`) })) }} />}
    </Stack>
  )
}

function StepForm({ v, step, onClose, onDone }: { v: CaseView; step: ComplaintStep; onClose: () => void; onDone: (c: CaseView) => void }) {
  const { t } = useTranslation()
  const units = useUnits()
  const commission = useData((s) => (step === 'assign' ? endpoints.unit(v.commissionId, undefined, s) : Promise.resolve(undefined)), [step, v.commissionId])
  const form = useSubmit(['text', 'until', 'reason', 'toUnitId', 'inspectorId', 'handlingDue', 'founded', 'measure', 'note'])
  const [f, setF] = useState<Record<string, string | boolean>>({ withinCompetence: true, concreteEvidence: false, founded: 'founded', measure: 'none', executed: false })
  const set = (k: string) => (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setF((x) => ({ ...x, [k]: value })) }
  const str = (k: string) => (typeof f[k] === 'string' ? f[k] as string : '')
  const body = (): Record<string, unknown> => {
    const b: Record<string, unknown> = { version: v.version }
    if (step === 'classify') { b.withinCompetence = f.withinCompetence; if (v.anonymous && v.type === 'denunciation') b.concreteEvidence = f.concreteEvidence; if (str('note')) b.note = str('note') }
    if (step === 'forward') { b.toUnitId = str('toUnitId'); if (str('note')) b.note = str('note') }
    if (step === 'assign') { b.inspectorId = str('inspectorId'); if (str('handlingDue')) b.handlingDue = str('handlingDue') }
    if (step === 'extend') { b.until = str('until'); b.reason = str('reason') }
    if (step === 'verify') b.text = str('text')
    if (step === 'conclude') { b.founded = f.founded; b.text = str('text') }
    if (step === 'measures') { b.measure = f.measure; b.text = str('text'); if (str('executionDue')) b.executionDue = str('executionDue') }
    if (step === 'followUp') { b.text = str('text'); b.executed = f.executed }
    if (step === 'close' && str('note')) b.note = str('note')
    return b
  }
  const submit = async () => { const next = await form.run(() => cases.step(v.caseId, step === 'followUp' ? 'follow-up' : step, body())); if (next) onDone(next) }
  const e = form.errors
  const inspectors = (commission.data?.members ?? []).filter((m) => m.role.split(',').some((r) => ['inspector', 'secretary', 'deputy-secretary'].includes(r)))
  return (
    <FormModal opened onClose={onClose} title={t(`cases.step.${step}`)} onSubmit={submit} submitLabel={t(`cases.step.${step}`)} busy={form.busy} error={form.error} messages={form.messages}>
      {step === 'classify' && <>
        <Checkbox label={t('cases.f.withinCompetence')} checked={!!f.withinCompetence} onChange={(ev) => { const ch = ev.currentTarget.checked; setF((x) => ({ ...x, withinCompetence: ch })) }} />
        {v.anonymous && v.type === 'denunciation' && <Checkbox label={t('cases.f.concreteEvidence')} checked={!!f.concreteEvidence} onChange={(ev) => { const ch = ev.currentTarget.checked; setF((x) => ({ ...x, concreteEvidence: ch })) }} />}
      </>}
      {step === 'forward' && <Select label={t('cases.f.toUnit')} required searchable data={units.activeOptions.map((o) => ({ value: o.value, label: o.label }))} value={str('toUnitId') || null} onChange={(x) => setF((s) => ({ ...s, toUnitId: x ?? '' }))} error={e.toUnitId} />}
      {step === 'assign' && <>
        <Select label={t('cases.f.inspector')} required data={inspectors.map((m) => ({ value: m.userId, label: `${m.fullName}${m.position ? ` — ${m.position}` : ''}` }))} value={str('inspectorId') || null} onChange={(x) => setF((s) => ({ ...s, inspectorId: x ?? '' }))} error={e.inspectorId} />
        <DateField label={t('cases.f.handlingDue')} value={str('handlingDue')} onChange={set('handlingDue')} error={e.handlingDue} />
      </>}
      {step === 'extend' && <>
        <DateField label={t('cases.f.until')} required value={str('until')} onChange={set('until')} error={e.until} />
        <Textarea label={t('cases.f.reason')} required value={str('reason')} onChange={set('reason')} error={e.reason} />
      </>}
      {step === 'conclude' && <Select label={t('cases.f.founded')} data={(['founded', 'partly', 'unfounded'] as const).map((x) => ({ value: x, label: t(`cases.foundedOptions.${x}`) }))} value={str('founded')} onChange={(x) => setF((s) => ({ ...s, founded: x ?? 'founded' }))} allowDeselect={false} />}
      {step === 'measures' && <>
        <Select label={t('cases.f.measure')} data={MEASURES.map((x) => ({ value: x, label: t(`cases.measuresOptions.${x}`) }))} value={str('measure')} onChange={(x) => setF((s) => ({ ...s, measure: x ?? 'none' }))} allowDeselect={false} />
        <DateField label={t('cases.f.executionDue')} value={str('executionDue')} onChange={set('executionDue')} />
      </>}
      {['verify', 'conclude', 'measures', 'followUp'].includes(step) && <Textarea label={t('cases.f.text')} required autosize minRows={3} value={str('text')} onChange={set('text')} error={e.text} />}
      {step === 'followUp' && <Checkbox label={t('cases.f.executed')} checked={!!f.executed} onChange={(ev) => { const ch = ev.currentTarget.checked; setF((x) => ({ ...x, executed: ch })) }} />}
      {['classify', 'forward', 'close'].includes(step) && <Textarea label={t('cases.f.note')} value={str('note')} onChange={set('note')} />}
    </FormModal>
  )
}
