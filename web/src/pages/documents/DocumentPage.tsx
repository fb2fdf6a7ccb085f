/**
 * One document: what it is (number and symbol, type, issuer, dates,
 * urgency, confidentiality), what the caller may do next (the API says
 * which actions are open), the content in the PDF viewer, the draft's
 * versions and comments, the history, and the verification of signatures.
 */
import {
  Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, List, Stack, Table, Tabs, Text, Textarea, Timeline, Title,
} from '@mantine/core'
import {
  IconArrowBackUp, IconCheck, IconChecks, IconFileUpload, IconInfoCircle, IconLock, IconMessage, IconPencil, IconSend, IconSignature, IconX,
} from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { CommentBody, type OfficialDocument } from '../../../../shared/documents/contracts'
import { isClassified } from '../../../../shared/documents/confidentiality'
import { endpoints, type DocumentPageData } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import {
  CompleteModal, DirectionModal, IssueModal, ReturnModal, ReviewModal, VersionModal,
} from '../../components/documents/DocumentActionModals'
import { ConfidentialityBadge, OverdueBadge, StatusBadge, UrgencyBadge } from '../../components/documents/DocumentBits'
import { PdfViewer } from '../../components/documents/PdfViewer'
import { CitedPassage } from '../../components/assistant/CitedPassage'
import { VerifyPanel } from '../../components/documents/VerifyPanel'
import { formatDate, formatDateTime, todayLocal } from '../../lib/dates'
import { formatSize, markSeen, typeLabel, urgencyLabel } from '../../lib/documents'
import { roleLabel, useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { validate } from '../../lib/validation'

type Dialog = null | 'return' | 'direct' | 'complete' | 'version' | 'approve' | 'reject' | 'issue'

export function documentTitle(doc: Pick<OfficialDocument, 'type' | 'symbol' | 'flow' | 'status'>, lang: 'vi' | 'en', t: (k: string, o?: Record<string, unknown>) => string): string {
  const type = typeLabel(doc.type, lang)
  if (doc.symbol && (doc.flow === 'incoming' || doc.status === 'issued' || doc.status === 'issuing')) return `${type} ${doc.symbol}`
  return t('docs.page.draftTitle', { type: lang === 'vi' ? type.toLowerCase() : type })
}

export default function DocumentPage() {
  const { documentId = '' } = useParams()
  // A citation of the assistant opens the document at its page (`?page=3&passage=7`).
  const [search] = useSearchParams()
  const citedPage = Math.max(1, Number(search.get('page')) || 1)
  const citedPassage = search.get('passage')
  const { t } = useTranslation()
  const lang = useLang()
  const state = useData((signal) => endpoints.documents.get(documentId, signal), [documentId])
  const [dialog, setDialog] = useState<Dialog>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [justIssued, setJustIssued] = useState(false)
  const units = useUnits()

  useEffect(() => { if (state.data) markSeen(documentId) }, [state.data, documentId])
  useEffect(() => { setJustIssued(false); setActionError(null) }, [documentId])

  if (state.loading && !state.data) return <Loading />
  if (state.error && !state.data) return <Stack><PageHeader title={t('docs.page.notFoundTitle')} /><ErrorAlert error={state.error} onRetry={state.reload} /></Stack>
  const data = state.data!
  const doc = data.document
  const a = data.actions

  const done = (updated: OfficialDocument, message: string) => {
    setDialog(null)
    notify.ok(message)
    if (updated.status === 'issued') setJustIssued(true)
    state.setData((d) => d && { ...d, document: updated })
    state.reload()
  }
  const quick = async (key: string, fn: () => Promise<{ document: OfficialDocument }>, message: string) => {
    setBusy(key)
    setActionError(null)
    try {
      const res = await fn()
      done(res.document, message)
    } catch (e) {
      setActionError(e)
    } finally {
      setBusy(null)
    }
  }

  const title = documentTitle(doc, lang, t)
  const overdue = !!doc.deadline && doc.flow === 'incoming' && (doc.status === 'received' || doc.status === 'directed') && doc.deadline < todayLocal()
  const section = doc.flow === 'incoming' ? { to: '/documents/incoming', label: t('nav.docsIncoming') } : { to: '/documents/outgoing', label: t('nav.docsOutgoing') }
  const lastReturn = doc.status === 'revising' ? [...(doc.review?.history ?? [])].reverse().find((h) => h.decision === 'return') : undefined
  const isPdf = data.download?.contentType === 'application/pdf'
  // Verification is for registered and issued files (a draft has none signed yet).
  const showVerify = !isClassified(doc.confidentiality) && (doc.flow === 'incoming' || doc.status === 'issued')
  const hasActions = a.confirmReceipt || a.return || a.direct || a.complete || a.addVersion || a.submit || a.review || a.issue

  return (
    <Stack gap="md">
      <Breadcrumbs component="nav" aria-label={t('unit.breadcrumb')} separator="›">
        <Anchor component={Link} to={section.to} size="sm">{section.label}</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">{doc.symbol ?? t(`docs.statuses.${doc.status}`)}</Text>
      </Breadcrumbs>
      <div>
        <PageHeader title={title} />
        <Text mt={-8} mb="xs" fw={500}>{doc.summary}</Text>
        <Group gap={6}>
          <StatusBadge status={doc.status} />
          {overdue && <OverdueBadge />}
          <UrgencyBadge urgency={doc.urgency} />
          <ConfidentialityBadge confidentiality={doc.confidentiality} />
        </Group>
      </div>

      {doc.status === 'issued' && doc.issued && (
        <Alert color="green" variant={justIssued ? 'filled' : 'light'} icon={<IconSignature aria-hidden />} role="status" data-testid="issued-result"
          title={t('docs.issue.resultTitle', { symbol: doc.issued.symbol })}>
          <Stack gap={4}>
            <Text size="sm">{doc.issued.numberLine} · {doc.issued.dateLine}</Text>
            <Text size="sm">{t('docs.issue.resultSigner', { name: doc.issued.signer.fullName, at: formatDateTime(doc.issued.signedAt, lang) })}</Text>
            <Text size="sm">{t('docs.issue.resultScope', { scope: doc.issued.scopeLabel })}</Text>
            <Text size="sm">{doc.issued.deliveredTo.length
              ? t('docs.issue.resultRecipients', { count: doc.issued.deliveredTo.length, names: doc.issued.deliveredTo.map((u) => units.name(u)).join(', ') })
              : t('docs.issue.noRecipients')}</Text>
          </Stack>
        </Alert>
      )}
      {doc.status === 'returned' && doc.returned && (
        <Alert color="gray" variant="light" icon={<IconArrowBackUp aria-hidden />} title={t('docs.page.returnedTitle')}>
          {t('docs.page.returnedText', { name: doc.returned.by.fullName, at: formatDateTime(doc.returned.at, lang), reason: doc.returned.reason })}
        </Alert>
      )}
      {lastReturn && (
        <Alert color="orange" variant="light" icon={<IconArrowBackUp aria-hidden />} title={t('docs.page.revisingTitle', { name: lastReturn.by.fullName })} role="status">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.comment}</Text>
          <Text size="xs" c="dimmed" mt={4}>{formatDateTime(lastReturn.at, lang)} · {t('docs.page.revisingHint')}</Text>
        </Alert>
      )}
      {isClassified(doc.confidentiality) && (
        <Alert color="red" variant="light" icon={<IconLock aria-hidden />} title={t('docs.form.classifiedTitle')}>{t('docs.page.classifiedText')}</Alert>
      )}

      {hasActions && (
        <Card withBorder p="sm" component="section" aria-label={t('docs.page.actions')}>
          <Group gap="xs" wrap="wrap">
            {a.confirmReceipt && <Button leftSection={<IconCheck size={18} aria-hidden />} loading={busy === 'receipt'}
              onClick={() => void quick('receipt', () => endpoints.documents.confirmReceipt(doc.documentId), t('docs.actions.confirmed'))}>{t('docs.actions.confirmReceipt')}</Button>}
            {a.direct && <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setDialog('direct')}>{doc.direction ? t('docs.direction.edit') : t('docs.direction.write')}</Button>}
            {a.complete && <Button variant="light" color="green" leftSection={<IconChecks size={18} aria-hidden />} onClick={() => setDialog('complete')}>{t('docs.actions.complete')}</Button>}
            {a.return && <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setDialog('return')}>{t('docs.actions.return')}</Button>}
            {a.addVersion && <Button variant="default" leftSection={<IconFileUpload size={18} aria-hidden />} onClick={() => setDialog('version')}>{t('docs.versions.addTitle')}</Button>}
            {a.submit && <Button leftSection={<IconSend size={18} aria-hidden />} loading={busy === 'submit'}
              onClick={() => void quick('submit', () => endpoints.documents.submit(doc.documentId), t('docs.review.submitted'))}>{doc.status === 'revising' ? t('docs.review.resubmit') : t('docs.review.submit')}</Button>}
            {a.review && <Button color="green" leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setDialog('approve')}>{t('docs.review.approve')}</Button>}
            {a.review && <Button color="red" variant="outline" leftSection={<IconX size={18} aria-hidden />} onClick={() => setDialog('reject')}>{t('docs.review.return')}</Button>}
            {a.issue && <Button color="brand" leftSection={<IconSignature size={18} aria-hidden />} onClick={() => setDialog('issue')}>{t('docs.issue.open')}</Button>}
          </Group>
          {actionError ? <div style={{ marginTop: 8 }}><ErrorAlert error={actionError} /></div> : null}
        </Card>
      )}

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="md">
            <DocumentInfo data={data} />
            {doc.direction && <DirectionCard doc={doc} />}
            {doc.flow === 'outgoing' && doc.review && doc.status !== 'issued' && <ChainCard doc={doc} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Tabs defaultValue="content" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="content">{t('docs.page.tabContent')}</Tabs.Tab>
              {doc.flow === 'outgoing' && <Tabs.Tab value="drafting">{t('docs.page.tabDrafting', { count: doc.comments?.length ?? 0 })}</Tabs.Tab>}
              <Tabs.Tab value="history">{t('docs.page.tabHistory')}</Tabs.Tab>
              {showVerify && <Tabs.Tab value="verify">{t('docs.page.tabVerify')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="content" pt="md">
              {data.download && isPdf ? (
                <>
                  {citedPassage !== null && /^\d+$/.test(citedPassage) && <CitedPassage documentId={documentId} ordinal={Number(citedPassage)} />}
                  <PdfViewer url={data.download.url} fileName={data.download.fileName} title={title} initialPage={citedPage} />
                </>
              ) : data.download ? (
                <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('docs.page.notPdf')}>
                  <Stack gap="xs">
                    <Text size="sm">{t('docs.page.notPdfText')}</Text>
                    <Group><Button component="a" href={data.download.url} target="_blank" rel="noopener" variant="default" size="xs">
                      {t('docs.viewer.download', { name: data.download.fileName })}</Button></Group>
                  </Stack>
                </Alert>
              ) : (
                <Text c="dimmed">{isClassified(doc.confidentiality) ? t('docs.page.classifiedText') : t('docs.page.noFile')}</Text>
              )}
            </Tabs.Panel>
            {doc.flow === 'outgoing' && (
              <Tabs.Panel value="drafting" pt="md">
                <DraftingPanel data={data} onChanged={(d) => state.setData((cur) => cur && { ...cur, document: d })} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="history" pt="md"><HistoryPanel data={data} /></Tabs.Panel>
            {showVerify && (
              <Tabs.Panel value="verify" pt="md"><VerifyPanel documentId={doc.documentId} canVerifyStored={a.verify} /></Tabs.Panel>
            )}
          </Tabs>
        </Grid.Col>
      </Grid>

      <ReturnModal doc={doc} opened={dialog === 'return'} onClose={() => setDialog(null)} onDone={done} />
      <DirectionModal doc={doc} opened={dialog === 'direct'} onClose={() => setDialog(null)} onDone={done} />
      <CompleteModal doc={doc} opened={dialog === 'complete'} onClose={() => setDialog(null)} onDone={done} />
      <VersionModal doc={doc} opened={dialog === 'version'} onClose={() => setDialog(null)} onDone={done} />
      <ReviewModal doc={doc} decision="approve" opened={dialog === 'approve'} onClose={() => setDialog(null)} onDone={done} />
      <ReviewModal doc={doc} decision="return" opened={dialog === 'reject'} onClose={() => setDialog(null)} onDone={done} />
      <IssueModal doc={doc} opened={dialog === 'issue'} onClose={() => setDialog(null)} onDone={done} />
    </Stack>
  )
}

function DocumentInfo({ data }: { data: DocumentPageData }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const doc = data.document
  const file = data.download
  return (
    <Card withBorder component="section" aria-labelledby="doc-info">
      <Title order={2} fz="h4" id="doc-info" mb="sm">{t('docs.page.info')}</Title>
      <dl className="dl dl-stack">
        <dt>{t('docs.symbol')}</dt><dd>{doc.symbol ?? t('docs.notNumbered')}</dd>
        <dt>{t('docs.type')}</dt><dd>{typeLabel(doc.type, lang)}</dd>
        <dt>{t('docs.issuer')}</dt><dd>{doc.issuer.name}</dd>
        {doc.documentDate && <><dt>{doc.flow === 'outgoing' ? t('docs.issuedDate') : t('docs.form.documentDate')}</dt><dd>{formatDate(doc.documentDate, lang)}</dd></>}
        <dt>{doc.flow === 'incoming' ? t('docs.page.receivingUnit') : t('docs.form.draftingUnit')}</dt>
        <dd><Anchor component={Link} to={`/units/${encodeURIComponent(doc.ownerUnitId)}`} size="sm">{units.name(doc.ownerUnitId)}</Anchor></dd>
        {doc.arrival && <><dt>{t('docs.registerNumber')}</dt><dd>{t('docs.page.arrivalNumber', { number: doc.arrival.number, year: doc.arrival.year })}</dd></>}
        {doc.arrival && <><dt>{t('docs.form.receivedDate')}</dt><dd>{formatDate(doc.arrival.receivedDate, lang)}</dd></>}
        {doc.deadline && doc.flow === 'incoming' && <><dt>{t('docs.deadline')}</dt><dd>{formatDate(doc.deadline, lang)}</dd></>}
        <dt>{t('docs.form.urgency')}</dt><dd>{urgencyLabel(doc.urgency, lang)}</dd>
        {doc.pageCount !== undefined && <><dt>{t('docs.form.pageCount')}</dt><dd>{doc.pageCount}</dd></>}
        {doc.drafter && <><dt>{t('docs.page.drafter')}</dt><dd>{doc.drafter.fullName}</dd></>}
        {doc.signer && <><dt>{t('docs.form.signerShort')}</dt><dd>{doc.signer.fullName}{doc.signer.title ? <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>{doc.signer.title}</Text> : null}</dd></>}
        {doc.flow === 'outgoing' && <><dt>{t('docs.form.recipients')}</dt><dd>{(doc.recipients ?? []).map((r) => units.name(r)).join(', ') || t('app.none')}</dd></>}
        {doc.source?.kind === 'platform' && <><dt>{t('docs.page.source')}</dt><dd>{t('docs.page.sourcePlatform')}</dd></>}
        {doc.arrival?.verification && <><dt>{t('docs.page.receiptCheck')}</dt><dd>
          <Badge color={doc.arrival.verification.valid ? 'green' : 'red'} variant="light" tt="none">
            {doc.arrival.verification.valid ? t('docs.verify.valid') : t('docs.verify.invalid')}</Badge></dd></>}
        {file && <><dt>{t('docs.page.file')}</dt><dd>{file.fileName} · {formatSize(file.size)}<Text size="xs" c="dimmed" className="mono">SHA-256 {file.sha256.slice(0, 16)}…</Text></dd></>}
        {doc.completed && <><dt>{t('docs.page.completed')}</dt><dd>{doc.completed.by.fullName} · {formatDateTime(doc.completed.at, lang)}{doc.completed.note ? ` — ${doc.completed.note}` : ''}</dd></>}
      </dl>
      {data.deliveries && data.deliveries.length > 0 && (
        <Stack gap={4} mt="md">
          <Title order={3} fz="h5">{t('docs.page.deliveries')}</Title>
          <Table verticalSpacing={4} fz="sm" aria-label={t('docs.page.deliveries')}>
            <Table.Thead><Table.Tr><Table.Th scope="col">{t('docs.page.recipient')}</Table.Th><Table.Th scope="col">{t('docs.status')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.deliveries.map((d) => (
                <Table.Tr key={d.documentId}>
                  <Table.Td>{units.name(d.unitId)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={d.status as OfficialDocument['status']} size="sm" />
                    {d.receivedDate && <Text size="xs" c="dimmed">{formatDate(d.receivedDate, lang)}</Text>}
                    {d.returnedReason && <Text size="xs">{d.returnedReason}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Card>
  )
}

function DirectionCard({ doc }: { doc: OfficialDocument }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const d = doc.direction!
  return (
    <Card withBorder component="section" aria-labelledby="doc-direction">
      <Title order={2} fz="h4" id="doc-direction" mb="sm">{t('docs.direction.card')}</Title>
      <Text style={{ whiteSpace: 'pre-wrap' }} fs="italic">“{d.text}”</Text>
      <Text size="xs" c="dimmed" mb="sm">{d.by.fullName} · {formatDateTime(d.at, lang)}</Text>
      <dl className="dl dl-stack">
        {d.leadUnitId && <><dt>{t('docs.direction.leadUnit')}</dt><dd>{units.name(d.leadUnitId)}</dd></>}
        {d.leadUser && <><dt>{t('docs.direction.leadUser')}</dt><dd>{d.leadUser.fullName}</dd></>}
        {d.coordinatingUnitIds.length > 0 && <><dt>{t('docs.direction.coordinating')}</dt><dd>{d.coordinatingUnitIds.map((u) => units.name(u)).join(', ')}</dd></>}
        <dt>{t('docs.direction.deadline')}</dt><dd>{formatDate(d.deadline, lang)} ({urgencyLabel(d.urgency, lang)})</dd>
      </dl>
    </Card>
  )
}

function ChainCard({ doc }: { doc: OfficialDocument }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const r = doc.review!
  return (
    <Card withBorder component="section" aria-labelledby="doc-chain">
      <Title order={2} fz="h4" id="doc-chain" mb="sm">{t('docs.review.chain', { round: r.round })}</Title>
      {r.steps.length === 0 ? <Text size="sm" c="dimmed">{t('docs.review.noSteps')}</Text> : (
        <List type="ordered" size="sm" spacing={6}>
          {r.steps.map((s, i) => {
            const state = i < r.stepIndex ? 'done' : i === r.stepIndex && doc.status === 'in-review' ? 'current' : 'waiting'
            return (
              <List.Item key={i} aria-current={state === 'current' ? 'step' : undefined}>
                <Text size="sm" fw={state === 'current' ? 700 : 400}>{s.label ?? s.roles.map((x) => roleLabel(x, lang, units.byId.get(s.unitId))).join(' / ')}</Text>
                <Text size="xs" c="dimmed">{units.name(s.unitId)} · {t(`docs.review.stepState.${state}`)}</Text>
              </List.Item>
            )
          })}
        </List>
      )}
    </Card>
  )
}

function DraftingPanel({ data, onChanged }: { data: DocumentPageData; onChanged: (d: OfficialDocument) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const doc = data.document
  const versions = doc.versions ?? []
  const comments = doc.comments ?? []
  const sub = useSubmit(['text'])
  const [text, setText] = useState('')
  const latest = versions.at(-1)

  const send = async () => {
    const r = validate(CommentBody, { text: text.trim(), ...(latest ? { version: latest.version } : {}) }, { text: t('docs.comments.text') }, lang)
    if (!r.ok) return sub.setErrors(r.errors)
    const res = await sub.run(() => endpoints.documents.comment(doc.documentId, r.data))
    if (res) { setText(''); onChanged(res.document); notify.ok(t('docs.comments.sent')) }
  }

  return (
    <Stack gap="lg">
      <section aria-labelledby="doc-versions">
        <Title order={2} fz="h4" id="doc-versions" mb="sm">{t('docs.versions.title')}</Title>
        {versions.length === 0 ? <Text c="dimmed" size="sm">{t('docs.versions.none')}</Text> : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" striped aria-label={t('docs.versions.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={70}>{t('docs.versions.version')}</Table.Th>
                  <Table.Th scope="col">{t('docs.versions.file')}</Table.Th>
                  <Table.Th scope="col">{t('docs.versions.by')}</Table.Th>
                  <Table.Th scope="col">{t('docs.versions.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...versions].reverse().map((v) => (
                  <Table.Tr key={v.version}>
                    <Table.Td>{v.version}</Table.Td>
                    <Table.Td>
                      {v === latest && data.download && doc.status !== 'issued'
                        ? <Anchor href={data.download.url} target="_blank" rel="noopener" size="sm">{v.fileName}</Anchor>
                        : <Text size="sm">{v.fileName}</Text>}
                      <Text size="xs" c="dimmed">{v.contentType === 'application/pdf' ? 'PDF' : 'DOCX'} · {formatSize(v.size)}{v.pageCount ? ` · ${t('docs.versions.pages', { count: v.pageCount })}` : ''}</Text>
                    </Table.Td>
                    <Table.Td>{v.uploadedBy.fullName}<Text size="xs" c="dimmed">{formatDateTime(v.at, lang)}</Text></Table.Td>
                    <Table.Td>{v.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <section aria-labelledby="doc-comments">
        <Title order={2} fz="h4" id="doc-comments" mb="sm">{t('docs.comments.title')}</Title>
        {comments.length === 0 ? <Text c="dimmed" size="sm">{t('docs.comments.none')}</Text> : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {comments.map((c) => (
              <li key={c.commentId}>
                <Card withBorder p="sm">
                  <Group gap={6} justify="space-between" wrap="wrap">
                    <Text size="sm" fw={600}>{c.by.fullName}</Text>
                    <Text size="xs" c="dimmed">{formatDateTime(c.at, lang)}{c.version ? ` · ${t('docs.versions.versionN', { n: c.version })}` : ''}</Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Text>
                </Card>
              </li>
            ))}
          </Stack>
        )}
        {data.actions.comment && (
          <form onSubmit={(e) => { e.preventDefault(); void send() }} noValidate style={{ marginTop: 'var(--mantine-spacing-md)' }}><Stack gap="xs">
            {sub.error && <ErrorAlert error={new Error(sub.error)} />}
            <Textarea label={t('docs.comments.text')} autosize minRows={2} maxRows={8} value={text} onChange={(e) => setText(e.currentTarget.value)}
              error={sub.errors.text} description={latest ? t('docs.comments.onVersion', { n: latest.version }) : undefined} />
            <Group><Button type="submit" variant="light" leftSection={<IconMessage size={16} aria-hidden />} loading={sub.busy}>{t('docs.comments.send')}</Button></Group>
          </Stack></form>
        )}
      </section>
    </Stack>
  )
}

interface HistoryEvent { at: string; title: string; by?: string; note?: string; color?: string }

function HistoryPanel({ data }: { data: DocumentPageData }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const ws = useWorkspace()
  const doc = data.document
  const events = useMemo(() => {
    const list: HistoryEvent[] = []
    if (doc.flow === 'incoming') {
      if (doc.source?.kind === 'platform' && doc.arrivedAt) list.push({ at: doc.arrivedAt, title: t('docs.history.arrived', { issuer: doc.issuer.name }) })
      if (doc.arrival) {
        list.push({
          at: doc.arrival.at, by: doc.arrival.by.fullName, color: 'blue',
          title: t('docs.history.registered', { number: doc.arrival.number, year: doc.arrival.year }),
          note: doc.arrival.verification ? (doc.arrival.verification.valid ? t('docs.history.receiptValid', { count: doc.arrival.verification.signatures }) : t('docs.history.receiptInvalid')) : undefined,
        })
      }
    } else {
      list.push({ at: doc.createdAt, by: doc.createdBy.fullName, title: t('docs.history.drafted') })
      for (const v of doc.versions ?? []) if (v.version > 1 || v.at !== doc.createdAt) list.push({ at: v.at, by: v.uploadedBy.fullName, title: t('docs.history.version', { n: v.version }), note: v.note })
      for (const h of doc.review?.history ?? []) {
        list.push({
          at: h.at, by: h.by.fullName, note: h.comment,
          color: h.decision === 'return' ? 'orange' : h.decision === 'approve' ? 'green' : 'blue',
          title: t(`docs.history.review.${h.decision}`, { round: h.round, step: h.step + 1 }),
        })
      }
      if (doc.issued?.signedAt) list.push({ at: doc.issued.signedAt, by: doc.issued.signer.fullName, color: 'green', title: t('docs.history.issued', { symbol: doc.issued.symbol }) })
    }
    if (doc.returned) list.push({ at: doc.returned.at, by: doc.returned.by.fullName, color: 'gray', title: t('docs.history.returned'), note: doc.returned.reason })
    if (doc.direction) {
      const d = doc.direction
      const who = [d.leadUnitId ? units.name(d.leadUnitId) : undefined, d.leadUser?.fullName].filter(Boolean).join(', ')
      list.push({ at: d.at, by: d.by.fullName, color: 'indigo', title: t('docs.history.directed'), note: `${d.text}${who ? ` — ${t('docs.history.lead', { who })}` : ''} — ${t('docs.history.due', { date: formatDate(d.deadline, lang) })}` })
    }
    if (doc.completed) list.push({ at: doc.completed.at, by: doc.completed.by.fullName, color: 'green', title: t('docs.history.completed'), note: doc.completed.note })
    return list.sort((x, y) => x.at.localeCompare(y.at))
  }, [doc, t, lang, units])

  return (
    <Stack gap="md">
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
        {events.map((e, i) => (
          <Timeline.Item key={i} title={e.title} color={e.color}>
            <Text size="xs" c="dimmed">{formatDateTime(e.at, lang)}{e.by ? ` · ${e.by}` : ''}</Text>
            {e.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {ws.canAnywhere('audit.read') && (
        <Text size="sm"><Anchor component={Link} to={`/audit?unitId=${encodeURIComponent(doc.ownerUnitId)}`}>{t('docs.history.audit')}</Anchor></Text>
      )}
    </Stack>
  )
}
