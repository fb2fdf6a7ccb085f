/**
 * Notices and invitations for officers of a cell or committee: post a notice
 * or an invitation (meeting time, place, agenda) to the unit's members — the
 * whole subtree or named members — and see who has read each one.
 */
import { Badge, Button, Drawer, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { membersApi } from '../../api/members'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { useUnits } from '../../lib/units'
import { DateTimeField } from '../../components/DateFields'

export default function NoticesPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const units = useUnits()
  const [unitId, setUnitId] = useState<string | null>(null)
  const current = unitId ?? ws.unitId ?? units.activeOptions[0]?.value ?? null
  const isCell = !!current && units.byId.get(current)?.level === 'cell'
  const list = useData(current ? (signal) => membersApi.notices(current, signal) : null, [current])
  const members = useData(current && isCell ? (signal) => membersApi.cell(current, signal) : null, [current, isCell])
  const [kind, setKind] = useState<'notice' | 'invitation'>('notice')
  const [audience, setAudience] = useState<'unit' | 'members'>('unit')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [at, setAt] = useState('')
  const [place, setPlace] = useState('')
  const [agenda, setAgenda] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [open, setOpen] = useState<string | null>(null)
  const sub = useSubmit(['title', 'body', 'meeting.at', 'meeting.place', 'meeting.agenda', 'memberIds', 'unitId'])

  const post = async () => {
    if (!current) return
    const res = await sub.run(() => membersApi.postNotice({
      kind, title: title.trim(), ...(body.trim() ? { body: body.trim() } : {}),
      ...(kind === 'invitation' ? { meeting: { at, place: place.trim(), agenda: agenda.trim() } } : {}),
      ...(audience === 'unit' ? { unitId: current } : { memberIds: chosen }),
    }))
    if (res) { notify.ok(t('members.notices.posted')); setTitle(''); setBody(''); setAt(''); setPlace(''); setAgenda(''); setChosen([]); list.reload() }
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('members.notices.pageTitle')} />
      <Select label={t('members.notices.unit')} searchable data={units.activeOptions.map((o) => ({ value: o.value, label: o.label }))} value={current} onChange={(v) => { setUnitId(v); setChosen([]) }} maw={520} />
      <Paper withBorder p="md" component="section" aria-labelledby="notice-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="notice-form">{t('members.notices.post')}</Title>
          {sub.error && <ErrorAlert error={new Error(sub.error)} />}
          <SegmentedControl aria-label={t('members.notices.kind')} value={kind} onChange={(v) => setKind(v as 'notice' | 'invitation')}
            data={[{ value: 'notice', label: t('members.notices.kinds.notice') }, { value: 'invitation', label: t('members.notices.kinds.invitation') }]} w="max-content" />
          <TextInput label={t('members.notices.titleLabel')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={sub.errors.title} />
          <Textarea label={t('members.notices.body')} autosize minRows={2} maxRows={8} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={sub.errors.body} />
          {kind === 'invitation' && (
            <>
              <DateTimeField label={t('members.notices.at')} required value={at} onChange={(e) => setAt(e.currentTarget.value.slice(0, 16))} error={sub.errors['meeting.at']} maw={260} />
              <TextInput label={t('members.notices.place')} required value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={sub.errors['meeting.place']} />
              <Textarea label={t('members.notices.agenda')} required autosize minRows={2} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} error={sub.errors['meeting.agenda']} />
            </>
          )}
          <SegmentedControl aria-label={t('members.notices.audience')} value={audience} onChange={(v) => setAudience(v as 'unit' | 'members')} w="max-content"
            data={[{ value: 'unit', label: t('members.notices.wholeUnit') }, { value: 'members', label: t('members.notices.named'), disabled: !isCell }]} />
          {audience === 'members' && isCell && (
            <MultiSelect label={t('members.notices.chooseMembers')} searchable data={(members.data?.members ?? []).map((m) => ({ value: m.memberId, label: m.fullName }))} value={chosen} onChange={setChosen} error={sub.errors.memberIds} />
          )}
          <Group><Button loading={sub.busy} disabled={!current} onClick={() => void post()}>{t('members.notices.send')}</Button></Group>
        </Stack>
      </Paper>
      {list.loading && !list.data ? <Loading /> : list.error !== undefined ? <ErrorAlert error={list.error} onRetry={list.reload} /> : !list.data?.notices.length ? <Text c="dimmed">{t('members.notices.noneSent')}</Text> : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing="xs" aria-label={t('members.notices.sent')}>
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('members.notices.titleLabel')}</Table.Th><Table.Th scope="col">{t('members.notices.postedAt')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('members.notices.readCount')}</Table.Th><Table.Th scope="col"><span className="sr-only">{t('unit.actions')}</span></Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.data.notices.map((n) => (
                <Table.Tr key={n.noticeId}>
                  <Table.Td><Badge mr="xs" variant="light" tt="none" color={n.kind === 'invitation' ? 'grape' : 'blue'}>{t(`members.notices.kinds.${n.kind}`)}</Badge>{n.title}</Table.Td>
                  <Table.Td>{formatDateTime(n.createdAt, lang)} · {n.postedBy.fullName}</Table.Td>
                  <Table.Td ta="right">{n.readCount}</Table.Td>
                  <Table.Td><Button size="xs" variant="default" onClick={() => setOpen(n.noticeId)} aria-label={t('members.notices.whoRead', { title: n.title })}>{t('members.notices.receipts')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Receipts noticeId={open} onClose={() => setOpen(null)} />
    </Stack>
  )
}

function Receipts({ noticeId, onClose }: { noticeId: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const phone = useMediaQuery('(max-width: 36em)')
  const data = useData(noticeId ? (signal) => membersApi.noticeReceipts(noticeId, signal) : null, [noticeId])
  return (
    <Drawer opened={!!noticeId} onClose={onClose} position="right" size={phone ? '100%' : 'md'} title={data.data?.notice.title ?? ''} closeButtonProps={{ 'aria-label': t('app.close') }}>
      {data.loading && !data.data ? <Loading /> : data.error !== undefined ? <ErrorAlert error={data.error} /> : data.data && (
        <Stack gap="sm">
          <Text fw={600}>{t('members.notices.readOf', { read: data.data.read, total: data.data.recipients.length })}</Text>
          <Table verticalSpacing={4} aria-label={t('members.notices.receipts')}>
            <Table.Thead><Table.Tr><Table.Th scope="col">{t('members.fullName')}</Table.Th><Table.Th scope="col">{t('members.notices.readAtLabel')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{data.data.recipients.map((r) => <Table.Tr key={r.memberId}><Table.Td>{r.fullName}</Table.Td><Table.Td>{r.readAt ? formatDateTime(r.readAt, lang) : <Text span c="dimmed">{t('members.notices.notRead')}</Text>}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
        </Stack>
      )}
    </Drawer>
  )
}
