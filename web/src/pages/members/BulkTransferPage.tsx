/**
 * Bulk transfer when units merge: every member of the ended cell(s) moved to
 * the successor cell in one audited operation, run batch by batch with
 * progress (an interrupted run resumes with the same operation id), then the
 * reconciliation report — nobody lost, nobody duplicated — downloadable as XLSX.
 */
import { ActionIcon, Alert, Badge, Box, Button, Group, Paper, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { IconDownload, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { membersApi, type BulkOperationView } from '../../api/members'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { UnitPicker } from '../../components/org/UnitPicker'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useUnits } from '../../lib/units'
import { XLSX_TYPE, downloadBytes, toXlsx } from '../../lib/xlsx'

interface Move { fromCellId: string | null; toCellId: string | null }
const BATCH = 200
const CELL = ['cell'] as const
const newOperationId = () => `bulk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

export default function BulkTransferPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const [moves, setMoves] = useState<Move[]>([{ fromCellId: null, toCellId: null }])
  const [reason, setReason] = useState('')
  const [operationId, setOperationId] = useState(newOperationId)
  const [op, setOp] = useState<BulkOperationView | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // An ended cell merged into one live cell: that cell is the successor (the reorganisation recorded it).
  const successorOf = (id: string | null) => {
    const live = (id ? units.byId.get(id)?.successors ?? [] : []).map((x) => x.unitId)
      .filter((sid) => units.activeOptions.some((o) => o.value === sid && o.node.level === 'cell'))
    return live.length === 1 ? live[0] : undefined
  }
  const ready = moves.every((m) => m.fromCellId && m.toCellId) && reason.trim().length >= 2
  const total = op ? op.moves.reduce((s, m) => s + m.members, 0) : 0

  const run = async () => {
    setBusy(true); setError(null)
    try {
      const body = { operationId, moves: moves.map((m) => ({ fromCellId: m.fromCellId!, toCellId: m.toCellId! })), reason: reason.trim(), batch: BATCH }
      // Each call moves one batch; the same id resumes where the last call stopped.
      for (;;) {
        const r = (await membersApi.bulk(body)).operation
        setOp(r)
        if (r.status === 'done') break
      }
    } catch (e) { setError(e) } finally { setBusy(false) }
  }

  const download = () => {
    if (!op?.report) return
    const r = op.report
    const named = (memberId: string) => r.names?.[memberId] || t('members.bulk.unnamed')
    const rows: (string | number)[][] = [[t('members.bulk.from'), t('members.bulk.to'), t('members.bulk.expected'), t('members.bulk.inDestination'), t('members.bulk.leftInSource')],
      ...r.moves.map((m) => [units.name(m.fromCellId), units.name(m.toCellId), m.expected, m.inDestination, m.leftInSource]),
      [t('members.bulk.total'), '', r.expected, r.moved, ''],
      [t('members.bulk.lost'), r.lost.length, r.lost.map(named).join(', '), '', ''],
      [t('members.bulk.duplicated'), r.duplicated.length, r.duplicated.map(named).join(', '), '', ''],
      [t('members.bulk.balancedLabel'), r.balanced ? t('members.bulk.yes') : t('members.bulk.no'), '', '', ''],
      [t('members.bulk.reason'), op.reason, '', '', ''], [t('members.bulk.operation'), `${op.startedBy.fullName}, ${formatDateTime(op.createdAt, lang)}`, '', '', '']]
    downloadBytes(`doi-soat-chuyen-sinh-hoat-${op.createdAt.slice(0, 10)}.xlsx`, toXlsx(t('members.bulk.report'), rows, [40, 40, 14, 16, 16]), XLSX_TYPE)
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('members.bulk.title')} />
      <Text>{t('members.bulk.intro')}</Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {moves.map((m, i) => (
            <Group key={i} align="end" wrap="wrap">
              <Box miw={280} style={{ flex: '1 1 280px' }}>
                <UnitPicker label={t('members.bulk.from')} levels={CELL} includeEnded value={m.fromCellId} disabled={busy || !!op}
                  exclude={m.toCellId ? [m.toCellId] : undefined}
                  onChange={(v) => setMoves((x) => x.map((y, j) => (j === i ? { fromCellId: v, toCellId: successorOf(v) ?? y.toCellId } : y)))} />
              </Box>
              <Box miw={280} style={{ flex: '1 1 280px' }}>
                <UnitPicker label={t('members.bulk.to')} levels={CELL} value={m.toCellId} disabled={busy || !!op}
                  exclude={m.fromCellId ? [m.fromCellId] : undefined}
                  onChange={(v) => setMoves((x) => x.map((y, j) => (j === i ? { ...y, toCellId: v } : y)))} />
              </Box>
              {moves.length > 1 && <ActionIcon variant="subtle" color="red" aria-label={t('members.bulk.remove')} disabled={busy || !!op} onClick={() => setMoves((x) => x.filter((_, j) => j !== i))}><IconTrash size={18} aria-hidden /></ActionIcon>}
            </Group>
          ))}
          <Group><Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={busy || !!op} onClick={() => setMoves((x) => [...x, { fromCellId: null, toCellId: null }])}>{t('members.bulk.add')}</Button></Group>
          <Textarea label={t('members.bulk.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} disabled={busy || !!op} />
          <Group>
            <Button disabled={!ready || busy || op?.status === 'done'} loading={busy} onClick={() => void run()}>{op && op.status !== 'done' ? t('members.bulk.resume') : t('members.bulk.run')}</Button>
            {op?.status === 'done' && <Button variant="default" onClick={() => { setOp(null); setOperationId(newOperationId()); setMoves([{ fromCellId: null, toCellId: null }]); setReason('') }}>{t('members.bulk.another')}</Button>}
          </Group>
          <div role="status" aria-live="polite">
            {op && <Stack gap={4}>
              <Text size="sm">{t('members.bulk.progress', { moved: op.moved, total })}</Text>
              <Progress value={total ? Math.round((op.moved / total) * 100) : 100} aria-label={t('members.bulk.progressLabel')} size="lg" />
            </Stack>}
          </div>
        </Stack>
      </Paper>
      <ErrorAlert error={error} />
      {op?.report && (
        <Stack gap="sm" component="section" aria-labelledby="bulk-report">
          <Title order={2} fz="h3" id="bulk-report">{t('members.bulk.report')}</Title>
          <Alert color={op.report.balanced ? 'green' : 'red'} variant="light">
            {op.report.balanced ? t('members.bulk.balanced', { count: op.report.expected }) : t('members.bulk.unbalanced', { lost: op.report.lost.length, duplicated: op.report.duplicated.length })}
          </Alert>
          <Group><Button variant="light" size="xs" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>{t('members.bulk.download')}</Button></Group>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label={t('members.bulk.report')}>
              <Table.Thead><Table.Tr>
                <Table.Th scope="col">{t('members.bulk.from')}</Table.Th><Table.Th scope="col">{t('members.bulk.to')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('members.bulk.expected')}</Table.Th><Table.Th scope="col" ta="right">{t('members.bulk.inDestination')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('members.bulk.leftInSource')}</Table.Th>
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {op.report.moves.map((m) => (
                  <Table.Tr key={`${m.fromCellId}>${m.toCellId}`}>
                    <Table.Td>{units.name(m.fromCellId)}</Table.Td><Table.Td>{units.name(m.toCellId)}</Table.Td>
                    <Table.Td ta="right">{m.expected}</Table.Td><Table.Td ta="right">{m.inDestination}</Table.Td>
                    <Table.Td ta="right">{m.leftInSource ? <Badge color="red">{m.leftInSource}</Badge> : 0}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  )
}
