/** The row-by-row report of an import (units/users, member lists): each row's result, the record it made, and why a row was refused. */
import { Badge, List, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface ReportRow {
  readonly row: number
  readonly ok: boolean
  readonly id?: string
  readonly errors: readonly { readonly column?: string; readonly message: string }[]
}

export function ImportReportTable({ rows, okLabel, idHeader }: { rows: readonly ReportRow[]; okLabel: string; idHeader: string }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label={t('import.reportTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={70}>{t('import.row')}</Table.Th>
            <Table.Th scope="col" w={130}>{t('import.result')}</Table.Th>
            <Table.Th scope="col">{idHeader}</Table.Th>
            <Table.Th scope="col">{t('import.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row} className={r.ok ? undefined : 'row-rejected'}>
              <Table.Th scope="row">{r.row}</Table.Th>
              <Table.Td>
                {r.ok
                  ? <Badge color="green" variant="light" tt="none">{okLabel}</Badge>
                  : <Badge color="red" variant="filled" tt="none">{t('import.rejectedBadge')}</Badge>}
              </Table.Td>
              <Table.Td className="mono">{r.id ?? ''}</Table.Td>
              <Table.Td>
                {r.errors.length > 0 && (
                  <List size="sm" spacing={2}>
                    {r.errors.map((e, i) => (
                      <List.Item key={i}>{e.column ? <><strong>{e.column}</strong>: </> : null}{e.message}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
