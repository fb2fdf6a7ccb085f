/**
 * Spreadsheet import: pick the kind and a file, upload it to the presigned
 * URL (with progress), then check (dry run) or import, and read the
 * row-by-row report, which can be downloaded as CSV.
 */
import { Alert, Button, Code, FileInput, Group, Paper, Progress, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconFileUpload, IconListCheck } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportReport } from '../../../../shared/org/contracts'
import { endpoints } from '../../api/endpoints'
import { uploadFile } from '../../api/upload'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadText, toCsv } from '../../lib/csv'
import { ImportReportTable } from '../../components/ImportReportTable'

type Kind = 'units' | 'users'

/** The header row the importer expects, in the order of the template. */
export const IMPORT_COLUMNS: Record<Kind, string[]> = {
  units: ['Mã định danh', 'Mã ký hiệu', 'Tên đơn vị', 'Cấp', 'Loại', 'Đơn vị cấp trên', 'Ngày thành lập'],
  users: ['Họ và tên', 'Tên đăng nhập', 'Email', 'Điện thoại', 'Đơn vị', 'Chức vụ', 'Vai trò', 'Mức mật', 'Xác thực 2 lớp'],
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
function contentTypeOf(file: File): string | null {
  const name = file.name.toLowerCase()
  if (name.endsWith('.xlsx')) return XLSX
  if (name.endsWith('.csv')) return 'text/csv'
  return null
}

type Phase = { step: 'idle' } | { step: 'upload'; fraction: number } | { step: 'process'; dryRun: boolean }

export default function ImportPage() {
  const { t } = useTranslation()
  const [kind, setKind] = useState<Kind>('units')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>({ step: 'idle' })
  const [error, setError] = useState<unknown>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [onlyRejected, setOnlyRejected] = useState(false)
  const abort = useRef<AbortController | null>(null)
  const busy = phase.step !== 'idle'
  useEffect(() => () => abort.current?.abort(), [])

  const chooseFile = (f: File | null) => {
    setFile(f)
    setReport(null)
    setError(null)
    setFileError(f && !contentTypeOf(f) ? t('import.badFile') : null)
  }

  const run = async (dryRun: boolean) => {
    if (!file) return
    const contentType = contentTypeOf(file)
    if (!contentType) return setFileError(t('import.badFile'))
    setError(null)
    setReport(null)
    const ctrl = new AbortController()
    abort.current = ctrl
    try {
      setPhase({ step: 'upload', fraction: 0 })
      const ticket = await endpoints.uploadTicket({ fileName: file.name, contentType, size: file.size })
      await uploadFile(ticket.uploadUrl, file, ticket.headers ?? {}, (fraction) => setPhase({ step: 'upload', fraction }), ctrl.signal)
      setPhase({ step: 'process', dryRun })
      const res = await endpoints.runImport({ kind, objectKey: ticket.objectKey, dryRun })
      setReport(res.report)
      setOnlyRejected(false)
    } catch (e) {
      if ((e as Error)?.name !== 'AbortError') setError(e instanceof Error && e.name === 'UploadError' ? new Error(t('errors.network')) : e)
    } finally {
      setPhase({ step: 'idle' })
      abort.current = null
    }
  }

  const downloadReport = () => {
    if (!report) return
    const rows: (string | number)[][] = [[t('import.row'), t('import.result'), t('import.id'), t('import.column'), t('import.reasons')]]
    for (const r of report.rows) {
      const result = r.ok ? (report.dryRun ? t('import.ok') : t('import.imported')) : t('import.rejectedBadge')
      if (r.errors.length === 0) rows.push([r.row, result, r.id ?? '', '', ''])
      for (const e of r.errors) rows.push([r.row, result, r.id ?? '', e.column ?? '', e.message])
    }
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')
    downloadText(`bao-cao-nhap-${report.kind}-${stamp}.csv`, toCsv(rows))
  }

  const downloadTemplate = () => downloadText(`mau-nhap-${kind}.csv`, toCsv([IMPORT_COLUMNS[kind]]))
  const shown = report ? (onlyRejected ? report.rows.filter((r) => !r.ok) : report.rows) : []

  return (
    <Stack gap="md">
      <PageHeader title={t('import.title')} />
      <Text>{t('import.intro')}</Text>

      <Paper withBorder p="md">
        <Stack gap="md">
          <Radio.Group label={t('import.kind')} value={kind} onChange={(v) => { setKind(v as Kind); setReport(null) }}>
            <Group mt={6} gap="lg">
              {(['units', 'users'] as const).map((k) => <Radio key={k} value={k} label={t(`import.kinds.${k}`)} disabled={busy} />)}
            </Group>
          </Radio.Group>

          <section aria-labelledby="import-columns">
            <Text id="import-columns" size="sm" fw={600} mb={6}>{t('import.columns')}</Text>
            <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {IMPORT_COLUMNS[kind].map((c) => <li key={c}><Code>{c}</Code></li>)}
            </Group>
            <Button variant="subtle" size="xs" mt="xs" px={0} leftSection={<IconDownload size={14} aria-hidden />} onClick={downloadTemplate}>
              {t('import.template')}
            </Button>
          </section>

          <FileInput
            label={t('import.file')}
            placeholder={t('import.filePlaceholder')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={chooseFile}
            clearable
            disabled={busy}
            error={fileError}
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            maw={520}
          />

          <Group gap="sm">
            <Button variant="default" leftSection={<IconListCheck size={18} aria-hidden />} disabled={!file || !!fileError || busy}
              loading={phase.step === 'process' && phase.dryRun} onClick={() => void run(true)}>{t('import.check')}</Button>
            <Button leftSection={<IconFileUpload size={18} aria-hidden />} disabled={!file || !!fileError || busy}
              loading={phase.step === 'process' && !phase.dryRun} onClick={() => void run(false)}>{t('import.run')}</Button>
          </Group>

          <div role="status" aria-live="polite">
            {phase.step === 'upload' && (
              <Stack gap={4}>
                <Text size="sm">{t('import.uploading', { percent: Math.round(phase.fraction * 100) })}</Text>
                <Progress value={Math.round(phase.fraction * 100)} aria-label={t('import.uploadProgress')} size="lg" transitionDuration={150} />
              </Stack>
            )}
            {phase.step === 'process' && (
              <Stack gap={4}>
                <Text size="sm">{phase.dryRun ? t('import.processingCheck') : t('import.processing')}</Text>
                <Progress value={100} striped animated aria-label={phase.dryRun ? t('import.processingCheck') : t('import.processing')} size="lg" />
              </Stack>
            )}
          </div>
        </Stack>
      </Paper>

      <ErrorAlert error={error} />

      {report && (
        <Stack gap="sm" component="section" aria-labelledby="import-report">
          <Title order={2} fz="h3" id="import-report">{t('import.report')}</Title>
          <Alert
            role="status"
            color={report.rejected ? 'orange' : 'green'}
            variant="light"
            icon={report.rejected ? <IconAlertTriangle aria-hidden /> : <IconCircleCheck aria-hidden />}
            title={report.dryRun ? t('import.check') : t('import.run')}
          >
            {t(report.dryRun ? 'import.summaryCheck' : 'import.summaryRun', { total: report.total, accepted: report.accepted, rejected: report.rejected })}
          </Alert>
          <Group justify="space-between" wrap="wrap">
            <SegmentedControl
              size="xs"
              aria-label={t('import.onlyRejected')}
              value={onlyRejected ? 'rejected' : 'all'}
              onChange={(v) => setOnlyRejected(v === 'rejected')}
              data={[
                { value: 'all', label: `${t('import.row')}: ${report.total}` },
                { value: 'rejected', label: `${t('import.rejectedBadge')}: ${report.rejected}` },
              ]}
            />
            <Button variant="light" size="xs" leftSection={<IconDownload size={16} aria-hidden />} onClick={downloadReport}>{t('import.download')}</Button>
          </Group>
          <ImportReportTable rows={shown} okLabel={report.dryRun ? t('import.ok') : t('import.imported')} idHeader={t('import.id')} />
        </Stack>
      )}
    </Stack>
  )
}
