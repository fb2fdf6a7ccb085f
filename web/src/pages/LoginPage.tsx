import { Alert, Anchor, Button, Center, Code, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconArrowLeft, IconLogin, IconShieldLock } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom'
import { isApiError } from '../api/client'
import { endpoints, type ChallengeResponse } from '../api/endpoints'
import { auth, useAuthUser } from '../auth/store'
import { errorMessage } from '../lib/error-message'
import { SignInShell } from '../components/SignInShell'
import { QrCode } from '../components/QrCode'
import { NewPasswordFields, PasswordField, useNewPassword } from '../components/PasswordFields'
import { translate } from '../../../shared/i18n/messages'
import { useLang } from '../lib/labels'
import { serverFieldErrors, type FieldErrors } from '../lib/validation'
import type { SessionUser } from '../api/session'

/** The step the identity provider asked for; `setup`: the authenticator's secret once asked for. */
type Step = { challenge: 'PASSWORD' } | (ChallengeResponse & { setup?: { secretCode: string; otpauthUri: string } })

/** Errors after which the step's session is spent: start again from the password. */
const RESTART = new Set(['auth.invalidCode', 'auth.codeExpired', 'auth.challengeExpired', 'auth.locked', 'auth.slowDown', 'auth.disabled'])

/** A secret key as authenticator apps print it: groups of four. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ')

export default function LoginPage() {
  const { t } = useTranslation()
  const lang = useLang()
  const user = useAuthUser()
  const navigate = useNavigate()
  const location = useLocation()
  const state = (location.state ?? {}) as { from?: string; expired?: boolean; reset?: boolean }
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [expired, setExpired] = useState(!!state.expired)
  const [busy, setBusy] = useState(false)
  const [step, setStep] = useState<Step>({ challenge: 'PASSWORD' })
  const pair = useNewPassword()
  const [code, setCode] = useState('')

  useEffect(() => { document.title = `${t('login.title')} · ${t('app.name')}` }, [t])

  // MFA setup: ask for the authenticator's secret once the step is shown.
  const setupSession = step.challenge === 'MFA_SETUP' && !step.setup ? step.session : undefined
  useEffect(() => {
    if (!setupSession) return
    let cancelled = false
    endpoints.setUpMfa({ username: username.trim(), session: setupSession })
      .then((r) => { if (!cancelled) setStep({ challenge: 'MFA_SETUP', session: r.session, setup: { secretCode: r.secretCode, otpauthUri: r.otpauthUri } }) })
      .catch((err) => { if (!cancelled) fail(err) })
    return () => { cancelled = true }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setupSession])

  if (user && !busy) return <Navigate to={state.from && state.from !== '/login' ? state.from : '/'} replace />

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const fe: FieldErrors = {}
    if (!username.trim()) fe.username = translate('field.required', lang, { path: t('login.username') })
    if (!password) fe.password = translate('field.required', lang, { path: t('login.password') })
    setErrors(fe)
    if (Object.keys(fe).length) {
      setError(null)
      return
    }
    await run(() => auth.login(username.trim(), password))
  }

  const next = (res: SessionUser | ChallengeResponse) => {
    if ('challenge' in res) {
      setStep(res)
      setCode('')
      return
    }
    navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true })
  }

  const restart = () => {
    setStep({ challenge: 'PASSWORD' })
    setPassword('')
    pair.clear()
    setCode('')
  }

  const fail = (err: unknown) => {
    setErrors(serverFieldErrors(err))
    setError(errorMessage(err))
    if (isApiError(err) && err.status === 401) setPassword('')
    if (step.challenge !== 'PASSWORD' && isApiError(err) && RESTART.has(err.code)) restart()
  }

  const run = async (f: () => Promise<SessionUser | ChallengeResponse>) => {
    setBusy(true)
    setError(null)
    setExpired(false)
    try {
      next(await f())
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }

  const submitNewPassword = async (e: FormEvent) => {
    e.preventDefault()
    if (step.challenge !== 'NEW_PASSWORD_REQUIRED') return
    const fe = pair.errors()
    setErrors(fe)
    if (Object.keys(fe).length) return
    await run(() => auth.answer({ username: username.trim(), challenge: 'NEW_PASSWORD_REQUIRED', session: step.session, newPassword: pair.newPassword }))
  }

  const submitCode = async (e: FormEvent) => {
    e.preventDefault()
    if (step.challenge === 'PASSWORD' || step.challenge === 'NEW_PASSWORD_REQUIRED') return
    const c = code.replace(/\s/g, '')
    if (!/^\d{6}$/.test(c)) {
      setErrors({ code: t('login.codeFormat') })
      return
    }
    setErrors({})
    await run(() => auth.answer({ username: username.trim(), challenge: step.challenge as 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA', session: step.session, code: c }))
  }

  const errorAlert = error && (
    <Alert color="red" variant="light" role="alert" title={t('login.failed')} icon={<IconAlertTriangle aria-hidden />}>
      {error}
    </Alert>
  )
  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={() => { setError(null); setErrors({}); restart() }}>
      {t('login.back')}
    </Button>
  )
  const codeInput = (
    <TextInput
      label={t('login.code')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={7}
      required
      value={code}
      onChange={(e) => setCode(e.currentTarget.value)}
      error={errors.code}
      data-autofocus
      autoFocus
    />
  )

  const verifyButton = (
    <Button type="submit" loading={busy} leftSection={<IconShieldLock size={18} aria-hidden />} fullWidth>{t('login.verify')}</Button>
  )
  /** One challenge step: its title and explanation, the error, its fields, the way back. */
  const stepForm = (onSubmit: (e: FormEvent) => void, title: string, intro: string, fields: ReactNode) => (
    <form onSubmit={onSubmit} noValidate aria-labelledby="login-title">
      <Stack gap="md">
        <Title order={1} id="login-title" fz="h2">{title}</Title>
        <Text size="sm">{intro}</Text>
        {errorAlert}
        {fields}
        {back}
      </Stack>
    </form>
  )

  let form: ReactNode
  if (step.challenge === 'NEW_PASSWORD_REQUIRED') {
    form = stepForm(submitNewPassword, t('login.newPasswordTitle'), t('login.newPasswordIntro'), (
      <>
        <NewPasswordFields pair={pair} errors={errors} autoFocus />
        <Button type="submit" loading={busy} fullWidth>{t('login.savePassword')}</Button>
      </>
    ))
  } else if (step.challenge === 'MFA_SETUP') {
    form = stepForm(submitCode, t('login.mfaSetupTitle'), t('login.mfaSetupIntro'), step.setup ? (
      <>
        <Center><QrCode value={step.setup.otpauthUri} alt={t('login.qrAlt', { username: username.trim() })} /></Center>
        <div>
          <Text size="sm" c="dimmed">{t('login.orSecret')}</Text>
          <Text size="sm" fw={500} id="secret-label">{t('login.secretKey')}</Text>
          <Code block fz="lg" aria-labelledby="secret-label" style={{ letterSpacing: '0.08em', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {groupSecret(step.setup.secretCode)}
          </Code>
        </div>
        <Anchor href={step.setup.otpauthUri}>{t('login.openInApp')}</Anchor>
        {codeInput}
        {verifyButton}
      </>
    ) : (
      <Group gap="xs" role="status"><Loader size="sm" aria-hidden /><Text size="sm">{t('login.preparing')}</Text></Group>
    ))
  } else if (step.challenge === 'SOFTWARE_TOKEN_MFA') {
    form = stepForm(submitCode, t('login.mfaTitle'), t('login.mfaIntro'), <>{codeInput}{verifyButton}</>)
  }

  return (
    <SignInShell>
          {form ?? <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <Title order={1} id="login-title" fz="h2">{t('login.title')}</Title>
              {state.reset && !error && (
                <Alert color="green" variant="light" role="status">{t('password.resetDone')}</Alert>
              )}
              {expired && !error && (
                <Alert color="yellow" variant="light" role="status" icon={<IconAlertTriangle aria-hidden />}>
                  {t('errors.sessionExpired')}
                </Alert>
              )}
              {error && (
                <Alert color="red" variant="light" role="alert" title={t('login.failed')} icon={<IconAlertTriangle aria-hidden />}>
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={errors.username}
                data-autofocus
                autoFocus
              />
              <PasswordField
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
              />
              <Button type="submit" loading={busy} leftSection={<IconLogin size={18} aria-hidden />} fullWidth>
                {t('login.submit')}
              </Button>
              <Anchor component={Link} to="/login/forgot" size="sm" ta="center">{t('password.forgotLink')}</Anchor>
            </Stack>
          </form>}
    </SignInShell>
  )
}
