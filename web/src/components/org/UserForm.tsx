/** Create or edit a user: identity, clearance, MFA, status and unit assignments. */
import { ActionIcon, Alert, Button, Fieldset, Group, PasswordInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconLock, IconLockOpen, IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CreateUserBody, UpdateUserBody, type User } from '../../../../shared/org/contracts'
import { endpoints } from '../../api/endpoints'
import { clearanceOptions, roleOptions, useLang } from '../../lib/labels'
import { foldFilter } from '../../lib/search'
import { useUnits } from '../../lib/units'
import { useSubmit } from '../../lib/useSubmit'
import { clean, validate } from '../../lib/validation'
import { FormModal } from '../FormModal'
import { notify } from '../notify'
import { errorMessage } from '../../lib/error-message'
import { formatDateTime } from '../../lib/dates'
import type { SignInState } from '../../api/endpoints'

interface Row { unitId: string | null; role: string | null; position: string }
interface Values {
  fullName: string; username: string; email: string; phone: string; clearance: string; mfa: boolean
  status: 'active' | 'disabled'; password: string; assignments: Row[]
}

const FIELDS = ['fullName', 'username', 'email', 'phone', 'clearance', 'mfa', 'status', 'password', 'assignments'] as const

function initial(user: User | null, unitId: string | null): Values {
  if (!user) {
    return { fullName: '', username: '', email: '', phone: '', clearance: 'internal', mfa: false, status: 'active', password: '', assignments: [{ unitId, role: 'specialist', position: '' }] }
  }
  return {
    fullName: user.fullName, username: user.username, email: user.email ?? '', phone: user.phone ?? '', clearance: user.clearance,
    mfa: user.mfa, status: user.status, password: '',
    assignments: user.assignments.map((a) => ({ unitId: a.unitId, role: a.role, position: a.position ?? '' })),
  }
}

const sameAssignments = (a: Row[], b: Row[]) => JSON.stringify(a) === JSON.stringify(b)

export function UserFormModal({ user, defaultUnitId, opened, onClose, onDone }: {
  user: User | null
  defaultUnitId: string | null
  opened: boolean
  onClose: () => void
  onDone: (user: User, initialPassword?: string) => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const units = useUnits()
  const sub = useSubmit([...FIELDS])
  const [v, setV] = useState<Values>(() => initial(user, defaultUnitId))
  const labels: Record<string, string> = {
    fullName: t('users.fullName'), username: t('users.username'), email: t('users.email'), phone: t('users.phone'),
    clearance: t('users.clearance'), mfa: t('users.mfa'), status: t('users.status'), password: t('users.password'),
    assignments: t('users.assignments'), unitId: t('users.unit'), role: t('users.role'), position: t('users.position'),
  }

  useEffect(() => {
    if (!opened) return
    sub.reset()
    setV(initial(user, defaultUnitId))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, user])

  // A sign-in lock (wrong passwords) shows here, for whoever manages the person, with the way to lift it.
  const [signIn, setSignIn] = useState<SignInState | null>(null)
  const [unlocking, setUnlocking] = useState(false)
  useEffect(() => {
    setSignIn(null)
    if (!opened || !user) return
    let live = true
    endpoints.user(user.userId).then((r) => { if (live) setSignIn(r.signIn) }, () => undefined)
    return () => { live = false }
  }, [opened, user])
  const unlock = async () => {
    if (!user) return
    setUnlocking(true)
    try {
      setSignIn((await endpoints.unlockSignIn(user.userId)).signIn)
      notify.ok(t('users.signInUnlocked', { name: user.fullName }))
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      setUnlocking(false)
    }
  }

  const unitOptions = units.activeOptions.map((o) => ({ value: o.value, label: o.label }))
  // Keep units that are assigned but not in the picker (e.g. outside reach) selectable.
  for (const a of v.assignments) {
    if (a.unitId && !unitOptions.some((o) => o.value === a.unitId)) unitOptions.push({ value: a.unitId, label: units.name(a.unitId) })
  }

  const assignments = v.assignments.map((a) => clean({ unitId: a.unitId ?? '', role: a.role ?? '', position: a.position }))
  const setRow = (i: number, patch: Partial<Row>) => setV({ ...v, assignments: v.assignments.map((r, j) => (j === i ? { ...r, ...patch } : r)) })

  const submit = async () => {
    if (!user) {
      const body = { ...clean({ username: v.username, fullName: v.fullName, email: v.email, phone: v.phone, clearance: v.clearance, password: v.password }), mfa: v.mfa, assignments }
      const r = validate(CreateUserBody, body, labels, lang)
      if (!r.ok) return sub.setErrors(r.errors)
      const res = await sub.run(() => endpoints.createUser(r.data))
      if (res) onDone(res.user, res.initialPassword)
    } else {
      const before = initial(user, null)
      const body: Record<string, unknown> = { version: user.version }
      if (v.fullName.trim() !== before.fullName) body.fullName = v.fullName.trim()
      if (v.email.trim() !== before.email && v.email.trim()) body.email = v.email.trim()
      if (v.phone.trim() !== before.phone && v.phone.trim()) body.phone = v.phone.trim()
      if (v.clearance !== before.clearance) body.clearance = v.clearance
      if (v.mfa !== before.mfa) body.mfa = v.mfa
      if (v.status !== before.status) body.status = v.status
      if (!sameAssignments(v.assignments, before.assignments)) body.assignments = assignments
      const r = validate(UpdateUserBody, body, labels, lang)
      if (!r.ok) return sub.setErrors(r.errors)
      const res = await sub.run(() => endpoints.updateUser(user.userId, r.data))
      if (res) onDone(res.user)
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.fullName }) : t('users.createTitle')}
      onSubmit={submit}
      submitLabel={user ? t('app.save') : t('users.create')}
      busy={sub.busy}
      error={sub.error}
      messages={sub.messages.filter((m) => !Object.entries(sub.errors).some(([p, x]) => x === m && p.startsWith('assignments.')))}
      size="xl"
    >
      {signIn?.locked && (
        <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} role="status" mb="sm">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('users.signInLocked', { until: formatDateTime(signIn.lockedUntil, lang) })}</Text>
            <Button size="xs" variant="white" color="orange" loading={unlocking} onClick={unlock} leftSection={<IconLockOpen size={14} aria-hidden />}>
              {t('users.unlockSignIn')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.fullName} required value={v.fullName} onChange={(e) => setV({ ...v, fullName: e.currentTarget.value })} error={sub.errors.fullName} data-autofocus />
        <TextInput label={labels.username} required={!user} disabled={!!user} autoCapitalize="none" spellCheck={false} autoComplete="off"
          value={v.username} onChange={(e) => setV({ ...v, username: e.currentTarget.value })} error={sub.errors.username} />
        <TextInput label={labels.email} type="email" autoComplete="off" value={v.email} onChange={(e) => setV({ ...v, email: e.currentTarget.value })} error={sub.errors.email} />
        <TextInput label={labels.phone} type="tel" autoComplete="off" value={v.phone} onChange={(e) => setV({ ...v, phone: e.currentTarget.value })} error={sub.errors.phone} />
        <Select label={labels.clearance} required data={clearanceOptions(lang)} value={v.clearance} allowDeselect={false}
          onChange={(x) => x && setV({ ...v, clearance: x })} error={sub.errors.clearance} />
        {user ? (
          <Select label={labels.status} data={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))}
            value={v.status} allowDeselect={false} onChange={(x) => x && setV({ ...v, status: x as Values['status'] })} error={sub.errors.status} />
        ) : (
          <PasswordInput label={labels.password} description={t('users.passwordHelp')} autoComplete="new-password" value={v.password}
            onChange={(e) => setV({ ...v, password: e.currentTarget.value })} error={sub.errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }} />
        )}
      </SimpleGrid>
      <Switch label={labels.mfa} description={t('users.mfaHelp')} checked={v.mfa} onChange={(e) => setV({ ...v, mfa: e.currentTarget.checked })} error={sub.errors.mfa} />

      <Stack gap="sm">
        {v.assignments.map((a, i) => (
          <Fieldset key={i} legend={t('users.assignment', { n: i + 1 })} variant="filled" p="sm">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                <Select label={labels.unitId} required searchable filter={foldFilter} data={unitOptions} value={a.unitId}
                  onChange={(x) => setRow(i, { unitId: x })} error={sub.errors[`assignments.${i}.unitId`]} />
                <Select label={labels.role} required data={roleOptions(lang, a.unitId ? units.byId.get(a.unitId) : undefined)} value={a.role} allowDeselect={false}
                  onChange={(x) => setRow(i, { role: x })} error={sub.errors[`assignments.${i}.role`]} />
                <TextInput label={labels.position} value={a.position} onChange={(e) => setRow(i, { position: e.currentTarget.value })} error={sub.errors[`assignments.${i}.position`]} />
              </SimpleGrid>
              {v.assignments.length > 1 && (
                <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={t('users.removeAssignment', { n: i + 1 })}
                  onClick={() => setV({ ...v, assignments: v.assignments.filter((_, j) => j !== i) })}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </Fieldset>
        ))}
        {sub.errors.assignments && <Text c="red.9" size="sm">{sub.errors.assignments}</Text>}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={16} aria-hidden />} disabled={v.assignments.length >= 20}
            onClick={() => setV({ ...v, assignments: [...v.assignments, { unitId: defaultUnitId, role: 'specialist', position: '' }] })}>
            {t('users.addAssignment')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  )
}
