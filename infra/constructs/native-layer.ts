/**
 * A Lambda layer of npm packages that esbuild cannot inline (native
 * binaries, WebAssembly with worker scripts, data packages read from disk at
 * run time), built at synth time and offline from the packages already
 * installed in node_modules: each named package and its dependency closure
 * are copied into `<outRoot>/<id>/nodejs/node_modules`, the layout the
 * Node.js runtime reads layers from (`/opt/nodejs/node_modules`, for
 * `import` as for `require`).
 *
 * The native binaries in node_modules are those npm installed for this
 * machine: the layer is built only from a linux-x64-gnu install and is
 * marked x86_64, and the functions using it run on x86_64.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import { Stack } from 'aws-cdk-lib'
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda'
import { Construct } from 'constructs'
import { REPO_ROOT } from '../build/bundle.js'

/** Where layer folders go unless told otherwise (git-ignored). */
export const DEFAULT_LAYER_ROOT = '.build/layers'
/** The architecture of the native binaries the layer ships. */
export const NATIVE_ARCHITECTURE = Architecture.X86_64
/** Native packages whose binary must be the linux-x64-gnu build, by the package that loads it. */
const NATIVE_BINARIES: Readonly<Record<string, string>> = { '@napi-rs/canvas': '@napi-rs/canvas-linux-x64-gnu' }

/** Files a Lambda never reads: source maps, type declarations, docs, the viewer of pdf.js, unused model variants. */
function shipped(path: string): boolean {
  const p = path.split(sep).join('/')
  if (/\.(map|d\.ts|d\.mts|d\.cts|md|markdown)$/i.test(p)) return false
  if (/\/pdfjs-dist\/(web|types|image_decoders)(\/|$)/.test(p)) return false
  // tesseract.ts reads the `4.0.0_best_int` models only.
  if (/\/@tesseract\.js-data\/[^/]+\/4\.0\.0(\/|$)/.test(p)) return false
  return true
}

interface PackageJson { name: string; version: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }

/**
 * The folder of `name` as Node resolves it from `fromDir` (a package folder
 * inside node_modules): its own nested node_modules first, then upwards.
 */
function resolvePackage(name: string, fromDir: string, modulesRoot: string): string | undefined {
  let dir = fromDir
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === modulesRoot || !dir.startsWith(modulesRoot)) break
    dir = dirname(dir)
  }
  const top = join(modulesRoot, 'node_modules', name)
  return existsSync(join(top, 'package.json')) ? top : undefined
}

/**
 * The dependency closure of `roots` as installed under `<projectRoot>/node_modules`:
 * package folders (absolute) with name and version. An optional dependency
 * that is not installed (another platform's binary) is skipped; a missing
 * required dependency is an error.
 */
export function packageClosure(roots: readonly string[], projectRoot: string = REPO_ROOT): { dir: string; name: string; version: string }[] {
  const found = new Map<string, { dir: string; name: string; version: string }>()
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = resolvePackage(name, fromDir, projectRoot)
    if (!dir) {
      if (optional) return
      throw new Error(`native layer: package ${name} is not installed in node_modules (run npm ci)`)
    }
    if (found.has(dir)) return
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson
    found.set(dir, { dir, name: pkg.name, version: pkg.version })
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false)
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true)
  }
  for (const root of roots) visit(root, projectRoot, false)
  for (const [loader, binary] of Object.entries(NATIVE_BINARIES)) {
    if ([...found.values()].some((p) => p.name === loader) && ![...found.values()].some((p) => p.name === binary)) {
      throw new Error(`native layer: ${loader} needs ${binary}, which npm did not install here; build on linux x64 (glibc) or install it with --cpu=x64 --os=linux --libc=glibc`)
    }
  }
  return [...found.values()].sort((a, b) => a.dir.localeCompare(b.dir))
}

/**
 * Copies the closure of `packages` into `<outRoot>/<id>-<hash>/nodejs/node_modules`
 * (nested folders kept) and returns that folder. The hash covers the
 * packages and their versions: a folder, once there, is complete and never
 * changes (it appears by an atomic rename), so synths running at the same
 * time (one per environment) share it without one rewriting it under another.
 */
export function buildLayerFolder(id: string, packages: readonly string[], outRoot: string = DEFAULT_LAYER_ROOT, projectRoot: string = REPO_ROOT): string {
  const closure = packageClosure(packages, projectRoot)
  const stamp = JSON.stringify({ packages: [...packages].sort(), closure: closure.map((p) => [relative(projectRoot, p.dir), p.version]) })
  const root = join(isAbsolute(outRoot) ? outRoot : join(projectRoot, outRoot), `${id}-${createHash('sha256').update(stamp).digest('hex').slice(0, 12)}`)
  if (existsSync(root)) return root

  const staging = `${root}.${process.pid}.tmp`
  rmSync(staging, { recursive: true, force: true })
  for (const p of closure) {
    const target = join(staging, 'nodejs', relative(projectRoot, p.dir))
    mkdirSync(dirname(target), { recursive: true })
    // A package's nested node_modules are copied when they are visited themselves (only what the closure needs).
    cpSync(p.dir, target, {
      recursive: true,
      dereference: true,
      filter: (src) => shipped(src) && !(src !== p.dir && relative(p.dir, src).split(sep)[0] === 'node_modules'),
    })
  }
  writeFileSync(join(staging, 'nodejs', '.layer.json'), stamp)
  try {
    renameSync(staging, root)
  } catch (err) {
    // Another synth placed the same folder first: use it.
    rmSync(staging, { recursive: true, force: true })
    if (!existsSync(root)) throw err
  }
  return root
}

/** Every file under `dir`, relative to it (tests, diagnostics). */
export function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name)
      if (e.isDirectory()) walk(full)
      else out.push(relative(dir, full).split(sep).join('/'))
    }
  }
  walk(dir)
  return out
}

export interface NativeLayerProps {
  /** npm packages (roots of the closure) the layer ships. */
  readonly packages: readonly string[]
  /**
   * Where the layer folder is built (relative to the repository root).
   * @default '.build/layers'
   */
  readonly outRoot?: string
}

/**
 * One layer version per stack and set of packages; functions of the same
 * stack share it (see `NativeLayer.of`).
 */
export class NativeLayer extends Construct {
  readonly layer: LayerVersion
  readonly folder: string

  /** The stack's layer for `packages`, created on first use. */
  static of(scope: Construct, props: NativeLayerProps): NativeLayer {
    const stack = Stack.of(scope)
    const id = `NativeLayer-${createHash('sha256').update([...props.packages].sort().join('\n')).digest('hex').slice(0, 12)}`
    return (stack.node.tryFindChild(id) as NativeLayer | undefined) ?? new NativeLayer(stack, id, props)
  }

  constructor(scope: Construct, id: string, props: NativeLayerProps) {
    super(scope, id)
    const name = 'native'
    this.folder = buildLayerFolder(name, props.packages, props.outRoot)
    this.layer = new LayerVersion(this, 'Layer', {
      code: Code.fromAsset(this.folder),
      compatibleArchitectures: [NATIVE_ARCHITECTURE],
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      description: `npm packages for x86_64 (${[...props.packages].join(', ')}), with their dependencies`,
    })
  }
}
