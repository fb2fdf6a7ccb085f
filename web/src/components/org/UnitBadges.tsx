/** A unit's code, level and kind as badges, in the UI language. */
import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { UnitView } from '../../../../shared/org/tree'
import { kindLabel, levelLabel, useLang } from '../../lib/labels'

export function UnitBadges({ unit }: { unit: Pick<UnitView, 'code' | 'level' | 'kind'> }) {
  const lang = useLang()
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="wrap" component="span">
      <Badge variant="outline" color="gray" tt="none" title={t('unit.code')}>{unit.code}</Badge>
      <Badge variant="light" color="blue" tt="none" title={t('level.label')}>{levelLabel(unit.level, lang)}</Badge>
      <Badge variant="light" color="teal" tt="none" title={t('kind.label')}>{kindLabel(unit.kind, lang)}</Badge>
    </Group>
  )
}
