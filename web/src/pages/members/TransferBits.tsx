/** Pieces the members pages share: status badges, money and month formats, a transfer's progress. */
import { Badge, Text, Timeline } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Lang } from '../../../../shared/i18n/messages'
import type { TransferView } from '../../api/members'
import { formatDateTime } from '../../lib/dates'

const COLORS: Record<string, string> = {
  pending: 'blue', issued: 'teal', overdue: 'orange', accepted: 'green', 'handed-off': 'green', 'removal-proposed': 'red', returned: 'gray', rejected: 'red', expired: 'gray',
}

export function TransferStatus({ status }: { status: string }) {
  const { t } = useTranslation()
  return <Badge color={COLORS[status] ?? 'gray'} variant="light" tt="none" w="max-content">{t(`members.transferStatuses.${status}`, { defaultValue: status })}</Badge>
}

export { money } from '../../lib/money'
export const monthLabel = (m: string | undefined) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '')

/** The history of a transfer, step by step. */
export function TransferProgress({ transfer, lang }: { transfer: TransferView; lang: Lang }) {
  const { t } = useTranslation()
  const label = (status: string) => {
    const [what, stage] = status.split(':')
    if (!stage) return t(`members.transferStatuses.${what}`, { defaultValue: what })
    const verb = what === 'approved' ? t('members.approve') : what === 'rejected' ? t('members.reject') : what
    return `${t(`members.stages.${stage}`, { defaultValue: stage })}: ${verb}`
  }
  return (
    <Timeline active={transfer.history.length - 1} bulletSize={14} lineWidth={2}>
      {transfer.history.map((h, i) => (
        <Timeline.Item key={i} title={label(h.status)}>
          <Text size="xs" c="dimmed">{formatDateTime(h.at, lang)}{h.by ? ` · ${h.by}` : ''}</Text>
          {h.note && <Text size="sm">{h.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
