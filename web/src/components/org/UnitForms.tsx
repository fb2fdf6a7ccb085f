/**
 * The unit management dialogs: create a subordinate unit, rename, move,
 * and request a reorganisation. Each validates with the API's own zod
 * schema first and shows the API's field issues next to the fields.
 */
import { ActionIcon, Button, Fieldset, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CreateReorganisationBody, CreateUnitBody, MoveUnitBody, REORGANISATION_KINDS, UpdateUnitBody, type Unit,
} from '../../../../shared/org/contracts'
import { levelById } from '../../../../shared/org/levels'
import type { UnitView } from '../../../../shared/org/tree'
import { endpoints } from '../../api/endpoints'
import { todayLocal } from '../../lib/dates'
import { kindOptions, levelOptions, useLang } from '../../lib/labels'
import { flattenTree, foldFilter } from '../../lib/search'
import { invalidateUnits, useUnits } from '../../lib/units'
import { useSubmit } from '../../lib/useSubmit'
import { clean, validate } from '../../lib/validation'
import { FormModal } from '../FormModal'
import { DateField } from '../DateFields'

interface ModalProps { opened: boolean; onClose: () => void }

// ---------------------------------------------------------------- create

const defaultKind = (level: string | null): string | null =>
  level === 'cell' ? 'cell' : level === 'grassroots' ? 'grassroots-organisation' : level ? 'party-committee' : null

export function CreateUnitModal({ parent, opened, onClose, onDone }: ModalProps & { parent: UnitView; onDone: (u: Unit) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const fields = ['name', 'code', 'unitId', 'level', 'kind', 'validFrom', 'parentId'] as const
  const labels = { name: t('unit.name'), code: t('unit.code'), unitId: t('unit.unitId'), level: t('unit.level'), kind: t('unit.kind'), validFrom: t('unit.validFrom'), parentId: t('unit.parent') }
  const sub = useSubmit(fields)
  const parentRank = levelById(parent.level)?.rank ?? 0
  const empty = { name: '', code: '', unitId: '', level: null as string | null, kind: null as string | null, validFrom: '' }
  const [v, setV] = useState(empty)
  const levels = levelOptions(lang, v.validFrom || todayLocal(), parentRank)

  useEffect(() => {
    if (!opened) return
    sub.reset()
    const next = levelOptions(lang, todayLocal(), parentRank + 1)[0]?.value ?? levelOptions(lang, todayLocal(), parentRank)[0]?.value ?? null
    setV({ ...empty, level: next, kind: defaultKind(next) })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened])

  const submit = async () => {
    const body = clean({ ...v, level: v.level ?? undefined, kind: v.kind ?? undefined, parentId: parent.unitId })
    const r = validate(CreateUnitBody, body, labels, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.createUnit(r.data))
    if (res) {
      invalidateUnits()
      onDone(res.unit)
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('unit.createTitle', { parent: parent.name })} onSubmit={submit}
      submitLabel={t('unit.createSubmit')} busy={sub.busy} error={sub.error} messages={sub.messages}>
      <TextInput label={labels.name} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={sub.errors.name} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.code} required description={t('unit.codeHelp')} value={v.code} onChange={(e) => setV({ ...v, code: e.currentTarget.value })} error={sub.errors.code} />
        <TextInput label={labels.unitId} description={t('unit.unitIdHelp')} value={v.unitId} onChange={(e) => setV({ ...v, unitId: e.currentTarget.value })} error={sub.errors.unitId} autoCapitalize="none" spellCheck={false} />
        <Select label={labels.level} required data={levels} value={v.level} onChange={(x) => setV({ ...v, level: x, kind: v.kind ?? defaultKind(x) })} error={sub.errors.level} />
        <Select label={labels.kind} required data={kindOptions(lang)} value={v.kind} onChange={(x) => setV({ ...v, kind: x })} error={sub.errors.kind} />
      </SimpleGrid>
      <DateField label={labels.validFrom} description={t('unit.effectiveDateHelp')} value={v.validFrom} onChange={(e) => setV({ ...v, validFrom: e.currentTarget.value })} error={sub.errors.validFrom} />
    </FormModal>
  )
}

// ---------------------------------------------------------------- rename

export function RenameUnitModal({ unit, opened, onClose, onDone }: ModalProps & { unit: UnitView; onDone: (u: Unit) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const fields = ['name', 'code', 'kind', 'effectiveDate'] as const
  const labels = { name: t('unit.name'), code: t('unit.code'), kind: t('unit.kind'), effectiveDate: t('unit.effectiveDate') }
  const sub = useSubmit(fields)
  const [v, setV] = useState({ name: unit.name, code: unit.code, kind: unit.kind as string | null, effectiveDate: '' })

  useEffect(() => {
    if (!opened) return
    sub.reset()
    setV({ name: unit.name, code: unit.code, kind: unit.kind, effectiveDate: '' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, unit])

  const submit = async () => {
    const changed = {
      name: v.name.trim() !== unit.name ? v.name : undefined,
      code: v.code.trim() !== unit.code ? v.code : undefined,
      kind: v.kind && v.kind !== unit.kind ? v.kind : undefined,
    }
    if (!changed.name && !changed.code && !changed.kind) return sub.setErrors({ name: t('unit.nothingChanged') })
    const r = validate(UpdateUnitBody, { ...clean({ ...changed, effectiveDate: v.effectiveDate }), version: unit.version }, labels, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.updateUnit(unit.unitId, r.data))
    if (res) {
      invalidateUnits()
      onDone(res.unit)
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('unit.renameTitle')} onSubmit={submit} submitLabel={t('app.save')}
      busy={sub.busy} error={sub.error} messages={sub.messages}>
      <TextInput label={labels.name} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={sub.errors.name} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.code} required value={v.code} onChange={(e) => setV({ ...v, code: e.currentTarget.value })} error={sub.errors.code} />
        <Select label={labels.kind} data={kindOptions(lang)} value={v.kind} onChange={(x) => setV({ ...v, kind: x })} error={sub.errors.kind} allowDeselect={false} />
      </SimpleGrid>
      <DateField label={labels.effectiveDate} description={t('unit.effectiveDateHelp')} value={v.effectiveDate} onChange={(e) => setV({ ...v, effectiveDate: e.currentTarget.value })} error={sub.errors.effectiveDate} />
    </FormModal>
  )
}

// ---------------------------------------------------------------- move

export function MoveUnitModal({ unit, opened, onClose, onDone }: ModalProps & { unit: UnitView; onDone: (u: Unit) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const fields = ['newParentId', 'effectiveDate'] as const
  const labels = { newParentId: t('unit.newParent'), effectiveDate: t('unit.effectiveDate') }
  const sub = useSubmit(fields)
  const units = useUnits()
  const [v, setV] = useState({ newParentId: null as string | null, effectiveDate: '' })

  useEffect(() => {
    if (!opened) return
    sub.reset()
    setV({ newParentId: null, effectiveDate: '' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened])

  // Not the unit itself, not one of its descendants, not its current parent, nothing that has ended.
  const options = useMemo(() => {
    const self = units.byId.get(unit.unitId)
    const below = new Set(self ? flattenTree([self]).map((x) => x.node.unitId) : [unit.unitId])
    return units.activeOptions.filter((o) => !below.has(o.value) && o.value !== unit.parentId).map((o) => ({ value: o.value, label: o.label }))
  }, [units, unit])

  const submit = async () => {
    const r = validate(MoveUnitBody, { ...clean({ newParentId: v.newParentId ?? '', effectiveDate: v.effectiveDate }), version: unit.version }, labels, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.moveUnit(unit.unitId, r.data))
    if (res) {
      invalidateUnits()
      onDone(res.unit)
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={t('unit.moveTitle', { name: unit.name })} onSubmit={submit} submitLabel={t('unit.moveSubmit')}
      busy={sub.busy} error={sub.error} messages={sub.messages}>
      <Select label={labels.newParentId} required searchable filter={foldFilter} data={options} value={v.newParentId}
        onChange={(x) => setV({ ...v, newParentId: x })} error={sub.errors.newParentId} nothingFoundMessage={t('units.empty')} data-autofocus
        />
      <DateField label={labels.effectiveDate} description={t('unit.effectiveDateHelp')} value={v.effectiveDate}
        onChange={(e) => setV({ ...v, effectiveDate: e.currentTarget.value })} error={sub.errors.effectiveDate} />
    </FormModal>
  )
}

// ---------------------------------------------------------------- reorganise

type ReorgKind = (typeof REORGANISATION_KINDS)[number]
interface SuccessorRow { unitId: string | null; share: number | string }

export function ReorganiseModal({ unit, opened, onClose, onDone }: ModalProps & { unit: UnitView; onDone: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const fields = ['kind', 'sourceUnitIds', 'successors', 'effectiveDate', 'reason'] as const
  const labels = { kind: t('reorg.kind'), sourceUnitIds: t('reorg.sources'), successors: t('reorg.successors'), effectiveDate: t('reorg.effectiveDate'), reason: t('reorg.reason'), unitId: t('reorg.successors'), share: t('reorg.share', { n: '' }) }
  const sub = useSubmit(fields)
  const units = useUnits()
  const [kind, setKind] = useState<ReorgKind>('merge')
  const [sources, setSources] = useState<string[]>([unit.unitId])
  const [rows, setRows] = useState<SuccessorRow[]>([{ unitId: null, share: '' }])
  const [effectiveDate, setEffectiveDate] = useState('')
  const [reason, setReason] = useState('')

  useEffect(() => {
    if (!opened) return
    sub.reset()
    setKind('merge'); setSources([unit.unitId]); setRows([{ unitId: null, share: '' }]); setEffectiveDate(''); setReason('')
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, unit.unitId])

  const changeKind = (k: ReorgKind) => {
    setKind(k)
    if (k !== 'merge') setSources([unit.unitId])
    setRows(k === 'split' ? [{ unitId: null, share: 50 }, { unitId: null, share: 50 }] : k === 'merge' ? [{ unitId: null, share: '' }] : [])
  }

  // Sources: the unit and its siblings (same direct superior), still active.
  const siblingOptions = useMemo(() => units.activeOptions
    .filter((o) => o.node.parentId === unit.parentId || o.value === unit.unitId)
    .map((o) => ({ value: o.value, label: o.label })), [units, unit])
  const successorOptions = useMemo(() => units.activeOptions
    .filter((o) => !sources.includes(o.value))
    .map((o) => ({ value: o.value, label: o.label })), [units, sources])

  const submit = async () => {
    const body = {
      kind,
      sourceUnitIds: sources,
      successors: rows.filter((r) => r.unitId).map((r) => ({
        unitId: r.unitId!,
        ...(kind === 'split' && r.share !== '' ? { share: Number(r.share) } : {}),
      })),
      effectiveDate,
      reason: reason.trim(),
    }
    const r = validate(CreateReorganisationBody, body, labels, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.requestReorganisation(r.data))
    if (res) onDone()
  }

  const help = kind === 'merge' ? t('reorg.mergeHelp') : kind === 'split' ? t('reorg.splitHelp') : t('reorg.dissolveHelp')
  const successorError = (i: number) => sub.errors[`successors.${i}.unitId`] ?? (i === 0 ? sub.errors.successors : undefined)

  return (
    <FormModal opened={opened} onClose={onClose} title={t('reorg.title')} onSubmit={submit} submitLabel={t('reorg.submit')}
      busy={sub.busy} error={sub.error} messages={sub.messages.filter((m) => !Object.entries(sub.errors).some(([p, x]) => x === m && p.startsWith('successors')))}>
      <Stack gap={4}>
        <Text component="label" id="reorg-kind-label" size="sm" fw={500}>{labels.kind}</Text>
        <SegmentedControl
          aria-labelledby="reorg-kind-label"
          value={kind}
          onChange={(k) => changeKind(k as ReorgKind)}
          data={REORGANISATION_KINDS.map((k) => ({ value: k, label: t(`reorg.kinds.${k}`) }))}
          fullWidth
        />
        <Text size="xs" c="dimmed">{help}</Text>
      </Stack>
      {kind === 'merge' ? (
        <MultiSelect label={labels.sourceUnitIds} description={t('reorg.sourcesHelp')} required searchable filter={foldFilter}
          data={siblingOptions} value={sources} onChange={setSources} error={sub.errors.sourceUnitIds} />
      ) : (
        <Select label={labels.sourceUnitIds} required searchable filter={foldFilter} data={siblingOptions} value={sources[0] ?? null}
          onChange={(x) => setSources(x ? [x] : [])} error={sub.errors.sourceUnitIds ?? sub.errors['sourceUnitIds.0']} allowDeselect={false} />
      )}
      <Fieldset legend={labels.successors} variant="filled">
        <Stack gap="sm">
          {rows.length === 0 && <Text size="sm" c="dimmed">{t('app.none')}</Text>}
          {rows.map((row, i) => (
            <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
              <Select
                label={t('reorg.successor', { n: i + 1 })}
                required={kind !== 'dissolve'}
                searchable
                filter={foldFilter}
                data={successorOptions}
                value={row.unitId}
                onChange={(x) => setRows(rows.map((r, j) => (j === i ? { ...r, unitId: x } : r)))}
                error={successorError(i)}
                style={{ flex: 1 }}
               
              />
              {kind === 'split' && (
                <NumberInput label={t('reorg.share', { n: i + 1 })} min={0} max={100} w={110} value={row.share}
                  onChange={(x) => setRows(rows.map((r, j) => (j === i ? { ...r, share: x } : r)))}
                  error={sub.errors[`successors.${i}.share`]} suffix="%" />
              )}
              {kind !== 'merge' && (
                <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={t('reorg.removeSuccessor', { n: i + 1 })}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          {kind !== 'merge' && (
            <Group><Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRows([...rows, { unitId: null, share: '' }])}>{t('reorg.addSuccessor')}</Button></Group>
          )}
        </Stack>
      </Fieldset>
      <DateField label={labels.effectiveDate} required value={effectiveDate} onChange={(e) => setEffectiveDate(e.currentTarget.value)} error={sub.errors.effectiveDate} />
      <Textarea label={labels.reason} required autosize minRows={3} maxRows={8} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={sub.errors.reason} />
    </FormModal>
  )
}
