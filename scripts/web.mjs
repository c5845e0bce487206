/**
 * `npm run web`: Carnet in a plain browser. Builds the web flavour of the renderer (dist-web) and
 * serves it with `vite preview` on a fixed port, the same build the end-to-end tests drive.
 * Data lives in that browser's IndexedDB for http://localhost:4180, so the port must not change.
 */
import { pathToFileURL } from 'node:url'
import { bin, ensureDependencies, run } from './setup.mjs'

export const WEB_URL = 'http://localhost:4180/'

/** Build dist-web, then serve it until Ctrl+C. Resolves to the exit code. */
export async function buildAndServeWeb() {
  console.log('\n> Building the web version (vite build --config vite.web.config.ts)…')
  const built = await run(bin('vite'), ['build', '--config', 'vite.web.config.ts'])
  if (built !== 0) {
    console.error(`\nThe web build failed (exit code ${built}).`)
    return built
  }
  console.log(`\n> Carnet (web) is at ${WEB_URL} — open it in a browser. Ctrl+C stops it.\n`)
  // The port is fixed in vite.web.config.ts (strictPort): a busy port fails loudly instead of
  // silently moving to another origin, which would show an empty notebook.
  return run(bin('vite'), ['preview', '--config', 'vite.web.config.ts'])
}

async function main() {
  await ensureDependencies()
  process.exit(await buildAndServeWeb())
}

// Run only when executed (`node scripts/web.mjs`), not when start.mjs imports buildAndServeWeb.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
