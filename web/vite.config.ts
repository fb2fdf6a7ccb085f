/**
 * The SPA build: `npx vite build --config web/vite.config.ts` → web/dist.
 * JSX goes through Vite's built-in esbuild transform (no React plugin).
 * For UI work, run the real platform (`npm start`, API on :3000) and
 * `npx vite --config web/vite.config.ts`: the dev server proxies /api to it.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin, type UserConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig(async (): Promise<UserConfig> => {
  const plugins: Plugin[] = []
  return {
    root,
    base: '/',
    publicDir: 'public',
    plugins,
    esbuild: { jsx: 'automatic' },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // pdf.js (about 410 kB, loaded only by the document page's viewer) is the one chunk above 400 kB.
      chunkSizeWarningLimit: 420,
      rollupOptions: {
        onwarn(warning, warn) {
          // zod's misplaced annotation comment and Mantine's "use client": harmless.
          if ((warning.code === 'INVALID_ANNOTATION' || warning.code === 'MODULE_LEVEL_DIRECTIVE') && warning.id?.includes('node_modules')) return
          warn(warning)
        },
        output: {
          // pdf.js's worker is an .mjs file: emitted as .js, the MIME type every static host (and the local gateway) knows for scripts.
          assetFileNames: (asset) => (asset.names?.[0] ?? '').endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]',
          manualChunks(id: string) {
            if (!id.includes('node_modules')) return undefined
            // Mantine components only the document pages use: their own chunk, loaded with those pages.
            if (/@mantine[\\/]core[\\/].*components[\\/](Pagination|TagsInput|Autocomplete|Grid)[\\/]/.test(id)) return 'mantine-docs'
            if (id.includes('@mantine') || id.includes('@floating-ui') || id.includes('react-remove-scroll') || id.includes('react-textarea-autosize') || id.includes('react-number-format')) return 'mantine'
            if (id.includes('i18next')) return 'i18n'
            if (/[\\/]zod[\\/]/.test(id)) return 'zod'
            if (id.includes('@tabler')) return undefined
            // pdf.js: its own chunk, loaded only when the document page's viewer asks for it.
            if (id.includes('pdfjs-dist')) return 'pdfjs'
            return 'vendor'
          },
        },
      },
    },
    server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/local': 'http://localhost:3000' } },
    preview: { port: 4173 },
  }
})
