/**
 * The read model's versioned migrations: on PostgreSQL (the embedded engine, the same statements Aurora runs),
 * and through the Data API adapter against a fake RDS Data client that answers as the service does — Aurora
 * resuming from auto-pause, throttling, a statement the database refuses.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BadRequestException, DatabaseResumingException, ExecuteStatementCommand, RDSDataServiceException } from '@aws-sdk/client-rds-data'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dataApiSql } from '../../../functions/lib/adapters/sql.js'
import { MIGRATIONS, migrate, resetMigrationFlag, runMigrations, type Migration } from '../../../functions/readmodel/schema.js'
import { startPostgres, type EmbeddedPostgres } from '../../../infra/local/postgres.js'

const CFG = { resourceArn: 'arn:aws:rds:ap-southeast-1:111122223333:cluster:do-prod-read-model', secretArn: 'arn:aws:secretsmanager:ap-southeast-1:111122223333:secret:db', database: 'digital_office' }
const meta = { $metadata: { httpStatusCode: 400 } }
const resuming = () => new DatabaseResumingException({ message: 'The Aurora DB instance db-ABC is resuming after being auto-paused. Please wait a few seconds and try again.', ...meta })
// The service throttles with a code it does not model: the client raises its base exception named by the code.
const throttled = () => new RDSDataServiceException({ name: 'ThrottlingException', $fault: 'client', message: 'Rate exceeded', ...meta })
const refused = () => new BadRequestException({ message: 'ERROR: syntax error at or near "tabel"', ...meta })

/** An RDS Data client that fails as told (one error per call, in order), then answers: records as JSON for a select, none otherwise. */
function fakeDataApi(failures: (() => Error)[] = []) {
  const sql: string[] = []
  return {
    sql,
    send: async (command: ExecuteStatementCommand) => {
      sql.push(command.input.sql!)
      const failure = failures.shift()
      if (failure) throw failure()
      return /^\s*select/i.test(command.input.sql!) ? { formattedRecords: '[]', $metadata: {} } : { numberOfRecordsUpdated: 0, $metadata: {} }
    },
  }
}
const noWait = { sleep: async () => undefined }

describe('read-model migrations on PostgreSQL', () => {
  let pg: EmbeddedPostgres
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'do-migrations-'))
    pg = await startPostgres(dir)
  }, 120_000)
  afterAll(async () => {
    await pg.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates every table of the baseline and records version 1; a second run applies nothing', async () => {
    const first = await runMigrations(pg.sql)
    const second = await runMigrations(pg.sql)

    expect(first).toEqual({ applied: [1], version: 1 })
    const tables = (await pg.sql.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public'`)).map((r) => r.t)
    expect(tables).toEqual(expect.arrayContaining(['units', 'users', 'documents', 'party_members', 'tasks', 'schema_migrations']))
    expect(await pg.sql.query('select version, name from schema_migrations')).toEqual([{ version: 1, name: MIGRATIONS[0].name }])
    expect(second.applied).toEqual([])
  })

  it('applies a new version only, and a version whose statements changed (a branch appended to it) again', async () => {
    const v2: Migration = { version: 2, name: 'notes', statements: ['create table if not exists notes (note_id text primary key)'] }
    const grownBaseline: Migration = { ...MIGRATIONS[0], statements: [...MIGRATIONS[0].statements, 'create table if not exists merged_later (id text primary key)'] }

    const added = await runMigrations(pg.sql, [MIGRATIONS[0], v2])
    const merged = await runMigrations(pg.sql, [grownBaseline, v2])

    expect(added.applied).toEqual([2])
    expect(merged.applied).toEqual([1])
    const tables = (await pg.sql.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public'`)).map((r) => r.t)
    expect(tables).toEqual(expect.arrayContaining(['notes', 'merged_later']))
    expect((await pg.sql.query<{ version: number }>('select version from schema_migrations order by version')).map((r) => r.version)).toEqual([1, 2])
  })
})

describe('read-model migrations through the Data API', () => {
  beforeEach(() => resetMigrationFlag())

  it('waits for Aurora to resume and for throttling to pass, backing off between tries, then migrates', async () => {
    const client = fakeDataApi([resuming, resuming, throttled])
    const waits: number[] = []
    const db = dataApiSql(client as never, CFG, { sleep: async (ms) => { waits.push(ms) }, delayMs: (n) => 100 * 2 ** n })

    const result = await runMigrations(db, [MIGRATIONS[0]])

    expect(result.applied).toEqual([1])
    expect(waits).toEqual([100, 200, 400])
    // The first statement was sent four times (three refusals), then every statement once.
    expect(client.sql.filter((s) => s.includes('create table if not exists schema_migrations'))).toHaveLength(4)
    expect(client.sql.at(-1)).toMatch(/^insert into schema_migrations/)
  })

  it('throws a statement the database refuses at once, without retrying it', async () => {
    const client = fakeDataApi([refused])
    const db = dataApiSql(client as never, CFG, noWait)

    await expect(runMigrations(db)).rejects.toBeInstanceOf(BadRequestException)
    expect(client.sql).toHaveLength(1)
  })

  it('gives up after its attempts while Aurora stays paused', async () => {
    const client = fakeDataApi(Array.from({ length: 10 }, () => resuming))
    const db = dataApiSql(client as never, CFG, { ...noWait, maxAttempts: 3 })

    await expect(db.query('select 1')).rejects.toBeInstanceOf(DatabaseResumingException)
    expect(client.sql).toHaveLength(3)
  })

  it('does not keep a failed migration in a warm container: the next invocation migrates', async () => {
    const client = fakeDataApi([resuming, resuming])
    const db = dataApiSql(client as never, CFG, { ...noWait, maxAttempts: 2 })

    await expect(migrate(db)).rejects.toBeInstanceOf(DatabaseResumingException)
    await expect(migrate(db)).resolves.toBeUndefined()
    const sentAfter = client.sql.length
    await migrate(db)

    expect(client.sql.some((s) => s.startsWith('insert into schema_migrations'))).toBe(true)
    expect(client.sql).toHaveLength(sentAfter)
  })
})
