/** On a document opened from an assistant citation: the cited passage, with its place, above the content. */
import { Alert, Text } from '@mantine/core'
import { IconQuote } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PassageLocation } from '../../../../shared/assistant/passages'
import { api } from '../../api/client'
import { useData } from '../../lib/useData'
import '../../i18n/assistant'

export function CitedPassage({ documentId, ordinal }: { documentId: string; ordinal: number }) {
  const { t } = useTranslation()
  const { data } = useData((signal) => api.get<{ location: PassageLocation; text: string }>(`/api/assistant/passages/${encodeURIComponent(documentId)}`, { ordinal }, signal), [documentId, ordinal])
  if (!data) return null
  const where = `${data.location.label}${data.location.page ? `, ${t('assistant.page', { page: data.location.page })}` : ''}`
  return (
    <Alert color="yellow" variant="light" icon={<IconQuote aria-hidden />} title={t('assistant.cited', { where })} role="note" className="cited-passage" mb="sm">
      <Text size="sm" fs="italic">{data.text}</Text>
    </Alert>
  )
}
