/**
 * The tree's layering, checked on every run: no module imports itself back through
 * others (an import cycle), and the pure domain (shared/) and the use cases never
 * import the AWS SDK — those calls live behind adapters.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { globFiles, parseCircular, parseDependencyTree } from 'dpdm'

const ROOTS = ['functions/**/*.ts', 'shared/**/*.ts', 'infra/**/*.ts', 'web/src/**/*.{ts,tsx}']

describe('import structure', () => {
  it('has no import cycle in functions/, shared/, infra/ or web/src', async () => {
    // Type-only imports are erased at build time and cannot make a module load before its
    // dependency, so they are not cycles at run time; dynamic imports (lazy engines) neither.
    const tree = await parseDependencyTree(ROOTS, { transform: true, skipDynamicImports: true, tsconfig: 'tsconfig.json' })
    const cycles = parseCircular(tree, true)
    expect(cycles.map((c) => c.join(' → '))).toEqual([])
  }, 120_000)

  it('imports no AWS SDK under shared/ or in a use case', async () => {
    const files = [...await globFiles('shared/**/*.{ts,tsx}', process.cwd()), ...await globFiles('functions/*/usecases/**/*.ts', process.cwd())]
    expect(files.length).toBeGreaterThan(20)
    const offenders = files.filter((f) => /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]@aws-sdk\//.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('keeps the web app layered: web/src/lib imports no component or page, and each module has its pages and components folders', async () => {
    const libs = await globFiles('web/src/lib/**/*.{ts,tsx}', process.cwd())
    expect(libs.length).toBeGreaterThan(5)
    const offenders = libs.filter((f) => /from\s+['"](?:\.\.\/)+(?:components|pages)\//.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
    // App-wide pages stay at the top (home, sign-in, errors, not found); a module's pages are in its folder.
    const topPages = (await globFiles('web/src/pages/*.tsx', process.cwd())).map((f) => f.split('/').pop()).sort()
    expect(topPages).toEqual(['HomePage.tsx', 'LoginPage.tsx', 'NotFoundPage.tsx', 'RouteError.tsx'])
  })
})
