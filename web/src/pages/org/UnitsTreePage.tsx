/**
 * The organisation chart as of a date: a keyboard-navigable tree
 * (role="tree"), ended units on demand, diacritic-insensitive search.
 * It loads a level at a time: the caller's roots with their children first,
 * then the children of a branch when it is opened; the search asks the
 * server (20 best matches, with the units above each), so a city of
 * thousands of units is never sent whole.
 */
import { Anchor, Button, Group, Paper, Stack, Switch, Text, TextInput, Tree, getTreeExpandedState, useTree, type RenderTreeNodePayload, type TreeNodeData } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconChevronRight, IconSearch } from '@tabler/icons-react'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import type { TreeNode } from '../../../../shared/org/tree'
import { endpoints, type UnitMatch } from '../../api/endpoints'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { UnitBadges } from '../../components/org/UnitBadges'
import { formatDate, isIsoDate, todayLocal } from '../../lib/dates'
import { endedText, useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { DateField } from '../../components/DateFields'

/** A branch not opened yet shows one placeholder child, so the tree offers to open it. */
const PENDING = '\u0000pending:'

function toData(nodes: TreeNode[], loaded: ReadonlyMap<string, TreeNode[]>): TreeNodeData[] {
  return nodes.map((n) => {
    const children = loaded.get(n.unitId) ?? n.children
    return {
      value: n.unitId, label: n.name,
      children: children.length ? toData(children, loaded) : n.childCount > 0 ? [{ value: `${PENDING}${n.unitId}`, label: '…' }] : undefined,
    }
  })
}

function flatten(nodes: TreeNode[], loaded: ReadonlyMap<string, TreeNode[]>, out = new Map<string, TreeNode>()): Map<string, TreeNode> {
  for (const n of nodes) { out.set(n.unitId, n); flatten(loaded.get(n.unitId) ?? n.children, loaded, out) }
  return out
}

export default function UnitsTreePage() {
  const { t } = useTranslation()
  const lang = useLang()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const asOfParam = params.get('asOf')
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayLocal()
  const [includeEnded, setIncludeEnded] = useState(params.get('ended') === '1')
  const [query, setQuery] = useState(params.get('q') ?? '')
  const [debounced] = useDebouncedValue(query, 200)
  const [dateInput, setDateInput] = useState(asOf)

  const setParam = useCallback((key: string, value: string | null) => {
    setParams((p) => {
      const next = new URLSearchParams(p)
      if (value === null || value === '') next.delete(key)
      else next.set(key, value)
      return next
    }, { replace: true })
  }, [setParams])

  // The query goes into the address as it is typed, not from a timer: a
  // debounced write could fire after a link was clicked and, as a navigation
  // of its own, cancel the one the user asked for.
  const onQuery = (value: string) => { setQuery(value); setParam('q', value.trim() || null) }

  const tree = useData((signal) => endpoints.tree({ asOf, includeEnded, levels: 1 }, signal), [asOf, includeEnded])
  const roots = useMemo(() => tree.data?.roots ?? [], [tree.data])
  // Children of opened branches, per unit (forgotten when the date or the ended switch change).
  const [loaded, setLoaded] = useState<ReadonlyMap<string, TreeNode[]>>(new Map())
  useEffect(() => { setLoaded(new Map()) }, [asOf, includeEnded])
  const text = debounced.trim()
  const search = useData(text ? (signal) => endpoints.searchUnits(text, { asOf, includeEnded }, signal) : null, [text, asOf, includeEnded])
  const matches = useMemo(() => (text ? search.data?.matches ?? [] : []), [text, search.data])
  const pathOf = useMemo(() => new Map<string, UnitMatch['path']>(matches.map((m) => [m.unitId, m.path])), [matches])
  const byId = useMemo(() => {
    const all = flatten(roots, loaded)
    for (const m of matches) all.set(m.unitId, { ...m, children: [], childCount: 0 })
    return all
  }, [roots, loaded, matches])
  const data = useMemo(() => (text ? matches.map((m) => ({ value: m.unitId, label: m.name })) : toData(roots, loaded)), [text, matches, roots, loaded])

  const controller = useTree()
  const { setExpandedState, expandedState } = controller
  useEffect(() => {
    // The first two levels: the caller's units open, their children closed until asked for.
    if (!text) setExpandedState(getTreeExpandedState(toData(roots, new Map()), roots.map((r) => r.unitId)))
  }, [roots, text, setExpandedState])

  // Opening a branch whose children are not here yet asks for them.
  const asked = useRef(new Set<string>())
  useEffect(() => { asked.current = new Set() }, [asOf, includeEnded])
  useEffect(() => {
    for (const [id, open] of Object.entries(expandedState)) {
      const node = byId.get(id)
      if (!open || !node || node.childCount === 0 || node.children.length || loaded.has(id) || asked.current.has(id)) continue
      asked.current.add(id)
      endpoints.unitChildren(id, { asOf, includeEnded }).then(
        (r) => setLoaded((m) => new Map(m).set(id, r.roots)),
        () => { asked.current.delete(id) },
      )
    }
  }, [expandedState, byId, loaded, asOf, includeEnded])

  // Mantine's Tree has no aria-expanded: mirror the state on the treeitems.
  const treeRef = useRef<HTMLUListElement>(null)
  useLayoutEffect(() => {
    treeRef.current?.querySelectorAll<HTMLElement>('[role=treeitem]').forEach((li) => {
      const id = li.dataset.value ?? ''
      const node = byId.get(id)
      if (node && node.childCount > 0 && li.querySelector(':scope > [data-has-children]')) li.setAttribute('aria-expanded', String(!!controller.expandedState[id]))
      else li.removeAttribute('aria-expanded')
    })
  })

  const openUnit = (id: string) => navigate(`/units/${encodeURIComponent(id)}${asOf !== todayLocal() ? `?asOf=${asOf}` : ''}`)
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const target = e.target as HTMLElement
    if (e.key === 'Enter' && target.getAttribute('role') === 'treeitem' && target.dataset.value) {
      e.preventDefault()
      openUnit(target.dataset.value)
    }
  }

  const renderNode = ({ node, expanded, hasChildren, elementProps }: RenderTreeNodePayload) => {
    if (node.value.startsWith(PENDING)) return <div {...elementProps}><Text size="sm" c="dimmed" ml="xl">{t('units.loadingChildren')}</Text></div>
    const unit = byId.get(node.value)
    if (!unit) return null
    const path = pathOf.get(unit.unitId)
    const ended = endedText(unit, t, lang)
    return (
      <div {...elementProps} className={`${elementProps.className} tree-node-label${ended ? ' tree-node-ended' : ''}`} data-has-children={hasChildren || undefined}>
        {hasChildren
          ? <IconChevronRight size={18} className="tree-chevron" data-expanded={expanded || undefined} aria-hidden />
          : <span className="tree-chevron-spacer" aria-hidden />}
        <Stack gap={2} miw={0}>
          <Group gap="xs" wrap="wrap">
            <Anchor
              component={Link}
              to={`/units/${encodeURIComponent(unit.unitId)}${asOf !== todayLocal() ? `?asOf=${asOf}` : ''}`}
              tabIndex={-1}
              onClick={(e) => e.stopPropagation()}
              fw={600}
              c={ended ? 'gray.7' : undefined}
              className="tree-node-name"
            >
              {unit.name}
            </Anchor>
            <UnitBadges unit={unit} />
          </Group>
          {path && path.length > 0 && <Text size="xs" c="gray.7">{path.join(' › ')}</Text>}
          {ended && (
            <Text size="xs" c="gray.7">
              {ended}
              {unit.successors.length > 0 && <>{' · '}{t('units.successors')}:{' '}
                {unit.successors.map((s, i) => (
                  <span key={s.unitId}>
                    {i > 0 && ', '}
                    <Anchor component={Link} to={`/units/${encodeURIComponent(s.unitId)}`} tabIndex={-1} size="xs" onClick={(e) => e.stopPropagation()}>
                      {s.name ?? byId.get(s.unitId)?.name}
                    </Anchor>
                    {s.share !== undefined && ` (${s.share}%)`}
                  </span>
                ))}
              </>}
            </Text>
          )}
        </Stack>
      </div>
    )
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('units.title')}>
        <Button variant="default" size="xs" onClick={() => controller.expandAllNodes()}>{t('units.expandAll')}</Button>
        <Button variant="default" size="xs" onClick={() => controller.collapseAllNodes()}>{t('units.collapseAll')}</Button>
      </PageHeader>

      <Paper withBorder p="sm" component="form" role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={t('units.search')}
            placeholder={t('units.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => onQuery(e.currentTarget.value)}
            type="search"
            w={{ base: '100%', sm: 320 }}
          />
          <DateField
            label={t('units.asOf')}
            value={dateInput}
            onChange={(e) => {
              const v = e.currentTarget.value
              setDateInput(v)
              if (isIsoDate(v)) setParam('asOf', v === todayLocal() ? null : v)
            }}
            w={{ base: '100%', xs: 180 }}
          />
          <Switch
            label={t('units.includeEnded')}
            checked={includeEnded}
            onChange={(e) => {
              const on = e.currentTarget.checked
              setIncludeEnded(on)
              setParam('ended', on ? '1' : null)
            }}
            pb={8}
          />
        </Group>
      </Paper>

      <Text size="sm" role="status" aria-live="polite">
        {text
          ? search.data && (search.data.total
            ? (search.data.total > matches.length ? t('units.shownOf', { shown: matches.length, count: search.data.total }) : t('units.matches', { count: search.data.total }))
            : t('units.noMatch', { q: text }))
          : tree.data && t('units.count', { count: byId.size })}
      </Text>

      <ErrorAlert error={tree.error ?? search.error} onRetry={text ? search.reload : tree.reload} />
      {(text ? search.loading && !search.data : tree.loading && !tree.data) ? <Loading /> : tree.data && (
        data.length === 0 ? (!text && <Text c="dimmed">{t('units.empty')}</Text>) : (
          <Paper withBorder p="xs">
            <Text size="xs" c="dimmed" mb={4} id="tree-hint">{t('units.enterHint')}</Text>
            <Tree
              ref={treeRef}
              data={data}
              tree={controller}
              renderNode={renderNode}
              levelOffset="lg"
              expandOnClick
              aria-label={t('units.treeLabel', { date: formatDate(asOf, lang) })}
              aria-describedby="tree-hint"
              onKeyDown={onKeyDown}
            />
          </Paper>
        )
      )}
    </Stack>
  )
}
