/**
 * Review chains (quy trình trình duyệt): per unit and document type (or the
 * unit's default), the ordered steps a draft goes through before the signer,
 * each step a set of roles in the drafting unit or its superior.
 */
import { ActionIcon, Alert, Badge, Button, Fieldset, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { PutChainBody, type ChainStep } from '../../../../shared/documents/contracts'
import { REVIEW_ROLES } from '../../../../shared/documents/policy'
import { endpoints } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDateTime } from '../../lib/dates'
import { typeOptions } from '../../lib/documents'
import { roleLabel, useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { validate } from '../../lib/validation'

interface StepRow { roles: string[]; scope: 'unit' | 'parent'; label: string }
const toRows = (steps: ChainStep[]): StepRow[] => steps.map((s) => ({ roles: [...s.roles], scope: s.scope, label: s.label ?? '' }))

export default function ChainsPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const units = useUnits()
  const [params, setParams] = useSearchParams()
  const unitId = params.get('unitId') || ws.unitId
  const type = params.get('type') || '*'
  const chain = useData(unitId ? (signal) => endpoints.documents.chain({ unitId, type }, signal) : null, [unitId, type])
  const [rows, setRows] = useState<StepRow[]>([])
  const sub = useSubmit(['steps'])

  useEffect(() => { if (chain.data) { setRows(toRows(chain.data.chain.steps)); sub.reset() } }, [chain.data]) // eslint-disable-line react-hooks/exhaustive-deps

  const set = (k: string, v: string | null) => setParams((p) => {
    const n = new URLSearchParams(p)
    if (v) n.set(k, v); else n.delete(k)
    return n
  }, { replace: true })
  const setRow = (i: number, patch: Partial<StepRow>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  const move = (i: number, d: -1 | 1) => setRows((r) => {
    const n = [...r]
    const [x] = n.splice(i, 1)
    n.splice(i + d, 0, x)
    return n
  })

  const c = chain.data?.chain
  const save = async () => {
    if (!unitId || !c) return
    const body = {
      unitId, type,
      steps: rows.map((r) => ({ roles: r.roles, scope: r.scope, ...(r.label.trim() ? { label: r.label.trim() } : {}) })),
      version: c.source === 'configured' && c.type === type ? c.version : 0,
    }
    const v = validate(PutChainBody, body, { roles: t('docs.chains.roles'), steps: t('docs.chains.steps'), label: t('docs.chains.label') }, lang)
    if (!v.ok) return sub.setErrors(v.errors)
    const res = await sub.run(() => endpoints.documents.saveChain(v.data))
    if (res) { notify.ok(t('docs.chains.saved')); chain.setData(() => res); }
  }

  const roleOptions = REVIEW_ROLES.map((r) => ({ value: r, label: roleLabel(r, lang, unitId ? units.byId.get(unitId) : undefined) }))
  const unitOptions = units.activeOptions.map((o) => ({ value: o.value, label: o.label }))
  const canConfigure = ws.can('document.configure')

  return (
    <Stack gap="md">
      <PageHeader title={t('docs.chains.title')} />
      <Text size="sm">{t('docs.chains.intro')}</Text>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select label={t('docs.filters.unit')} searchable filter={foldFilter} allowDeselect={false} data={unitOptions} value={unitId}
            onChange={(v) => set('unitId', v)} w={{ base: '100%', sm: 380 }} />
          <Select label={t('docs.type')} searchable filter={foldFilter} allowDeselect={false} value={type} onChange={(v) => set('type', v === '*' ? null : v)}
            data={[{ value: '*', label: t('docs.chains.default') }, ...typeOptions(lang)]} w={{ base: '100%', sm: 300 }} />
        </Group>
      </Paper>
      <ErrorAlert error={chain.error} onRetry={chain.reload} />
      {chain.loading && !chain.data ? <Loading /> : c && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color={c.source === 'configured' ? 'green' : 'gray'} tt="none">
              {c.source === 'configured' ? (c.type === type ? t('docs.chains.configured') : t('docs.chains.inheritsDefault')) : t('docs.chains.platformDefault')}
            </Badge>
            {c.updatedBy && c.type === type && <Text size="xs" c="dimmed">{t('docs.chains.updated', { name: c.updatedBy.fullName, at: formatDateTime(c.updatedAt, lang) })}</Text>}
          </Group>
          {sub.error && <ErrorAlert error={new Error(sub.error)} />}
          {rows.length === 0 && <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>{t('docs.chains.noSteps')}</Alert>}
          {rows.map((r, i) => (
            <Fieldset key={i} legend={t('docs.chains.step', { n: i + 1 })} variant="filled" p="sm">
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                  <MultiSelect label={t('docs.chains.roles')} required data={roleOptions} value={r.roles} onChange={(x) => setRow(i, { roles: x })}
                    error={sub.errors[`steps.${i}.roles`]} disabled={!canConfigure} />
                  <Select label={t('docs.chains.scope')} allowDeselect={false} value={r.scope} onChange={(x) => x && setRow(i, { scope: x as StepRow['scope'] })}
                    data={[{ value: 'unit', label: t('docs.chains.scopeUnit') }, { value: 'parent', label: t('docs.chains.scopeParent') }]} disabled={!canConfigure} />
                  <TextInput label={t('docs.chains.label')} value={r.label} onChange={(e) => setRow(i, { label: e.currentTarget.value })} error={sub.errors[`steps.${i}.label`]} disabled={!canConfigure} />
                </SimpleGrid>
                {canConfigure && (
                  <Group gap={2} wrap="nowrap" mb={4}>
                    <ActionIcon variant="subtle" size="lg" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('docs.chains.up', { n: i + 1 })}><IconArrowUp size={18} aria-hidden /></ActionIcon>
                    <ActionIcon variant="subtle" size="lg" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={t('docs.chains.down', { n: i + 1 })}><IconArrowDown size={18} aria-hidden /></ActionIcon>
                    <ActionIcon variant="subtle" color="red" size="lg" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={t('docs.chains.remove', { n: i + 1 })}><IconTrash size={18} aria-hidden /></ActionIcon>
                  </Group>
                )}
              </Group>
            </Fieldset>
          ))}
          {sub.errors.steps && <Text c="red.9" size="sm">{sub.errors.steps}</Text>}
          {canConfigure && (
            <Group gap="sm">
              <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={rows.length >= 6}
                onClick={() => setRows([...rows, { roles: [], scope: 'unit', label: '' }])}>{t('docs.chains.add')}</Button>
              <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={sub.busy} onClick={() => void save()}>{t('docs.chains.save')}</Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  )
}
