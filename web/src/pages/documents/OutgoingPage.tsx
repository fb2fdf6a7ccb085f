/**
 * Outgoing documents (văn bản đi): drafts (the caller's and their units'),
 * drafts waiting for the caller's review, and issued documents; the
 * specialist starts a new draft from here.
 */
import { Button, Stack } from '@mantine/core'
import { IconFilePencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useWorkspace } from '../../auth/workspace'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { BoxTabs } from '../../components/documents/BoxTabs'
import { documentPath } from '../../components/documents/DocumentBits'
import { DraftModal } from '../../components/documents/DraftModal'

export default function OutgoingPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const canDraft = ws.can('document.draft')
  return (
    <Stack gap="md">
      <PageHeader title={t('docs.outgoing.title')}>
        {canDraft && <Button leftSection={<IconFilePencil size={18} aria-hidden />} onClick={() => setOpen(true)}>{t('docs.outgoing.draft')}</Button>}
      </PageHeader>
      <BoxTabs variant="outgoing" listLabel={(x) => x.label} tabs={[
        { box: 'drafts', label: t('docs.boxes.drafts'), empty: t('docs.boxes.draftsEmpty') },
        { box: 'to-review', label: t('docs.boxes.toReview'), empty: t('docs.boxes.toReviewEmpty'), highlightNew: true, countColor: 'orange', hidden: !ws.canAnywhere('document.review') },
        { box: 'to-sign', label: t('docs.boxes.toSign'), empty: t('docs.boxes.toSignEmpty'), highlightNew: true, countColor: 'red', hidden: !ws.canAnywhere('document.sign') },
        { box: 'outbox', label: t('docs.boxes.outbox'), empty: t('docs.boxes.outboxEmpty') },
      ]} />
      {canDraft && (
        <DraftModal opened={open} onClose={() => setOpen(false)} onDone={(doc) => {
          setOpen(false)
          notify.ok(t('docs.outgoing.drafted'))
          navigate(documentPath(doc.documentId))
        }} />
      )}
    </Stack>
  )
}
