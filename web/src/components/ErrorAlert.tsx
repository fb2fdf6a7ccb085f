/** A failed call shown in place: its message, the request's reference for support, and a retry when there is one. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../api/client'
import { errorMessage } from '../lib/error-message'

export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation()
  if (!error) return null
  const requestId = isApiError(error) ? error.requestId : undefined
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('errors.title')} icon={<IconAlertTriangle aria-hidden />}>
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error)}</Text>
        {requestId && <Text size="xs" c="dimmed">{t('errors.reference', { id: requestId })}</Text>}
        {onRetry && <Group><Button size="xs" variant="outline" color="red" onClick={onRetry}>{t('app.retry')}</Button></Group>}
      </Stack>
    </Alert>
  )
}
