/**
 * `npm run build:functions`: bundles every module of modules.ts the way
 * `cdk synth` does and prints each bundle's size, to keep cold starts in check.
 */
import { statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { MODULES } from '../definitions/modules.js'
import { bundleModule, REPO_ROOT } from './bundle.js'

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`

const started = performance.now()
const rows = MODULES.map((module) => {
  const t0 = performance.now()
  const folder = bundleModule(module, undefined, { force: true })
  const code = statSync(join(folder, 'index.mjs')).size
  const map = statSync(join(folder, 'index.mjs.map')).size
  return { module: module.id, bundle: relative(REPO_ROOT, join(folder, 'index.mjs')), size: kib(code), sourceMap: kib(map), ms: Math.round(performance.now() - t0) }
})
console.table(rows)
console.log(`${rows.length} bundles in ${Math.round(performance.now() - started)} ms`)
