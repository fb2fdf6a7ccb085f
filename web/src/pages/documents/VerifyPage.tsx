/** Verify the digital signatures of any PDF: who signed, when, the certificate chain, and whether anything changed since. */
import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader'
import { VerifyPanel } from '../../components/documents/VerifyPanel'

export default function VerifyPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('docs.verify.pageTitle')} />
      <VerifyPanel canVerifyStored={false} />
    </Stack>
  )
}
