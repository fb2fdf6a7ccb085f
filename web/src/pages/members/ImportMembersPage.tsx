/**
 * Import of a cell's member list (the spreadsheet cells keep): upload the
 * XLSX/CSV, check it (nothing written) or import it (any rejected row:
 * nothing written), read the row-by-row report and download it as XLSX.
 */
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { Alert, Button, Code, FileInput, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { IconDownload, IconFileSpreadsheet, IconFileUpload, IconListCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MEMBER_COLUMNS } from '../../../../shared/members/import'
import { FEE_CATEGORY_NAMES } from '../../../../shared/members/fees'
import { useLang } from '../../lib/labels'
import { endpoints } from '../../api/endpoints'
import { membersApi, type MemberImportReport } from '../../api/members'
import { uploadFile } from '../../api/upload'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { XLSX_TYPE, downloadBytes, toXlsx } from '../../lib/xlsx'
import { ImportReportTable } from '../../components/ImportReportTable'

const header = (key: string) => MEMBER_COLUMNS.find((c) => c.key === key)!.header
const contentTypeOf = (f: File) => (f.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : f.name.toLowerCase().endsWith('.csv') ? 'text/csv' : null)

export default function ImportMembersPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState<null | { upload?: number; dryRun: boolean }>(null)
  const [error, setError] = useState<unknown>(null)
  const [report, setReport] = useState<MemberImportReport | null>(null)
  const bad = !!file && !contentTypeOf(file)

  const run = async (dryRun: boolean) => {
    if (!file || bad) return
    setError(null); setReport(null)
    try {
      setBusy({ upload: 0, dryRun })
      const ticket = await endpoints.uploadTicket({ fileName: file.name, contentType: contentTypeOf(file)!, size: file.size })
      await uploadFile(ticket.uploadUrl, file, ticket.headers ?? {}, (f) => setBusy({ upload: f, dryRun }))
      setBusy({ dryRun })
      setReport((await membersApi.importMembers(ticket.objectKey, dryRun)).report)
    } catch (e) { setError(e) } finally { setBusy(null) }
  }

  const download = () => {
    if (!report) return
    const rows: (string | number)[][] = [[t('import.row'), t('import.result'), t('members.cardNumber'), t('import.column'), t('import.reasons')]]
    for (const r of report.rows) {
      const result = r.ok ? (report.dryRun || report.rejected ? t('import.ok') : t('import.imported')) : t('import.rejectedBadge')
      if (r.errors.length === 0) rows.push([r.row, result, r.id ?? '', '', ''])
      for (const e of r.errors) rows.push([r.row, result, r.id ?? '', e.column ?? '', e.message])
    }
    downloadBytes(`bao-cao-nhap-dang-vien-${vietnamDate()}.xlsx`, toXlsx(t('import.report'), rows, [8, 14, 18, 26, 60]), XLSX_TYPE)
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('members.imports.title')} />
      <Text>{t('members.imports.intro')}</Text>
      <Paper withBorder p="md">
        <Stack gap="md">
          <section aria-labelledby="member-columns">
            <Text id="member-columns" size="sm" fw={600} mb={6}>{t('import.columns')}</Text>
            <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {MEMBER_COLUMNS.map((c) => <li key={c.key}><Code>{c.header}{c.required ? ' *' : ''}</Code></li>)}
            </Group>
            <Text size="sm" fw={600} mt="sm" mb={4} id="member-values">{t('members.imports.values')}</Text>
            <dl className="dl" aria-labelledby="member-values">
              <dt>{header('cellId')}</dt><dd>{t('members.imports.cellValue')}</dd>
              <dt>{header('category')}</dt><dd>{Object.values(FEE_CATEGORY_NAMES).map((n) => `“${n[lang]}”`).join('; ')}</dd>
              <dt>{header('income')}</dt><dd>{t('members.imports.incomeValue')}</dd>
              <dt>{header('admissionDate')}</dt><dd>{t('members.imports.dateValue')}</dd>
            </dl>
            <Button variant="subtle" size="xs" mt="xs" px={0} leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => downloadBytes('mau-danh-sach-dang-vien.xlsx', toXlsx('Danh sách', [MEMBER_COLUMNS.map((c) => c.header)], MEMBER_COLUMNS.map(() => 20)), XLSX_TYPE)}>
              {t('members.imports.template')}
            </Button>
          </section>
          <FileInput label={t('import.file')} placeholder={t('import.filePlaceholder')} accept=".xlsx,.csv" value={file} onChange={(f) => { setFile(f); setReport(null) }}
            clearable disabled={!!busy} error={bad ? t('import.badFile') : undefined} leftSection={<IconFileSpreadsheet size={18} aria-hidden />} maw={520} />
          <Group gap="sm">
            <Button variant="default" leftSection={<IconListCheck size={18} aria-hidden />} disabled={!file || bad || !!busy} loading={busy?.dryRun === true} onClick={() => void run(true)}>{t('import.check')}</Button>
            <Button leftSection={<IconFileUpload size={18} aria-hidden />} disabled={!file || bad || !!busy} loading={busy?.dryRun === false} onClick={() => void run(false)}>{t('import.run')}</Button>
          </Group>
          <div role="status" aria-live="polite">
            {busy && (busy.upload !== undefined
              ? <Progress value={Math.round(busy.upload * 100)} aria-label={t('import.uploadProgress')} size="lg" />
              : <Text size="sm">{busy.dryRun ? t('import.processingCheck') : t('import.processing')}</Text>)}
          </div>
        </Stack>
      </Paper>
      <ErrorAlert error={error} />
      {report && (
        <Stack gap="sm" component="section" aria-labelledby="member-import-report">
          <Title order={2} fz="h3" id="member-import-report">{t('import.report')}</Title>
          <Alert role="status" color={report.rejected ? 'orange' : 'green'} variant="light">
            {report.rejected ? t('members.imports.refused', { total: report.total, rejected: report.rejected })
              : t(report.dryRun ? 'import.summaryCheck' : 'import.summaryRun', { total: report.total, accepted: report.accepted, rejected: report.rejected })}
          </Alert>
          <Group><Button variant="light" size="xs" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>{t('members.imports.download')}</Button></Group>
          <ImportReportTable rows={report.rows} okLabel={report.dryRun || report.rejected ? t('import.ok') : t('import.imported')} idHeader={t('members.cardNumber')} />
        </Stack>
      )}
    </Stack>
  )
}
