/**
 * The verification queue and one document in it: the page image beside the
 * fields read, low-confidence fields marked and focused first; the words
 * of the field being checked are highlighted on the image, which zooms.
 * Tab moves between fields, Enter or Ctrl+Enter confirms, then the next
 * document opens; the shortcuts are listed on the page.
 */
import { ActionIcon, Alert, Anchor, Badge, Box, Button, Grid, Group, Image, Kbd, List, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { FIELD_NAMES, type FieldName } from '../../../../shared/archives/metadata'
import { locateField, type OcrWord } from '../../../../shared/archives/boxes'
import { CONFIDENTIALITY } from '../../../../shared/documents/confidentiality'
import { archives } from '../../api/archives'
import { isApiError } from '../../api/client'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../lib/error-message'
import { notify } from '../../components/notify'
import { useData } from '../../lib/useData'

export default function VerifyPage() {
  const { scanDocumentId } = useParams()
  return scanDocumentId ? <VerifyOne id={scanDocumentId} /> : <Queue />
}

function Queue() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const unitId = ws.unitId
  const queue = useData(unitId ? (s) => archives.queue(unitId, s) : null, [unitId])
  return (
    <Stack gap="md">
      <PageHeader title={t('arc.queue')}><Button component={Link} to="/archives" variant="default">{t('arc.title')}</Button></PageHeader>
      {queue.loading && <Loading />}
      {!!queue.error && <ErrorAlert error={queue.error} onRetry={queue.reload} />}
      {queue.data && (queue.data.items.length === 0 ? <Text c="dimmed">{t('arc.verify.empty')}</Text> : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {queue.data.items.map((d) => (
            <Paper key={d.scanDocumentId} withBorder p="xs" component="li">
              <Group justify="space-between" wrap="wrap">
                <Anchor component={Link} to={`/archives/verify/${d.scanDocumentId}`}>{d.fields.summary.value ?? d.fields.symbol.value ?? t('arc.verify.unread', { page: d.pageFrom })}</Anchor>
                <Group gap={4}>{d.toVerify.map((f) => <Badge key={f} color="orange" variant="light">{t(`arc.field.${f}`)}</Badge>)}</Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      ))}
    </Stack>
  )
}

function VerifyOne({ id }: { id: string }) {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const navigate = useNavigate()
  const data = useData((s) => archives.document(id, s), [id])
  const [values, setValues] = useState<Record<FieldName, string>>({} as Record<FieldName, string>)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const firstLow = useRef<HTMLInputElement | null>(null)
  const [active, setActive] = useState<FieldName | null>(null)
  const [zoom, setZoom] = useState(1)
  const doc = data.data?.document

  useEffect(() => {
    if (!doc) return
    setValues(Object.fromEntries(FIELD_NAMES.map((f) => [f, doc.fields[f].value ?? (f === 'confidentiality' ? 'none' : '')])) as Record<FieldName, string>)
    setTimeout(() => firstLow.current?.focus(), 0)
  }, [doc?.scanDocumentId]) // eslint-disable-line react-hooks/exhaustive-deps

  const confirm = async () => {
    if (!doc || busy) return
    setBusy(true)
    setErrors({})
    setFailure(null)
    try {
      const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, values[f]?.trim() ? values[f].trim() : null])) as Record<FieldName, string | null>
      await archives.verify(id, { fields, version: doc.version })
      notify.ok(t('arc.verify.confirmed'))
      const rest = ws.unitId ? (await archives.queue(ws.unitId)).items.filter((d) => d.scanDocumentId !== id) : []
      navigate(rest.length ? `/archives/verify/${rest[0].scanDocumentId}` : '/archives/verify')
    } catch (e) {
      if (isApiError(e) && e.issues.length) setErrors(Object.fromEntries(e.issues.map((i) => [i.path.replace(/^fields\./, ''), i.message])))
      setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (data.loading && !data.data) return <Loading />
  if (data.error) return <ErrorAlert error={data.error} onRetry={data.reload} />
  const { images, pdf } = data.data!
  const locatedText = (pages: OcrWord[][], f: FieldName, v: string | undefined) => {
    const n = pages.reduce((k, words) => k + locateField(words, f, v).length, 0)
    return n ? t('arc.verify.located', { field: t(`arc.field.${f}`), n }) : t('arc.verify.notLocated', { field: t(`arc.field.${f}`) })
  }
  const low = new Set(doc!.toVerify)
  const firstLowField = FIELD_NAMES.find((f) => low.has(f))
  return (
    <Stack gap="md" onKeyDown={(e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void confirm() }
      if (e.altKey && (e.key === '=' || e.key === '+')) { e.preventDefault(); setZoom((z) => Math.min(3, z + 0.5)) }
      if (e.altKey && (e.key === '-' || e.key === '_')) { e.preventDefault(); setZoom((z) => Math.max(1, z - 0.5)) }
      if (e.altKey && e.key === '0') { e.preventDefault(); setZoom(1) }
    }}>
      <PageHeader title={t('arc.verify.title')}>
        <Button component={Link} to="/archives/verify" variant="default">{t('arc.verify.back')}</Button>
        {pdf && <Button component="a" href={pdf.url} target="_blank" rel="noreferrer" variant="default">{t('arc.doc.openPdf')}</Button>}
      </PageHeader>
      <Box component="section" aria-label={t('arc.verify.keys')}>
        <Text size="sm" fw={600}>{t('arc.verify.keys')}</Text>
        <List size="sm" c="dimmed">
          <List.Item><Kbd>Tab</Kbd> {t('arc.verify.keyList.tab')}</List.Item>
          <List.Item><Kbd>Enter</Kbd> {t('arc.verify.keyList.enter')}</List.Item>
          <List.Item><Kbd>Alt</Kbd> {t('arc.verify.keyList.zoom')}</List.Item>
        </List>
      </Box>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            <Group gap="xs">
              <ActionIcon variant="default" aria-label={t('arc.verify.zoomOut')} onClick={() => setZoom((z) => Math.max(1, z - 0.5))} disabled={zoom <= 1}>−</ActionIcon>
              <ActionIcon variant="default" aria-label={t('arc.verify.zoomIn')} onClick={() => setZoom((z) => Math.min(3, z + 0.5))} disabled={zoom >= 3}>+</ActionIcon>
              <Button size="compact-sm" variant="default" onClick={() => setZoom(1)}>{t('arc.verify.zoomReset')}</Button>
              <Text size="sm" role="status" data-testid="zoom">{t('arc.verify.zoom', { pct: Math.round(zoom * 100) })}</Text>
            </Group>
            {active && <Text size="sm" role="status" data-testid="located">{locatedText(images.map((img) => img.words), active, values[active])}</Text>}
            {/* Scrolls both ways once zoomed; focusable so the arrow keys scroll it. */}
            <Box tabIndex={0} role="group" aria-label={t('arc.verify.scans')} style={{ overflow: 'auto', maxHeight: '80vh' }}>
              {images.map((img) => (
                <Box key={img.pageNo} pos="relative" w={`${zoom * 100}%`} mb="xs">
                  <Image w="100%" src={img.url} alt={t('arc.verify.image', { n: img.pageNo })} radius="sm" style={{ border: '1px solid var(--mantine-color-gray-4)' }} />
                  {active && locateField(img.words, active, values[active]).map((i) => {
                    const [x0, y0, x1, y1] = img.words[i].box
                    return <Box key={i} data-testid="field-box" aria-hidden pos="absolute" style={{ left: `${x0 * 100}%`, top: `${y0 * 100}%`, width: `${(x1 - x0) * 100}%`, height: `${(y1 - y0) * 100}%`, background: 'rgba(255, 196, 0, 0.35)', outline: '2px solid #b35c00', borderRadius: 2, pointerEvents: 'none' }} />
                  })}
                </Box>
              ))}
            </Box>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="sm" component="form" aria-label={t('arc.verify.title')} onSubmit={(e) => { e.preventDefault(); void confirm() }}>
            <Stack gap="sm">
              {FIELD_NAMES.map((f) => {
                const conf = doc!.fields[f].confidence
                const label = (
                  <Group gap={6} component="span">
                    <span>{t(`arc.field.${f}`)}</span>
                    <Badge size="xs" variant="light" color={low.has(f) ? 'orange' : 'green'}>{low.has(f) ? `${t('arc.low')} · ` : ''}{t('arc.confidence', { pct: Math.round(conf * 100) })}</Badge>
                  </Group>
                )
                const set = (v: string) => setValues((x) => ({ ...x, [f]: v }))
                if (f === 'confidentiality') {
                  return <Select key={f} onFocus={() => setActive(f)} label={label} value={values[f] ?? 'none'} onChange={(v) => set(v ?? 'none')} allowDeselect={false} error={errors[f]}
                    data={CONFIDENTIALITY.map((c) => ({ value: c, label: t(`arc.conf.${c}`) }))} />
                }
                if (f === 'summary') {
                  return <Textarea key={f} onFocus={() => setActive(f)} label={label} autosize minRows={2} value={values[f] ?? ''} onChange={(e) => set(e.currentTarget.value)} error={errors[f]}
                    ref={f === firstLowField ? (el) => { firstLow.current = el as unknown as HTMLInputElement } : undefined} />
                }
                return <TextInput key={f} onFocus={() => setActive(f)} label={label} value={values[f] ?? ''} onChange={(e) => set(e.currentTarget.value)} error={errors[f]}
                  placeholder={f === 'date' ? t('arc.datePlaceholder') : undefined} ref={f === firstLowField ? firstLow : undefined} aria-describedby={undefined} />
              })}
              {failure && <Alert color="red" role="alert">{failure}</Alert>}
              <Group><Button type="submit" loading={busy}>{t('arc.verify.confirm')}</Button></Group>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
