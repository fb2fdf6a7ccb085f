/** The frame of the pages before sign-in (sign-in, forgotten password): the app's name, the language switch, one card. */
import { Center, Group, Paper, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'

export function SignInShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Center mih="100dvh" p="sm" bg="gray.1" component="main">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between" align="center">
          <div>
            <Text fw={700} c="brand.8" fz="xl">{t('app.name')}</Text>
            <Text size="sm" c="dimmed">{t('login.subtitle')}</Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          {children}
        </Paper>
      </Stack>
    </Center>
  )
}
