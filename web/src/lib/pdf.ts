/**
 * pdf.js, loaded on demand: only the document page's viewer imports this
 * module's `loadPdfjs()`, so the library (and its worker, a separate file
 * that Vite emits from the `?url` import) stays out of every other page.
 */
import type * as Pdfjs from 'pdfjs-dist'

export type PdfjsLib = typeof Pdfjs

let loading: Promise<PdfjsLib> | null = null

/** pdf.js 5 uses a few very recent built-ins on the main thread; older browsers get small stand-ins. */
function polyfill(): void {
  for (const proto of [Map.prototype, WeakMap.prototype] as unknown as Record<string, unknown>[]) {
    if (typeof proto.getOrInsertComputed !== 'function') {
      Object.defineProperty(proto, 'getOrInsertComputed', {
        configurable: true, writable: true,
        value(this: Map<unknown, unknown>, key: unknown, make: (k: unknown) => unknown) {
          if (!this.has(key)) this.set(key, make(key))
          return this.get(key)
        },
      })
    }
    if (typeof proto.getOrInsert !== 'function') {
      Object.defineProperty(proto, 'getOrInsert', {
        configurable: true, writable: true,
        value(this: Map<unknown, unknown>, key: unknown, value: unknown) {
          if (!this.has(key)) this.set(key, value)
          return this.get(key)
        },
      })
    }
  }
  const P = Promise as unknown as { withResolvers?: () => unknown }
  if (typeof P.withResolvers !== 'function') {
    P.withResolvers = () => {
      let resolve!: (v: unknown) => void
      let reject!: (e: unknown) => void
      const promise = new Promise((res, rej) => { resolve = res; reject = rej })
      return { promise, resolve, reject }
    }
  }
}

export function loadPdfjs(): Promise<PdfjsLib> {
  if (!loading) {
    polyfill()
    loading = Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default
      return lib
    })
    loading.catch(() => { loading = null })
  }
  return loading
}
