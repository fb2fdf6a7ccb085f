/** A task's state as a badge, in words, its colour dark enough to read on the light badge (WCAG AA). */
import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TaskStatus } from '../../../../shared/tasks/contracts'

/**
 * Badge tint and text: the light variant writes its text in the colour's
 * middle shade, too light on the tint (axe measured 2.3–4.3:1), so each text
 * is a dark shade of its tint (≥ 4.5:1 on the badge, also on striped rows).
 */
const STATUS_COLOR: Record<TaskStatus, { color: string; text: string }> = {
  assigned: { color: 'blue', text: '#134e87' }, accepted: { color: 'cyan', text: '#075563' }, 'in-progress': { color: 'violet', text: '#4c2fa8' },
  submitted: { color: 'grape', text: '#6e2480' }, done: { color: 'green', text: '#1e6b30' }, cancelled: { color: 'gray', text: '#343a40' },
}

export function TaskStatusBadge({ status, size }: { status: TaskStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation()
  const c = STATUS_COLOR[status]
  return <Badge color={c.color} c={c.text} variant="light" size={size} style={{ minWidth: 'max-content' }}>{t(`task.status.${status}`)}</Badge>
}
