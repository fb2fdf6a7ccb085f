/** The hash-chained audit trail of a unit, and a check of the chain. */
import { Alert, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { IconRefresh, IconShieldCheck, IconShieldX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { endpoints, type VerifyResult } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { formatDateTime } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'
import { useSubmit } from '../../lib/useSubmit'
import { actionLabel, detailPairs, targetLabel } from '../../lib/audit-labels'
import { CONFIDENTIALITY_NAMES, type Confidentiality } from '../../../../shared/documents/confidentiality'

const LIMITS = ['50', '100', '200']


export default function AuditPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const units = useUnits()
  const [params, setParams] = useSearchParams()
  const unitId = params.get('unitId') || ws.unitId
  const limit = LIMITS.includes(params.get('limit') ?? '') ? params.get('limit')! : '100'
  const entries = useData(unitId ? (signal) => endpoints.audit({ unitId, limit: Number(limit) }, signal) : null, [unitId, limit])
  const [verify, setVerify] = useState<{ unitId: string; result: VerifyResult } | null>(null)
  const sub = useSubmit([])

  const set = (k: string, v: string | null) => setParams((p) => {
    const n = new URLSearchParams(p)
    if (v) n.set(k, v)
    else n.delete(k)
    return n
  }, { replace: true })

  const runVerify = async () => {
    if (!unitId) return
    setVerify(null)
    const result = await sub.run(() => endpoints.verifyAudit(unitId))
    if (result) setVerify({ unitId, result })
  }

  const unitOptions = units.options.map((o) => ({ value: o.value, label: o.label }))
  if (unitId && !unitOptions.some((o) => o.value === unitId)) unitOptions.unshift({ value: unitId, label: units.name(unitId) })
  const list = entries.data?.entries ?? []
  const names = entries.data?.names ?? {}
  const shownVerify = verify && verify.unitId === unitId ? verify.result : null

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')}>
        <Button leftSection={<IconShieldCheck size={18} aria-hidden />} onClick={() => void runVerify()} loading={sub.busy} disabled={!unitId}>
          {t('audit.verify')}
        </Button>
      </PageHeader>

      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select label={t('audit.unit')} searchable filter={foldFilter} allowDeselect={false} data={unitOptions} value={unitId}
            onChange={(v) => set('unitId', v)} w={{ base: '100%', sm: 360 }} />
          <Select label={t('audit.limit')} data={LIMITS} value={limit} allowDeselect={false} onChange={(v) => set('limit', v)} w={120} />
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={entries.reload}>{t('app.reload')}</Button>
        </Group>
      </Paper>

      <div aria-live="polite">
        {sub.error && <ErrorAlert error={new Error(sub.error)} />}
        {shownVerify && (shownVerify.valid ? (
          <Alert color="green" variant="filled" icon={<IconShieldCheck aria-hidden />} title={t('audit.valid')} role="status">
            {t('audit.validText', { checked: shownVerify.checked })}
          </Alert>
        ) : (
          <Alert color="red" variant="filled" icon={<IconShieldX aria-hidden />} title={t('audit.invalid')} role="alert">
            <Stack gap={2}>
              <Text size="sm">{t('audit.invalidText', { checked: shownVerify.checked, at: shownVerify.brokenAt ?? '?' })}</Text>
              {shownVerify.reason && <Text size="sm">{t('audit.reason', { reason: t(`audit.reasons.${shownVerify.reason}`) })}</Text>}
            </Stack>
          </Alert>
        ))}
      </div>

      <ErrorAlert error={entries.error} onRetry={entries.reload} />
      {entries.loading && !entries.data ? <Loading /> : entries.data && (list.length === 0 ? <Text c="dimmed">{t('audit.empty')}</Text> : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="xs" aria-label={t('audit.tableLabel', { unit: unitId ? units.name(unitId) : '' })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={60}>{t('audit.seq')}</Table.Th>
                <Table.Th scope="col" w={150}>{t('audit.time')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.target')}</Table.Th>
                <Table.Th scope="col">{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((e) => (
                <Table.Tr key={`${e.unitId}-${e.seq}`} style={shownVerify && !shownVerify.valid && shownVerify.brokenAt === e.seq ? { outline: '2px solid var(--mantine-color-red-8)' } : undefined}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td><time dateTime={e.at}>{formatDateTime(e.at, lang)}</time></Table.Td>
                  <Table.Td>
                    {e.actor.name}
                    {e.sourceIp && <Text size="xs" c="dimmed">{t('audit.from', { ip: e.sourceIp })}</Text>}
                  </Table.Td>
                  <Table.Td>{actionLabel(e.action, lang)}</Table.Td>
                  <Table.Td>{targetLabel(e.action, e.target, names, lang)}</Table.Td>
                  <Table.Td>
                    {e.details?.withheld
                      ? <Text size="xs" fs="italic">{t('audit.withheld', { mark: CONFIDENTIALITY_NAMES[e.details.confidentiality as Confidentiality]?.[lang] ?? String(e.details.confidentiality) })}</Text>
                      : <Text size="xs">{detailPairs(e.details, names, lang).map((p) => `${p.label}: ${p.value}`).join('; ')}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </Stack>
  )
}
