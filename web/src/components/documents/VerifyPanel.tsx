/**
 * Verification of digital signatures: of the document's stored PDF, or of a
 * PDF the user uploads. The verdict is one clear green or red notice with
 * the reasons; below it, each signature: who signed, when, why, whether the
 * bytes it covers are intact, whether it covers the whole file, and its
 * certificate chain.
 */
import { Alert, Badge, Button, Code, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { IconFileTypePdf, IconShieldCheck, IconShieldX, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MESSAGES, translate, type Lang } from '../../../../shared/i18n/messages'
import { endpoints, type SignatureVerification } from '../../api/endpoints'
import { formatDate, formatDateTime } from '../../lib/dates'
import { acceptOf, fileKind, uploadDocumentFile } from '../../lib/documents'
import { useLang } from '../../lib/labels'
import { useSubmit } from '../../lib/useSubmit'
import { ErrorAlert } from '../ErrorAlert'
import { UploadProgress } from './DocumentBits'

/** A problem code of the verification report in words, from the message table the API uses. */
export function problemText(code: string, lang: Lang): string {
  return MESSAGES[code] ? translate(code, lang) : code
}

export function VerifyPanel({ documentId, canVerifyStored }: { documentId?: string; canVerifyStored: boolean }) {
  const { t } = useTranslation()
  const lang = useLang()
  const sub = useSubmit(['objectKey'])
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [result, setResult] = useState<{ what: 'stored' | 'upload'; name?: string; data: SignatureVerification } | null>(null)
  const [running, setRunning] = useState<'stored' | 'upload' | null>(null)

  const verifyStored = async () => {
    if (!documentId) return
    setRunning('stored')
    setResult(null)
    const data = await sub.run(() => endpoints.documents.verify({ documentId }))
    setRunning(null)
    if (data) setResult({ what: 'stored', data })
  }

  const verifyUpload = async () => {
    if (!file) return setFileError(t('docs.verify.chooseFile'))
    if (fileKind(file) !== 'pdf') return setFileError(t('docs.form.onlyPdf'))
    setFileError(null)
    setRunning('upload')
    setResult(null)
    const data = await sub.run(async () => {
      setProgress(0)
      try {
        const ref = await uploadDocumentFile(file, setProgress)
        setProgress(null)
        return await endpoints.documents.verify({ objectKey: ref.objectKey })
      } finally {
        setProgress(null)
      }
    })
    setRunning(null)
    if (data) setResult({ what: 'upload', name: file.name, data })
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('docs.verify.intro')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {documentId && canVerifyStored && (
          <Button leftSection={<IconShieldCheck size={18} aria-hidden />} onClick={() => void verifyStored()} loading={running === 'stored'} disabled={running !== null}>
            {t('docs.verify.stored')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <FileInput label={t('docs.verify.file')} placeholder={t('docs.form.choose')} accept={acceptOf(['pdf'])} value={file} clearable
              onChange={(f) => { setFile(f); setFileError(null) }} error={fileError} leftSection={<IconFileTypePdf size={18} aria-hidden />}
              w={{ base: '100%', sm: 340 }} disabled={running !== null} />
            <Button variant="default" leftSection={<IconUpload size={18} aria-hidden />} onClick={() => void verifyUpload()} loading={running === 'upload'}
              disabled={running !== null || !file}>
              {t('docs.verify.uploaded')}
            </Button>
          </Group>
          <UploadProgress fraction={progress} />
        </Stack>
      </Paper>

      <div aria-live="polite">
        {sub.error && <ErrorAlert error={new Error(sub.error)} />}
        {result && <VerificationResult result={result.data} source={result.what === 'stored' ? t('docs.verify.sourceStored') : t('docs.verify.sourceUpload', { name: result.name })} />}
      </div>
    </Stack>
  )
}

export function VerificationResult({ result, source }: { result: SignatureVerification; source: string }) {
  const { t } = useTranslation()
  const lang = useLang()
  const report = result.report
  const storedChanged = result.intact === false
  const valid = report.valid && !storedChanged
  const reasons = [
    ...(storedChanged ? [t('docs.verify.storedChanged')] : []),
    ...report.problems.map((p) => problemText(p, lang)),
  ]
  const count = report.signatures.length
  return (
    <Stack gap="sm" data-testid="verify-result">
      {valid ? (
        <Alert color="green" variant="filled" icon={<IconShieldCheck aria-hidden />} title={t('docs.verify.valid')} role="status">
          <Text size="sm">{t('docs.verify.validText', { count, source })}</Text>
        </Alert>
      ) : (
        <Alert color="red" variant="filled" icon={<IconShieldX aria-hidden />} title={t('docs.verify.invalid')} role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('docs.verify.invalidText', { source })}</Text>
            {reasons.length > 0 && <List size="sm" c="white">{reasons.map((r, i) => <List.Item key={i}>{r}</List.Item>)}</List>}
          </Stack>
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        SHA-256: <Code className="mono">{result.sha256}</Code>
        {result.intact === true && <> · {t('docs.verify.storedIntact')}</>}
      </Text>
      {report.signatures.map((s, i) => (
        <Paper key={`${s.field}-${i}`} withBorder p="sm" component="section" aria-labelledby={`sig-${i}`}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} fz="h5" id={`sig-${i}`}>{t('docs.verify.signature', { n: i + 1, name: s.signerName })}</Title>
              <Group gap={4}>
                <Badge color={s.integrity === 'intact' ? 'green' : 'red'} variant="light" tt="none">{t(`docs.verify.integrity.${s.integrity}`)}</Badge>
                <Badge color={s.trusted ? 'green' : 'red'} variant="light" tt="none">{s.trusted ? t('docs.verify.trusted') : t('docs.verify.untrusted')}</Badge>
                {s.coversWholeDocument
                  ? <Badge color="green" variant="light" tt="none">{t('docs.verify.whole')}</Badge>
                  : i < report.signatures.length - 1
                    ? <Badge color="gray" variant="light" tt="none">{t('docs.verify.signedAfter')}</Badge>
                    : <Badge color="red" variant="light" tt="none">{t('docs.verify.partial')}</Badge>}
              </Group>
            </Group>
            <dl className="dl">
              {s.organisation && <><dt>{t('docs.verify.organisation')}</dt><dd>{s.organisation}</dd></>}
              <dt>{t('docs.verify.signedAt')}</dt><dd>{s.signedAt ? formatDateTime(s.signedAt, lang) : '—'}</dd>
              {s.reason && <><dt>{t('docs.verify.reason')}</dt><dd>{s.reason}</dd></>}
              <dt>{t('docs.verify.field')}</dt><dd className="mono">{s.field}</dd>
              {s.problems.length > 0 && <><dt>{t('docs.verify.problemsLabel')}</dt><dd><List size="sm">{s.problems.map((p) => <List.Item key={p}>{problemText(p, lang)}</List.Item>)}</List></dd></>}
            </dl>
            <Text size="sm" fw={600}>{t('docs.verify.chain')}</Text>
            <List type="ordered" size="sm" spacing={4}>
              {s.chain.map((c, j) => (
                <List.Item key={j}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{c.subject}</Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('docs.verify.issuedBy', { issuer: c.issuer })} · {t('docs.verify.validity', { from: formatDate(c.validFrom, lang), to: formatDate(c.validTo, lang) })}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      ))}
    </Stack>
  )
}
