/**
 * For developers of other systems: the API's published contract
 * (`GET /api/openapi.json`, OpenAPI 3.1, made from the route table and its
 * zod schemas), browsable by module with a search, each operation's
 * parameters and body fields in a table, and the document to download.
 */
import { Accordion, Anchor, Badge, Code, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconDownload, IconSearch } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { request } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { useLang } from '../../lib/labels'
import { matches } from '../../lib/search'
import { useData } from '../../lib/useData'

interface JsonSchema { type?: string | string[]; format?: string; pattern?: string; enum?: unknown[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; maxLength?: number; minLength?: number; minimum?: number; maximum?: number; $ref?: string; description?: string }
interface Parameter { in: 'path' | 'query' | 'header'; name: string; required?: boolean; description?: string; schema?: JsonSchema }
interface Operation { operationId: string; tags: string[]; summary: string; description?: string; security?: unknown[]; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, unknown> }
interface OpenApi { info: { title: string; version: string; description?: string }; tags: { name: string; description: string }[]; paths: Record<string, Record<string, Operation>> }

const METHOD_COLORS: Record<string, string> = { get: 'blue', post: 'green', put: 'orange', patch: 'grape', delete: 'red' }

/** A schema in one line a person can read: type, format, allowed values, bounds. */
function describe(s: JsonSchema | undefined): string {
  if (!s) return ''
  if (s.$ref) return s.$ref.split('/').pop() ?? ''
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  const alts = s.anyOf ?? s.oneOf
  if (alts) return alts.map(describe).join(' | ')
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type ?? ''
  if (type === 'array') return `${describe(s.items)}[]`
  const bits = [type, s.format, s.pattern && `/${s.pattern}/`, s.minLength !== undefined && `≥ ${s.minLength}`, s.maxLength !== undefined && `≤ ${s.maxLength}`,
    s.minimum !== undefined && `≥ ${s.minimum}`, s.maximum !== undefined && `≤ ${s.maximum}`].filter(Boolean)
  return bits.join(' ')
}

function FieldsTable({ caption, rows }: { caption: string; rows: { name: string; where?: string; required: boolean; schema?: JsonSchema }[] }) {
  const { t } = useTranslation()
  if (!rows.length) return null
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped withTableBorder fz="sm" captionSide="top">
        <Table.Caption ta="left">{caption}</Table.Caption>
        <Table.Thead><Table.Tr><Table.Th>{t('developer.field')}</Table.Th><Table.Th>{t('developer.required')}</Table.Th><Table.Th>{t('developer.schema')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.where ?? ''}.${r.name}`}>
              <Table.Td><Code>{r.name}</Code>{r.where && <Text span c="dimmed" fz="xs"> ({t(`developer.in.${r.where}`)})</Text>}</Table.Td>
              <Table.Td>{r.required ? t('developer.yes') : t('developer.no')}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{describe(r.schema)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const { t } = useTranslation()
  const lang = useLang()
  const isPublic = op.security?.length === 0
  const body = Object.entries(op.requestBody?.content ?? {})[0]
  const bodyRows = body?.[1].schema.properties
    ? Object.entries(body[1].schema.properties).map(([name, schema]) => ({ name, required: body[1].schema.required?.includes(name) ?? false, schema }))
    : []
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`op-${op.operationId}`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge color={METHOD_COLORS[method]} variant="filled" radius="sm">{method.toUpperCase()}</Badge>
          <Code id={`op-${op.operationId}`} fz="sm" style={{ wordBreak: 'break-all' }}>{path}</Code>
          <Badge variant="light" color={isPublic ? 'teal' : 'gray'}>{isPublic ? t('developer.public') : t('developer.token')}</Badge>
        </Group>
        <Text fw={500}>{lang === 'vi' ? op.description ?? op.summary : op.summary}</Text>
        <FieldsTable caption={t('developer.parameters')} rows={(op.parameters ?? []).map((p) => ({ name: p.name, where: p.in, required: !!p.required, schema: p.schema }))} />
        {body && (bodyRows.length
          ? <FieldsTable caption={t('developer.body', { type: body[0] })} rows={bodyRows} />
          : <Text fz="sm">{t('developer.body', { type: body[0] })}: {describe(body[1].schema) || t('developer.seeSchema')}</Text>)}
        <Text fz="sm" c="dimmed">{t('developer.responses')}: {Object.keys(op.responses).join(', ')}</Text>
      </Stack>
    </Paper>
  )
}

export default function DeveloperPage() {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const doc = useData((signal) => request<OpenApi>('GET', '/api/openapi.json', { signal, anonymous: true }), [])
  const groups = useMemo(() => {
    if (!doc.data) return []
    const ops = Object.entries(doc.data.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })))
    return doc.data.tags.map((tag) => ({
      tag,
      ops: ops.filter((o) => o.op.tags.includes(tag.name) && (!q.trim() || matches(q, o.method, o.path, o.op.summary, o.op.description))),
    })).filter((g) => g.ops.length)
  }, [doc.data, q])
  const count = groups.reduce((n, g) => n + g.ops.length, 0)

  return (
    <Stack>
      <PageHeader title={t('developer.title')}>
        <Anchor href="/api/openapi.json" download="digital-office-openapi.json" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
          <IconDownload size={18} aria-hidden />{t('developer.download')}
        </Anchor>
      </PageHeader>
      <Text>{t('developer.intro')}</Text>
      <TextInput label={t('developer.search')} placeholder={t('developer.searchPlaceholder')} leftSection={<IconSearch size={16} aria-hidden />}
        value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={480} />
      {doc.loading && <Loading />}
      {doc.error !== undefined && <ErrorAlert error={doc.error} />}
      {doc.data && <Text role="status" fz="sm" c="dimmed">{t('developer.count', { count })}</Text>}
      {doc.data && (
        <Accordion multiple defaultValue={q ? groups.map((g) => g.tag.name) : []} key={q ? 'filtered' : 'all'} variant="separated">
          {groups.map((g) => (
            <Accordion.Item key={g.tag.name} value={g.tag.name}>
              <Accordion.Control>{g.tag.description} <Badge variant="light" ml="xs">{g.ops.length}</Badge></Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">{g.ops.map((o) => <OperationView key={`${o.method} ${o.path}`} {...o} />)}</Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  )
}
