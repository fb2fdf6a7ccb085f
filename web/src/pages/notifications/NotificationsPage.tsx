/**
 * The notification centre: every module's events for me (what arrives, what
 * is due, what was decided), newest first, unread in bold with a dot; opening
 * one marks it read. Below, per kind, whether it comes in the app and by
 * email. Web push is not offered yet (README: what is left).
 */
import { Anchor, Badge, Button, Card, Checkbox, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_IDS, type ChannelChoice, type Notification, type NotificationKind } from '../../../../shared/notifications/contracts'
import { notifications, UNREAD_CHANGED } from '../../api/notifications'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { useData } from '../../lib/useData'
import { useLang } from '../../lib/labels'

const when = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
const changed = () => window.dispatchEvent(new Event(UNREAD_CHANGED))

export default function NotificationsPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const [filter, setFilter] = useState<'all' | 'unread'>('all')
  const list = useData((s) => notifications.list(s), [])
  const prefs = useData((s) => notifications.preferences(s), [])
  const [error, setError] = useState<unknown>()

  const markRead = async (n: Notification) => {
    if (n.readAt) return
    try {
      const { notification } = await notifications.read(n.notificationId)
      list.setData((d) => d && { items: d.items.map((i) => (i.notificationId === n.notificationId ? notification : i)), unread: Math.max(0, d.unread - 1) })
      changed()
    } catch (e) { setError(e) }
  }
  const readAll = async () => {
    try { await notifications.readAll(); list.reload(); changed() } catch (e) { setError(e) }
  }
  const choose = async (kind: NotificationKind, choice: ChannelChoice) => {
    try {
      const saved = await notifications.savePreferences({ [kind]: choice })
      prefs.setData(() => saved)
    } catch (e) { setError(e) }
  }

  const items = (list.data?.items ?? []).filter((n) => filter === 'all' || !n.readAt)
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('notifications.title')}</Title>
        <Group gap="xs">
          <SegmentedControl value={filter} onChange={(v) => setFilter(v as 'all' | 'unread')} aria-label={t('notifications.filter')}
            data={[{ value: 'all', label: t('notifications.all') }, { value: 'unread', label: t('notifications.unreadCount', { count: list.data?.unread ?? 0 }) }]} />
          <Button variant="light" onClick={readAll} disabled={!list.data?.unread}>{t('notifications.readAll')}</Button>
        </Group>
      </Group>
      <ErrorAlert error={error ?? list.error} />
      {list.loading && !list.data ? <Loading /> : items.length === 0 ? <Text c="dimmed">{t('notifications.none')}</Text> : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('notifications.title')}>
          {items.map((n) => (
            <Card key={n.notificationId} component="li" withBorder padding="sm" data-unread={!n.readAt || undefined}
              style={{ borderLeft: n.readAt ? undefined : '4px solid var(--mantine-color-brand-6)' }}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} miw={0}>
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="light" size="sm">{t(`notifications.groups.${NOTIFICATION_KINDS[n.kind].group}`)}</Badge>
                    {!n.readAt && <Badge color="red" size="sm">{t('notifications.new')}</Badge>}
                  </Group>
                  {n.link
                    ? <Anchor component={Link} to={n.link} fw={n.readAt ? 400 : 700} onClick={() => { void markRead(n) }} style={{ overflowWrap: 'anywhere' }}>{n.title}</Anchor>
                    : <Text fw={n.readAt ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>{n.title}</Text>}
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} lineClamp={4}>{n.text}</Text>
                  <Text size="xs" c="dimmed">{when(n.at)}</Text>
                </Stack>
                {!n.readAt && <Button size="compact-sm" variant="subtle" onClick={() => { void markRead(n) }}>{t('notifications.markRead')}</Button>}
              </Group>
            </Card>
          ))}
        </Stack>
      )}

      <Title order={2} size="h3" mt="lg">{t('notifications.preferences')}</Title>
      <Text size="sm" c="dimmed">{t('notifications.preferencesHelp')}</Text>
      {prefs.data && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped aria-label={t('notifications.preferences')}>
            <Table.Thead><Table.Tr><Table.Th>{t('notifications.kind')}</Table.Th><Table.Th>{t('notifications.inApp')}</Table.Th><Table.Th>{t('notifications.email')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {NOTIFICATION_KIND_IDS.map((k) => {
                const c = prefs.data!.kinds[k]
                const name = NOTIFICATION_KINDS[k][lang]
                return (
                  <Table.Tr key={k}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td><Checkbox checked={c.inApp} aria-label={`${t('notifications.inApp')}: ${name}`} onChange={(e) => { void choose(k, { ...c, inApp: e.currentTarget.checked }) }} /></Table.Td>
                    <Table.Td><Checkbox checked={c.email} aria-label={`${t('notifications.email')}: ${name}`} onChange={(e) => { void choose(k, { ...c, email: e.currentTarget.checked }) }} /></Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
