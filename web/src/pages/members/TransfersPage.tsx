/**
 * Transfers of Party activity waiting on the caller: a step of the approval
 * chain their unit decides, or a member their cell receives. A drawer shows
 * the request, its progress and the signed letter, with the decision.
 */
import { Anchor, Button, Drawer, Group, Stack, Table, Text, Textarea } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconCheck, IconUserCheck, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { membersApi, type TransferView } from '../../api/members'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { useUnits } from '../../lib/units'
import { TransferProgress, TransferStatus } from './TransferBits'

export default function TransfersPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const inbox = useData((signal) => membersApi.inbox(signal), [])
  const [selected, setSelected] = useState<string | null>(null)
  const items = inbox.data?.transfers ?? []
  return (
    <Stack gap="md">
      <PageHeader title={t('members.inboxTitle')} />
      {inbox.loading && !inbox.data ? <Loading /> : inbox.error ? <ErrorAlert error={inbox.error} onRetry={inbox.reload} /> : items.length === 0 ? <Text c="dimmed">{t('members.inboxEmpty')}</Text> : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('members.member')}</Table.Th><Table.Th scope="col">{t('members.from')}</Table.Th>
              <Table.Th scope="col">{t('members.to')}</Table.Th><Table.Th scope="col">{t('members.status')}</Table.Th>
              <Table.Th scope="col"><span className="sr-only">{t('unit.actions')}</span></Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((x) => (
                <Table.Tr key={x.transferId}>
                  <Table.Td>{x.memberName}<Text size="xs" c="dimmed">{formatDateTime(x.createdAt, lang)}</Text></Table.Td>
                  <Table.Td>{units.name(x.fromCellId)}</Table.Td>
                  <Table.Td>{x.toUnitId ? units.name(x.toUnitId) : x.toOutside?.name}</Table.Td>
                  <Table.Td><TransferStatus status={x.status} /></Table.Td>
                  <Table.Td><Button size="xs" variant="default" onClick={() => setSelected(x.transferId)} aria-label={t('members.open', { name: x.memberName })}>{t('app.view')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TransferDrawer transferId={selected} onClose={() => setSelected(null)} onDone={() => { setSelected(null); inbox.reload() }} />
    </Stack>
  )
}

function TransferDrawer({ transferId, onClose, onDone }: { transferId: string | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const phone = useMediaQuery('(max-width: 36em)')
  const detail = useData(transferId ? (signal) => membersApi.transfer(transferId, signal) : null, [transferId])
  const [comment, setComment] = useState('')
  const [choice, setChoice] = useState<'approve' | 'reject' | 'accept' | null>(null)
  const sub = useSubmit(['comment'])
  const x: TransferView | undefined = detail.data?.transfer
  const receiving = !!x && ['issued', 'overdue'].includes(x.status)

  const act = async (what: 'approve' | 'reject' | 'accept') => {
    if (!x) return
    setChoice(what)
    const body = comment.trim() ? { comment: comment.trim() } : {}
    const res = await sub.run(() => (what === 'accept' ? membersApi.accept(x.transferId, body) : membersApi.decide(x.transferId, { approved: what === 'approve', ...body })))
    if (res) { notify.ok(what === 'accept' ? t('members.received') : t('members.decided')); setComment(''); onDone() }
  }

  return (
    <Drawer opened={!!transferId} onClose={() => { sub.reset(); setComment(''); onClose() }} position="right" size={phone ? '100%' : 'lg'}
      title={x ? `${t('members.transfers')}: ${x.memberName}` : ''} closeButtonProps={{ 'aria-label': t('app.close') }}>
      {detail.loading && !detail.data && <Loading />}
      {detail.error !== undefined && <ErrorAlert error={detail.error} onRetry={detail.reload} />}
      {x && (
        <Stack gap="md">
          <Group gap="xs"><TransferStatus status={x.status} /></Group>
          <dl className="dl">
            <dt>{t('members.member')}</dt><dd>{x.memberName}</dd>
            <dt>{t('members.from')}</dt><dd>{units.name(x.fromCellId)}</dd>
            <dt>{t('members.to')}</dt><dd>{x.toUnitId ? units.name(x.toUnitId) : `${x.toOutside?.name} (${x.toOutside?.province})`}</dd>
            <dt>{t('members.reason')}</dt><dd>{x.reason}</dd>
            <dt>{t('members.filedBy')}</dt><dd>{x.filedBy.fullName} · {formatDateTime(x.createdAt, lang)}</dd>
            {x.status === 'pending' && <><dt>{t('members.step')}</dt><dd>{t(`members.stages.${x.steps[x.currentStep].stage}`)} — {units.name(x.steps[x.currentStep].unitId)}</dd></>}
            {x.status === 'pending' && x.stageDeadlineAt && <><dt>{t('members.deadline')}</dt><dd>{formatDateTime(x.stageDeadlineAt, lang)}</dd></>}
          </dl>
          {detail.data?.letter && <Anchor href={detail.data.letter.url} target="_blank" rel="noopener">{t('members.letter')}{x.letter ? ` — ${x.letter.registerNumber}` : ''}</Anchor>}
          <TransferProgress transfer={x} lang={lang} />
          {(detail.data?.canDecide || receiving) && (
            <Stack gap="sm">
              {sub.error && <ErrorAlert error={new Error(sub.error)} />}
              <Textarea label={t('members.comment')} autosize minRows={2} maxRows={6} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={sub.errors.comment} />
              <Group gap="sm">
                {detail.data?.canDecide && <>
                  <Button color="green" leftSection={<IconCheck size={18} aria-hidden />} loading={sub.busy && choice === 'approve'} disabled={sub.busy} onClick={() => void act('approve')}>{t('members.approve')}</Button>
                  <Button color="red" variant="outline" leftSection={<IconX size={18} aria-hidden />} loading={sub.busy && choice === 'reject'} disabled={sub.busy} onClick={() => void act('reject')}>{t('members.reject')}</Button>
                </>}
                {receiving && <Button color="green" leftSection={<IconUserCheck size={18} aria-hidden />} loading={sub.busy && choice === 'accept'} disabled={sub.busy} onClick={() => void act('accept')}>{t('members.acceptMember')}</Button>}
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  )
}
