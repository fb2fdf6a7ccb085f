import { Alert, Button, Group, List, Modal, Stack } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A modal holding one form: the title names the dialog, errors that belong
 * to no visible field are listed at the top (role="alert"), Cancel / submit
 * at the bottom. Full screen on phones.
 */
export function FormModal({
  opened, onClose, title, onSubmit, submitLabel, busy, error, messages = [], children, size = 'lg',
}: {
  opened: boolean
  onClose: () => void
  title: string
  onSubmit: () => void
  submitLabel: string
  busy?: boolean
  error?: string | null
  messages?: string[]
  children: ReactNode
  size?: string
}) {
  const { t } = useTranslation()
  const phone = useMediaQuery('(max-width: 36em)')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!busy) onSubmit()
  }
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={!!phone} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {(error || messages.length > 0) && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={error ?? t('errors.fixFields')}>
              {messages.length > 0 && <List size="sm">{messages.map((m, i) => <List.Item key={i}>{m}</List.Item>)}</List>}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} type="button">{t('app.cancel')}</Button>
            <Button type="submit" loading={busy}>{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
