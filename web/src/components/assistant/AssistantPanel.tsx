/** The assistant beside any page: a drawer on the right with the current conversation (kept for the session). */
import { Anchor, Button, Drawer, Group, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { Conversation } from './Conversation'

const KEY = 'do.assistant.conversation'
const stored = () => { try { return sessionStorage.getItem(KEY) ?? undefined } catch { return undefined } }

export default function AssistantPanel({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const [conversationId, setConversationId] = useState<string | undefined>(stored)
  const keep = (id: string | undefined) => {
    setConversationId(id)
    try { if (id) sessionStorage.setItem(KEY, id); else sessionStorage.removeItem(KEY) } catch { /* private mode */ }
  }
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={t('assistant.title')} closeButtonProps={{ 'aria-label': t('app.close', { defaultValue: 'Đóng' }) }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Button size="xs" variant="light" onClick={() => keep(undefined)}>{t('assistant.newConversation')}</Button>
          <Anchor component={Link} to={conversationId ? `/assistant/${conversationId}` : '/assistant'} size="sm" onClick={onClose}>{t('assistant.openFull')}</Anchor>
        </Group>
        <Conversation conversationId={conversationId} onConversation={keep} compact onNavigate={onClose} />
      </Stack>
    </Drawer>
  )
}
