import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconBook2, IconChecklist, IconFileImport, IconFileSearch, IconHistory, IconInbox, IconSend, IconSitemap, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { endpoints } from '../api/endpoints'
import { useWorkspace } from '../auth/workspace'
import type { WorkItem, WorkSection, WorkSectionId } from '../../../shared/org/work'
import { ErrorAlert } from '../components/ErrorAlert'
import { Loading } from '../components/Loading'
import { formatDate, formatDateTime } from '../lib/dates'
import { useData } from '../lib/useData'
import { systemText } from './members/NoticeBits'
import { money, monthLabel } from './members/TransferBits'
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
    { to: '/approvals', label: t('home.quick.approvals'), icon: IconChecklist, show: ws.can('reorganisation.request') || ws.can('reorganisation.decide') || ws.pendingCount > 0 },
    { to: '/audit', label: t('home.quick.audit'), icon: IconHistory, show: ws.can('audit.read') },
  ].filter((l) => l.show)

  return (
    <Stack gap="lg">
      <PageHeader title={t('home.greeting', { name: ws.user?.fullName ?? '' })} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md" miw={0}>
        <MyWorkCard />
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
        </Stack>
        <Stack gap="md" miw={0}>
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

const SECTION_COLOR: Record<WorkSectionId, string> = {
  'documents.to-confirm': 'orange', 'documents.to-direct': 'blue', 'documents.to-review': 'orange', 'documents.overdue': 'red',
  'members.transfers': 'red', 'members.comments': 'orange', 'org.reorganisations': 'red', 'archives.handovers': 'blue',
  'members.fees': 'orange', 'members.notices': 'blue', 'tasks.due': 'red', 'tasks.to-evaluate': 'orange',
  'meetings.today': 'blue', 'meetings.to-answer': 'orange', 'schedules.today': 'blue',
  'cases.to-handle': 'red',
  'datarequests.to-answer': 'orange',
  'documents.to-sign': 'red',
}

/** "My work today": what waits for the user across modules, each section with its count and links to where it is done. */
function MyWorkCard() {
  const { t } = useTranslation()
  const lang = useLang()
  const work = useData((signal) => endpoints.myWork(signal), [])
  const sections = work.data?.sections ?? []
  const waiting = sections.filter((s) => s.count > 0)
  const itemTitle = (s: WorkSection, i: WorkItem) =>
    s.id === 'members.fees' ? monthLabel(i.title) : i.system ? systemText({ title: i.title, body: i.subtitle }, t).title : i.title
  const itemSub = (s: WorkSection, i: WorkItem) =>
    s.id === 'members.fees' ? t('members.owed') + ': ' + money(Number(i.subtitle ?? 0), lang) : i.system ? undefined : i.subtitle
  return (
    <Card withBorder component="section" aria-labelledby="home-work">
      <Title order={2} fz="h4" id="home-work" mb="sm">{t('home.work.title')}</Title>
      {work.loading && !work.data ? <Loading /> : work.error ? <ErrorAlert error={work.error} onRetry={work.reload} /> : waiting.length === 0
        ? <Text c="dimmed">{t('home.work.none')}</Text>
        : (
          <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {waiting.map((s) => (
              <li key={s.id} data-section={s.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Anchor component={Link} to={s.href} fw={600} miw={0} style={{ overflowWrap: 'anywhere' }}>{t(`home.work.sections.${s.id}`)}</Anchor>
                  <Badge color={SECTION_COLOR[s.id]} variant="filled" style={{ flexShrink: 0 }} aria-label={t('home.work.count', { count: s.count })}>{s.count}</Badge>
                </Group>
                <Stack gap={4} component="ul" mt={4} style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
                  {s.items.map((i, k) => (
                    <li key={k}>
                      <Anchor component={Link} to={i.href} size="sm" style={{ overflowWrap: 'anywhere' }}>{itemTitle(s, i)}</Anchor>
                      {(itemSub(s, i) || i.due) && (
                        <Text size="xs" c={i.overdue ? 'red' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                          {[itemSub(s, i), i.due ? `${i.overdue ? t('home.work.overdue') : t('home.work.due')} ${i.due.length > 10 ? formatDateTime(i.due, lang) : formatDate(i.due, lang)}` : ''].filter(Boolean).join(' · ')}
                        </Text>
                      )}
                    </li>
                  ))}
                  {s.count > s.items.length && (
                    <li><Anchor component={Link} to={s.href} size="xs">{t('home.work.more', { count: s.count - s.items.length })}</Anchor></li>
                  )}
                </Stack>
              </li>
            ))}
          </Stack>
        )}
    </Card>
  )
}
