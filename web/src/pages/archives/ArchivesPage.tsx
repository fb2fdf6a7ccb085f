/**
 * The fonds of the working unit: digitisation progress, its files (hồ sơ),
 * and a form to open a new file. Links to the verification queue and the
 * handover wizard.
 */
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconArrowsTransferDown, IconChecklist, IconFolderPlus, IconFolders } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { archives } from '../../api/archives'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../lib/error-message'
import { notify } from '../../components/notify'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useLang } from '../../lib/labels'
import { classesInForce, periodText } from '../../../../shared/archives/retention'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'

const pct = (share: number) => Math.round(share * 100)

export default function ArchivesPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const units = useUnits()
  const navigate = useNavigate()
  const unitId = ws.unitId
  const files = useData(unitId ? (s) => archives.files(unitId, s) : null, [unitId])
  const progress = useData(unitId ? (s) => archives.progress(unitId, s) : null, [unitId])
  const lang = useLang()
  const classes = classesInForce(vietnamDate())
  const [form, setForm] = useState({ code: '', title: '', startYear: String(new Date().getFullYear()), retentionClass: '' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const create = async () => {
    if (!unitId) return
    setBusy(true)
    setError(null)
    try {
      const f = await archives.createFile({ unitId, code: form.code.trim(), title: form.title.trim(), startYear: Number(form.startYear), retentionClass: form.retentionClass })
      notify.ok(t('arc.created', { code: f.code }))
      setForm((x) => ({ ...x, code: '', title: '' }))
      // The new file opens: the next step is putting its scans in.
      navigate(`/archives/files/${encodeURIComponent(f.fileId)}`)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('arc.title')}>
        <Button component={Link} to="/archives/verify" variant="default" leftSection={<IconChecklist size={18} aria-hidden />}>{t('arc.queue')}</Button>
        <Button component={Link} to="/archives/handover" variant="default" leftSection={<IconArrowsTransferDown size={18} aria-hidden />}>{t('arc.handover')}</Button>
        <Button component={Link} to="/archives/records" variant="default" leftSection={<IconFolders size={18} aria-hidden />}>{t('arc.rm.records')}</Button>
      </PageHeader>
      <Text c="dimmed">{t('arc.unit')}: {unitId ? units.name(unitId) : '—'}</Text>
      {progress.data && (
        <Paper withBorder p="sm" aria-label={t('arc.progress')} role="region">
          <Text fw={600}>{t('arc.progress')}</Text>
          <Text>{t('arc.progressLine', { pages: progress.data.total.pages, documents: progress.data.total.documents, share: pct(progress.data.total.verifiedShare) })}</Text>
          {progress.data.levels.length > 1 && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
              {progress.data.levels.map((l) => <Text key={l.level} size="sm">{l.level}: {l.pages} / {l.documents} / {pct(l.verifiedShare)}%</Text>)}
            </SimpleGrid>
          )}
        </Paper>
      )}
      <Paper withBorder p="sm" component="form" aria-label={t('arc.newFile')} onSubmit={(e) => { e.preventDefault(); void create() }}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('arc.code')} required value={form.code} onChange={(e) => { const v = e.currentTarget.value; setForm((x) => ({ ...x, code: v })) }} w={160} />
          <TextInput label={t('arc.fileTitle')} required value={form.title} onChange={(e) => { const v = e.currentTarget.value; setForm((x) => ({ ...x, title: v })) }} style={{ flex: '1 1 16rem' }} />
          <TextInput label={t('arc.startYear')} required inputMode="numeric" value={form.startYear} onChange={(e) => { const v = e.currentTarget.value; setForm((x) => ({ ...x, startYear: v })) }} w={120} />
          <Select label={t('arc.rm.retentionClass')} required value={form.retentionClass || null} onChange={(v) => setForm((x) => ({ ...x, retentionClass: v ?? '' }))} style={{ flex: '1 1 18rem' }}
            data={classes.map((c) => ({ value: c.code, label: `${c.name[lang]} — ${periodText(c.period, lang)}${c.verified ? '' : ' *'}` }))} searchable />
          <Button type="submit" loading={busy} leftSection={<IconFolderPlus size={18} aria-hidden />}>{t('arc.create')}</Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>* {t('arc.rm.unverified')}</Text>
        {error && <Text c="red" mt="xs" role="alert">{error}</Text>}
      </Paper>
      <Text fw={600} component="h2">{t('arc.files')}</Text>
      {files.loading && <Loading />}
      {!!files.error && <ErrorAlert error={files.error} onRetry={files.reload} />}
      {files.data && (files.data.items.length === 0 ? <Text c="dimmed">{t('arc.noFiles')}</Text> : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>{t('arc.code')}</Table.Th><Table.Th>{t('arc.fileTitle')}</Table.Th><Table.Th>{t('arc.rm.retention')}</Table.Th><Table.Th>{t('arc.pages')}</Table.Th><Table.Th>{t('arc.documents')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {files.data.items.map((f) => (
                <Table.Tr key={f.fileId}>
                  <Table.Td><Anchor component={Link} to={`/archives/files/${f.fileId}`}>{f.code}</Anchor></Table.Td>
                  <Table.Td>{f.title}{f.custodianUnitId !== f.unitId && <Text size="xs" c="dimmed">{t('arc.custody', { unit: units.name(f.custodianUnitId) })}</Text>}</Table.Td>
                  <Table.Td>{periodText(f.retention.period, lang)}</Table.Td>
                  <Table.Td>{f.pages}</Table.Td>
                  <Table.Td>{f.documents}</Table.Td>
                  <Table.Td><Badge color={f.status === 'open' ? 'green' : 'gray'} variant="light">{t(f.status === 'open' ? 'arc.open' : f.status === 'destroyed' ? 'arc.rm.destroyed' : 'arc.closed')}</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </Stack>
  )
}
