/**
 * esbuild bundling of the Lambda functions, done by the CDK app itself (no
 * Docker, no `NodejsFunction`): each module's entry becomes one minified ESM
 * file with its source map, in its own folder that `Code.fromAsset` uploads.
 *
 * The AWS SDK v3 is bundled rather than taken from the Lambda runtime, so the
 * SDK version that runs on AWS is the one pinned in package-lock.json and
 * tested locally.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSync, version as esbuildVersion, type BuildOptions } from 'esbuild'
import type { ModuleDefinition } from '../definitions/modules.js'

/** The repository root (entries in modules.ts are relative to it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Where bundles go unless told otherwise (git-ignored). */
export const DEFAULT_OUT_ROOT = '.build/functions'

/**
 * ESM output has no `require`; some CommonJS dependencies call it for Node
 * built-ins. This banner gives them a real one.
 */
const CJS_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"

/** Output folders this process already bundled (or found up to date). */
const built = new Set<string>()

/** Written next to a bundle: what it was built from, to know when it is stale. */
interface BundleRecord {
  /** esbuild version + options: a change in either rebuilds. */
  readonly fingerprint: string
  /** When the build started (ms since epoch): inputs changed after this make it stale. */
  readonly startedAt: number
  /** Every file esbuild read, absolute. */
  readonly inputs: readonly string[]
}
/** The record sits next to the bundle folder, not in it: it must not change the asset. */
const recordFile = (outDir: string): string => `${outDir}.bundle.json`

export interface BundleOptions {
  /**
   * Rebuild even when the bundle on disk is up to date.
   * @default false
   */
  readonly force?: boolean
}

function esbuildOptions(module: ModuleDefinition, outDir: string): BuildOptions {
  return {
    entryPoints: [join(REPO_ROOT, module.entry)],
    outfile: join(outDir, 'index.mjs'),
    absWorkingDir: REPO_ROOT,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    bundle: true,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    // Prefer the ESM builds of dependencies: better tree shaking.
    mainFields: ['module', 'main'],
    banner: { js: CJS_REQUIRE_BANNER },
    legalComments: 'none',
    logLevel: 'silent',
    ...(module.external?.length ? { external: [...module.external] } : {}),
  }
}

/** True when `outDir` holds a bundle built with `fingerprint` from inputs unchanged since. */
function upToDate(outDir: string, fingerprint: string): boolean {
  try {
    const record = JSON.parse(readFileSync(recordFile(outDir), 'utf8')) as BundleRecord
    if (record.fingerprint !== fingerprint) return false
    statSync(join(outDir, 'index.mjs'))
    statSync(join(outDir, 'index.mjs.map'))
    return record.inputs.every((input) => statSync(input).mtimeMs < record.startedAt)
  } catch {
    return false
  }
}

/**
 * Write then rename: a concurrent reader never sees a half-written file.
 * The temporary file sits beside the bundle folder, not in it: another
 * process (a synth of another environment) may be copying that folder as an
 * asset at this moment and must not meet a file that then disappears.
 */
function writeAtomically(path: string, contents: Uint8Array | string, outDir: string): void {
  const tmp = join(dirname(outDir), `.${basename(outDir)}-${basename(path)}.${process.pid}.tmp`)
  writeFileSync(tmp, contents)
  renameSync(tmp, path)
}

/**
 * Bundles one module's entry to `<outRoot>/<id>/index.mjs` (+ `index.mjs.map`)
 * and returns the folder.
 *
 * Not rebuilt when this process already bundled it, nor when the bundle on
 * disk was built by the same esbuild with the same options from sources
 * none of which changed since (esbuild's own list of inputs, node_modules
 * included) — the way `make` decides.
 *
 * @param module the module definition (its `entry` is relative to the repository root)
 * @param outRoot output root, relative to the repository root or absolute
 * @returns the absolute folder holding `index.mjs`, ready for `Code.fromAsset`
 */
export function bundleModule(module: ModuleDefinition, outRoot: string = DEFAULT_OUT_ROOT, options: BundleOptions = {}): string {
  const outDir = join(isAbsolute(outRoot) ? outRoot : join(REPO_ROOT, outRoot), module.id)
  if (!options.force && built.has(outDir)) return outDir

  const buildOptions = esbuildOptions(module, outDir)
  const fingerprint = JSON.stringify({ esbuild: esbuildVersion, ...buildOptions })
  if (!options.force && upToDate(outDir, fingerprint)) {
    shipAssets(module, outDir)
    built.add(outDir)
    return outDir
  }

  const startedAt = Date.now()
  const result = buildSync({ ...buildOptions, write: false, metafile: true })
  if (result.errors.length > 0) {
    throw new Error(`esbuild failed for module ${module.id}: ${result.errors.map((e) => e.text).join('; ')}`)
  }
  mkdirSync(outDir, { recursive: true })
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents, outDir)
  const record: BundleRecord = {
    fingerprint,
    startedAt,
    inputs: Object.keys(result.metafile.inputs).map((input) => resolve(REPO_ROOT, input)),
  }
  writeAtomically(recordFile(outDir), JSON.stringify(record), outDir)
  shipAssets(module, outDir)
  built.add(outDir)
  return outDir
}

/** Fonts with Vietnamese glyphs, which the signing code draws with (SIGNING_FONT_DIR=/var/task/fonts). */
const SIGNING_FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf']

/** Files a bundle needs beside its code: a Lambda package has no node_modules. */
function shipAssets(module: ModuleDefinition, outDir: string): void {
  if (!module.access.signing) return
  const fontsDir = join(outDir, 'fonts')
  mkdirSync(fontsDir, { recursive: true })
  const source = join(REPO_ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf')
  for (const font of SIGNING_FONTS) {
    const target = join(fontsDir, font)
    const bytes = readFileSync(join(source, font))
    // Rewritten only when different, and atomically (see writeAtomically).
    if (existsSync(target) && statSync(target).size === bytes.length) continue
    writeAtomically(target, bytes, outDir)
  }
}

/**
 * Forgets which bundles this process built, so the next `bundleModule`
 * checks the disk again (watch tools, tests).
 */
export function clearBundleMemo(): void {
  built.clear()
}
