/**
 * `npm start`: the desktop app. Installs what is missing, builds with electron-vite and opens the
 * real Electron window (page served from the app:// origin).
 *
 * Electron's binary comes from GitHub. Where that is unreachable (offline machine, locked-down
 * network) we say so and serve the same app in the browser instead of failing, so `npm start`
 * always leaves the user with a running Carnet.
 */
import { bin, ensureDependencies, ensureElectronBinary, run } from './setup.mjs'
import { WEB_URL, buildAndServeWeb } from './web.mjs'

await ensureDependencies()

if (await ensureElectronBinary()) {
  console.log('\n> Building the desktop app (electron-vite build)…')
  const built = await run(bin('electron-vite'), ['build'])
  if (built !== 0) {
    console.error(`\nThe desktop build failed (exit code ${built}).`)
    process.exit(built)
  }
  console.log('\n> Starting Carnet…')
  // --skipBuild: we just built; preview would otherwise build everything a second time.
  process.exit(await run(bin('electron-vite'), ['preview', '--skipBuild']))
} else {
  console.warn(
    [
      '',
      '!! The Electron binary is not installed and could not be downloaded (no access to GitHub?).',
      `!! Serving the same app in the browser instead, at ${WEB_URL}`,
      '!! Its notes are stored in that browser, separately from the desktop app.',
      '!! Run `npm start` again once GitHub is reachable: it downloads Electron by itself.',
    ].join('\n'),
  )
  process.exit(await buildAndServeWeb())
}
