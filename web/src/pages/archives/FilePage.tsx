/**
 * One file (hồ sơ): upload a batch of scans with upload progress, then follow
 * the pipeline page by page; the batches so far and the documents found.
 */
import { Anchor, Badge, Button, FileInput, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconUpload } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { SCAN_CONTENT_TYPES, SCAN_EXTENSIONS } from '../../../../shared/archives/contracts'
import { archives, type BatchView } from '../../api/archives'
import { uploadFile } from '../../api/upload'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../lib/error-message'
import { notify } from '../../components/notify'
import { useData } from '../../lib/useData'

const STATUS_COLOUR: Record<string, string> = { queued: 'gray', done: 'green', blank: 'yellow', failed: 'red', withheld: 'grape', running: 'blue', verifying: 'orange', confirmed: 'green', catalogued: 'grape' }
const contentTypeOf = (f: File) => SCAN_CONTENT_TYPES[SCAN_EXTENSIONS[f.name.toLowerCase().split('.').pop() ?? ''] ?? 'pdf'] ?? f.type

export default function FilePage() {
  const { t } = useTranslation()
  const { fileId = '' } = useParams()
  const data = useData((s) => archives.file(fileId, s), [fileId])
  const [picked, setPicked] = useState<File[]>([])
  const [uploading, setUploading] = useState<{ name: string; fraction: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [batchId, setBatchId] = useState<string | null>(null)
  const [view, setView] = useState<BatchView | null>(null)

  // Follow the running batch: poll its pages until it ends.
  useEffect(() => {
    if (!batchId) return
    let stop = false
    const tick = async () => {
      try {
        const v = await archives.batch(batchId)
        if (stop) return
        setView(v)
        if (v.batch.status === 'running') setTimeout(tick, 1000)
        else data.reload()
      } catch (e) { if (!stop) setError(errorMessage(e)) }
    }
    void tick()
    return () => { stop = true }
  }, [batchId]) // eslint-disable-line react-hooks/exhaustive-deps

  const start = async () => {
    setError(null)
    try {
      const uploads = []
      for (const f of picked) {
        const slot = await archives.uploadTicket({ fileName: f.name, contentType: contentTypeOf(f), size: f.size })
        setUploading({ name: f.name, fraction: 0 })
        await uploadFile(slot.uploadUrl, f, slot.headers, (fraction) => setUploading({ name: f.name, fraction }))
        uploads.push({ objectKey: slot.objectKey, fileName: f.name })
      }
      const batch = await archives.createBatch({ fileId, uploads })
      notify.ok(t('arc.upload.started', { pages: batch.pageCount }))
      setPicked([])
      setView(null)
      setBatchId(batch.batchId)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setUploading(null)
    }
  }

  if (data.loading && !data.data) return <Loading />
  if (data.error) return <ErrorAlert error={data.error} onRetry={data.reload} />
  const { file, batches, documents } = data.data!
  return (
    <Stack gap="md">
      <PageHeader title={`${file.code} — ${file.title}`}>
        <Button component={Link} to="/archives" variant="default">{t('arc.title')}</Button>
      </PageHeader>
      {file.status === 'open' && (
        <Paper withBorder p="sm" component="form" aria-label={t('arc.upload.title')} onSubmit={(e) => { e.preventDefault(); void start() }}>
          <Stack gap="xs">
            <FileInput label={t('arc.upload.pick')} description={t('arc.upload.hint')} multiple clearable value={picked} onChange={setPicked}
              accept=".pdf,.tif,.tiff,.jpg,.jpeg,.png,application/pdf,image/tiff,image/jpeg,image/png" />
            {uploading && <Progress value={uploading.fraction * 100} aria-label={t('arc.upload.uploading', { name: uploading.name })} />}
            <Group><Button type="submit" disabled={picked.length === 0} loading={!!uploading} leftSection={<IconUpload size={18} aria-hidden />}>{t('arc.upload.start')}</Button></Group>
            {error && <Text c="red" role="alert">{error}</Text>}
          </Stack>
        </Paper>
      )}
      {view && (
        <Paper withBorder p="sm" role="region" aria-label={t('arc.batch.title', { id: view.batch.batchId })}>
          <Group justify="space-between">
            <Text fw={600}>{t('arc.batch.title', { id: view.batch.batchId.split('.')[1] })}</Text>
            <Badge color={STATUS_COLOUR[view.batch.status]} data-testid="batch-status">{t(`arc.batch.status.${view.batch.status}`)}</Badge>
          </Group>
          <Text size="sm" aria-live="polite">{t('arc.batch.processed', { done: view.processed, total: view.batch.pageCount })}</Text>
          <Progress value={(view.processed / Math.max(1, view.batch.pageCount)) * 100} mt={4} aria-label={t('arc.batch.processed', { done: view.processed, total: view.batch.pageCount })} />
          <SimpleGrid cols={{ base: 2, sm: 4, md: 6 }} mt="xs" component="ol" style={{ listStyle: 'none', padding: 0 }}>
            {view.pages.map((p) => (
              <li key={p.pageNo}>
                <Badge variant="light" color={STATUS_COLOUR[p.status]} title={p.error ?? (p.method ? t(`arc.batch.method.${p.method}`) : undefined)}>
                  {t('arc.batch.page', { n: p.pageNo })}: {t(`arc.batch.pageStatus.${p.status}`)}
                </Badge>
              </li>
            ))}
          </SimpleGrid>
        </Paper>
      )}
      <Text fw={600} component="h2">{t('arc.documents')}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>{t('arc.field.symbol')}</Table.Th><Table.Th>{t('arc.field.summary')}</Table.Th><Table.Th>{t('arc.pages')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr key={d.scanDocumentId}>
                <Table.Td>{d.fields.symbol.value ?? '—'}</Table.Td>
                <Table.Td>{d.fields.summary.value ?? '—'}</Table.Td>
                <Table.Td>{t('arc.doc.pages', { from: d.pageFrom, to: d.pageTo })}</Table.Td>
                <Table.Td>
                  {d.status === 'verifying'
                    ? <Anchor component={Link} to={`/archives/verify/${d.scanDocumentId}`}>{t('arc.doc.verify')}</Anchor>
                    : <Badge variant="light" color={STATUS_COLOUR[d.status]}>{t(`arc.doc.status.${d.status}`)}</Badge>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fw={600} component="h2">{t('arc.batch.batches')}</Text>
      {batches.length === 0 ? <Text c="dimmed">{t('arc.batch.none')}</Text> : (
        <Stack gap={4}>
          {batches.map((b) => (
            <Group key={b.batchId} gap="xs">
              <Anchor component="button" type="button" onClick={() => setBatchId(b.batchId)}>{b.batchId.split('.')[1]}</Anchor>
              <Badge variant="light" color={STATUS_COLOUR[b.status]}>{t(`arc.batch.status.${b.status}`)}</Badge>
              <Text size="sm">{b.pageCount} {t('arc.pages').toLowerCase()}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  )
}
