/**
 * A file of the meeting (a document of the agenda, the invitation, the
 * minutes, a result record): a button that asks for its short-lived link and
 * opens it in the platform's PDF viewer (the documents page's), full screen
 * on phones, with the file's own link beside it.
 */
import { Anchor, Button, Modal, Stack } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconFileTypePdf } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PdfViewer } from '../documents/PdfViewer'
import { notify } from '../notify'
import { errorMessage } from '../../lib/error-message'

export function MeetingFile({ label, title, fileName, link, pdf = true, size = 'xs', variant = 'light' }: {
  label: string; title: string; fileName: string; link: () => Promise<{ url: string }>; pdf?: boolean; size?: string; variant?: string
}) {
  const { t } = useTranslation()
  const phone = useMediaQuery('(max-width: 36em)')
  const [url, setUrl] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const open = async () => {
    setBusy(true)
    try {
      const { url } = await link()
      if (pdf) setUrl(url)
      else window.open(url, '_blank', 'noopener')
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button size={size} variant={variant} loading={busy} leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={() => void open()}
        aria-label={label === title ? undefined : `${label} — ${title}`}>{label}</Button>
      <Modal opened={!!url} onClose={() => setUrl(null)} title={title} size="xl" fullScreen={phone} closeButtonProps={{ 'aria-label': t('meeting.closeViewer') }}>
        {url && (
          <Stack gap="xs">
            <PdfViewer url={url} fileName={fileName} title={title} />
            <Anchor href={url} target="_blank" rel="noopener" size="sm">{fileName}</Anchor>
          </Stack>
        )}
      </Modal>
    </>
  )
}
