/**
 * The archivist's records management (issue 21): the file plan in force,
 * holds that keep files out of disposition, and the year's disposition —
 * the list of files due, a proposal, the appraisal council's decision,
 * carrying it out and the signed record. Each step is offered only to whom
 * the archives' policy allows it; the server decides in any case.
 */
import { Group, Paper, Stack, Table, Tabs, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { classesInForce, periodText } from '../../../../shared/archives/retention'
import { vietnamDate } from '../../../../shared/calendar/vietnam-time'
import { useWorkspace } from '../../auth/workspace'
import { archives } from '../../api/archives'
import { DispositionPanel } from '../../components/archives/DispositionPanel'
import { PaperButton } from '../../components/archives/PaperButton'
import { HoldsPanel } from '../../components/archives/HoldsPanel'
import { UnitPicker } from '../../components/org/UnitPicker'
import { PageHeader } from '../../components/PageHeader'
import { formatDate } from '../../lib/dates'
import { useLang } from '../../lib/labels'

const TABS = ['plan', 'holds', 'disposition'] as const

function FilePlan() {
  const { t } = useTranslation()
  const lang = useLang()
  const classes = classesInForce(vietnamDate())
  return (
    <Stack gap="sm">
      <Text c="dimmed">{t('arc.rm.plan.intro')}</Text>
      <Table.ScrollContainer minWidth={360}>
        <Table striped aria-label={t('arc.rm.tabs.plan')}>
          <Table.Thead><Table.Tr><Table.Th>{t('arc.rm.plan.code')}</Table.Th><Table.Th>{t('arc.rm.plan.name')}</Table.Th><Table.Th>{t('arc.rm.plan.period')}</Table.Th><Table.Th visibleFrom="sm">{t('arc.rm.plan.from')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {classes.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>{c.code}</Table.Td>
                <Table.Td>{c.name[lang]}<Text size="xs" c="dimmed">{t('arc.rm.plan.source')}: {c.source}</Text></Table.Td>
                <Table.Td>{periodText(c.period, lang)}{!c.verified && <Text span ml={4} size="xs" fw={700} c="red.9" title={t('arc.rm.unverified')}>{t('arc.rm.plan.unverifiedBadge')}</Text>}</Table.Td>
                <Table.Td visibleFrom="sm">{formatDate(c.validFrom, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">{t('arc.rm.plan.unverifiedBadge')}: {t('arc.rm.unverified')}</Text>
    </Stack>
  )
}

export default function RecordsPage() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'plan'
  const [chosen, setChosen] = useState<string | null>(null)
  const unitId = chosen ?? ws.unitId
  return (
    <Stack gap="md">
      <PageHeader title={t('arc.rm.records')} />
      <Paper withBorder p="sm" maw={520}>
        <UnitPicker label={t('arc.rm.fonds')} value={unitId} onChange={(v) => v && setChosen(v)} />
        {unitId && (
          <Group gap="xs" mt="sm" role="group" aria-label={t('arc.rm.papers.inventory')}>
            <PaperButton label={t('arc.rm.papers.inventoryPdf')} make={() => archives.inventory(unitId, 'pdf')} />
            <PaperButton label={t('arc.rm.papers.inventoryXlsx')} make={() => archives.inventory(unitId, 'xlsx')} />
          </Group>
        )}
      </Paper>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'plan' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => <Tabs.Tab key={x} value={x}>{t(`arc.rm.tabs.${x}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md"><FilePlan /></Tabs.Panel>
        <Tabs.Panel value="holds" pt="md">{unitId && <HoldsPanel unitId={unitId} />}</Tabs.Panel>
        <Tabs.Panel value="disposition" pt="md">{unitId && <DispositionPanel unitId={unitId} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
