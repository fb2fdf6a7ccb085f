/**
 * The unit tree at a city's scale (issue 19): "list my subtree", "get unit"
 * and the inbox listing under 50 clients with 30, 1,000 and 5,000 units in
 * the table (written straight into it, then one `reload` entry in the tree's
 * change log, as a migration would), each beside the raw DynamoDB Local
 * request that serves its reach in the same run, sent by the same load
 * generator:
 *
 * - the change-log Query every request makes (tree-cache.ts: strongly
 *   consistent, one empty page), for the tree routes and the inbox;
 * - the GetItem of the unit, for "get unit";
 * - the whole-tree Query every request used to make (`TREE#city`, every
 *   page), one client at a time (under 50 clients it did not answer at 5,000).
 *
 * The platform runs in its own process. Run alone: `npx tsx tests/bench/tree.ts`.
 */
import { performance } from 'node:perf_hooks'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import autocannon from 'autocannon'
import { keys } from '../../shared/table/keys.js'
import { TABLE } from '../../shared/table/definition.js'
import { syntheticUnits, writeUnits } from '../support/synthetic-units.js'
import { fillInbox } from './documents.js'
import { load, percentile, round, startPlatform, type LoadResult } from './platform.js'

const SIZES = (process.env.BENCH_TREE_SIZES ?? '30,1000,5000').split(',').map(Number)
const DURATION_S = Number(process.env.BENCH_TREE_SECONDS ?? 5)
const INBOX = Number(process.env.BENCH_TREE_INBOX ?? 200)
const TABLE_NAME = 'digital-office-local'

export interface TreeRow { units: number; route: string; api: LoadResult; raw: LoadResult; ratioP50: number; ratioP95: number }
export interface TreeBench {
  rows: TreeRow[]
  /** The whole-tree Query (what every request read before), one client, per size: p50 ms and pages. */
  wholeTree: { units: number; p50: number; items: number }[]
  /** p95 at the largest size ÷ p95 at the smallest, per route. */
  flatness: { route: string; p95Small: number; p95Large: number; ratio: number }[]
}

/** A DynamoDB JSON-protocol request for autocannon (DynamoDB Local checks the form of the signature, not its value). */
function rawRequest(target: 'Query' | 'GetItem', body: unknown): { method: 'POST'; body: string; headers: Record<string, string> } {
  return {
    method: 'POST', body: JSON.stringify(body),
    headers: {
      'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${target}`, 'x-amz-date': '20260101T000000Z',
      authorization: `AWS4-HMAC-SHA256 Credential=local/20260101/ap-southeast-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
    },
  }
}

export async function treeBench(log: (m: string) => void = console.log): Promise<TreeBench> {
  const platform = await startPlatform()
  try {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: platform.dynamoEndpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } })
    Object.assign(process.env, { AWS_ENDPOINT_URL_DYNAMODB: platform.dynamoEndpoint, TABLE_NAME, AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' })
    const { resetClients } = await import('../../functions/lib/clients.js')
    resetClients()
    const { appendTreeChange } = await import('../../functions/lib/adapters/tree-log.js')
    const admin = await platform.signIn('admin')
    const secretary = await platform.signIn('bithu.hoankiem')
    const clerk = await platform.signIn('vanthu.hoankiem')
    const inbox = `${platform.url}/api/documents?box=inbox`
    await fillInbox(platform.dynamoEndpoint, inbox, clerk, INBOX)

    const countUnits = async (): Promise<{ items: number; ms: number }> => {
      const t = performance.now()
      let items = 0
      let ExclusiveStartKey: Record<string, unknown> | undefined
      do {
        const res = await client.send(new QueryCommand({
          TableName: TABLE_NAME, IndexName: TABLE.indexes.byCollection.name, KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': TABLE.indexes.byCollection.partitionKey }, ExpressionAttributeValues: { ':p': keys.treeCollection().gsi1pk }, ExclusiveStartKey,
        }))
        items += res.Items?.length ?? 0
        ExclusiveStartKey = res.LastEvaluatedKey
      } while (ExclusiveStartKey)
      return { items, ms: performance.now() - t }
    }
    const head = await client.send(new QueryCommand({ TableName: TABLE_NAME, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': keys.treeHead().pk, ':sk': keys.treeHead().sk }, ConsistentRead: true }))
    const seq = (head.Items?.[0]?.seq as number | undefined) ?? 0
    const changes = keys.treeChangesAfter(seq + 1_000_000)
    const dynamo = platform.dynamoEndpoint
    const logQuery = rawRequest('Query', {
      TableName: TABLE_NAME, ConsistentRead: true, KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': { S: changes.pk }, ':a': { S: changes.skFrom }, ':b': { S: changes.skEnd } },
    })
    const unitGet = rawRequest('GetItem', { TableName: TABLE_NAME, Key: { pk: { S: keys.unit('p-hoankiem').pk }, sk: { S: keys.unit('p-hoankiem').sk } } })

    const rows: TreeRow[] = []
    const wholeTree: TreeBench['wholeTree'] = []
    let written = (await countUnits()).items
    let batch = 0
    for (const size of SIZES) {
      if (size > written) {
        batch++
        const t = performance.now()
        await writeUnits(client, TABLE_NAME, syntheticUnits(size - written, 'hn-tu', `bench${batch}`))
        await appendTreeChange({ unitIds: [], reload: true })
        log(`  ${size - written} units written in ${round((performance.now() - t) / 1000)} s`)
      }
      const whole = [] as number[]
      let items = 0
      for (let i = 0; i < 5; i++) { const r = await countUnits(); whole.push(r.ms); items = r.items }
      written = items
      wholeTree.push({ units: items, p50: round(percentile(whole.sort((a, b) => a - b), 50)), items })
      // Warm: the container reads the tree once (the reload entry), the JIT and the JVM settle.
      for (const [u, tk] of [[`${platform.url}/api/units`, secretary], [inbox, clerk]] as const) await autocannon({ url: u, connections: 10, duration: 2, headers: { authorization: `Bearer ${tk}` } })
      const measure = async (route: string, url: string, token: string, raw: LoadResult) => {
        const api = await load(`${route} @${items}`, url, token, DURATION_S)
        rows.push({ units: items, route, api, raw, ratioP50: round(api.p50 / raw.p50, 2), ratioP95: round(api.p95 / raw.p95, 2) })
        log(`  ${items} units · ${route}: p50 ${api.p50} / p95 ${api.p95} / p99 ${api.p99} ms (${api.rps} req/s, non-2xx ${api.non2xx}) — raw p50 ${raw.p50} / p95 ${raw.p95} ms — × ${round(api.p50 / raw.p50, 2)}`)
      }
      const rawLog = await load(`change-log Query @${items}`, dynamo, undefined, DURATION_S, logQuery)
      const rawGet = await load(`GetItem unit @${items}`, dynamo, undefined, DURATION_S, unitGet)
      log(`  ${items} units · raw change-log Query p50 ${rawLog.p50} / p95 ${rawLog.p95} ms (${rawLog.rps} req/s); GetItem p50 ${rawGet.p50} ms; whole-tree Query, one client: ${wholeTree.at(-1)!.p50} ms`)
      await measure('list my subtree (GET /api/units, ward secretary)', `${platform.url}/api/units`, secretary, rawLog)
      await measure('city tree, one level (GET /api/units?levels=1, admin)', `${platform.url}/api/units?levels=1`, admin, rawLog)
      await measure('get unit (GET /api/units/p-hoankiem, admin)', `${platform.url}/api/units/p-hoankiem`, admin, rawGet)
      await measure(`inbox listing, first page of ${INBOX} (ward clerk)`, inbox, clerk, rawLog)
    }
    const routes = [...new Set(rows.map((r) => r.route))]
    const flatness = routes.map((route) => {
      const rs = rows.filter((r) => r.route === route)
      const small = rs[0]!.api.p95, large = rs.at(-1)!.api.p95
      return { route, p95Small: small, p95Large: large, ratio: round(large / small, 2) }
    })
    return { rows, wholeTree, flatness }
  } finally {
    await platform.stop()
  }
}

export function treeMarkdown(b: TreeBench): string[] {
  return [
    '## The unit tree at scale (50 clients, units written straight into the table)', '',
    '| units | route | API p50 / p95 / p99 ms | req/s | non-2xx | raw DynamoDB Local p50 / p95 ms | × raw (p50, p95) |', '|---|---|---|---|---|---|---|',
    ...b.rows.map((r) => `| ${r.units} | ${r.route} | ${r.api.p50} / ${r.api.p95} / ${r.api.p99} | ${r.api.rps} | ${r.api.non2xx + r.api.errors} | ${r.raw.name.replace(/ @\d+$/, '')}: ${r.raw.p50} / ${r.raw.p95} | ${r.ratioP50}, ${r.ratioP95} |`), '',
    '| route | p95 smallest | p95 largest | × |', '|---|---|---|---|',
    ...b.flatness.map((f) => `| ${f.route} | ${f.p95Small} | ${f.p95Large} | ${f.ratio} |`), '',
    `- The whole-tree Query every request used to make, one client: ${b.wholeTree.map((w) => `${w.units} units ${w.p50} ms`).join(', ')}`, '',
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await treeBench()
  console.log(treeMarkdown(b).join('\n'))
  process.exit(0)
}
