/**
 * The same renderer as the desktop app, built to run in a plain browser (`npm run web`).
 * End-to-end tests drive this build in Chromium.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  build: {
    outDir: resolve('dist-web'),
    emptyOutDir: true,
    // The sample notebooks are large chunks on purpose: loaded only when a sample is created.
    chunkSizeWarningLimit: 2_000,
  },
  define: { 'import.meta.env.CARNET_VERSION': JSON.stringify(version) },
  worker: { format: 'es' },
  plugins: [react()],
  server: { port: 5180, strictPort: false },
  preview: { port: 4180, strictPort: true },
})
