import { Anchor, Container, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useRouteError } from 'react-router-dom'
import { ErrorAlert } from '../components/ErrorAlert'

/** Shown when a page fails to load or render (e.g. a chunk could not be fetched). */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError()
  const { t } = useTranslation()
  return (
    <Container size="sm" py="xl" component={standalone ? 'main' : 'div'}>
      <Stack>
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
        <Anchor component={Link} to="/">{t('errors.backHome')}</Anchor>
      </Stack>
    </Container>
  )
}
