/** The members of a cell in the caller's reach: the working unit when it is a cell, else a cell chosen from the tree. */
import { Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { Link, useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { membersApi } from '../../api/members'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { formatDate } from '../../lib/dates'
import { useLang } from '../../lib/labels'
import { useData } from '../../lib/useData'
import { useCellChoice } from './useCellChoice'

export default function MembersPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const [params, setParams] = useSearchParams()
  const { cells, current, setCellId } = useCellChoice({ initial: params.get('cellId') })
  const list = useData(current ? (signal) => membersApi.cell(current, signal) : null, [current])
  return (
    <Stack gap="md">
      <PageHeader title={t('members.listTitle')}>
        <Group gap="xs">
          <Button component={Link} to="/party/import" variant="default" size="xs">{t('members.imports.open')}</Button>
          <Button component={Link} to="/party/bulk-transfers" variant="default" size="xs">{t('members.bulk.open')}</Button>
        </Group>
      </PageHeader>
      <Select label={t('members.chooseCell')} searchable data={cells.map((c) => ({ value: c.value, label: c.label }))} value={current}
        onChange={(v) => { setCellId(v); if (v) setParams({ cellId: v }, { replace: true }) }} maw={520} />
      {list.loading && !list.data ? <Loading /> : list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : !list.data?.members.length ? <Text c="dimmed">{t('members.emptyCell')}</Text> : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('members.fullName')}</Table.Th><Table.Th scope="col">{t('members.cardNumber')}</Table.Th>
              <Table.Th scope="col">{t('members.admissionDate')}</Table.Th><Table.Th scope="col">{t('members.status')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.data.members.map((m) => (
                <Table.Tr key={m.memberId}>
                  <Table.Td>{m.fullName}</Table.Td><Table.Td>{m.cardNumber}</Table.Td>
                  <Table.Td>{formatDate(m.admissionDate, lang)}</Table.Td><Table.Td>{t(`members.statuses.${m.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
