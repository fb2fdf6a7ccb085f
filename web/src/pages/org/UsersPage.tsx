/** Users within reach: diacritic-insensitive search (server side), create and edit. */
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconCheck, IconCopy, IconEdit, IconKey, IconSearch, IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { User } from '../../../../shared/org/contracts'
import { endpoints } from '../../api/endpoints'
import { useWorkspace } from '../../auth/workspace'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { notify } from '../../components/notify'
import { UserFormModal } from '../../components/org/UserForm'
import { clearanceLabel, roleLabel, useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { invalidateUnits, useUnits } from '../../lib/units'
import { useData } from '../../lib/useData'

export default function UsersPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const ws = useWorkspace()
  const units = useUnits()
  const [params, setParams] = useSearchParams()
  const [q, setQ] = useState(params.get('q') ?? '')
  const [debounced] = useDebouncedValue(q.trim(), 300)
  const unitFilter = params.has('unitId') ? params.get('unitId') || null : ws.unitId
  const list = useData((signal) => endpoints.users({ unitId: unitFilter ?? undefined, q: debounced || undefined }, signal), [unitFilter, debounced])
  const [editing, setEditing] = useState<User | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [created, setCreated] = useState<{ user: User; password: string } | null>(null)
  const canManage = ws.can('user.manage')

  const setUnitFilter = (v: string | null) => setParams((p) => {
    const n = new URLSearchParams(p)
    n.set('unitId', v ?? '')
    return n
  }, { replace: true })

  const openCreate = () => { setEditing(null); setFormOpen(true) }
  const openEdit = (u: User) => { setEditing(u); setFormOpen(true) }
  const users = list.data?.users ?? []

  return (
    <Stack gap="md">
      <PageHeader title={t('users.title')}>
        {canManage && <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openCreate}>{t('users.create')}</Button>}
      </PageHeader>

      <Paper withBorder p="sm" component="form" role="search" aria-label={t('app.filters')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput label={t('users.search')} placeholder={t('users.searchPlaceholder')} type="search" value={q}
            leftSection={<IconSearch size={16} aria-hidden />} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: '100%', sm: 320 }} />
          <Select label={t('users.unitFilter')} placeholder={t('users.allUnits')} clearable searchable filter={foldFilter}
            data={units.options.map((o) => ({ value: o.value, label: o.label }))} value={unitFilter} onChange={setUnitFilter}
            w={{ base: '100%', sm: 360 }} />
        </Group>
      </Paper>

      <Text size="sm" role="status" aria-live="polite">{list.data && t('users.count', { count: users.length })}</Text>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : list.data && (users.length === 0 ? <Text c="dimmed">{t('users.empty')}</Text> : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('users.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.fullName')}</Table.Th>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.assignments')}</Table.Th>
                <Table.Th scope="col">{t('users.clearance')}</Table.Th>
                <Table.Th scope="col">{t('users.mfa')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                {canManage && <Table.Th scope="col"><span className="sr-only">{t('unit.actions')}</span></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <Table.Tr key={u.userId}>
                  <Table.Td>
                    <Text fw={600} size="sm">{u.fullName}</Text>
                    {(u.email || u.phone) && <Text size="xs" c="dimmed">{[u.email, u.phone].filter(Boolean).join(' · ')}</Text>}
                  </Table.Td>
                  <Table.Td className="mono">{u.username}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {u.assignments.map((a, i) => (
                        <Text key={i} size="xs">{roleLabel(a.role, lang, units.byId.get(a.unitId))}{a.position ? ` (${a.position})` : ''} — {units.name(a.unitId)}</Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{clearanceLabel(u.clearance, lang)}</Table.Td>
                  <Table.Td>{u.mfa ? t('app.yes') : t('app.no')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={u.status === 'active' ? 'green' : 'gray'} tt="none" w="max-content">{t(`users.statuses.${u.status}`)}</Badge>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button size="xs" variant="default" leftSection={<IconEdit size={14} aria-hidden />} onClick={() => openEdit(u)}
                        aria-label={t('users.editUser', { name: u.fullName })}>{t('app.edit')}</Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}

      {canManage && (
        <UserFormModal
          user={editing}
          defaultUnitId={unitFilter ?? ws.unitId}
          opened={formOpen}
          onClose={() => setFormOpen(false)}
          onDone={(user, initialPassword) => {
            setFormOpen(false)
            notify.ok(editing ? t('users.updated', { name: user.fullName }) : t('users.created', { name: user.fullName }))
            if (initialPassword) setCreated({ user, password: initialPassword })
            invalidateUnits()
            list.reload()
          }}
        />
      )}

      <Modal opened={!!created} onClose={() => setCreated(null)} title={created ? t('users.initialPasswordTitle', { name: created.user.fullName }) : ''}
        closeButtonProps={{ 'aria-label': t('app.close') }}>
        {created && (
          <Stack>
            <Alert color="yellow" variant="light" icon={<IconKey aria-hidden />}>{t('users.initialPasswordText')}</Alert>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" fw={600}>{t('users.initialPassword')}:</Text>
              <Code fz="md" aria-label={t('users.initialPassword')} data-testid="initial-password">{created.password}</Code>
              <CopyButton value={created.password}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" color={copied ? 'green' : undefined} onClick={copy}
                    leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                    {copied ? t('app.copied') : t('app.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end"><Button onClick={() => setCreated(null)}>{t('app.close')}</Button></Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
