/**
 * Can this machine run the desktop app? Shared by every spec in test/e2e/electron/.
 *
 * `npm install` downloads the Electron binary from GitHub in electron's postinstall; where that
 * is impossible (CI, ELECTRON_SKIP_BINARY_DOWNLOAD) the package is there without the binary, and
 * the specs skip themselves with `test.skip(!hasElectronBinary, ELECTRON_BINARY_MISSING)`.
 * The detection mirrors `node_modules/electron/index.js`, without its throw: `path.txt` names
 * the executable under `dist/`, and both must exist.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

export const ELECTRON_BINARY_MISSING =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run ' +
  '`node node_modules/electron/install.js` with internet to enable these tests'

export const DISPLAY_MISSING =
  'No display for Electron on Linux; run the tests under `xvfb-run -a` to enable these tests'

/** Path of the Electron executable, or null when it is not installed. */
export function findElectronBinary(root: string = repositoryRoot): string | null {
  const packageDirectory = join(root, 'node_modules', 'electron')
  const pathFile = join(packageDirectory, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relativeExecutable = readFileSync(pathFile, 'utf8').trim()
  if (relativeExecutable === '') return null
  const executable = join(packageDirectory, 'dist', relativeExecutable)
  return existsSync(executable) ? executable : null
}

export const electronBinary = findElectronBinary()
export const hasElectronBinary = electronBinary !== null

/** Electron has no headless mode: on Linux it needs an X or Wayland display (or xvfb). */
export const hasDisplay =
  process.platform !== 'linux' ||
  Boolean(process.env.DISPLAY) ||
  Boolean(process.env.WAYLAND_DISPLAY)

/** The built main script that `npm run build` (electron-vite) writes. */
export const BUILT_MAIN_SCRIPT = join(repositoryRoot, 'out', 'main', 'index.js')

/**
 * Command-line arguments to launch the built app. Chromium refuses to start its sandbox as root
 * on Linux (containers, CI), so there it needs `--no-sandbox`; the renderer stays isolated by
 * contextIsolation and the absence of Node either way.
 */
export function electronLaunchArguments(mainScript: string = BUILT_MAIN_SCRIPT): string[] {
  const isLinuxRoot = process.platform === 'linux' && process.getuid?.() === 0
  return [...(isLinuxRoot ? ['--no-sandbox'] : []), mainScript]
}

/**
 * The environment for the app under test: the caller's, minus what would change what the app
 * loads or how it runs, plus a fresh profile folder.
 */
export function electronLaunchEnvironment(userDataDirectory: string): Record<string, string> {
  const environment: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined) environment[name] = value
  }
  // Set by `electron-vite dev`; it would load the dev server instead of app://carnet/.
  delete environment.ELECTRON_RENDERER_URL
  // Would run Electron as plain Node, with no window at all.
  delete environment.ELECTRON_RUN_AS_NODE
  environment.CARNET_USER_DATA_DIR = userDataDirectory
  return environment
}
