/**
 * The specialist starts an outgoing document: drafting unit, type, summary,
 * the person who will sign, the units on the platform that receive it once
 * issued, urgency, and optionally the first version (DOCX or PDF).
 */
import { Autocomplete, FileInput, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core'
import { IconFileText } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CreateDraftBody, type OfficialDocument } from '../../../../shared/documents/contracts'
import type { Urgency } from '../../../../shared/documents/urgency'
import { documentPolicy } from '../../../../shared/documents/policy'
import { endpoints } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { acceptOf, fileKind, typeOptions, urgencyOptions } from '../../lib/documents'
import { roleLabel, useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { useUploadOnce } from '../../lib/useUploadOnce'
import { clean, validate } from '../../lib/validation'
import { FormModal } from '../FormModal'
import { UnitMultiPicker } from '../org/UnitPicker'
import { UploadProgress } from './DocumentBits'

const FIELDS = ['unitId', 'type', 'summary', 'signer', 'recipients', 'urgency', 'drafterCode', 'file', 'file.objectKey'] as const

interface Values {
  unitId: string | null; type: string | null; summary: string; signer: string; recipients: string[]
  urgency: Urgency; drafterCode: string; file: File | null
}

const initial = (unitId: string | null): Values => ({
  unitId, type: 'CV', summary: '', signer: '', recipients: [], urgency: 'normal', drafterCode: '', file: null,
})

const signs = (role: string) => documentPolicy.grants(role, 'document.sign')

export function DraftModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: (doc: OfficialDocument) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const units = useUnits()
  const sub = useSubmit([...FIELDS])
  const [v, setV] = useState<Values>(() => initial(ws.unitId))
  const files = useUploadOnce()
  const labels: Record<string, string> = {
    unitId: t('docs.form.draftingUnit'), type: t('docs.form.type'), summary: t('docs.form.summary'), signer: t('docs.form.signer'),
    recipients: t('docs.form.recipients'), urgency: t('docs.form.urgency'), drafterCode: t('docs.form.drafterCode'), file: t('docs.form.fileDraft'), objectKey: t('docs.form.fileDraft'),
  }
  const set = (patch: Partial<Values>) => setV((cur) => ({ ...cur, ...patch }))

  useEffect(() => {
    if (!opened) return
    sub.reset()
    setV(initial(ws.unitId))
    files.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened])

  // Signer suggestions: people of the drafting unit whose role there may sign (others can be typed).
  const people = useData(opened && v.unitId && ws.canAnywhere('user.read')
    ? (signal) => endpoints.users({ unitId: v.unitId! }, signal).catch(() => ({ users: [] }))
    : null, [opened, v.unitId])
  const signers = useMemo(() => (people.data?.users ?? [])
    .filter((u) => u.status === 'active' && u.assignments.some((a) => signs(a.role)))
    .map((u) => ({ username: u.username, label: `${u.fullName} — ${u.assignments.filter((a) => signs(a.role)).map((a) => a.position || roleLabel(a.role, lang, units.byId.get(a.unitId))).join(', ')}` })), [people.data, lang])

  const unitOptions = useMemo(() => units.activeOptions.map((o) => ({ value: o.value, label: o.label })), [units])

  const submit = async () => {
    const recipients = v.recipients.filter((r) => r !== v.unitId)
    const body = {
      ...clean({ unitId: v.unitId ?? '', type: v.type ?? '', summary: v.summary, signer: v.signer, drafterCode: v.drafterCode }),
      recipients, urgency: v.urgency,
    }
    const r = validate(CreateDraftBody, body, labels, lang)
    const errors = r.ok ? {} : { ...r.errors }
    if (v.file && !fileKind(v.file)) errors.file = t('docs.form.onlyDraftKinds')
    for (const k of Object.keys(errors)) if (k.startsWith('recipients.') && !errors.recipients) errors.recipients = errors[k]
    if (!r.ok || Object.keys(errors).length) return sub.setErrors(errors)
    const res = await sub.run(async () => {
      let file: { objectKey: string; fileName: string } | undefined
      if (v.file) file = await files.upload(v.file)
      return endpoints.documents.createDraft({ ...r.data, ...(file ? { file } : {}) })
    })
    if (res) onDone(res.document)
  }

  const signerByName = new Map(signers.map((s) => [s.username, s.label]))
  const recipientsError = sub.errors.recipients ?? Object.entries(sub.errors).find(([k]) => k.startsWith('recipients.'))?.[1]

  return (
    <FormModal opened={opened} onClose={onClose} title={t('docs.outgoing.draftTitle')} onSubmit={() => void submit()} submitLabel={t('docs.outgoing.draftSubmit')}
      busy={sub.busy} error={sub.error} messages={sub.messages.filter((m) => m !== recipientsError)} size="xl">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={labels.unitId} required searchable filter={foldFilter} data={unitOptions} value={v.unitId} allowDeselect={false}
          onChange={(x) => set({ unitId: x, signer: '' })} error={sub.errors.unitId} />
        <Select label={labels.type} required searchable filter={foldFilter} data={typeOptions(lang)} value={v.type} allowDeselect={false}
          onChange={(x) => set({ type: x })} error={sub.errors.type} />
      </SimpleGrid>
      <Textarea label={labels.summary} required autosize minRows={2} maxRows={6} value={v.summary} onChange={(e) => set({ summary: e.currentTarget.value })}
        error={sub.errors.summary} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Autocomplete label={labels.signer} required description={t('docs.form.signerHelp')} value={v.signer} onChange={(x) => set({ signer: x.trim() })}
          data={signers.map((s) => s.username)} autoComplete="off" spellCheck={false} autoCapitalize="none" comboboxProps={{ keepMounted: false }}
          renderOption={({ option }) => <div><Text size="sm">{option.value}</Text><Text size="xs" c="dimmed">{signerByName.get(option.value)}</Text></div>}
          error={sub.errors.signer} />
        <Select label={labels.urgency} data={urgencyOptions(lang)} value={v.urgency} allowDeselect={false} onChange={(x) => x && set({ urgency: x as Urgency })} error={sub.errors.urgency} />
      </SimpleGrid>
      {/* Recipients by name from the city's directory: units outside the user's ward too. */}
      <UnitMultiPicker scope="directory" label={labels.recipients} description={t('docs.form.recipientsHelp')} exclude={v.unitId ? [v.unitId] : []}
        value={v.recipients} onChange={(x) => set({ recipients: x })} error={recipientsError} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.drafterCode} description={t('docs.form.drafterCodeHelp')} value={v.drafterCode} maxLength={10}
          onChange={(e) => set({ drafterCode: e.currentTarget.value })} error={sub.errors.drafterCode} autoCapitalize="none" spellCheck={false} />
        <FileInput label={labels.file} description={t('docs.form.fileDraftHelp')} placeholder={t('docs.form.choose')} accept={acceptOf(['docx', 'pdf'])}
          value={v.file} onChange={(f) => set({ file: f })} clearable leftSection={<IconFileText size={18} aria-hidden />}
          error={sub.errors.file ?? sub.errors['file.objectKey']} disabled={sub.busy} />
      </SimpleGrid>
      <UploadProgress fraction={files.progress} />
    </FormModal>
  )
}
