/** One unit as of a date: breadcrumb, details, subordinate units, members, management actions. */
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconArrowsMove, IconEdit, IconGitMerge, IconPlus } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import type { UnitView } from '../../../../shared/org/tree'
import { endpoints } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { UnitBadges } from '../../components/org/UnitBadges'
import { notify } from '../../components/notify'
import { CreateUnitModal, MoveUnitModal, RenameUnitModal, ReorganiseModal } from '../../components/org/UnitForms'
import { formatDate, isIsoDate } from '../../lib/dates'
import { endedText, kindLabel, levelLabel, roleLabel, useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'

type Dialog = 'create' | 'rename' | 'move' | 'reorganise' | null

const unitPath = (id: string, asOf?: string) => `/units/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`

/** Root-first chain from the unit's parent up, whatever order the API lists ancestors in. */
function orderAncestors(unit: UnitView, ancestors: UnitView[]): UnitView[] {
  const byId = new Map(ancestors.map((a) => [a.unitId, a]))
  const chain: UnitView[] = []
  let cur = unit.parentId ? byId.get(unit.parentId) : undefined
  while (cur && !chain.includes(cur)) {
    chain.unshift(cur)
    cur = cur.parentId ? byId.get(cur.parentId) : undefined
  }
  return chain.length === ancestors.length ? chain : [...ancestors].reverse()
}

export default function UnitPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const navigate = useNavigate()
  const ws = useWorkspace()
  const { unitId = '' } = useParams()
  const [params] = useSearchParams()
  const asOf = isIsoDate(params.get('asOf')) ? params.get('asOf')! : undefined
  const detail = useData((signal) => endpoints.unit(unitId, asOf, signal), [unitId, asOf])
  const units = useUnits()
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)

  if (detail.loading && !detail.data) return <Loading />
  if (detail.error || !detail.data) {
    return (
      <Stack>
        <PageHeader title={t('unit.details')} />
        <ErrorAlert error={detail.error} onRetry={detail.reload} />
        <Anchor component={Link} to="/units">{t('nav.units')}</Anchor>
      </Stack>
    )
  }

  const { unit, ancestors, children, members, canManage } = detail.data
  const chain = orderAncestors(unit, ancestors)
  const ended = endedText(unit, t, lang)
  const unitLink = (id: string) => <Anchor component={Link} to={unitPath(id)}>{units.name(id)}</Anchor>

  const rows: [string, ReactNode][] = [
    // The id only for those who manage the unit (import files name parents by it); everyone else sees names.
    ...(canManage ? [[t('unit.unitId'), <span className="mono">{unit.unitId}</span>] as [string, ReactNode]] : []),
    [t('unit.code'), unit.code],
    [t('unit.level'), levelLabel(unit.level, lang)],
    [t('unit.kind'), kindLabel(unit.kind, lang)],
    [t('unit.parent'), unit.parentId ? unitLink(unit.parentId) : t('app.none')],
    [t('unit.validFrom'), formatDate(unit.validFrom, lang)],
    [t('unit.status'), ended ?? t('units.active')],
  ]
  if (unit.validTo) rows.push([t('unit.validTo'), formatDate(unit.validTo, lang)])
  if (unit.predecessors.length) rows.push([t('units.predecessors'), <Group gap="xs" component="span">{unit.predecessors.map((p) => <span key={p}>{unitLink(p)}</span>)}</Group>])
  if (unit.successors.length) {
    rows.push([t('units.successors'), <Group gap="xs" component="span">{unit.successors.map((s) => (
      <span key={s.unitId}><Anchor component={Link} to={unitPath(s.unitId)}>{s.name ?? units.name(s.unitId)}</Anchor>{s.share !== undefined && ` (${s.share}%)`}</span>
    ))}</Group>])
  }
  rows.push([t('unit.version'), String(unit.version)])

  const active = !unit.validTo
  const done = (message: string) => {
    close()
    notify.ok(message)
    detail.reload()
  }

  return (
    <Stack gap="lg">
      <nav aria-label={t('unit.breadcrumb')}>
        <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
          <Anchor component={Link} to="/units" size="sm">{t('nav.units')}</Anchor>
          {chain.map((a) => <Anchor key={a.unitId} component={Link} to={unitPath(a.unitId, asOf)} size="sm">{a.name}</Anchor>)}
          <Text size="sm" aria-current="page">{unit.name}</Text>
        </Breadcrumbs>
      </nav>

      <PageHeader title={unit.name}>
        {canManage && active && <>
          <Button size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('create')}>{t('unit.addChild')}</Button>
          <Button size="xs" variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setDialog('rename')}>{t('unit.rename')}</Button>
          {unit.parentId && <>
            <Button size="xs" variant="default" leftSection={<IconArrowsMove size={16} aria-hidden />} onClick={() => setDialog('move')}>{t('unit.move')}</Button>
            <Button size="xs" variant="default" leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => setDialog('reorganise')}>{t('unit.reorganise')}</Button>
          </>}
        </>}
      </PageHeader>

      <Group gap="xs">
        <UnitBadges unit={unit} />
        {ended && <Badge color="gray" variant="filled" tt="none">{ended}</Badge>}
      </Group>
      {asOf && (
        <Alert variant="light" color="blue">
          <Group gap="sm">
            <Text size="sm">{t('unit.viewAsOf', { date: formatDate(asOf, lang) })}</Text>
            <Anchor component={Link} to={unitPath(unit.unitId)} size="sm">{t('unit.viewToday')}</Anchor>
          </Group>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="unit-details">
          <Title order={2} fz="h4" mb="sm" id="unit-details">{t('unit.details')}</Title>
          <dl className="dl">
            {rows.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}
          </dl>
        </Card>

        <Card withBorder component="section" aria-labelledby="unit-children">
          <Title order={2} fz="h4" mb="sm" id="unit-children">{t('unit.children')} ({children.length})</Title>
          {children.length === 0 ? <Text c="dimmed" size="sm">{t('unit.noChildren')}</Text> : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {children.map((c) => (
                <li key={c.unitId}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={unitPath(c.unitId, asOf)} fw={600} c={c.validTo ? 'gray.7' : undefined}>{c.name}</Anchor>
                    <UnitBadges unit={c} />
                  </Group>
                  {c.validTo && <Text size="xs" c="gray.7">{endedText(c, t, lang)}</Text>}
                </li>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="unit-members">
        <Title order={2} fz="h4" mb="sm" id="unit-members">{t('unit.members')} ({members.length})</Title>
        {members.length === 0 ? <Text c="dimmed" size="sm">{t('unit.noMembers')}</Text> : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped highlightOnHover aria-labelledby="unit-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('unit.fullName')}</Table.Th>
                  <Table.Th scope="col">{t('unit.role')}</Table.Th>
                  <Table.Th scope="col">{t('unit.position')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m, i) => (
                  <Table.Tr key={`${m.userId}-${m.role}-${i}`}>
                    <Table.Td>{m.fullName}</Table.Td>
                    <Table.Td>{roleLabel(m.role, lang, unit)}</Table.Td>
                    <Table.Td>{m.position ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {canManage && active && <>
        <CreateUnitModal parent={unit} opened={dialog === 'create'} onClose={close} onDone={(u) => {
          close()
          notify.ok(t('unit.created', { name: u.name }))
          detail.reload()
        }} />
        <RenameUnitModal unit={unit} opened={dialog === 'rename'} onClose={close} onDone={() => done(t('unit.renamed'))} />
        {unit.parentId && <>
          <MoveUnitModal unit={unit} opened={dialog === 'move'} onClose={close} onDone={() => done(t('unit.moved'))} />
          <ReorganiseModal unit={unit} opened={dialog === 'reorganise'} onClose={close} onDone={() => {
            close()
            notify.ok(t('reorg.sent'))
            ws.refreshPending()
            navigate('/approvals?tab=mine')
          }} />
        </>}
      </>}
    </Stack>
  )
}
