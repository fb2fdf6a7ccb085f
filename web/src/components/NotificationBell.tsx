/** The bell in the header: the unread count of the notification centre, refreshed every minute and when the centre changes it. */
import { ActionIcon, Indicator } from '@mantine/core'
import { IconBell } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { notifications, UNREAD_CHANGED } from '../api/notifications'

export function NotificationBell() {
  const { t } = useTranslation()
  const [unread, setUnread] = useState(0)
  useEffect(() => {
    let ctrl = new AbortController()
    const load = () => {
      ctrl.abort(); ctrl = new AbortController()
      notifications.list(ctrl.signal).then((l) => setUnread(l.unread), () => undefined)
    }
    load()
    const timer = setInterval(load, 60_000)
    window.addEventListener(UNREAD_CHANGED, load)
    return () => { ctrl.abort(); clearInterval(timer); window.removeEventListener(UNREAD_CHANGED, load) }
  }, [])
  const label = unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} offset={6} color="red">
      <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={label} title={label}>
        <IconBell size={24} aria-hidden />
      </ActionIcon>
    </Indicator>
  )
}
