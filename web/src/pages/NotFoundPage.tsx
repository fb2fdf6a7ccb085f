import { Anchor, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { PageHeader } from '../components/PageHeader'

export default function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Stack>
      <PageHeader title={t('errors.notFoundTitle')} />
      <Text>{t('errors.notFoundText')}</Text>
      <Anchor component={Link} to="/">{t('errors.backHome')}</Anchor>
    </Stack>
  )
}
