import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconBook2, IconChecklist, IconFileImport, IconFileSearch, IconHistory, IconInbox, IconSend, IconSitemap, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { endpoints } from '../api/endpoints'
import { useWorkspace } from '../auth/workspace'
import type { Box } from '../../../shared/documents/contracts'
import { useData } from '../lib/useData'
import { PageHeader } from '../components/PageHeader'
import { UnitBadges } from '../components/org/UnitBadges'
import { roleLabel, useLang } from '../lib/labels'

export default function HomePage() {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const links = [
    { to: '/documents/incoming', label: t('home.quick.docsIncoming'), icon: IconInbox, show: ws.can('document.read') },
    { to: '/documents/outgoing', label: t('home.quick.docsOutgoing'), icon: IconSend, show: ws.can('document.draft') || ws.can('document.review') || ws.can('document.sign') },
    { to: '/documents/registers', label: t('home.quick.docsRegisters'), icon: IconBook2, show: ws.can('document.register') || ws.can('document.direct') },
    { to: '/documents/search', label: t('home.quick.docsSearch'), icon: IconFileSearch, show: ws.can('document.read') },
    { to: '/units', label: t('home.quick.units'), icon: IconSitemap, show: ws.can('unit.read') },
    { to: '/users', label: t('home.quick.users'), icon: IconUsers, show: ws.can('user.read') },
    { to: '/import', label: t('home.quick.import'), icon: IconFileImport, show: ws.can('import.run') },
    { to: '/approvals', label: t('home.quick.approvals'), icon: IconChecklist, show: ws.can('reorganisation.request') || ws.can('reorganisation.decide') },
    { to: '/audit', label: t('home.quick.audit'), icon: IconHistory, show: ws.can('audit.read') },
  ].filter((l) => l.show)

  return (
    <Stack gap="lg">
      <PageHeader title={t('home.greeting', { name: ws.user?.fullName ?? '' })} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="home-units">
          <Title order={2} fz="h4" id="home-units" mb="sm">{t('home.myUnits')}</Title>
          {ws.units.length === 0 ? <Text c="dimmed">{t('header.noUnit')}</Text> : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {ws.units.map((u) => (
                <li key={u.unitId}>
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
                      <Anchor component={Link} to={`/units/${encodeURIComponent(u.unitId)}`} fw={600}>{u.name}</Anchor>
                      <Text size="sm" c="dimmed">
                        {u.roles.map((r) => roleLabel(r, lang, u.assignment.unit)).join(', ')}{u.positions.length ? ` · ${u.positions.join(', ')}` : ''}
                      </Text>
                      {u.assignment.unit && <UnitBadges unit={u.assignment.unit} />}
                    </Stack>
                    {u.unitId === ws.unitId
                      ? <Badge variant="light" color="green" tt="none" w="max-content">{t('home.current')}</Badge>
                      : <Button size="xs" variant="default" onClick={() => ws.setUnitId(u.unitId)} aria-label={`${t('home.choose')}: ${u.name}`}>{t('home.choose')}</Button>}
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Card>
        <Stack gap="md">
          {ws.canAnywhere('document.read') && <DocumentsCard />}
          <Card withBorder component="section" aria-labelledby="home-pending">
            <Title order={2} fz="h4" id="home-pending" mb="sm">{t('home.pending')}</Title>
            <Group justify="space-between" wrap="nowrap">
              <Text>{ws.pendingCount ? t('home.pendingText', { count: ws.pendingCount }) : t('home.pendingNone')}</Text>
              <Badge size="xl" circle color={ws.pendingCount ? 'red' : 'gray'} variant="filled" aria-hidden>{ws.pendingCount}</Badge>
            </Group>
            <Group mt="sm"><Button component={Link} to="/approvals" variant="light">{t('home.openApprovals')}</Button></Group>
          </Card>
          <Card withBorder component="section" aria-labelledby="home-links">
            <Title order={2} fz="h4" id="home-links" mb="sm">{t('home.quickLinks')}</Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 1, lg: 2 }} spacing="xs">
              {links.map((l) => (
                <Button key={l.to} component={Link} to={l.to} variant="default" justify="flex-start" h="auto" py={8}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }} leftSection={<l.icon size={18} aria-hidden />}>
                  {l.label}
                </Button>
              ))}
            </SimpleGrid>
          </Card>
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}

/** What waits for the user among documents: receipts to confirm, overdue ones, drafts to review. */
function DocumentsCard() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const boxes: { box: Box; key: string; to: string; color: string; show: boolean }[] = [
    { box: 'to-confirm', key: 'toConfirm', to: '/documents/incoming?box=to-confirm', color: 'orange', show: ws.canAnywhere('document.register') },
    { box: 'inbox', key: 'inbox', to: '/documents/incoming', color: 'blue', show: true },
    { box: 'overdue', key: 'overdue', to: '/documents/incoming?box=overdue', color: 'red', show: true },
    { box: 'to-review', key: 'toReview', to: '/documents/outgoing?box=to-review', color: 'orange', show: ws.canAnywhere('document.review') },
  ]
  const shown = boxes.filter((b) => b.show)
  const counts = useData((signal) => Promise.all(shown.map((b) => endpoints.documents.list({ box: b.box, limit: 1 }, signal).then((r) => r.total, () => null))), [shown.length])
  return (
    <Card withBorder component="section" aria-labelledby="home-docs">
      <Title order={2} fz="h4" id="home-docs" mb="sm">{t('home.docs.title')}</Title>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((b, i) => {
          const n = counts.data?.[i]
          return (
            <li key={b.box}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={b.to} size="sm">{t(`home.docs.${b.key}`)}</Anchor>
                <Badge color={n ? b.color : 'gray'} variant={n ? 'filled' : 'light'} aria-label={n === undefined || n === null ? undefined : t('home.docs.count', { count: n })}>{n ?? '…'}</Badge>
              </Group>
            </li>
          )
        })}
      </Stack>
    </Card>
  )
}
