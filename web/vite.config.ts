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
      chunkSizeWarningLimit: 400,
      rollupOptions: {
        onwarn(warning, warn) {
          // zod's misplaced annotation comment and Mantine's "use client": harmless.
          if ((warning.code === 'INVALID_ANNOTATION' || warning.code === 'MODULE_LEVEL_DIRECTIVE') && warning.id?.includes('node_modules')) return
          warn(warning)
        },
        output: {
          manualChunks(id: string) {
            if (!id.includes('node_modules')) return undefined
            if (id.includes('@mantine') || id.includes('@floating-ui') || id.includes('react-remove-scroll') || id.includes('react-textarea-autosize') || id.includes('react-number-format')) return 'mantine'
            if (id.includes('i18next')) return 'i18n'
            if (/[\\/]zod[\\/]/.test(id)) return 'zod'
            if (id.includes('@tabler')) return undefined
            return 'vendor'
          },
        },
      },
    },
    server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/local': 'http://localhost:3000' } },
    preview: { port: 4173 },
  }
})
