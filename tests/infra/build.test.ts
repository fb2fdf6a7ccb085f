import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bundleModule, clearBundleMemo, REPO_ROOT } from '../../infra/build/bundle.js'
import { moduleById, type ModuleDefinition } from '../../infra/definitions/modules.js'

const outRoot = mkdtempSync(join(tmpdir(), 'do-bundle-'))
// Entries are relative to the repository root: the probe lives in the git-ignored .build/.
const probeDir = join(REPO_ROOT, '.build', `bundle-probe-${process.pid}`)
afterAll(() => {
  rmSync(outRoot, { recursive: true, force: true })
  rmSync(probeDir, { recursive: true, force: true })
})

// Assertions on booleans: a failing match on a 700 KB bundle would print all of it.
describe('function bundles', () => {
  const readmodel = moduleById('readmodel')

  it('bundles a module into <outRoot>/<id>/index.mjs as ESM with a source map and a require() for CommonJS deps', () => {
    const folder = bundleModule(readmodel, outRoot)
    expect(folder).toBe(join(outRoot, 'readmodel'))
    const code = readFileSync(join(folder, 'index.mjs'), 'utf8')
    expect(code.startsWith("import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);")).toBe(true)
    expect(/export\s*\{[^}]*\bhandler\b[^}]*\}/.test(code), 'exports handler').toBe(true)
    expect(code.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true)
    expect(JSON.parse(readFileSync(join(folder, 'index.mjs.map'), 'utf8')).version).toBe(3)
  })

  it('bundles its dependencies, the AWS SDK included: the output imports Node built-ins only', () => {
    const code = readFileSync(join(bundleModule(readmodel, outRoot), 'index.mjs'), 'utf8')
    const specifiers = [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1])
    expect(specifiers.length).toBeGreaterThan(0)
    const external = [...new Set(specifiers)].filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
    expect(external).toEqual([])
    expect(/\bimport\(\s*["']@aws-sdk\//.test(code), 'no dynamic import of @aws-sdk').toBe(false)
  })

  it('reuses an up-to-date bundle and rebuilds it once a source file changes', () => {
    mkdirSync(probeDir, { recursive: true })
    const entry = join(probeDir, 'index.ts')
    writeFileSync(entry, "export const handler = async () => 'first version'\n")
    const earlier = new Date(Date.now() - 10_000)
    utimesSync(entry, earlier, earlier)
    const probe: ModuleDefinition = { id: 'probe', entry: relative(REPO_ROOT, entry), trigger: 'schedule', description: 'probe', access: {} }
    const bundle = join(bundleModule(probe, outRoot), 'index.mjs')
    const firstBuild = statSync(bundle).mtimeMs

    clearBundleMemo()
    bundleModule(probe, outRoot)
    expect(statSync(bundle).mtimeMs, 'unchanged sources: not rebuilt').toBe(firstBuild)

    writeFileSync(entry, "export const handler = async () => 'second version'\n")
    const later = new Date(Date.now() + 2000)
    utimesSync(entry, later, later)
    clearBundleMemo()
    bundleModule(probe, outRoot)
    expect(readFileSync(bundle, 'utf8').includes('second version'), 'changed source: rebuilt').toBe(true)
  })
})
