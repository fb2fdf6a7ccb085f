/**
 * Incoming documents (văn bản đến): the inbox of the units within reach
 * (new and overdue ones highlighted), those arriving from the platform that
 * wait for the clerk's confirmation, and the overdue ones; the clerk
 * registers a received document from here.
 */
import { Button, Stack } from '@mantine/core'
import { IconFilePlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useWorkspace } from '../../auth/workspace'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { BoxTabs } from '../../components/documents/BoxTabs'
import { documentPath } from '../../components/documents/DocumentBits'
import { RegisterIncomingModal } from '../../components/documents/RegisterIncomingModal'

export default function IncomingPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const canRegister = ws.can('document.register')
  return (
    <Stack gap="md">
      <PageHeader title={t('docs.incoming.title')}>
        {canRegister && <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => setOpen(true)}>{t('docs.incoming.register')}</Button>}
      </PageHeader>
      <BoxTabs variant="incoming" listLabel={(x) => x.label} tabs={[
        { box: 'inbox', label: t('docs.boxes.inbox'), empty: t('docs.boxes.inboxEmpty'), highlightNew: true },
        { box: 'to-confirm', label: t('docs.boxes.toConfirm'), empty: t('docs.boxes.toConfirmEmpty'), highlightNew: true, countColor: 'orange' },
        { box: 'overdue', label: t('docs.boxes.overdue'), empty: t('docs.boxes.overdueEmpty'), countColor: 'red' },
      ]} />
      {canRegister && (
        <RegisterIncomingModal opened={open} onClose={() => setOpen(false)} onDone={(doc) => {
          setOpen(false)
          notify.ok(t('docs.incoming.registered', { symbol: doc.symbol, number: doc.arrival?.number }))
          navigate(documentPath(doc.documentId))
        }} />
      )}
    </Stack>
  )
}
