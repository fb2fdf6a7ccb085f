/** The loading state, announced politely to screen readers. */
import { Center, Group, Loader, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

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
