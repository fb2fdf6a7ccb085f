/** Small shared pieces: error alert, loading state, page header, badges, notices. */
import { Alert, Badge, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnitView } from '../../../shared/org/tree'
import { isApiError } from '../api/client'
import { addDays, formatDate } from '../lib/dates'
import { kindLabel, levelLabel, useLang } from '../lib/labels'

export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}

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

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label ?? t('app.loading')}</Text>
      </Group>
    </Center>
  )
}

/** The page's h1, also used as the document title. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title, t])
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="wrap">
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>{title}</Title>
      {children && <Group gap="xs" wrap="wrap">{children}</Group>}
    </Group>
  )
}

export function UnitBadges({ unit }: { unit: Pick<UnitView, 'code' | 'level' | 'kind'> }) {
  const lang = useLang()
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="wrap" component="span">
      <Badge variant="outline" color="gray" tt="none" title={t('unit.code')}>{unit.code}</Badge>
      <Badge variant="light" color="blue" tt="none" title={t('level.label')}>{levelLabel(unit.level, lang)}</Badge>
      <Badge variant="light" color="teal" tt="none" title={t('kind.label')}>{kindLabel(unit.kind, lang)}</Badge>
    </Group>
  )
}

/** "Đã sáp nhập ngày 01/07/2025": the first day the unit no longer exists. */
export function endedText(unit: Pick<UnitView, 'validTo' | 'endedBy'>, t: (k: string, o?: Record<string, unknown>) => string, lang: 'vi' | 'en'): string | null {
  if (!unit.validTo) return null
  const date = formatDate(addDays(unit.validTo, 1), lang)
  return t(`units.ended.${unit.endedBy ?? 'other'}`, { date })
}

export const notify = {
  ok(message: string) {
    notifications.show({ color: 'green', message, icon: <IconCheck size={18} aria-hidden />, withBorder: true })
  },
  error(message: string) {
    notifications.show({ color: 'red', message, icon: <IconAlertTriangle size={18} aria-hidden />, withBorder: true, autoClose: 8000 })
  },
}
