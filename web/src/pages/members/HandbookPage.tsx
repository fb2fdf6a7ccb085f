/**
 * The electronic Party member handbook (sổ tay đảng viên điện tử): the
 * member's own record, fees paid and owed, and their transfer requests with
 * their progress; a form to request an official transfer.
 */
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CreateTransferBody } from '../../../../shared/members/contracts'
import { membersApi } from '../../api/members'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { UnitPicker } from '../../components/org/UnitPicker'
import { notify } from '../../components/notify'
import { formatDate } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { validate } from '../../lib/validation'
import { TransferProgress, TransferStatus, money, monthLabel } from './TransferBits'
import { HandbookNotices } from './NoticeBits'

export default function HandbookPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const book = useData((signal) => membersApi.handbook(signal), [])
  if (book.loading && !book.data) return <Loading />
  if (book.error) {
    if (isApiError(book.error) && book.error.code === 'members.noRecord') return <Stack><PageHeader title={t('members.handbookTitle')} /><Alert color="blue">{t('members.noRecord')}</Alert></Stack>
    return <ErrorAlert error={book.error} onRetry={book.reload} />
  }
  const h = book.data!
  const m = h.member
  const open = h.transfers.some((x) => ['pending', 'issued', 'overdue'].includes(x.status))
  return (
    <Stack gap="lg">
      <PageHeader title={t('members.handbookTitle')} />
      <Card withBorder component="section" aria-labelledby="hb-record">
        <Title order={2} fz="h4" id="hb-record" mb="sm">{t('members.record')}</Title>
        <dl className="dl">
          <dt>{t('members.fullName')}</dt><dd>{m.fullName}</dd>
          <dt>{t('members.cardNumber')}</dt><dd>{m.cardNumber}</dd>
          <dt>{t('members.recordNumber')}</dt><dd>{m.recordNumber}</dd>
          <dt>{t('members.admissionDate')}</dt><dd>{formatDate(m.admissionDate, lang)}</dd>
          {m.officialDate && <><dt>{t('members.officialDate')}</dt><dd>{formatDate(m.officialDate, lang)}</dd></>}
          <dt>{t('members.cell')}</dt><dd>{h.cell.name}</dd>
          <dt>{t('members.status')}</dt><dd>{t(`members.statuses.${m.status}`)}</dd>
          {m.workplace && <><dt>{t('members.workplace')}</dt><dd>{m.workplace}</dd></>}
          {m.residence && <><dt>{t('members.residence')}</dt><dd>{m.residence}</dd></>}
        </dl>
      </Card>

      <HandbookNotices notices={h.notices ?? []} onRead={book.reload} />

      <Card withBorder component="section" aria-labelledby="hb-fees">
        <Title order={2} fz="h4" id="hb-fees" mb="sm">{t('members.fees')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
          <Text fw={600}>{t('members.arrears', { amount: money(h.fees.arrears, lang) })}</Text>
          <Text>{h.fees.paidUpTo ? t('members.paidUpTo', { month: monthLabel(h.fees.paidUpTo) }) : t('members.notPaidYet')}</Text>
        </SimpleGrid>
        {h.fees.flaggedYears.length > 0 && <Alert color="red" mb="sm" role="alert">{t('members.flagged', { years: h.fees.flaggedYears.join(', ') })}</Alert>}
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing="xs" aria-labelledby="hb-fees">
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('members.month')}</Table.Th><Table.Th scope="col" ta="right">{t('members.due')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('members.paid')}</Table.Th><Table.Th scope="col" ta="right">{t('members.owed')}</Table.Th>
              <Table.Th scope="col">{t('members.status')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {[...h.fees.months].reverse().map((row) => (
                <Table.Tr key={row.month}>
                  <Table.Td>{monthLabel(row.month)}</Table.Td><Table.Td ta="right">{money(row.due, lang)}</Table.Td>
                  <Table.Td ta="right">{money(row.paid, lang)}</Table.Td><Table.Td ta="right">{money(row.owed, lang)}</Table.Td>
                  <Table.Td>{t(`members.feeStatuses.${row.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Card withBorder component="section" aria-labelledby="hb-transfers">
        <Title order={2} fz="h4" id="hb-transfers" mb="sm">{t('members.transfers')}</Title>
        {h.transfers.length === 0 && <Text c="dimmed">{t('members.noTransfers')}</Text>}
        <Stack gap="md">
          {h.transfers.map((x) => (
            <Card key={x.transferId} withBorder padding="sm" component="article" aria-label={x.reason}>
              <Group justify="space-between" mb="xs"><Text fw={600}>{x.reason}</Text><TransferStatus status={x.status} /></Group>
              <TransferProgress transfer={x} lang={lang} />
            </Card>
          ))}
        </Stack>
        {m.status === 'active' && !open && <TransferForm cellId={m.cellId} onFiled={book.reload} />}
      </Card>
    </Stack>
  )
}

const CELL = ['cell'] as const

function TransferForm({ cellId, onFiled }: { cellId: string; onFiled: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [toUnitId, setTo] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const sub = useSubmit(['toUnitId', 'reason'])
  const submit = async () => {
    const v = validate(CreateTransferBody, { kind: 'official', toUnitId: toUnitId ?? undefined, reason }, { toUnitId: t('members.destination'), reason: t('members.reason') }, lang)
    if (!v.ok) return sub.setErrors(v.errors)
    const res = await sub.run(() => membersApi.fileTransfer(v.data))
    if (res) { notify.ok(t('members.filed')); setReason(''); setTo(null); onFiled() }
  }
  return (
    <Stack component="form" gap="sm" mt="md" onSubmit={(e) => { e.preventDefault(); void submit() }} aria-labelledby="hb-new-transfer">
      <Title order={3} fz="h5" id="hb-new-transfer">{t('members.newTransfer')}</Title>
      {sub.error && <ErrorAlert error={new Error(sub.error)} />}
      <UnitPicker label={t('members.destination')} description={t('members.destinationHelp')} required scope="directory" levels={CELL}
        exclude={[cellId]} value={toUnitId} onChange={setTo} error={sub.errors.toUnitId} />
      <Textarea label={t('members.reason')} description={t('members.reasonHelp')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={sub.errors.reason} />
      <Group><Button type="submit" leftSection={<IconSend size={18} aria-hidden />} loading={sub.busy}>{t('members.submit')}</Button></Group>
    </Stack>
  )
}
