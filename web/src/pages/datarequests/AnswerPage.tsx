/**
 * A unit's answer to a data request: the form's indicators as fields (a
 * number field with its unit of measure, a text field), each field showing
 * the server's message when refused (nothing is written until the whole
 * answer holds together); or the unit's pre-filled XLSX, downloaded, filled
 * in and sent back, with the row-by-row report when rows are wrong.
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, NumberInput, Paper, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconDownload, IconFileUpload } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { AnswerImportReport, AnswerValues } from '../../../../shared/datarequests/contracts'
import { isApiError } from '../../api/client'
import { dataRequests } from '../../api/datarequests'
import { uploadFile } from '../../api/upload'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDate, formatDateTime } from '../../lib/dates'
import { errorMessage } from '../../lib/error-message'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { STATUS_COLOR, STATUS_TEXT } from './DataRequestsPage'

export default function AnswerPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const { requestId = '', unitId = '' } = useParams()
  const form = useData((s) => dataRequests.form(requestId, unitId, s), [requestId, unitId])
  const [values, setValues] = useState<AnswerValues>({})
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [report, setReport] = useState<AnswerImportReport | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const f = form.data
  useEffect(() => { if (f) setValues(f.answer?.values ?? {}) }, [f])

  if (form.loading) return <Loading />
  if (form.error || !f) return <ErrorAlert error={form.error} onRetry={form.reload} />

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy('form'); setError(null); setFieldErrors({})
    try {
      await dataRequests.answer(requestId, unitId, Object.fromEntries(f.indicators.map((i) => [i.code, values[i.code] ?? null])))
      notify.ok(t('dreq.saved', { unit: f.unitName }))
      form.reload()
    } catch (err) {
      if (isApiError(err) && err.issues.length) setFieldErrors(Object.fromEntries(err.issues.map((i) => [i.path.replace(/^values\./, ''), i.message])))
      setError(err)
    } finally { setBusy(null) }
  }
  const template = async () => {
    setBusy('template')
    try { const file = await dataRequests.template(requestId, unitId); window.open(file.url, '_blank', 'noopener') } catch (err) { notify.error(errorMessage(err)) } finally { setBusy(null) }
  }
  const upload = async (file: File | null) => {
    if (!file) return
    setBusy('upload'); setReport(null); setError(null)
    try {
      const slot = await dataRequests.uploadSlot(file)
      await uploadFile(slot.uploadUrl, file, slot.headers ?? {}, () => undefined)
      const res = await dataRequests.importFile(requestId, unitId, slot.objectKey)
      notify.ok(t('dreq.uploadOk', { count: res.report.accepted }))
      form.reload()
    } catch (err) {
      const data = isApiError(err) ? (err.data as { report?: AnswerImportReport } | undefined) : undefined
      if (data?.report) setReport(data.report)
      else setError(err)
    } finally { setBusy(null) }
  }
  const open = f.can.answer
  return (
    <Stack gap="md">
      <PageHeader title={t('dreq.answerFor', { unit: f.unitName })}>
        <Badge color={STATUS_COLOR[f.status]} c={STATUS_TEXT[f.status]} variant="light">{t(`dreq.unitStatus.${f.status}`)}</Badge>
      </PageHeader>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text fw={600}>{f.title}</Text>
          <Text size="sm">{t('dreq.from')}: {f.ownerUnitName} · {t('dreq.period')}: {formatDate(f.periodFrom, lang)} – {formatDate(f.periodTo, lang)} · {t('dreq.deadline')}: <b>{formatDate(f.deadline, lang)}</b></Text>
          {f.description && <Text size="sm">{f.description}</Text>}
          {f.answer && <Text size="sm" c="dimmed">{t('dreq.answeredBy', { when: formatDateTime(f.answer.answeredAt, lang), who: f.answer.answeredBy.fullName })}</Text>}
          <Anchor component={Link} to={`/datarequests/${requestId}`} size="sm">{t('dreq.back')}</Anchor>
        </Stack>
      </Paper>
      {!open && <Alert color="gray">{t('dreq.notOpen')}</Alert>}
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('dreq.answerTitle')}>
        <Stack gap="sm">
          {f.indicators.map((i) => {
            const label = `${i.code}. ${i.name}${i.totalOf?.length ? ` (= ${i.totalOf.join(' + ')})` : ''}`
            const common = { label, required: !i.optional, error: fieldErrors[i.code], disabled: !open }
            return i.type === 'text'
              ? <TextInput key={i.code} {...common} value={String(values[i.code] ?? '')} onChange={(e) => { const v = e.currentTarget.value; setValues((s) => ({ ...s, [i.code]: v || null })) }} />
              : <NumberInput key={i.code} {...common} rightSection={<Text size="xs" c="dimmed" pr="xs">{i.unit}</Text>} rightSectionWidth={Math.max(40, i.unit.length * 8 + 16)}
                  decimalSeparator={lang === 'vi' ? ',' : '.'} thousandSeparator={lang === 'vi' ? '.' : ','} allowDecimal={i.type !== 'integer'}
                  value={typeof values[i.code] === 'number' ? (values[i.code] as number) : ''} onChange={(v) => setValues((s) => ({ ...s, [i.code]: typeof v === 'number' ? v : null }))} />
          })}
          {!!error && <ErrorAlert error={error} />}
          {open && <Group justify="flex-end"><Button type="submit" loading={busy === 'form'}>{t('dreq.submit')}</Button></Group>}
        </Stack>
      </Paper>
      {open && (
        <Paper withBorder p="md">
          <Group gap="sm">
            <Button variant="light" loading={busy === 'template'} leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void template()}>{t('dreq.template')}</Button>
            <FileButton accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(file) => void upload(file)}>
              {(props) => <Button {...props} variant="light" loading={busy === 'upload'} leftSection={<IconFileUpload size={16} aria-hidden />}>{t('dreq.upload')}</Button>}
            </FileButton>
          </Group>
          {report && (
            <Stack gap="xs" mt="sm" role="alert">
              <Text c="red" size="sm">{t('dreq.report', { rejected: report.rejected })}</Text>
              <Table.ScrollContainer minWidth={340}>
                <Table striped>
                  <Table.Thead><Table.Tr><Table.Th>{t('dreq.row')}</Table.Th><Table.Th>{t('dreq.f.code')}</Table.Th><Table.Th>{t('dreq.problem')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {report.rows.filter((row) => !row.ok).map((row, n) => (
                      <Table.Tr key={n}><Table.Td>{row.row || t('dreq.whole')}</Table.Td><Table.Td>{row.code}</Table.Td><Table.Td>{row.errors.map((e) => e.message).join(' ')}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  )
}
