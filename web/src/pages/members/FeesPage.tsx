/**
 * The cell's Party fee sheet for a month: assess the month, record cash
 * payments (paying more is allowed), see arrears and members flagged for
 * three unpaid months, and remit the month upward with its split by level.
 */
import { Alert, Anchor, Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { membersApi, type Remittance, type SheetRow } from '../../api/members'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../lib/error-message'
import { notify } from '../../components/notify'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useUnits } from '../../lib/units'
import { money, monthLabel } from './TransferBits'
import { useCellChoice } from './useCellChoice'

const lastMonth = () => { const d = new Date(); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() - 1); return d.toISOString().slice(0, 7) }

export default function FeesPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const { cells, current, setCellId } = useCellChoice()
  const [month, setMonth] = useState(lastMonth())
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month)
  const sheet = useData(current && valid ? (signal) => membersApi.sheet(current, month, signal) : null, [current, month])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [remittance, setRemittance] = useState<Remittance | null>(null)
  const act = async (fn: () => Promise<string>) => {
    setBusy(true); setError(null)
    try { notify.ok(await fn()); sheet.reload() } catch (e) { setError(errorMessage(e)) } finally { setBusy(false) }
  }
  return (
    <Stack gap="md">
      <PageHeader title={t('members.feesTitle')}><Anchor component={Link} to="/party/remittances">{t('members.remittances.open')}</Anchor></PageHeader>
      <Group align="end" wrap="wrap">
        <Select label={t('members.chooseCell')} searchable data={cells.map((c) => ({ value: c.value, label: c.label }))} value={current} onChange={setCellId} miw={280} />
        <TextInput label={t('members.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} placeholder="2026-03" error={valid ? undefined : 'YYYY-MM'} w={130} />
        <Button disabled={!current || !valid} loading={busy} onClick={() => void act(async () => { const r = await membersApi.assess(current!, month); return t('members.assessed', { month: monthLabel(month), total: money(r.total, lang) }) })}>{t('members.assess')}</Button>
        <Button variant="default" disabled={!current || !valid} loading={busy} onClick={() => void act(async () => { const r = await membersApi.remit(current!, month); setRemittance(r.remittance); return t('members.remitted', { amount: money(r.remittance.collected, lang) }) })}>{t('members.remit')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('members.configurableNote')}</Text>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {remittance && (
        <Alert color="green" title={t('members.allocation')}>
          {remittance.allocations.map((a) => <Text key={a.unitId} size="sm">{units.name(a.unitId)}: {a.percent}% — {money(a.amount, lang)}</Text>)}
        </Alert>
      )}
      {sheet.loading && !sheet.data ? <Loading /> : sheet.error !== undefined ? <ErrorAlert error={sheet.error} onRetry={sheet.reload} /> : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('members.fullName')}</Table.Th><Table.Th scope="col" ta="right">{t('members.due')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('members.paid')}</Table.Th><Table.Th scope="col" ta="right">{t('members.owed')}</Table.Th>
              <Table.Th scope="col">{t('members.recordPayment')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {(sheet.data?.rows ?? []).map((r) => <Row key={r.memberId} row={r} month={month} busy={busy} onPay={(amount) => void act(async () => { await membersApi.pay(r.memberId, month, amount); return t('members.recorded') })} />)}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}

function Row({ row, busy, onPay }: { row: SheetRow; month: string; busy: boolean; onPay: (amount: number) => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [amount, setAmount] = useState<number | string>(row.owed || '')
  return (
    <Table.Tr>
      <Table.Td>{row.fullName}{row.flaggedYears.length > 0 && <Badge ml="xs" color="red" variant="light" tt="none">{t('members.flaggedRow')}</Badge>}</Table.Td>
      <Table.Td ta="right">{row.assessed ? money(row.due, lang) : t('members.notAssessed')}</Table.Td>
      <Table.Td ta="right">{money(row.paid, lang)}</Table.Td>
      <Table.Td ta="right">{money(row.owed, lang)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NumberInput aria-label={t('members.amount', { name: row.fullName })} value={amount} onChange={setAmount} min={1} step={1000} thousandSeparator="." decimalSeparator="," allowDecimal={false} w={130} />
          <Button size="xs" disabled={busy || typeof amount !== 'number' || amount <= 0} onClick={() => typeof amount === 'number' && onPay(amount)}>{t('members.recordPayment')}</Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
