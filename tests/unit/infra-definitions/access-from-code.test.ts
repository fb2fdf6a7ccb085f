/**
 * The grants follow what each function's code does: every file a module's
 * entry can load (static and lazy imports) is read, and a module whose code
 * writes the table (a write command or the transaction writer) must be
 * granted readwrite, one that reads it at least read. A job that writes with a read-only grant fails every day on
 * AWS and nowhere here, so this is where it is caught.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDependencyTree } from 'dpdm'
import { MODULES } from '../../../infra/definitions/modules.js'

const TABLE_WRITE = /new (PutCommand|UpdateCommand|DeleteCommand|TransactWriteCommand|BatchWriteCommand)\(/
const TABLE_READ = /new (GetCommand|QueryCommand|BatchGetCommand)\(/

async function filesOf(entry: string): Promise<string[]> {
  const tree = await parseDependencyTree([entry], { transform: true, skipDynamicImports: false, tsconfig: 'tsconfig.json' })
  return Object.keys(tree).filter((f) => !f.includes('node_modules') && /\.(ts|tsx)$/.test(f))
}

describe('module access matches what its code calls', () => {
  it('grants table writes to every module whose code writes the table, and reads to those that read it', async () => {
    const wrong: string[] = []
    for (const m of MODULES) {
      const files = await filesOf(m.entry)
      const code = files.map((f) => [f, readFileSync(f, 'utf8')] as const)
      const writers = code.filter(([, s]) => TABLE_WRITE.test(s)).map(([f]) => f)
      const readers = code.filter(([, s]) => TABLE_READ.test(s)).map(([f]) => f)
      const access = m.access as { table?: 'read' | 'readwrite' }
      if (writers.length && access.table !== 'readwrite') wrong.push(`${m.id}: writes the table (${writers.join(', ')}) with table: ${access.table ?? 'none'}`)
      if (readers.length && !access.table && m.trigger !== 'stream') wrong.push(`${m.id}: reads the table (${readers.join(', ')}) without table access`)
    }
    expect(wrong).toEqual([])
  }, 180_000)
})
