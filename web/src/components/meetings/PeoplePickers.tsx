/**
 * Choosing people (and whole units) by name: a search through the people the
 * caller may read (`GET /api/users?q=`, diacritics-insensitive), with the
 * units of the caller's reach for "everyone of this unit". Values are ids;
 * only names are shown.
 */
import { MultiSelect, Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartyRef } from '../../../../shared/meetings/contracts'
import { endpoints } from '../../api/endpoints'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'

export interface Named { value: string; label: string }

/** People found by name so far (kept, so chosen ones keep their names), and the current search. */
function usePeopleSearch(extra: readonly Named[] = []) {
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 250)
  const known = useRef(new Map<string, string>())
  const [found, setFound] = useState<Named[]>([])
  useEffect(() => {
    if (q.length < 2) return
    const ctrl = new AbortController()
    endpoints.users({ q }, ctrl.signal).then((r) => {
      const people = r.users.filter((u) => u.status === 'active').map((u) => ({ value: u.userId, label: u.fullName }))
      for (const p of people) known.current.set(p.value, p.label)
      setFound(people)
    }, () => { /* no reach to read people: the meeting's own people remain */ })
    return () => ctrl.abort()
  }, [q])
  for (const p of extra) known.current.set(p.value, p.label)
  const options = useMemo(() => {
    const all = new Map<string, string>([...extra.map((p) => [p.value, p.label] as const), ...found.map((p) => [p.value, p.label] as const)])
    return [...all].map(([value, label]) => ({ value, label }))
  }, [extra, found])
  return { search, setSearch, options, nameOf: (id: string) => known.current.get(id) ?? '' }
}

/** One person by name. `extra`: people offered without a search (the meeting's participants). */
export function PersonPicker({ label, value, onChange, required, extra, description, w }: {
  label: string; value: string | null; onChange: (v: string | null) => void; required?: boolean; extra?: readonly Named[]; description?: string; w?: number | string
}) {
  const { t } = useTranslation()
  const people = usePeopleSearch(extra)
  const chosen = value && !people.options.some((o) => o.value === value) ? [{ value, label: people.nameOf(value) }] : []
  return (
    <Select label={label} description={description} required={required} clearable searchable filter={foldFilter} placeholder={t('meeting.searchPerson')}
      data={[...chosen, ...people.options]} value={value} onChange={onChange} searchValue={people.search} onSearchChange={people.setSearch}
      nothingFoundMessage={people.search.trim().length >= 2 ? '—' : undefined} w={w} style={w ? undefined : { flex: '1 1 16rem' }} />
  )
}

/** People and whole units by name, for members and invitees: `u:<userId>` / `o:<unitId>` inside, PartyRef out. */
export function PartyPicker({ label, value, onChange, description, required }: {
  label: string; value: PartyRef[]; onChange: (v: PartyRef[]) => void; description?: string; required?: boolean
}) {
  const { t } = useTranslation()
  const units = useUnits()
  const people = usePeopleSearch()
  const unitOptions = useMemo(() => units.activeOptions.map((o) => ({ value: `o:${o.value}`, label: t('meeting.unitOption', { name: o.node.name }) })), [units, t])
  const selected = value.map((r) => ('userId' in r ? `u:${r.userId}` : `o:${r.unitId}`))
  const personOptions = people.options.map((o) => ({ value: `u:${o.value}`, label: o.label }))
  const chosenPeople = value.flatMap((r) => ('userId' in r && !personOptions.some((o) => o.value === `u:${r.userId}`) ? [{ value: `u:${r.userId}`, label: people.nameOf(r.userId) }] : []))
  const data = [
    { group: t('meeting.person'), items: [...chosenPeople, ...personOptions] },
    { group: t('meeting.leadUnit'), items: unitOptions },
  ]
  return (
    <MultiSelect label={label} description={description} required={required} searchable filter={foldFilter} placeholder={t('meeting.searchPerson')} limit={40}
      data={data} value={selected} searchValue={people.search} onSearchChange={people.setSearch} hidePickedOptions
      onChange={(vals) => onChange(vals.map((v) => (v.startsWith('u:') ? { userId: v.slice(2) } : { unitId: v.slice(2) })))} />
  )
}
