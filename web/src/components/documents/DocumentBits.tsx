/**
 * Small pieces of the document pages: status, urgency and confidentiality
 * badges, the list of documents (a table on wide screens, cards on phones,
 * new and overdue ones highlighted), paging, and upload progress.
 */
import { Anchor, Badge, Group, Pagination, Paper, Progress, Stack, Table, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { DocumentStatus, DocumentSummary } from '../../../../shared/documents/contracts'
import type { Urgency } from '../../../../shared/documents/urgency'
import { formatDate } from '../../lib/dates'
import { STATUS_COLOR, URGENCY_COLOR, confidentialityLabel, typeLabel, urgencyLabel, useSeen } from '../../lib/documents'
import { useLang } from '../../lib/labels'

export const documentPath = (documentId: string) => `/documents/${encodeURIComponent(documentId)}`

export function StatusBadge({ status, size }: { status: DocumentStatus; size?: string }) {
  const { t } = useTranslation()
  return <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" tt="none" w="max-content" size={size}>{t(`docs.statuses.${status}`, { defaultValue: status })}</Badge>
}

export function UrgencyBadge({ urgency, size }: { urgency: string; size?: string }) {
  const lang = useLang()
  if (urgency === 'normal') return null
  return <Badge color={URGENCY_COLOR[urgency as Urgency] ?? 'orange'} variant="filled" tt="none" w="max-content" size={size}>{urgencyLabel(urgency, lang)}</Badge>
}

export function ConfidentialityBadge({ confidentiality, size }: { confidentiality: string; size?: string }) {
  const lang = useLang()
  if (confidentiality === 'none') return null
  return <Badge color="red" variant="outline" tt="none" w="max-content" size={size}>{confidentialityLabel(confidentiality, lang)}</Badge>
}

export function OverdueBadge({ size }: { size?: string }) {
  const { t } = useTranslation()
  return <Badge color="red" variant="filled" tt="none" w="max-content" size={size}>{t('docs.overdue')}</Badge>
}

export type ListVariant = 'incoming' | 'outgoing' | 'search'

/** The date a row is known by: issued, received or written. */
const rowDate = (d: DocumentSummary) => d.issuedDate ?? d.receivedDate ?? d.documentDate

export function DocumentList({ items, variant, label, highlightNew = false, empty }: {
  items: DocumentSummary[]
  variant: ListVariant
  label: string
  highlightNew?: boolean
  empty: string
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false })
  const seen = useSeen()
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>
  const isNew = (d: DocumentSummary) => highlightNew && !seen.has(d.documentId)
  const rowClass = (d: DocumentSummary) => [d.overdue ? 'doc-row-overdue' : '', isNew(d) ? 'doc-row-new' : ''].filter(Boolean).join(' ') || undefined
  const badges = (d: DocumentSummary) => (
    <Group gap={4} wrap="wrap">
      <StatusBadge status={d.status} size="sm" />
      {d.overdue && <OverdueBadge size="sm" />}
      {isNew(d) && <Badge color="blue" variant="filled" tt="none" size="sm">{t('docs.new')}</Badge>}
      <UrgencyBadge urgency={d.urgency} size="sm" />
      <ConfidentialityBadge confidentiality={d.confidentiality} size="sm" />
    </Group>
  )
  const link = (d: DocumentSummary) => (
    <Anchor component={Link} to={documentPath(d.documentId)} fw={isNew(d) ? 700 : 500} size="sm">{d.summary}</Anchor>
  )
  const symbolText = (d: DocumentSummary) => d.symbol ?? (d.flow === 'outgoing' ? t('docs.notNumbered') : '—')

  if (phone) {
    return (
      <Stack gap="xs" component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((d) => (
          <li key={d.documentId}>
            <Paper withBorder p="sm" className={rowClass(d)}>
              <Stack gap={4}>
                {link(d)}
                <Text size="xs" c="dimmed">
                  {[symbolText(d), typeLabel(d.type, lang), formatDate(rowDate(d), lang), d.flow === 'incoming' ? d.issuer.name : undefined].filter(Boolean).join(' · ')}
                </Text>
                {variant === 'incoming' && d.registerNumber !== undefined && <Text size="xs">{t('docs.registerNumber')}: {d.registerNumber}</Text>}
                {d.deadline && d.flow === 'incoming' && <Text size="xs" c={d.overdue ? 'red.9' : undefined}>{t('docs.deadline')}: {formatDate(d.deadline, lang)}</Text>}
                {badges(d)}
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
    )
  }

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {variant === 'incoming' && <Table.Th scope="col" w={70}>{t('docs.registerNumberShort')}</Table.Th>}
            {variant === 'search' && <Table.Th scope="col" w={110}>{t('docs.flow')}</Table.Th>}
            <Table.Th scope="col" w={150}>{t('docs.symbol')}</Table.Th>
            <Table.Th scope="col" w={110}>{variant === 'outgoing' ? t('docs.issuedDate') : t('docs.date')}</Table.Th>
            {variant !== 'outgoing' && <Table.Th scope="col">{t('docs.issuer')}</Table.Th>}
            <Table.Th scope="col">{t('docs.summary')}</Table.Th>
            {variant === 'incoming' && <Table.Th scope="col" w={110}>{t('docs.deadline')}</Table.Th>}
            <Table.Th scope="col" w={170}>{t('docs.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.documentId} className={rowClass(d)}>
              {variant === 'incoming' && <Table.Td>{d.registerNumber ?? '—'}</Table.Td>}
              {variant === 'search' && <Table.Td className="nowrap">{t(`docs.flows.${d.flow}`)}</Table.Td>}
              <Table.Td className="nowrap">{symbolText(d)}<Text size="xs" c="dimmed">{typeLabel(d.type, lang)}</Text></Table.Td>
              <Table.Td>{formatDate(rowDate(d), lang)}</Table.Td>
              {variant !== 'outgoing' && <Table.Td>{d.issuer.name}</Table.Td>}
              <Table.Td>{link(d)}</Table.Td>
              {variant === 'incoming' && <Table.Td c={d.overdue ? 'red.9' : undefined} fw={d.overdue ? 600 : undefined}>{formatDate(d.deadline, lang) || '—'}</Table.Td>}
              <Table.Td>{badges(d)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function Pager({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange: (p: number) => void }) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <Group justify="center" component="nav" aria-label={t('docs.pager.label')}>
      <Pagination total={pages} value={page} onChange={onChange} size="sm" siblings={1} boundaries={1}
        getControlProps={(control) => ({ 'aria-label': t(`docs.pager.${control}`) })}
        getItemProps={(p) => ({ 'aria-label': t('docs.pager.page', { page: p }), 'aria-current': p === page ? 'page' : undefined })} />
    </Group>
  )
}

export function UploadProgress({ fraction, label }: { fraction: number | null; label?: ReactNode }) {
  const { t } = useTranslation()
  if (fraction === null) return null
  const percent = Math.round(fraction * 100)
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{label ?? t('docs.uploading', { percent })}</Text>
      <Progress value={percent} aria-label={t('docs.uploadProgress')} size="md" transitionDuration={150} />
    </Stack>
  )
}
