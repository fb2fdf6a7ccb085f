/** The page's h1, also used as the document title, with the page's actions beside it. */
import { Group, Title } from '@mantine/core'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

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
