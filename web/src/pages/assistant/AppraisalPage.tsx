/**
 * Hỗ trợ thẩm định: submit a draft (pasted text, DOCX or PDF) and see the
 * draft and its findings side by side; choosing a finding marks its line.
 */
import { Alert, Badge, Button, Card, FileInput, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconFileCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppraisalReport, ReportedFinding } from '../../../../shared/assistant/contracts'
import { api } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { acceptOf, uploadDocumentFile } from '../../lib/documents'
import '../../i18n/assistant'
import './appraisal.css'

const COLOR = { error: 'red', warning: 'orange', suggestion: 'blue' } as const

export default function AppraisalPage() {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [report, setReport] = useState<AppraisalReport>()
  const [selected, setSelected] = useState<number>()

  const run = async () => {
    setBusy(true); setError(undefined); setSelected(undefined)
    try {
      const body = file ? { file: await uploadDocumentFile(file, () => undefined) } : { text }
      setReport(await api.post<AppraisalReport>('/api/assistant/appraisals', body))
    } catch (e) { setError(e); setReport(undefined) } finally { setBusy(false) }
  }

  const lineKey = (f: Pick<ReportedFinding, 'location'>) => `${f.location.page}:${f.location.line}`
  const marked = new Set(report?.findings.map(lineKey))
  const chosen = selected !== undefined ? report?.findings[selected] : undefined

  return (
    <Stack gap="md">
      <PageHeader title={t('assistant.appraisal.title')} />
      <Text size="sm">{t('assistant.appraisal.intro')}</Text>
      <Card withBorder component="form" onSubmit={(e) => { e.preventDefault(); void run() }}>
        <Stack gap="sm">
          <Textarea label={t('assistant.appraisal.text')} autosize minRows={4} maxRows={12} value={text} onChange={(e) => setText(e.currentTarget.value)} disabled={!!file} />
          <FileInput label={t('assistant.appraisal.file')} accept={acceptOf(['pdf', 'docx'])} value={file} onChange={setFile} clearable />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!file && !text.trim()} leftSection={<IconFileCheck size={16} aria-hidden />}>{busy ? t('assistant.appraisal.running') : t('assistant.appraisal.run')}</Button>
          </Group>
        </Stack>
      </Card>
      <ErrorAlert error={error} />
      {report && (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder component="section" aria-labelledby="draft-title">
              <Title order={2} fz="h4" id="draft-title" mb="xs">{t('assistant.appraisal.draft')}{report.fileName ? ` — ${report.fileName}` : ''}</Title>
              <ol className="appraisal-draft" aria-label={t('assistant.appraisal.draft')}>
                {report.pages.flatMap((p, pi) => p.split(/\r?\n/).map((line, li) => ({ line, key: `${pi + 1}:${li + 1}`, n: li + 1 })))
                  .filter((l) => l.line.trim())
                  .map((l) => (
                    <li key={l.key} value={l.n} data-line={l.key}
                      className={[marked.has(l.key) ? 'has-finding' : '', chosen && lineKey(chosen) === l.key ? 'is-selected' : ''].join(' ').trim() || undefined}>
                      {l.line}
                    </li>
                  ))}
              </ol>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder component="section" aria-labelledby="findings-title">
              <Title order={2} fz="h4" id="findings-title" mb={4}>{t('assistant.appraisal.findings')}</Title>
              <Text size="xs" c="dimmed" mb="sm">{t('assistant.appraisal.counts', report.counts)}</Text>
              {report.findings.length === 0 && <Alert color="green" variant="light">{t('assistant.appraisal.none')}</Alert>}
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('assistant.appraisal.findings')}>
                {report.findings.map((f, i) => (
                  <Card key={i} withBorder p="xs" component="li" className="appraisal-finding" data-code={f.code}
                    style={{ cursor: 'pointer', outline: selected === i ? '2px solid var(--mantine-color-brand-6, #1c7ed6)' : undefined }}
                    onClick={() => setSelected(i)} tabIndex={0} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setSelected(i) } }}>
                    <Group gap={6} mb={4}>
                      <Badge size="xs" color={COLOR[f.severity]}>{t(`assistant.appraisal.severities.${f.severity}`)}</Badge>
                      <Badge size="xs" variant="light" color="gray">{t(`assistant.appraisal.categories.${f.category}`)}</Badge>
                      <Text size="xs" c="dimmed">{t('assistant.appraisal.location', { page: f.location.page, line: f.location.line })}</Text>
                    </Group>
                    <Text size="sm">{f.message}</Text>
                    <Text size="xs" c="dimmed" fs="italic">“{f.location.excerpt}”</Text>
                    <Text size="sm" mt={4}><strong>{t('assistant.appraisal.fix')}:</strong> {f.suggestion}</Text>
                  </Card>
                ))}
              </Stack>
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  )
}
