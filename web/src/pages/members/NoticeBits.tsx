/** The handbook's notices and invitations: newest first, unread marked, each marked read by the member. */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HandbookNotice } from '../../../../shared/members/contracts'
import { membersApi } from '../../api/members'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'

/** A system notice's title key (`transfer.pending`, `fees.flagged`, …) and its detail, in the reader's language. */
export function systemText(n: Pick<HandbookNotice, 'title' | 'body'>, t: (k: string, o?: Record<string, unknown>) => string): { title: string; body?: string } {
  const [what, status] = n.title.split('.')
  if (what === 'transfer' && status === 'returnReminder') return { title: t('members.notices.returnReminder', { date: n.body }) }
  if (what === 'transfer') return { title: t('members.notices.transfer', { status: t(`members.transferStatuses.${status}`, { defaultValue: status }) }), body: n.body }
  if (what === 'fees') return { title: t('members.notices.feesFlagged', { year: n.body }) }
  if (what === 'comment') return { title: t('members.notices.comment', { year: n.body, status: t(`members.comments.statuses.${status}`, { defaultValue: status }) }) }
  return { title: n.title, body: n.body }
}

export function HandbookNotices({ notices, onRead }: { notices: HandbookNotice[]; onRead: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const unread = notices.filter((n) => !n.read).length
  const read = async (id: string) => {
    setBusy(id); setError(null)
    try { await membersApi.readNotice(id); onRead() } catch (e) { setError(e) } finally { setBusy(null) }
  }
  return (
    <Card withBorder component="section" aria-labelledby="hb-notices">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id="hb-notices">{t('members.notices.title')}</Title>
        {unread > 0 && <Badge color="red" tt="none">{t('members.notices.unread', { count: unread })}</Badge>}
      </Group>
      <ErrorAlert error={error} />
      {notices.length === 0 ? <Text c="dimmed">{t('members.notices.none')}</Text> : (
        <Stack gap="sm">
          {notices.map((n) => {
            const text = n.kind === 'system' ? systemText(n, t) : { title: n.title, body: n.body }
            return (
              <article key={n.noticeId} aria-label={text.title} className="notice">
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={n.kind === 'invitation' ? 'grape' : n.kind === 'system' ? 'gray' : 'blue'} tt="none">{t(`members.notices.kinds.${n.kind}`)}</Badge>
                  {!n.read && <Badge color="red" variant="dot" tt="none">{t('members.notices.new')}</Badge>}
                  <Text size="xs" c="dimmed">{formatDateTime(n.createdAt, lang)}{n.from ? ` · ${n.from}` : ''}</Text>
                </Group>
                <Text fw={n.read ? 400 : 700}>{text.title}</Text>
                {text.body && <Text size="sm">{text.body}</Text>}
                {n.meeting && (
                  <dl className="dl">
                    <dt>{t('members.notices.at')}</dt><dd>{formatDateTime(`${n.meeting.at}:00+07:00`, lang)}</dd>
                    <dt>{t('members.notices.place')}</dt><dd>{n.meeting.place}</dd>
                    <dt>{t('members.notices.agenda')}</dt><dd>{n.meeting.agenda}</dd>
                  </dl>
                )}
                {n.read ? <Text size="xs" c="dimmed">{t('members.notices.readAt', { at: formatDateTime(n.read, lang) })}</Text>
                  : <Button size="xs" variant="light" mt={4} loading={busy === n.noticeId} onClick={() => void read(n.noticeId)}>{t('members.notices.markRead')}</Button>}
              </article>
            )
          })}
        </Stack>
      )}
    </Card>
  )
}
