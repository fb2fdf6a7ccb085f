/**
 * One voters' petition: the text, the meeting with voters and its place, the
 * area and topic, the responsible agency, the answer deadline, the answer and
 * its result, the history, and the steps the caller may take now (forward,
 * record the answer, publish — then sealed).
 */
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { PETITION_RESULTS } from '../../../../shared/cases/contracts'
import type { PetitionStep } from '../../../../shared/cases/petitions'
import { petitions } from '../../api/cases'
import { ErrorAlert } from '../../components/ErrorAlert'
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

export default function PetitionPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { petitionId = '' } = useParams()
  const p = useData((s) => petitions.get(petitionId, s), [petitionId])
  const [step, setStep] = useState<PetitionStep | null>(null)
  const form = useSubmit(['answer', 'result', 'answerDue'])
  const [f, setF] = useState({ answer: '', result: 'solved', answerDue: '' })
  if (p.loading && !p.data) return <Loading />
  if (p.error || !p.data) return <ErrorAlert error={p.error} onRetry={p.reload} />
  const v = p.data
  const publish = async () => { try { const next = await petitions.step(v.petitionId, 'publish', { version: v.version }); p.setData(() => next); notify.ok(t('cases.done', { step: t('cases.p.step.publish') })) } catch (e) { notify.error(errorMessage(e)); p.reload() } }
  const submit = async () => {
    const body = step === 'forward' ? { version: v.version, ...(f.answerDue ? { answerDue: f.answerDue } : {}) } : { version: v.version, answer: f.answer, result: f.result }
    const next = await form.run(() => petitions.step(v.petitionId, step!, body))
    if (next) { p.setData(() => next); setStep(null); notify.ok(t('cases.done', { step: t(`cases.p.step.${step}`) })) }
  }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/petitions" size="sm">← {t('cases.p.back')}</Anchor>
      <PageHeader title={`${v.topic} — ${v.area}`}>
        <Badge size="lg" variant="light">{t(`cases.p.states.${v.state}`)}</Badge>
        {v.overdue && <Badge size="lg" color="red.9">{t('cases.overdue')}</Badge>}
      </PageHeader>
      {v.can.steps.length > 0 && (
        <Group gap="xs">
          {v.can.steps.map((s) => <Button key={s} onClick={() => (s === 'publish' ? publish() : setStep(s))}>{t(`cases.p.step.${s}`)}</Button>)}
        </Group>
      )}
      <Paper withBorder p="md">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{v.text}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="sm">
          <Text size="sm"><b>{t('cases.p.meeting')}:</b> {v.meeting} ({formatDate(v.meetingOn, lang)})</Text>
          <Text size="sm"><b>{t('cases.p.place')}:</b> {v.place}</Text>
          <Text size="sm"><b>{t('cases.p.agency')}:</b> {v.agencyName}</Text>
          <Text size="sm"><b>{t('cases.office')}:</b> {v.officeName}</Text>
          {v.answerDue && <Text size="sm"><b>{t('cases.p.answerDue')}:</b> {formatDate(v.answerDue, lang)}</Text>}
        </SimpleGrid>
        {v.answer && <Text mt="sm" size="sm"><b>{t('cases.p.answer')} ({t(`cases.p.results.${v.answer.result}`)}, {formatDate(v.answer.answeredOn, lang)}):</b> {v.answer.text}</Text>}
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('cases.history')}</Text>
        <Timeline bulletSize={14} lineWidth={2}>
          {v.events.map((e, i) => <Timeline.Item key={i} title={t(`cases.p.step.${e.step}`)}><Text size="xs" c="dimmed">{formatDateTime(e.at, lang)} · {e.by.fullName}</Text></Timeline.Item>)}
        </Timeline>
      </Paper>
      {step && (
        <FormModal opened onClose={() => setStep(null)} title={t(`cases.p.step.${step}`)} onSubmit={submit} submitLabel={t(`cases.p.step.${step}`)} busy={form.busy} error={form.error} messages={form.messages}>
          {step === 'forward' && <DateField label={t('cases.p.answerDue')} value={f.answerDue} onChange={(e) => { const x = e.currentTarget.value; setF((s) => ({ ...s, answerDue: x })) }} error={form.errors.answerDue} />}
          {step === 'answer' && <>
            <Textarea label={t('cases.p.answer')} required autosize minRows={3} value={f.answer} onChange={(e) => { const x = e.currentTarget.value; setF((s) => ({ ...s, answer: x })) }} error={form.errors.answer} />
            <Select label={t('cases.p.result')} data={PETITION_RESULTS.map((r) => ({ value: r, label: t(`cases.p.results.${r}`) }))} value={f.result} onChange={(x) => setF((s) => ({ ...s, result: x ?? 'solved' }))} allowDeselect={false} />
          </>}
        </FormModal>
      )}
    </Stack>
  )
}
