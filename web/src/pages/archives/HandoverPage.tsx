/**
 * The handover wizard: choose the ended unit; the receiving unit follows the
 * rules (a merged unit's permanent files to the historical archive, the rest
 * to its successor; a split one's to the body directly above), so the page
 * offers only the rule's receivers. Confirm, and get the package with its
 * signed handover record. Below, handovers to
 * and from the working unit; the receiving unit checks the checksums and
 * confirms receipt.
 */
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Select, Stack, Stepper, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Handover } from '../../../../shared/archives/contracts'
import { archives, type HandoverView } from '../../api/archives'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../lib/error-message'
import { notify } from '../../components/notify'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { foldFilter } from '../../lib/search'
import { formatDate } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { DateField } from '../../components/DateFields'


export default function HandoverPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const lang = useLang()
  const units = useUnits()
  // Only those who may hand over see the wizard and the receive button (the API refuses the others anyway).
  const mayHandover = ws.can('archive.handover')
  const unitId = ws.unitId
  const list = useData(unitId ? (s) => archives.handovers(unitId, s) : null, [unitId])
  const [step, setStep] = useState(0)
  const [form, setForm] = useState({ fromUnitId: '', toUnitId: '', date: vietnamDate() })
  const receivers = useData(form.fromUnitId ? (s) => archives.receivers(form.fromUnitId, s) : null, [form.fromUnitId])
  const routes = receivers.data?.routes ?? []
  // The rule's first receiver with files left for it is chosen; a merge's other receiver stays one click away.
  useEffect(() => {
    const first = routes.find((r) => r.files > 0) ?? routes[0]
    if (first && !form.toUnitId) setForm((f) => ({ ...f, toUnitId: first.toUnitId }))
  }, [receivers.data]) // eslint-disable-line react-hooks/exhaustive-deps
  const [result, setResult] = useState<Handover | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [moving, setMoving] = useState<{ moved: number; total: number } | null>(null)
  const ended = units.options.filter((o) => o.ended)
  const recordUrl = result && list.data ? [...list.data.incoming, ...list.data.outgoing].find((h) => h.handoverId === result.handoverId)?.recordUrl : undefined

  const create = async () => {
    setBusy(true)
    setError(null)
    try {
      // A large fonds moves in chunks: the same request resumes the handover until every file has moved.
      const body = { fromUnitId: form.fromUnitId, toUnitId: form.toUnitId, date: form.date }
      let h = await archives.createHandover(body)
      while (h.status === 'transferring') {
        setMoving({ moved: h.movedFiles ?? 0, total: h.fileCount })
        h = await archives.createHandover(body)
      }
      setMoving(null)
      setResult(h)
      setStep(2)
      list.reload()
    } catch (e) { setError(errorMessage(e)) } finally { setBusy(false) }
  }
  const receive = async (h: HandoverView) => {
    try {
      const r = await archives.receive(h.fromUnitId, h.handoverId)
      notify.ok(t('arc.hand.received', { count: r.checked }))
      list.reload()
    } catch (e) { notify.error(errorMessage(e)) }
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('arc.hand.title')}><Button component={Link} to="/archives" variant="default">{t('arc.title')}</Button></PageHeader>
      <Text>{t('arc.hand.intro')}</Text>
      {!mayHandover && <Alert color="blue" variant="light">{t('arc.hand.viewOnly')}</Alert>}
      {mayHandover && <Paper withBorder p="sm">
        <Stepper active={step} onStepClick={(s) => s < 2 && !result && setStep(s)} size="sm">
          <Stepper.Step label={t('arc.hand.steps.units')}>
            <Stack gap="sm" mt="sm">
              <Select label={t('arc.hand.from')} searchable filter={foldFilter} value={form.fromUnitId || null} onChange={(v) => setForm((f) => ({ ...f, fromUnitId: v ?? '', toUnitId: '' }))}
                data={ended.map((o) => ({ value: o.value, label: o.label }))} />
              {receivers.data && !routes.length && <Alert color="yellow" role="status">{t('arc.hand.noReceiver')}</Alert>}
              {routes.length > 0 && <Select label={t('arc.hand.to')} description={t('arc.hand.byRule')} value={form.toUnitId || null} allowDeselect={false} onChange={(v) => setForm((f) => ({ ...f, toUnitId: v ?? '' }))}
                data={routes.map((r) => ({ value: r.toUnitId, label: `${r.name} — ${t(`arc.hand.scope.${r.scope}`, { count: r.files })}` }))} />}
              {receivers.data?.endedBy && <Text size="sm">{t('arc.hand.reason')}: {t(`arc.hand.reasons.${receivers.data.endedBy}`)}</Text>}
              <DateField label={t('arc.hand.date')} value={form.date} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, date: v })) }} />
              <Group><Button onClick={() => setStep(1)} disabled={!form.fromUnitId || !form.toUnitId}>{t('arc.hand.next')}</Button></Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('arc.hand.steps.confirm')}>
            <Stack gap="sm" mt="sm">
              <Text>{t('arc.hand.from')}: <b>{units.name(form.fromUnitId)}</b></Text>
              <Text>{t('arc.hand.to')}: <b>{units.name(form.toUnitId)}</b></Text>
              <Text>{receivers.data?.endedBy ? `${t('arc.hand.reason')}: ${t(`arc.hand.reasons.${receivers.data.endedBy}`)} · ` : ''}{formatDate(form.date, lang)}</Text>
              {error && <Alert color="red" role="alert">{error}</Alert>}
              {moving && <Progress value={(100 * moving.moved) / Math.max(1, moving.total)} aria-label={t('arc.hand.moving', moving)} />}
              {moving && <Text size="sm" role="status">{t('arc.hand.moving', moving)}</Text>}
              <Group><Button variant="default" onClick={() => setStep(0)}>{t('arc.hand.back')}</Button><Button onClick={() => void create()} loading={busy}>{t('arc.hand.create')}</Button></Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Completed>
            {result && <Alert color="green" mt="sm" role="status">{t('arc.hand.done', { files: result.fileCount })}</Alert>}
            {result && recordUrl && <Anchor href={recordUrl} target="_blank" rel="noreferrer" download={`bien-ban-${result.handoverId}.pdf`} mt="xs" display="inline-block">{t('arc.hand.record')}</Anchor>}
          </Stepper.Completed>
        </Stepper>
      </Paper>}
      {list.loading && <Loading />}
      {!!list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && (['incoming', 'outgoing'] as const).map((dir) => (
        <Stack key={dir} gap="xs">
          <Text fw={600} component="h2">{t(`arc.hand.${dir}`)}</Text>
          {list.data![dir].length === 0 ? <Text c="dimmed">{t('arc.hand.none')}</Text> : list.data![dir].map((h) => (
            <Paper key={h.handoverId} withBorder p="xs">
              <Group justify="space-between" wrap="wrap">
                <Text>{units.name(h.fromUnitId)} → {units.name(h.toUnitId)} · {h.fileCount ?? h.files?.length ?? 0} · {formatDate(h.date, lang)}</Text>
                <Badge variant="light" color={h.status === 'received' ? 'green' : 'blue'}>{t(`arc.hand.status.${h.status}`)}</Badge>
              </Group>
              <Group gap="sm" mt={4}>
                <Anchor href={h.recordUrl} target="_blank" rel="noreferrer">{t('arc.hand.record')}</Anchor>
                {mayHandover && dir === 'incoming' && h.status === 'transferred' && <Button size="xs" onClick={() => void receive(h)}>{t('arc.hand.receive')}</Button>}
              </Group>
            </Paper>
          ))}
        </Stack>
      ))}
    </Stack>
  )
}
