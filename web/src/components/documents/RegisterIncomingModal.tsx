/**
 * The clerk registers a received document: its number and symbol (read in
 * any usual form and shown as it will be written in the register), issuer,
 * dates, summary, urgency, confidentiality, page count, and the scanned PDF.
 * A MẬT / TỐI MẬT / TUYỆT MẬT document gets a metadata entry only: the file
 * field goes away and a notice says why.
 */
import { Alert, Autocomplete, FileInput, NumberInput, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core'
import { IconFileTypePdf, IconLock } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RegisterIncomingBody, type OfficialDocument } from '../../../../shared/documents/contracts'
import { isClassified, type Confidentiality } from '../../../../shared/documents/confidentiality'
import { deadlineFor, type Urgency } from '../../../../shared/documents/urgency'
import { canonical, parseSymbol } from '../../../../shared/documents/symbols'
import { findIssuer } from '../../../../shared/documents/types'
import { translate } from '../../../../shared/i18n/messages'
import { endpoints } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { formatDate, todayLocal } from '../../lib/dates'
import { acceptOf, confidentialityOptions, fileKind, issuerSuggestions, typeLabel, urgencyOptions } from '../../lib/documents'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useSubmit } from '../../lib/useSubmit'
import { useUploadOnce } from '../../lib/useUploadOnce'
import { clean, validate } from '../../lib/validation'
import { FormModal } from '../FormModal'
import { UploadProgress } from './DocumentBits'
import { DateField } from '../DateFields'

const FIELDS = ['unitId', 'symbol', 'issuerName', 'documentDate', 'receivedDate', 'summary', 'urgency', 'confidentiality', 'pageCount', 'file', 'file.objectKey'] as const

interface Values {
  unitId: string | null; symbol: string; issuerName: string; documentDate: string; receivedDate: string; summary: string
  urgency: Urgency; confidentiality: Confidentiality; pageCount: number | string; file: File | null
}

const initial = (unitId: string | null): Values => ({
  unitId, symbol: '', issuerName: '', documentDate: '', receivedDate: todayLocal(), summary: '', urgency: 'normal', confidentiality: 'none', pageCount: '', file: null,
})

export function RegisterIncomingModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: (doc: OfficialDocument) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const units = useUnits()
  const sub = useSubmit([...FIELDS])
  const [v, setV] = useState<Values>(() => initial(ws.unitId))
  const files = useUploadOnce()
  const labels: Record<string, string> = {
    unitId: t('docs.form.receivingUnit'), symbol: t('docs.form.symbol'), issuerName: t('docs.form.issuerName'), documentDate: t('docs.form.documentDate'),
    receivedDate: t('docs.form.receivedDate'), summary: t('docs.form.summary'), urgency: t('docs.form.urgency'), confidentiality: t('docs.form.confidentiality'),
    pageCount: t('docs.form.pageCount'), file: t('docs.form.filePdf'), objectKey: t('docs.form.filePdf'),
  }

  useEffect(() => {
    if (!opened) return
    sub.reset()
    setV(initial(ws.unitId))
    files.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened])

  const parsed = useMemo(() => (v.symbol.trim() ? parseSymbol(v.symbol) : null), [v.symbol])
  const classified = isClassified(v.confidentiality)
  const set = (patch: Partial<Values>) => setV((cur) => ({ ...cur, ...patch }))

  // The issuer's name follows from a known issuer code until the clerk types one.
  const onSymbolBlur = () => {
    if (parsed?.ok && !v.issuerName.trim()) {
      const known = findIssuer(parsed.symbol.issuer)
      if (known && !known.validTo) set({ issuerName: known.name[lang] })
    }
  }

  const unitOptions = useMemo(() => {
    const mine = ws.units.filter((u) => u.roles.some((r) => ['clerk', 'office-chief', 'admin'].includes(r))).map((u) => u.unitId)
    const opts = units.activeOptions.map((o) => ({ value: o.value, label: o.label }))
    opts.sort((a, b) => Number(mine.includes(b.value)) - Number(mine.includes(a.value)))
    if (v.unitId && !opts.some((o) => o.value === v.unitId)) opts.unshift({ value: v.unitId, label: units.name(v.unitId) })
    return opts
  }, [units, ws.units, v.unitId])

  const submit = async () => {
    const body = {
      ...clean({ unitId: v.unitId ?? '', symbol: v.symbol, issuerName: v.issuerName, documentDate: v.documentDate, receivedDate: v.receivedDate, summary: v.summary }),
      urgency: v.urgency, confidentiality: v.confidentiality,
      ...(v.pageCount !== '' && v.pageCount !== undefined ? { pageCount: Number(v.pageCount) } : {}),
    }
    const r = validate(RegisterIncomingBody, body, labels, lang)
    const errors = r.ok ? {} : { ...r.errors }
    if (parsed && !parsed.ok && !errors.symbol) errors.symbol = translate(parsed.reason, lang, { path: labels.symbol, ...parsed.params })
    if (!classified && !v.file) errors.file = translate('field.required', lang, { path: labels.file })
    if (!classified && v.file && fileKind(v.file) !== 'pdf') errors.file = t('docs.form.onlyPdf')
    if (!r.ok || Object.keys(errors).length) return sub.setErrors(errors)
    const res = await sub.run(async () => {
      let file: { objectKey: string; fileName: string } | undefined
      if (!classified && v.file) file = await files.upload(v.file)
      return endpoints.documents.registerIncoming({ ...r.data, ...(file ? { file } : {}) })
    })
    if (res) onDone(res.document)
  }

  const preview = parsed?.ok
    ? t('docs.form.symbolPreview', { symbol: canonical(parsed.symbol), type: typeLabel(parsed.symbol.type, lang) })
    : parsed ? translate(parsed.reason, lang, { path: labels.symbol, ...parsed.params }) : t('docs.form.symbolHelp')
  const deadline = v.receivedDate && /^\d{4}-\d{2}-\d{2}$/.test(v.receivedDate) ? deadlineFor(v.receivedDate, v.urgency) : null

  return (
    <FormModal opened={opened} onClose={onClose} title={t('docs.incoming.registerTitle')} onSubmit={() => void submit()} submitLabel={t('docs.incoming.registerSubmit')}
      busy={sub.busy} error={sub.error} messages={sub.messages} size="xl">
      <Select label={labels.unitId} required searchable filter={foldFilter} data={unitOptions} value={v.unitId} allowDeselect={false}
        onChange={(x) => set({ unitId: x })} error={sub.errors.unitId} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.symbol} required value={v.symbol} onChange={(e) => set({ symbol: e.currentTarget.value })} onBlur={onSymbolBlur}
          description={<span aria-live="polite">{preview}</span>} error={sub.errors.symbol} autoComplete="off" spellCheck={false} data-autofocus />
        <Autocomplete label={labels.issuerName} required value={v.issuerName} onChange={(x) => set({ issuerName: x })} data={issuerSuggestions(lang)}
          filter={foldFilter} error={sub.errors.issuerName} comboboxProps={{ keepMounted: false }} />
        <DateField label={labels.documentDate} required max={todayLocal()} value={v.documentDate} onChange={(e) => set({ documentDate: e.currentTarget.value })} error={sub.errors.documentDate} />
        <DateField label={labels.receivedDate} required max={todayLocal()} value={v.receivedDate} onChange={(e) => set({ receivedDate: e.currentTarget.value })} error={sub.errors.receivedDate} />
      </SimpleGrid>
      <Textarea label={labels.summary} required autosize minRows={2} maxRows={6} value={v.summary} onChange={(e) => set({ summary: e.currentTarget.value })} error={sub.errors.summary} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select label={labels.urgency} data={urgencyOptions(lang)} value={v.urgency} allowDeselect={false} onChange={(x) => x && set({ urgency: x as Urgency })}
          description={deadline ? t('docs.form.deadlinePreview', { date: formatDate(deadline, lang) }) : undefined} error={sub.errors.urgency} />
        <Select label={labels.confidentiality} data={confidentialityOptions(lang)} value={v.confidentiality} allowDeselect={false}
          onChange={(x) => x && set({ confidentiality: x as Confidentiality })} error={sub.errors.confidentiality} />
        <NumberInput label={labels.pageCount} min={1} max={5000} allowDecimal={false} value={v.pageCount} onChange={(x) => set({ pageCount: x })}
          description={classified ? undefined : t('docs.form.pageCountHelp')} error={sub.errors.pageCount} />
      </SimpleGrid>
      {classified ? (
        <Alert color="red" variant="light" icon={<IconLock aria-hidden />} title={t('docs.form.classifiedTitle')} role="status">
          <Text size="sm">{t('docs.form.classifiedText')}</Text>
        </Alert>
      ) : (
        <>
          <FileInput label={labels.file} description={t('docs.form.filePdfHelp')} placeholder={t('docs.form.choose')} accept={acceptOf(['pdf'])}
            value={v.file} onChange={(f) => set({ file: f })} clearable leftSection={<IconFileTypePdf size={18} aria-hidden />}
            error={sub.errors.file ?? sub.errors['file.objectKey']} disabled={sub.busy} />
          <UploadProgress fraction={files.progress} />
        </>
      )}
    </FormModal>
  )
}
