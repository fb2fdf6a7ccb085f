/**
 * The dialogs of the document page's actions: return an incoming document
 * with a reason, write the direction (bút phê), mark it done, upload a new
 * draft version, approve or return a draft, and sign and issue.
 */
import { Alert, FileInput, List, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { IconFileText, IconSignature } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  AddVersionBody, CompleteBody, DirectionBody, ReturnBody, ReviewBody, type OfficialDocument,
} from '../../../../shared/documents/contracts'
import { deadlineFor, deadlineRuleOn, type Urgency } from '../../../../shared/documents/urgency'
import { endpoints } from '../../api/endpoints'
import { formatDate, todayLocal } from '../../lib/dates'
import { acceptOf, fileKind, uploadDocumentFile, urgencyLabel, urgencyOptions } from '../../lib/documents'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { clean, validate } from '../../lib/validation'
import { FormModal } from '../FormModal'
import { UnitMultiPicker, UnitPicker } from '../org/UnitPicker'
import { UploadProgress } from './DocumentBits'
import { DateField } from '../DateFields'

type Done = (doc: OfficialDocument, message: string) => void
interface ModalProps { doc: OfficialDocument; opened: boolean; onClose: () => void; onDone: Done }

export function ReturnModal({ doc, opened, onClose, onDone }: ModalProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const sub = useSubmit(['reason'])
  const [reason, setReason] = useState('')
  useEffect(() => { if (opened) { sub.reset(); setReason('') } }, [opened]) // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async () => {
    const r = validate(ReturnBody, { reason: reason.trim() }, { reason: t('docs.actions.returnReason') }, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.documents.giveBack(doc.documentId, r.data.reason))
    if (res) onDone(res.document, t('docs.actions.returned'))
  }
  return (
    <FormModal opened={opened} onClose={onClose} title={t('docs.actions.returnTitle')} onSubmit={() => void submit()} submitLabel={t('docs.actions.return')}
      busy={sub.busy} error={sub.error} messages={sub.messages}>
      <Text size="sm">{t('docs.actions.returnHelp')}</Text>
      <Textarea label={t('docs.actions.returnReason')} required autosize minRows={3} maxRows={8} value={reason} data-autofocus
        onChange={(e) => setReason(e.currentTarget.value)} error={sub.errors.reason} />
    </FormModal>
  )
}

const DIRECTION_FIELDS = ['text', 'leadUnitId', 'leadUserId', 'coordinatingUnitIds', 'deadline', 'urgency'] as const

export function DirectionModal({ doc, opened, onClose, onDone }: ModalProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const sub = useSubmit([...DIRECTION_FIELDS])
  const today = todayLocal()
  const [text, setText] = useState('')
  const [leadUnitId, setLeadUnitId] = useState<string | null>(null)
  const [leadUserId, setLeadUserId] = useState<string | null>(null)
  const [coordinating, setCoordinating] = useState<string[]>([])
  const [urgency, setUrgency] = useState<Urgency>(doc.urgency)
  const [deadline, setDeadline] = useState('')
  const deadlineTouched = useRef(false)
  const labels: Record<string, string> = {
    text: t('docs.direction.text'), leadUnitId: t('docs.direction.leadUnit'), leadUserId: t('docs.direction.leadUser'),
    coordinatingUnitIds: t('docs.direction.coordinating'), deadline: t('docs.direction.deadline'), urgency: t('docs.form.urgency'),
  }

  useEffect(() => {
    if (!opened) return
    sub.reset()
    const d = doc.direction
    setText(d?.text ?? '')
    setLeadUnitId(d?.leadUnitId ?? null)
    setLeadUserId(d?.leadUser?.userId ?? null)
    setCoordinating(d?.coordinatingUnitIds ?? [])
    setUrgency(d?.urgency ?? doc.urgency)
    setDeadline(d?.deadline && d.deadline >= today ? d.deadline : deadlineFor(today, d?.urgency ?? doc.urgency))
    deadlineTouched.current = false
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened])

  // The deadline follows the urgency until the leader sets one by hand.
  const changeUrgency = (u: Urgency) => {
    setUrgency(u)
    if (!deadlineTouched.current) setDeadline(deadlineFor(today, u))
  }

  const people = useData(opened ? (signal) => endpoints.users({ unitId: leadUnitId ?? doc.ownerUnitId }, signal).catch(() => ({ users: [] })) : null, [opened, leadUnitId])
  const userOptions = useMemo(() => {
    const list = (people.data?.users ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.userId, label: u.fullName }))
    if (leadUserId && !list.some((o) => o.value === leadUserId) && doc.direction?.leadUser?.userId === leadUserId) list.unshift({ value: leadUserId, label: doc.direction.leadUser.fullName })
    return list
  }, [people.data, leadUserId, doc.direction])
  const rule = deadlineRuleOn(today)
  const defaultHelp = urgency === 'hoa-toc'
    ? t('docs.direction.deadlineHelpToday')
    : t('docs.direction.deadlineHelp', { urgency: urgencyLabel(urgency, lang), days: rule.workingDays[urgency as Exclude<Urgency, 'hoa-toc'>], date: formatDate(deadlineFor(today, urgency), lang) })

  const submit = async () => {
    const body = {
      ...clean({ text, leadUnitId: leadUnitId ?? '', leadUserId: leadUserId ?? '', deadline }),
      coordinatingUnitIds: coordinating.filter((c) => c !== leadUnitId), urgency,
    }
    const r = validate(DirectionBody, body, labels, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    if (r.data.deadline && r.data.deadline < today) return sub.setErrors({ deadline: t('docs.direction.deadlinePast') })
    const res = await sub.run(() => endpoints.documents.direct(doc.documentId, r.data))
    if (res) onDone(res.document, t('docs.direction.saved'))
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('docs.direction.title')} onSubmit={() => void submit()} submitLabel={t('docs.direction.submit')}
      busy={sub.busy} error={sub.error} messages={sub.messages} size="xl">
      <Textarea label={labels.text} required autosize minRows={3} maxRows={10} value={text} onChange={(e) => setText(e.currentTarget.value)}
        description={t('docs.direction.textHelp')} error={sub.errors.text} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <UnitPicker label={labels.leadUnitId} clearable value={leadUnitId}
          onChange={(x) => { setLeadUnitId(x); setLeadUserId(null) }} error={sub.errors.leadUnitId} />
        <Select label={labels.leadUserId} searchable clearable filter={foldFilter} data={userOptions} value={leadUserId}
          onChange={setLeadUserId} description={t('docs.direction.leadUserHelp')} error={sub.errors.leadUserId} />
      </SimpleGrid>
      <UnitMultiPicker label={labels.coordinatingUnitIds} exclude={leadUnitId ? [leadUnitId] : []}
        value={coordinating} onChange={setCoordinating} error={sub.errors.coordinatingUnitIds} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={labels.urgency} data={urgencyOptions(lang)} value={urgency} allowDeselect={false} onChange={(x) => x && changeUrgency(x as Urgency)} error={sub.errors.urgency} />
        <DateField label={labels.deadline} min={today} value={deadline} description={defaultHelp}
          onChange={(e) => { deadlineTouched.current = true; setDeadline(e.currentTarget.value) }} error={sub.errors.deadline} />
      </SimpleGrid>
    </FormModal>
  )
}

export function CompleteModal({ doc, opened, onClose, onDone }: ModalProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const sub = useSubmit(['note'])
  const [note, setNote] = useState('')
  useEffect(() => { if (opened) { sub.reset(); setNote('') } }, [opened]) // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async () => {
    const r = validate(CompleteBody, clean({ note }), { note: t('docs.actions.completeNote') }, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.documents.complete(doc.documentId, r.data.note))
    if (res) onDone(res.document, t('docs.actions.completed'))
  }
  return (
    <FormModal opened={opened} onClose={onClose} title={t('docs.actions.completeTitle')} onSubmit={() => void submit()} submitLabel={t('docs.actions.complete')}
      busy={sub.busy} error={sub.error} messages={sub.messages}>
      <Textarea label={t('docs.actions.completeNote')} autosize minRows={3} maxRows={8} value={note} data-autofocus
        onChange={(e) => setNote(e.currentTarget.value)} error={sub.errors.note} />
    </FormModal>
  )
}

export function VersionModal({ doc, opened, onClose, onDone }: ModalProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const sub = useSubmit(['objectKey', 'note'])
  const [file, setFile] = useState<File | null>(null)
  const [note, setNote] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  useEffect(() => { if (opened) { sub.reset(); setFile(null); setNote('') } }, [opened]) // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async () => {
    if (!file) return sub.setErrors({ objectKey: t('docs.verify.chooseFile') })
    if (!fileKind(file)) return sub.setErrors({ objectKey: t('docs.form.onlyDraftKinds') })
    const res = await sub.run(async () => {
      setProgress(0)
      let ref: { objectKey: string; fileName: string }
      try { ref = await uploadDocumentFile(file, setProgress) } finally { setProgress(null) }
      const r = validate(AddVersionBody, { ...ref, ...clean({ note }) }, { note: t('docs.versions.note'), objectKey: t('docs.versions.file') }, lang)
      if (!r.ok) throw new Error(Object.values(r.errors)[0])
      return endpoints.documents.addVersion(doc.documentId, r.data)
    })
    if (res) onDone(res.document, t('docs.versions.added', { n: res.document.versions?.length ?? '' }))
  }
  return (
    <FormModal opened={opened} onClose={onClose} title={t('docs.versions.addTitle')} onSubmit={() => void submit()} submitLabel={t('docs.versions.upload')}
      busy={sub.busy} error={sub.error} messages={sub.messages}>
      <FileInput label={t('docs.versions.file')} description={t('docs.versions.fileHelp')} placeholder={t('docs.form.choose')} accept={acceptOf(['docx', 'pdf'])}
        value={file} onChange={setFile} clearable required leftSection={<IconFileText size={18} aria-hidden />} error={sub.errors.objectKey} disabled={sub.busy} />
      <TextInput label={t('docs.versions.note')} value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} error={sub.errors.note} />
      <UploadProgress fraction={progress} />
    </FormModal>
  )
}

export function ReviewModal({ doc, decision, opened, onClose, onDone }: ModalProps & { decision: 'approve' | 'return' }) {
  const { t } = useTranslation()
  const lang = useLang()
  const sub = useSubmit(['comment'])
  const [comment, setComment] = useState('')
  useEffect(() => { if (opened) { sub.reset(); setComment('') } }, [opened]) // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async () => {
    const r = validate(ReviewBody, { decision, ...clean({ comment }) }, { comment: t('docs.review.comment') }, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.documents.review(doc.documentId, r.data))
    if (res) onDone(res.document, decision === 'approve' ? t('docs.review.approved') : t('docs.review.returned'))
  }
  return (
    <FormModal opened={opened} onClose={onClose} title={decision === 'approve' ? t('docs.review.approveTitle') : t('docs.review.returnTitle')}
      onSubmit={() => void submit()} submitLabel={decision === 'approve' ? t('docs.review.approve') : t('docs.review.return')}
      busy={sub.busy} error={sub.error} messages={sub.messages}>
      <Textarea label={t('docs.review.comment')} required={decision === 'return'} autosize minRows={3} maxRows={8} value={comment} data-autofocus
        description={decision === 'return' ? t('docs.review.returnHelp') : t('docs.review.approveHelp')}
        onChange={(e) => setComment(e.currentTarget.value)} error={sub.errors.comment} />
    </FormModal>
  )
}

export function IssueModal({ doc, opened, onClose, onDone }: ModalProps) {
  const { t } = useTranslation()
  const units = useUnits()
  const sub = useSubmit([])
  useEffect(() => { if (opened) sub.reset() }, [opened]) // eslint-disable-line react-hooks/exhaustive-deps
  const final = doc.versions?.at(-1)
  const submit = async () => {
    const res = await sub.run(() => endpoints.documents.issue(doc.documentId))
    if (res) onDone(res.document, t('docs.issue.done', { symbol: res.document.issued?.symbol ?? res.document.symbol ?? '' }))
  }
  return (
    <FormModal opened={opened} onClose={onClose} title={t('docs.issue.title')} onSubmit={() => void submit()} submitLabel={t('docs.issue.submit')}
      busy={sub.busy} error={sub.error} messages={sub.messages}>
      <Alert color="blue" variant="light" icon={<IconSignature aria-hidden />} title={t('docs.issue.what')}>
        <List size="sm" spacing={4}>
          <List.Item>{t('docs.issue.step1')}</List.Item>
          <List.Item>{t('docs.issue.step2')}</List.Item>
          <List.Item>{t('docs.issue.step3')}</List.Item>
          <List.Item>{t('docs.issue.step4')}</List.Item>
        </List>
      </Alert>
      <Stack gap={4}>
        <Text size="sm"><strong>{t('docs.issue.finalFile')}:</strong> {final ? `${final.fileName} (${t('docs.versions.versionN', { n: final.version })})` : '—'}</Text>
        <Text size="sm"><strong>{t('docs.form.recipients')}:</strong> {(doc.recipients ?? []).map((r) => units.name(r)).join(', ') || t('app.none')}</Text>
      </Stack>
      <Text size="sm" c="dimmed">{t('docs.issue.irreversible')}</Text>
    </FormModal>
  )
}
