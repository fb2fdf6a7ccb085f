/** The assistant page: recent conversations beside the current one (`/assistant/:conversationId`). */
import { Button, Card, Grid, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { RatingsExport } from '../../../../shared/assistant/contracts'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Conversation } from '../../components/assistant/Conversation'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import '../../i18n/assistant'

interface Summary { conversationId: string; title: string; updatedAt: string }

export default function AssistantPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { conversationId } = useParams()
  const navigate = useNavigate()
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<unknown>()
  /** The ratings of the conversations in the reviewer's reach, as a workbook (refused with a message to others). */
  const exportRatings = async () => {
    setExporting(true)
    setExportError(undefined)
    try {
      const x = await api.get<RatingsExport>('/api/assistant/ratings/export')
      const bytes = Uint8Array.from(atob(x.contentBase64), (c) => c.charCodeAt(0))
      const url = URL.createObjectURL(new Blob([bytes], { type: x.contentType }))
      const a = document.createElement('a')
      a.href = url
      a.download = x.fileName
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (e) { setExportError(e) } finally { setExporting(false) }
  }
  const list = useData((signal) => api.get<{ items: Summary[] }>('/api/assistant/conversations', undefined, signal), [conversationId])
  return (
    <Stack gap="md">
      <PageHeader title={t('assistant.title')}>
        <Group gap="xs">
          <Button component={Link} to="/assistant" variant="light" size="sm">{t('assistant.newConversation')}</Button>
          <Button variant="default" size="sm" loading={exporting} onClick={() => void exportRatings()}>{exporting ? t('assistant.exportingRatings') : t('assistant.exportRatings')}</Button>
        </Group>
      </PageHeader>
      <ErrorAlert error={exportError} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Conversation key={conversationId ?? 'new'} conversationId={conversationId} onConversation={(id) => navigate(`/assistant/${id}`, { replace: true })} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 2, md: 1 }}>
          <Card withBorder component="nav" aria-labelledby="assistant-history">
            <Title order={2} fz="h5" id="assistant-history" mb="xs">{t('assistant.history')}</Title>
            {list.data?.items.length ? list.data.items.map((c) => (
              <NavLink key={c.conversationId} component={Link} to={`/assistant/${c.conversationId}`} label={c.title}
                description={formatDateTime(c.updatedAt, lang)} active={c.conversationId === conversationId} aria-current={c.conversationId === conversationId ? 'page' : undefined} />
            )) : <Text size="sm" c="dimmed">{t('assistant.empty')}</Text>}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
