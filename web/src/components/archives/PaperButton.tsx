/**
 * A button that has the server make one of the archive's papers (the fonds'
 * inventory, the disposition report) and downloads it: the platform hands
 * back a short-lived link to the bucket; the bytes are saved under the paper's name.
 */
import { Button } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import type { PaperLink } from '../../api/archives'
import { errorMessage } from '../../lib/error-message'
import { notify } from '../notify'

export function PaperButton({ label, make }: { label: string; make: () => Promise<PaperLink> }) {
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      const f = await make()
      // The link is the bucket's (another origin, opened inline): the bytes are saved under the paper's name instead.
      const res = await fetch(f.url)
      if (!res.ok) throw new Error(String(res.status))
      const href = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = href
      a.download = f.fileName
      a.click()
      setTimeout(() => URL.revokeObjectURL(href), 60_000)
    } catch (e) { notify.error(errorMessage(e)) } finally { setBusy(false) }
  }
  return <Button variant="default" size="xs" h="auto" py={6} styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }} loading={busy} onClick={() => void download()} leftSection={<IconDownload size={14} aria-hidden />}>{label}</Button>
}
