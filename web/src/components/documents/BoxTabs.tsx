/**
 * Boxes of documents as tabs (inbox, to confirm, overdue; drafts, to review,
 * issued), with a unit filter, counts on the tabs and paging, all kept in
 * the URL so a box can be bookmarked and the back button works.
 */
import { Badge, Group, Paper, Select, Stack, Tabs, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { Box } from '../../../../shared/documents/contracts'
import { endpoints } from '../../api/endpoints'
import { ErrorAlert } from '../ErrorAlert'
import { Loading } from '../Loading'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { DocumentList, Pager, type ListVariant } from './DocumentBits'

export const PAGE_SIZE = 50

export interface BoxTab { box: Box; label: string; empty: string; highlightNew?: boolean; countColor?: string; hidden?: boolean }

export function BoxTabs({ tabs, variant, listLabel, reloadKey = 0 }: { tabs: BoxTab[]; variant: ListVariant; listLabel: (tab: BoxTab) => string; reloadKey?: number }) {
  const { t } = useTranslation()
  const units = useUnits()
  const [params, setParams] = useSearchParams()
  const shown = tabs.filter((x) => !x.hidden)
  const active = shown.find((x) => x.box === params.get('box')) ?? shown[0]
  const unitId = params.get('unitId') || undefined
  const page = Math.max(1, Number(params.get('page')) || 1)

  const set = (patch: Record<string, string | undefined>) => setParams((p) => {
    const n = new URLSearchParams(p)
    for (const [k, v] of Object.entries(patch)) { if (v) n.set(k, v); else n.delete(k) }
    return n
  }, { replace: true })

  const list = useData(active ? (signal) => endpoints.documents.list({ box: active.box, unitId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal) : null,
    [active?.box, unitId, page, reloadKey])
  // Counts for the other tabs (one row each: the total comes with it).
  const counts = useData((signal) => Promise.all(shown.map((x) => endpoints.documents.list({ box: x.box, unitId, limit: 1 }, signal).then((r) => [x.box, r.total] as const, () => [x.box, 0] as const)))
    .then((entries) => Object.fromEntries(entries) as Record<Box, number>), [unitId, shown.map((x) => x.box).join(), reloadKey])

  if (!active) return null
  const items = list.data?.items ?? []

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" component="form" role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select label={t('docs.filters.unit')} placeholder={t('docs.filters.allUnits')} clearable searchable filter={foldFilter}
            data={units.options.map((o) => ({ value: o.value, label: o.label }))} value={unitId ?? null}
            onChange={(v) => set({ unitId: v ?? undefined, page: undefined })} w={{ base: '100%', sm: 380 }} />
        </Group>
      </Paper>
      <Tabs value={active.box} onChange={(v) => v && set({ box: v, page: undefined })} keepMounted={false}>
        <Tabs.List>
          {shown.map((x) => {
            const n = counts.data?.[x.box]
            return (
              <Tabs.Tab key={x.box} value={x.box}
                rightSection={n ? <Badge size="sm" variant={x.countColor ? 'filled' : 'light'} color={x.countColor ?? 'gray'} circle={n < 100}>{n}</Badge> : undefined}>
                {x.label}
              </Tabs.Tab>
            )
          })}
        </Tabs.List>
        {shown.map((x) => (
          <Tabs.Panel key={x.box} value={x.box} pt="md">
            {x.box === active.box && (
              <Stack gap="sm">
                <Text size="sm" role="status" aria-live="polite">{list.data && t('docs.count', { count: list.data.total })}</Text>
                <ErrorAlert error={list.error} onRetry={list.reload} />
                {list.loading && !list.data ? <Loading /> : list.data && (
                  <DocumentList items={items} variant={variant} label={listLabel(x)} highlightNew={x.highlightNew} empty={x.empty} />
                )}
                {list.data && <Pager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={(p) => set({ page: p > 1 ? String(p) : undefined })} />}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}
