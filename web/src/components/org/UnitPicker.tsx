/**
 * The one way a screen asks for units: by name, with search, never an id to
 * type. `scope="reach"`: the units the user acts on (the tree within reach,
 * narrowed by `allow`), searched on the server as well as in the loaded
 * tree; `scope="directory"`: every unit of the city (`GET /api/units?q=&scope=directory`),
 * for recipients and destinations outside the user's ward. Chosen units are
 * shown by their names, however they were chosen.
 */
import { Loader, MultiSelect, Select, Text, type ComboboxItem } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { endpoints, type UnitMatch } from '../../api/endpoints'
import { foldFilter } from '../../lib/search'
import { rememberUnitNames, useUnits, type UnitOption } from '../../lib/units'
import { useData } from '../../lib/useData'

interface PickerProps {
  label: string
  description?: string
  error?: string
  required?: boolean
  placeholder?: string
  /** `reach` (the default): the user's own units; `directory`: any unit of the city. */
  scope?: 'reach' | 'directory'
  /** Units never offered (the drafting unit itself, the lead unit). */
  exclude?: readonly string[]
  /** Of the user's units, those the action allows (reach only). */
  allow?: (o: UnitOption) => boolean
  /** Only units of these levels (a transfer's destination: cells). */
  levels?: readonly string[]
  /** Offer ended units too, marked as ended (reach only: the sources of a merge). */
  includeEnded?: boolean
  disabled?: boolean
}

type Option = ComboboxItem & { path?: string }

/** The options for what is typed: the server's matches (directory, or reach beyond the loaded tree) and the tree's own. */
function useUnitOptions(p: PickerProps, selected: readonly string[], search: string) {
  const { t } = useTranslation()
  const units = useUnits()
  const [text] = useDebouncedValue(search.trim(), 250)
  const scope = p.scope ?? 'reach'
  const withEnded = scope === 'reach' && !!p.includeEnded
  const found = useData(text
    ? (signal) => (scope === 'directory' ? endpoints.directory(text, signal) : endpoints.searchUnits(text, withEnded ? { includeEnded: true } : {}, signal)).catch(() => ({ asOf: '', total: 0, matches: [] as UnitMatch[] }))
    : null, [text, scope, withEnded])
  const options = useMemo(() => {
    const out = new Map<string, Option>()
    const excluded = new Set(p.exclude ?? [])
    const levelOk = (level: string) => !p.levels || p.levels.includes(level)
    const own = withEnded ? units.options : units.activeOptions
    const label = (name: string, code: string, ended: boolean) => `${name} (${code})${ended ? ` — ${t('unitPicker.ended')}` : ''}`
    const pathOf = (m: { path?: string[] }) => (m.path?.length ? m.path.slice(-2).join(' › ') : undefined)
    if (found.data) rememberUnitNames(found.data.matches)
    for (const m of found.data?.matches ?? []) {
      const ended = !!m.validTo && m.validTo < found.data!.asOf
      if (excluded.has(m.unitId) || (ended && !withEnded) || !levelOk(m.level)) continue
      const mine = own.find((o) => o.value === m.unitId)
      if (scope === 'reach' && (!mine || (p.allow && !p.allow(mine)))) continue
      out.set(m.unitId, { value: m.unitId, label: label(m.name, m.code, ended), path: pathOf(m) })
    }
    // With nothing typed (or while the server answers): the user's own units the action allows.
    if (scope === 'reach' || !text) {
      for (const o of own) {
        if (out.size >= 200) break
        if (excluded.has(o.value) || (p.allow && !p.allow(o)) || !levelOk(o.node.level) || out.has(o.value)) continue
        if (text && !foldFilter({ options: [o], search: text, limit: 1 }).length) continue
        out.set(o.value, { value: o.value, label: label(o.node.name, o.node.code, o.ended) })
      }
    }
    // The chosen ones always, by name.
    for (const id of selected) if (!out.has(id)) out.set(id, { value: id, label: units.name(id) })
    return [...out.values()]
  }, [found.data, units, text, scope, withEnded, selected, p.exclude, p.allow, p.levels, t])
  return { options, loading: found.loading && !!text }
}

const renderOption = ({ option }: { option: ComboboxItem }) => {
  const o = option as Option
  return <div><Text size="sm">{o.label}</Text>{o.path && <Text size="xs" c="dimmed">{o.path}</Text>}</div>
}

/** Several units by name (recipients, coordinating units). */
export function UnitMultiPicker({ value, onChange, ...p }: PickerProps & { value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const { options, loading } = useUnitOptions(p, value, search)
  return (
    <MultiSelect label={p.label} description={p.description} error={p.error} required={p.required} disabled={p.disabled}
      placeholder={p.placeholder ?? t('unitPicker.placeholder')} nothingFoundMessage={search.trim() ? t('unitPicker.nothingFound') : t('unitPicker.typeToSearch')}
      data={options} value={value} onChange={onChange} searchable searchValue={search} onSearchChange={setSearch}
      filter={({ options: o }) => o} hidePickedOptions renderOption={renderOption} rightSection={loading ? <Loader size={14} /> : undefined}
      comboboxProps={{ keepMounted: false }} />
  )
}

/** One unit by name (a destination, a lead unit). */
export function UnitPicker({ value, onChange, clearable, ...p }: PickerProps & { value: string | null; onChange: (v: string | null) => void; clearable?: boolean }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const selected = useMemo(() => (value ? [value] : []), [value])
  const { options, loading } = useUnitOptions(p, selected, search)
  return (
    <Select label={p.label} description={p.description} error={p.error} required={p.required} disabled={p.disabled} clearable={clearable}
      placeholder={p.placeholder ?? t('unitPicker.placeholder')} nothingFoundMessage={search.trim() ? t('unitPicker.nothingFound') : t('unitPicker.typeToSearch')}
      data={options} value={value} onChange={(v) => onChange(v)} searchable searchValue={search} onSearchChange={setSearch}
      filter={({ options: o }) => o} renderOption={renderOption} rightSection={loading ? <Loader size={14} /> : undefined}
      comboboxProps={{ keepMounted: false }} />
  )
}
