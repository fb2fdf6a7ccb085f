/** Toasts for the outcome of an action: success briefly, an error for longer. */
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'

export const notify = {
  ok(message: string) {
    notifications.show({ color: 'green', message, icon: <IconCheck size={18} aria-hidden />, withBorder: true })
  },
  error(message: string) {
    notifications.show({ color: 'red', message, icon: <IconAlertTriangle size={18} aria-hidden />, withBorder: true, autoClose: 8000 })
  },
}
