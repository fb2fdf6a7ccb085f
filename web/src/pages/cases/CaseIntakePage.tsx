/**
 * Taking a letter in (tiếp nhận đơn): type, source (with the body it came
 * from when transferred), day received, subject, summary, who or what it
 * concerns, and the sender — unless anonymous. The sender's details go to
 * their own protected record; the case itself never shows them.
 */
import { Anchor, Button, Checkbox, Fieldset, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { CASE_SOURCES, CASE_TYPES } from '../../../../shared/cases/contracts'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { cases } from '../../api/cases'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { useSubmit } from '../../lib/useSubmit'
import { Alert } from '@mantine/core'
import { DateField } from '../../components/DateFields'

const FIELDS = ['type', 'source', 'fromBody', 'receivedOn', 'subject', 'summary', 'concerns', 'complainant', 'complainant.fullName', 'complainant.email']

export default function CaseIntakePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const commissionId = params.get('commission') ?? 'hn-ubkttu'
  const form = useSubmit(FIELDS)
  const [v, setV] = useState({ type: 'complaint', source: 'reception', fromBody: '', receivedOn: vietnamDate(), subject: '', summary: '', concerns: '', anonymous: false, fullName: '', address: '', phone: '', email: '' })
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [k]: value })) }
  const submit = async () => {
    const body = {
      commissionId, type: v.type, source: v.source, ...(v.source === 'transferred' ? { fromBody: v.fromBody } : {}), receivedOn: v.receivedOn,
      subject: v.subject, summary: v.summary, concerns: v.concerns, anonymous: v.anonymous,
      ...(v.anonymous ? {} : { complainant: { fullName: v.fullName, ...(v.address ? { address: v.address } : {}), ...(v.phone ? { phone: v.phone } : {}), ...(v.email ? { email: v.email } : {}) } }),
    }
    const created = await form.run(() => cases.intake(body))
    if (created) { notify.ok(t('cases.taken', { subject: created.subject })); navigate(`/cases/${created.caseId}`) }
  }
  const e = form.errors
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/cases" size="sm">← {t('cases.back')}</Anchor>
      <PageHeader title={t('cases.newCase')} />
      <Paper withBorder p="md">
        <form onSubmit={(ev) => { ev.preventDefault(); if (!form.busy) void submit() }} noValidate>
          <Stack gap="sm">
            {form.error && <Alert color="red" role="alert" title={form.error}>{form.messages.join(' ')}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label={t('cases.type')} data={CASE_TYPES.map((x) => ({ value: x, label: t(`cases.types.${x}`) }))} value={v.type} onChange={(x) => setV((s) => ({ ...s, type: x ?? 'complaint' }))} allowDeselect={false} />
              <Select label={t('cases.source')} data={CASE_SOURCES.map((x) => ({ value: x, label: t(`cases.sources.${x}`) }))} value={v.source} onChange={(x) => setV((s) => ({ ...s, source: x ?? 'reception' }))} allowDeselect={false} />
              <DateField label={t('cases.received')} required value={v.receivedOn} onChange={set('receivedOn')} error={e.receivedOn} max={vietnamDate()} />
            </SimpleGrid>
            {v.source === 'transferred' && <TextInput label={t('cases.fromBody')} required value={v.fromBody} onChange={set('fromBody')} error={e.fromBody} />}
            <TextInput label={t('cases.subject')} required value={v.subject} onChange={set('subject')} error={e.subject} />
            <Textarea label={t('cases.summary')} required autosize minRows={3} value={v.summary} onChange={set('summary')} error={e.summary} />
            <TextInput label={t('cases.concerns')} required value={v.concerns} onChange={set('concerns')} error={e.concerns} />
            <Checkbox label={t('cases.anonymous')} checked={v.anonymous} onChange={(ev) => { const checked = ev.currentTarget.checked; setV((s) => ({ ...s, anonymous: checked })) }} />
            {!v.anonymous && (
              <Fieldset legend={t('cases.complainant')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('cases.fullName')} required value={v.fullName} onChange={set('fullName')} error={e['complainant.fullName'] ?? e.complainant} autoComplete="off" />
                  <TextInput label={t('cases.phone')} value={v.phone} onChange={set('phone')} autoComplete="off" />
                  <TextInput label={t('cases.address')} value={v.address} onChange={set('address')} autoComplete="off" />
                  <TextInput label={t('cases.email')} type="email" value={v.email} onChange={set('email')} error={e['complainant.email']} autoComplete="off" />
                </SimpleGrid>
              </Fieldset>
            )}
            <Group justify="flex-end"><Button type="submit" loading={form.busy}>{t('cases.save')}</Button></Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
