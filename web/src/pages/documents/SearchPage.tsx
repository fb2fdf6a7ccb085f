/**
 * Search: words with or without diacritics, or a number and symbol in any
 * usual form, narrowed by issuer, type, dates, status, register and unit.
 * The server decides what the caller may see; the criteria live in the URL.
 */
import { Alert, Button, Collapse, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAdjustments, IconInfoCircle, IconSearch, IconShieldCheck } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { DOCUMENT_STATUSES, SearchQuery } from '../../../../shared/documents/contracts'
import { endpoints } from '../../api/endpoints'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { DocumentList, Pager } from '../../components/documents/DocumentBits'
import { typeOptions } from '../../lib/documents'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { validate, type FieldErrors } from '../../lib/validation'
import { DateField } from '../../components/DateFields'

const KEYS = ['q', 'issuer', 'type', 'from', 'to', 'status', 'flow', 'unitId'] as const
type Criteria = Record<(typeof KEYS)[number], string>
const PAGE = 50

const fromParams = (p: URLSearchParams): Criteria => Object.fromEntries(KEYS.map((k) => [k, p.get(k) ?? ''])) as Criteria

export default function SearchPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const [params, setParams] = useSearchParams()
  const applied = fromParams(params)
  const page = Math.max(1, Number(params.get('page')) || 1)
  const [form, setForm] = useState<Criteria>(applied)
  const [errors, setErrors] = useState<FieldErrors>({})
  const advancedSet = KEYS.some((k) => k !== 'q' && applied[k])
  const [more, { toggle }] = useDisclosure(advancedSet)
  const key = params.toString()
  useEffect(() => { setForm(fromParams(params)) }, [key]) // eslint-disable-line react-hooks/exhaustive-deps

  const query = Object.fromEntries(KEYS.filter((k) => applied[k]).map((k) => [k, applied[k]]))
  const result = useData((signal) => endpoints.documents.search({ ...query, limit: PAGE, offset: (page - 1) * PAGE }, signal), [key])

  const labels: Record<string, string> = {
    q: t('docs.search.q'), issuer: t('docs.search.issuer'), type: t('docs.type'), from: t('docs.search.from'), to: t('docs.search.to'),
    status: t('docs.status'), flow: t('docs.search.flow'), unitId: t('docs.filters.unit'),
  }
  const submit = () => {
    const body = Object.fromEntries(KEYS.filter((k) => form[k].trim()).map((k) => [k, form[k].trim()]))
    const r = validate(SearchQuery, body, labels, lang)
    if (!r.ok) return setErrors(r.errors)
    if (body.from && body.to && body.from > body.to) return setErrors({ to: t('docs.search.badRange') })
    setErrors({})
    const next = new URLSearchParams(body)
    // The same criteria again: search again (the register may have changed meanwhile).
    if (next.toString() === params.toString()) result.reload()
    else setParams(next, { replace: false })
  }
  const clear = () => { setErrors({}); setForm(fromParams(new URLSearchParams())); setParams(new URLSearchParams(), { replace: false }) }
  const set = (k: keyof Criteria, v: string | null) => setForm((f) => ({ ...f, [k]: v ?? '' }))

  const interpreted = result.data?.interpretedAs
  const interpretation = interpreted && applied.q
    ? 'symbol' in interpreted ? t('docs.search.asSymbol', { symbol: interpreted.symbol }) : t('docs.search.asWords', { words: interpreted.words.join(' ') })
    : null

  return (
    <Stack gap="md">
      <PageHeader title={t('docs.search.title')}>
        <Button component={Link} to="/documents/verify" variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />}>{t('docs.verify.pageTitle')}</Button>
      </PageHeader>
      <Paper withBorder p="sm" component="form" role="search" aria-label={t('docs.search.title')} noValidate onSubmit={(e) => { e.preventDefault(); submit() }}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label={labels.q} placeholder={t('docs.search.qPlaceholder')} type="search" value={form.q} onChange={(e) => set('q', e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />} error={errors.q} style={{ flex: '1 1 18rem' }} />
            <Group gap="xs">
              <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>{t('docs.search.submit')}</Button>
              <Button variant="subtle" onClick={toggle} leftSection={<IconAdjustments size={16} aria-hidden />} aria-expanded={more} aria-controls="search-more">
                {more ? t('docs.search.lessFilters') : t('docs.search.moreFilters')}
              </Button>
            </Group>
          </Group>
          <Collapse in={more} id="search-more">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
              <TextInput label={labels.issuer} placeholder={t('docs.search.issuerPlaceholder')} value={form.issuer} onChange={(e) => set('issuer', e.currentTarget.value)} error={errors.issuer} />
              <Select label={labels.type} placeholder={t('docs.search.any')} clearable searchable filter={foldFilter} data={typeOptions(lang)} value={form.type || null} onChange={(v) => set('type', v)} error={errors.type} />
              <DateField label={labels.from} value={form.from} onChange={(e) => set('from', e.currentTarget.value)} error={errors.from} />
              <DateField label={labels.to} value={form.to} onChange={(e) => set('to', e.currentTarget.value)} error={errors.to} />
              <Select label={labels.status} placeholder={t('docs.search.any')} clearable data={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`docs.statuses.${s}`) }))}
                value={form.status || null} onChange={(v) => set('status', v)} error={errors.status} />
              <Select label={labels.flow} placeholder={t('docs.search.any')} clearable data={(['incoming', 'outgoing'] as const).map((f) => ({ value: f, label: t(`docs.flows.${f}`) }))}
                value={form.flow || null} onChange={(v) => set('flow', v)} error={errors.flow} />
              <Select label={labels.unitId} placeholder={t('docs.filters.allUnits')} clearable searchable filter={foldFilter}
                data={units.options.map((o) => ({ value: o.value, label: o.label }))} value={form.unitId || null} onChange={(v) => set('unitId', v)} error={errors.unitId} />
              <Group align="flex-end"><Button variant="default" onClick={clear}>{t('docs.search.clear')}</Button></Group>
            </SimpleGrid>
          </Collapse>
        </Stack>
      </Paper>

      <div role="status" aria-live="polite">
        {result.data && (
          <Text size="sm">
            {t('docs.search.found', { count: result.data.total })}
            {interpretation && <> · {interpretation}</>}
          </Text>
        )}
      </div>
      {!applied.q && !advancedSet && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>{t('docs.search.hint')}</Alert>
      )}
      <ErrorAlert error={result.error} onRetry={result.reload} />
      {result.loading && !result.data ? <Loading /> : result.data && (
        <DocumentList items={result.data.items} variant="search" label={t('docs.search.results')} empty={t('docs.search.none')} />
      )}
      {result.data && <Pager total={result.data.total} pageSize={PAGE} page={page} onChange={(p) => setParams((cur) => {
        const n = new URLSearchParams(cur)
        if (p > 1) n.set('page', String(p)); else n.delete('page')
        return n
      })} />}
    </Stack>
  )
}
