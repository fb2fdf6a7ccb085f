/**
 * The archives functions on AWS: the native layer (canvas binary, pdf.js,
 * tesseract.js with its wasm core and models) built at synth from
 * node_modules and attached to exactly the functions that load it, on
 * x86_64; and the OCR grants (Textract analysis, Converse on one model).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { bundleModule, REPO_ROOT } from '../../infra/build/bundle.js'
import { describe, expect, it } from 'vitest'
import { MODULES, moduleById } from '../../infra/definitions/modules.js'
import { loadConfig } from '../../infra/config/index.js'
import { filesUnder, packageClosure } from '../../infra/constructs/native-layer.js'
import { allowedActions, asArray, findFunction, resourcesOf, roleStatements, synthesize, type Resource } from './synth.js'

describe('archives on AWS (dev)', () => {
  const env = synthesize('dev')
  /** The environment's OCR model (config/dev.ts or the default). */
  const OCR_BEDROCK_MODEL_ID = loadConfig('dev').archives.ocrModelId
  const layerModules = MODULES.filter((m) => 'layer' in m && m.layer).map((m) => m.id)

  it('attaches the native layer to the archives functions only, which run on x86_64', () => {
    expect(layerModules.sort()).toEqual(['archives', 'archives-tasks'])
    for (const m of MODULES) {
      const { resource } = findFunction(env, m.id)
      const layers = asArray(resource.Properties?.Layers)
      if (layerModules.includes(m.id)) {
        expect(layers, m.id).toHaveLength(1)
        expect(resource.Properties?.Architectures, m.id).toEqual(['x86_64'])
      } else {
        expect(layers, m.id).toEqual([])
        expect(resource.Properties?.Architectures, m.id).toEqual(['arm64'])
      }
    }
  })

  it('builds one x86_64 Node 22 layer per stack from an asset folder that holds the canvas binary, the wasm core and the Vietnamese model', () => {
    for (const id of layerModules) {
      const { template, resource } = findFunction(env, id)
      const layers = resourcesOf(template, 'AWS::Lambda::LayerVersion') as Record<string, Resource>
      expect(Object.keys(layers), id).toHaveLength(1)
      const [logicalId, layer] = Object.entries(layers)[0]
      expect(asArray(resource.Properties?.Layers)).toEqual([{ Ref: logicalId }])
      expect(layer.Properties?.CompatibleArchitectures).toEqual(['x86_64'])
      expect(layer.Properties?.CompatibleRuntimes).toEqual(['nodejs22.x'])
    }
    const stack = env.built.stacks.workflow
    const layerConstruct = stack.node.findAll().find((c) => c.node.id.startsWith('NativeLayer-')) as unknown as { folder: string }
    const files = filesUnder(layerConstruct.folder)
    const has = (re: RegExp) => files.some((f) => re.test(f))
    expect(has(/^nodejs\/node_modules\/@napi-rs\/canvas-linux-x64-gnu\/[^/]+\.node$/), 'the linux-x64-gnu canvas binary').toBe(true)
    expect(has(/^nodejs\/node_modules\/@napi-rs\/canvas\/index\.js$/)).toBe(true)
    expect(has(/^nodejs\/node_modules\/@tesseract\.js-data\/vie\/4\.0\.0_best_int\/vie\.traineddata\.gz$/), 'the Vietnamese model').toBe(true)
    expect(has(/^nodejs\/node_modules\/@tesseract\.js-data\/eng\/4\.0\.0_best_int\/eng\.traineddata\.gz$/), 'the English model').toBe(true)
    expect(has(/^nodejs\/node_modules\/tesseract\.js-core\/[^/]+\.wasm$/), 'the wasm core').toBe(true)
    expect(has(/^nodejs\/node_modules\/tesseract\.js\/src\/worker-script\/node\/index\.js$/), 'the worker script').toBe(true)
    expect(has(/^nodejs\/node_modules\/pdfjs-dist\/legacy\/build\/pdf\.worker\.mjs$/), 'the pdf.js worker').toBe(true)
    expect(has(/^nodejs\/node_modules\/pdfjs-dist\/standard_fonts\//), 'the standard fonts pdf.js reads').toBe(true)
    // Every dependency tesseract.js requires is in the layer (nothing resolved from a missing node_modules).
    for (const p of packageClosure(['tesseract.js', '@napi-rs/canvas', 'pdfjs-dist'])) expect(existsSync(join(layerConstruct.folder, 'nodejs', relative(REPO_ROOT, p.dir), 'package.json')), p.name).toBe(true)
    expect(files.some((f) => f.endsWith('.map')), 'no source maps').toBe(false)
  })

  it('leaves the layer packages out of the bundles, which import them from /opt', () => {
    for (const id of layerModules) {
      const m = moduleById(id)
      expect(m.external).toEqual(expect.arrayContaining(['@napi-rs/canvas', 'pdfjs-dist', 'tesseract.js']))
      for (const e of m.external!) expect(m.layer).toContain(e)
    }
  })

  it('grants the pipeline Textract analysis and Converse on the one OCR model, and nothing of the kind to the HTTP module', () => {
    const tasks = findFunction(env, 'archives-tasks')
    const statements = roleStatements(tasks.template, tasks.resource.Properties?.Role['Fn::GetAtt'][0])
    const actions = allowedActions(statements)
    expect(actions).toContain('textract:AnalyzeDocument')
    expect(actions.filter((a) => a.startsWith('textract:'))).toEqual(['textract:AnalyzeDocument'])
    const bedrock = statements.filter((s) => asArray<string>(s.Action).includes('bedrock:InvokeModel'))
    expect(bedrock).toHaveLength(1)
    expect(asArray<string>(bedrock[0].Action)).toEqual(['bedrock:InvokeModel'])
    expect(JSON.stringify(bedrock[0].Resource)).toContain(`foundation-model/${OCR_BEDROCK_MODEL_ID}`)
    expect(JSON.stringify(bedrock[0].Resource)).not.toContain('*')
    expect(tasks.resource.Properties?.Environment?.Variables).toMatchObject({ OCR: 'aws', OCR_BEDROCK_MODEL_ID })

    const api = findFunction(env, 'archives')
    const apiActions = allowedActions(roleStatements(api.template, api.resource.Properties?.Role['Fn::GetAtt'][0]))
    expect(apiActions.some((a) => a.startsWith('textract:') || a.startsWith('bedrock:'))).toBe(false)
  })
})

describe('archives layer at run time', () => {
  it('loads the bundle and reads a page with nothing but the layer\'s node_modules beside it', () => {
    const env = synthesize('dev')
    const layer = env.built.stacks.workflow.node.findAll().find((c) => c.node.id.startsWith('NativeLayer-')) as unknown as { folder: string }
    const dir = mkdtempSync(join(tmpdir(), 'do-layer-'))
    try {
      // What Lambda sees: the bundle in /var/task, the layer's packages in /opt/nodejs/node_modules.
      cpSync(bundleModule(moduleById('archives-tasks')), dir, { recursive: true })
      symlinkSync(join(layer.folder, 'nodejs', 'node_modules'), join(dir, 'node_modules'))
      writeFileSync(join(dir, 'probe.mjs'), `
        const m = await import('./index.mjs')
        const { createCanvas } = await import('@napi-rs/canvas')
        const c = createCanvas(420, 90); const g = c.getContext('2d')
        g.fillStyle = '#fff'; g.fillRect(0, 0, 420, 90); g.fillStyle = '#000'; g.font = '36px sans-serif'; g.fillText('Digital Office', 12, 58)
        await import('pdfjs-dist/legacy/build/pdf.mjs')
        const { createRequire } = await import('node:module'); const { dirname, join } = await import('node:path')
        const require = createRequire(import.meta.url)
        const { createWorker } = await import('tesseract.js')
        const w = await createWorker('eng', 1, { langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'), cacheMethod: 'none', gzip: true })
        const r = await w.recognize(c.toBuffer('image/png'))
        await w.terminate()
        console.log(JSON.stringify({ handler: typeof m.handler, text: r.data.text.trim() }))
      `)
      const out = execFileSync(process.execPath, ['probe.mjs'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } })
      expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ handler: 'function', text: 'Digital Office' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the upload mark check on AWS (dev)', () => {
  it('lets every function that takes uploads read a scanned first page with Textract text detection, and that one action only', () => {
    const env = synthesize('dev')
    for (const id of ['documents', 'assistant', 'meetings', 'mail']) {
      const fn = findFunction(env, id)
      const actions = allowedActions(roleStatements(fn.template, fn.resource.Properties?.Role['Fn::GetAtt'][0]))
      expect(actions.filter((a) => a.startsWith('textract:')), id).toEqual(['textract:DetectDocumentText'])
      expect(fn.resource.Properties?.Environment?.Variables, id).toMatchObject({ MARK_OCR: 'textract' })
    }
    const tasks = findFunction(env, 'tasks')
    expect(tasks.resource.Properties?.Environment?.Variables?.MARK_OCR).toBeUndefined()
  })
})
