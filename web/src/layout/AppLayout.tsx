/**
 * The signed-in shell: header (burger on phones, working-unit switcher,
 * language, account menu), navigation, and the routed page in <main>.
 */
import { ActionIcon, Anchor, AppShell, Badge, Burger, Group, Menu, NavLink, ScrollArea, Select, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import {
  IconArchive, IconBook2, IconChecklist, IconFileImport, IconFileSearch, IconHistory, IconHome, IconInbox, IconKey, IconLogout, IconRoute, IconSend, IconSitemap,
  IconUserCircle, IconUsers, IconId, IconListCheck, IconChartBar, IconCalendarEvent, IconTable, IconUsersGroup, IconArrowsExchange, IconMessageCheck, IconSpeakerphone, IconCoin, IconClipboardList,
} from '@tabler/icons-react'
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom'
import { auth, useAuthUser } from '../auth/store'
import { useWorkspace, WorkspaceProvider, type AnyAction } from '../auth/workspace'
import { ErrorAlert } from '../components/ErrorAlert'
import { Loading } from '../components/Loading'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { NotificationBell } from '../components/NotificationBell'
import { foldFilter } from '../lib/search'
import { roleLabel, useLang } from '../lib/labels'
import { IconApi, IconMessageChatbot, IconFileCheck, IconPresentation } from '@tabler/icons-react'
import { IconGavel, IconMessages } from '@tabler/icons-react'
import { casePolicy } from '../../../shared/cases/policy'

/** The assistant beside any page (issue 6): its code loads when first opened. */
const AssistantPanel = lazy(() => import('../components/assistant/AssistantPanel'))

export default function AppLayout() {
  const user = useAuthUser()
  const location = useLocation()
  if (!user) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}`, expired: auth.wasExpired() }} />
  return (
    <WorkspaceProvider>
      <Shell />
    </WorkspaceProvider>
  )
}

function UnitSwitcher() {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  if (!ws.units.length) return <Text size="sm" c="dimmed">{ws.loading ? t('app.loading') : t('header.noUnit')}</Text>
  return (
    <Select
      label={t('header.unitSwitcher')}
      size="xs"
      w={{ base: '100%', sm: 320 }}
      allowDeselect={false}
      searchable={ws.units.length > 6}
      filter={foldFilter}
      value={ws.unitId}
      onChange={(v) => v && ws.setUnitId(v)}
      data={ws.units.map((u) => ({ value: u.unitId, label: `${u.name} — ${u.roles.map((r) => roleLabel(r, lang, u.assignment.unit)).join(', ')}` }))}
     
    />
  )
}

interface NavItem { to: string; label: string; icon: ReactNode; action?: AnyAction; anyOf?: AnyAction[]; orIf?: boolean; badge?: number; badgeLabel?: string; group?: 'docs' | 'org' | 'members' }

function Shell() {
  const { t } = useTranslation()
  const navLang = useLang()
  const ws = useWorkspace()
  const user = useAuthUser()
  const navigate = useNavigate()
  const location = useLocation()
  const [opened, { toggle, close }] = useDisclosure(false)
  const desktop = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false })
  const mainRef = useRef<HTMLElement>(null)
  const first = useRef(true)
  const [assistantOpen, setAssistantOpen] = useState(false)
  const [assistantLoaded, setAssistantLoaded] = useState(false)

  // Close the phone menu and move focus to the new page for screen readers.
  useEffect(() => {
    close()
    if (first.current) { first.current = false; return }
    const h1 = mainRef.current?.querySelector('h1')
    ;(h1 as HTMLElement | null)?.setAttribute('tabindex', '-1')
    ;((h1 as HTMLElement | null) ?? mainRef.current)?.focus({ preventScroll: false })
  }, [location.pathname, close])

  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={20} aria-hidden /> },
    { to: '/tasks', label: t('nav.tasks'), icon: <IconListCheck size={20} aria-hidden />, action: 'task.read' },
    { to: '/dashboards', label: navLang === 'en' ? 'Targets' : 'Chỉ tiêu', icon: <IconChartBar size={20} aria-hidden />, action: 'dashboard.read' },
    // Meetings: who oversees a body's meetings, and whoever an invitation or today's meeting waits for.
    { to: '/meetings', label: t('nav.meetings'), icon: <IconPresentation size={20} aria-hidden />, action: 'meeting.read', orIf: ws.hasMeetings },
    { to: '/schedules', label: t('nav.schedules'), icon: <IconCalendarEvent size={20} aria-hidden />, action: 'schedule.read' },
    { to: '/programmes', label: t('nav.programmes'), icon: <IconClipboardList size={20} aria-hidden />, action: 'programme.read' },
    // Data requests: those who send them and those who answer for a unit (admins and inspectors read them from the audit trail).
    { to: '/datarequests', label: t('nav.datarequests'), icon: <IconTable size={20} aria-hidden />, anyOf: ['datarequest.send', 'datarequest.answer'] },
    { group: 'docs', to: '/documents/incoming', label: t('nav.docsIncoming'), icon: <IconInbox size={20} aria-hidden />, action: 'document.read' },
    { group: 'docs', to: '/documents/outgoing', label: t('nav.docsOutgoing'), icon: <IconSend size={20} aria-hidden />, anyOf: ['document.draft', 'document.review', 'document.sign'] },
    { group: 'docs', to: '/documents/registers', label: t('nav.docsRegisters'), icon: <IconBook2 size={20} aria-hidden />, anyOf: ['document.register', 'document.direct', 'document.configure'] },
    { group: 'docs', to: '/documents/search', label: t('nav.docsSearch'), icon: <IconFileSearch size={20} aria-hidden />, action: 'document.read' },
    { group: 'docs', to: '/documents/chains', label: t('nav.docsChains'), icon: <IconRoute size={20} aria-hidden />, action: 'document.configure' },
    { group: 'docs', to: '/archives', label: t('nav.archives'), icon: <IconArchive size={20} aria-hidden />, action: 'archive.read' },
    { group: 'docs', to: '/assistant', label: t('nav.assistant'), icon: <IconMessageChatbot size={20} aria-hidden /> },
    { group: 'docs', to: '/assistant/appraisal', label: t('nav.appraisal'), icon: <IconFileCheck size={20} aria-hidden />, action: 'document.read' },
    { group: 'org', to: '/units', label: t('nav.units'), icon: <IconSitemap size={20} aria-hidden />, action: 'unit.read' },
    { group: 'org', to: '/users', label: t('nav.users'), icon: <IconUsers size={20} aria-hidden />, action: 'user.read' },
    { group: 'org', to: '/import', label: t('nav.import'), icon: <IconFileImport size={20} aria-hidden />, action: 'import.run' },
    {
      group: 'org', to: '/approvals', label: t('nav.approvals'), icon: <IconChecklist size={20} aria-hidden />, action: 'reorganisation.request',
      badge: ws.pendingCount, badgeLabel: t('nav.pendingCount', { count: ws.pendingCount }),
    },
    { group: 'org', to: '/audit', label: t('nav.audit'), icon: <IconHistory size={20} aria-hidden />, action: 'audit.read' },
    // Party members (issue 4): every member has a handbook; the roles that read member records are those that read users.
    { group: 'members', to: '/party/handbook', label: t('nav.handbook'), icon: <IconId size={20} aria-hidden /> },
    { group: 'members', to: '/party/members', label: t('nav.members'), icon: <IconUsersGroup size={20} aria-hidden />, action: 'user.read' },
    { group: 'members', to: '/party/fees', label: t('nav.memberFees'), icon: <IconCoin size={20} aria-hidden />, action: 'user.read' },
    { group: 'members', to: '/party/transfers', label: t('nav.memberTransfers'), icon: <IconArrowsExchange size={20} aria-hidden />, action: 'user.read' },
    { group: 'members', to: '/party/notices', label: t('nav.memberNotices'), icon: <IconSpeakerphone size={20} aria-hidden />, action: 'user.read' },
    { group: 'members', to: '/party/comments', label: t('nav.memberComments'), icon: <IconMessageCheck size={20} aria-hidden />, action: 'user.read' },
  ]
  // Cases: only the people of an inspection commission (their role held in it); petitions: the roles that follow them.
  const inCommission = ws.units.some((u) => u.assignment.unit?.kind === 'inspection-commission' && u.roles.some((r) => casePolicy.grants(r, 'case.read')))
  const followsPetitions = ws.units.some((u) => u.roles.some((r) => casePolicy.grants(r, 'petition.read')))
  if (inCommission) items.push({ to: '/cases', label: navLang === 'en' ? 'Complaints, cases' : 'Đơn thư, vụ việc', icon: <IconGavel size={20} aria-hidden />, orIf: true })
  if (followsPetitions) items.push({ to: '/petitions', label: navLang === 'en' ? "Voters' petitions" : 'Kiến nghị cử tri', icon: <IconMessages size={20} aria-hidden />, orIf: true })
  // Hide what the role in the working unit cannot do (the API still decides).
  const allowed = (i: NavItem) => i.orIf || ((!i.action || ws.can(i.action)) && (!i.anyOf || i.anyOf.some((a) => ws.can(a))))
  // Until the roles are known only the home page shows: never a flash of links the person may not use.
  const visible = ws.loading && !ws.units.length ? items.filter((i) => i.to === '/') : items.filter((i) => allowed(i) || (i.to === '/approvals' && ws.pendingCount > 0))
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`))
  const displayName = ws.user?.fullName ?? user?.fullName ?? user?.username ?? ''

  const logout = async () => {
    await auth.logout()
    navigate('/login', { replace: true })
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); mainRef.current?.focus() }}>{t('app.skipToContent')}</a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Anchor component={Link} to="/" fw={700} c="brand.8" underline="never" truncate="end" fz={{ base: 'md', sm: 'lg' }}>
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {desktop && <UnitSwitcher />}
            <ActionIcon variant="subtle" size="lg" aria-label={t('nav.openAssistant')} title={t('nav.openAssistant')} aria-expanded={assistantOpen}
              onClick={() => { setAssistantLoaded(true); setAssistantOpen(true) }}>
              <IconMessageChatbot size={24} aria-hidden />
            </ActionIcon>
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('header.account', { name: displayName })}>
                  <IconUserCircle size={26} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{displayName}</Menu.Label>
                <Menu.Item leftSection={<IconApi size={16} aria-hidden />} component={Link} to="/developer">{t('developer.nav')}</Menu.Item>
                <Menu.Item leftSection={<IconKey size={16} aria-hidden />} component={Link} to="/account/password">{t('password.changeNav')}</Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={logout}>{t('header.logout')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="app-navbar" p="xs" aria-label={t('nav.label')}>
        {!desktop && <Stack mb="sm" px={4}><UnitSwitcher /></Stack>}
        <AppShell.Section grow component={ScrollArea}>
          {visible.map((i, n) => [
            i.group && i.group !== visible[n - 1]?.group
              ? <Text key={`g-${i.group}`} className="nav-group-label">{t(`nav.groups.${i.group}`)}</Text>
              : null,
            <NavLink
              key={i.to}
              component={Link}
              to={i.to}
              label={i.label}
              leftSection={i.icon}
              active={isActive(i.to)}
              aria-current={isActive(i.to) ? 'page' : undefined}
              aria-describedby={i.badge ? `nav-badge-${i.to.slice(1)}` : undefined}
              rightSection={i.badge ? <Badge size="sm" color="red" variant="filled" circle aria-hidden>{i.badge}</Badge> : undefined}
            />,
          ])}
          {/* Badge counts described outside the links, so each link's name stays exactly its label. */}
          {visible.filter((i) => i.badge).map((i) => <VisuallyHidden key={i.to} id={`nav-badge-${i.to.slice(1)}`}>{i.badgeLabel}</VisuallyHidden>)}
        </AppShell.Section>
        <AppShell.Section>
          <UnstyledButton onClick={logout} w="100%" p="xs" hiddenFrom="sm">
            <Group gap="xs"><IconLogout size={18} aria-hidden /><Text size="sm">{t('header.logout')}</Text></Group>
          </UnstyledButton>
        </AppShell.Section>
      </AppShell.Navbar>

      {assistantLoaded && <Suspense fallback={null}><AssistantPanel opened={assistantOpen} onClose={() => setAssistantOpen(false)} /></Suspense>}
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        {ws.error ? <ErrorAlert error={ws.error} onRetry={ws.reload} />
          : ws.loading && !ws.user ? <Loading />
          : <Outlet />}
      </AppShell.Main>
    </AppShell>
  )
}
