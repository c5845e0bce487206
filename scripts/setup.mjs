/**
 * Makes a fresh clone runnable: dependencies, a Chromium for the end-to-end tests, and (when the
 * network allows) Electron's binary. Used by start.mjs, web.mjs and test.mjs.
 *
 * Node builtins only: this runs before node_modules exists.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { MISSING_CHROMIUM_HELP, ROOT, resolveChromium } from './chromium.mjs'

export { ROOT }

const isWindows = process.platform === 'win32'

/**
 * Run a command with inherited stdio and resolve to its exit code (never rejects).
 * Ctrl+C reaches the child through the terminal's process group; we also forward SIGINT and
 * SIGTERM explicitly so the child gets them when we were signalled some other way (a CI runner
 * cancelling a job, `kill`), and we wait for it instead of dying first and orphaning it.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      // .cmd shims (npm, node_modules/.bin/*) can only be started through a shell on Windows.
      shell: isWindows,
      ...options,
    })
    const forward = (signal) => () => child.kill(signal)
    const onInt = forward('SIGINT')
    const onTerm = forward('SIGTERM')
    process.on('SIGINT', onInt)
    process.on('SIGTERM', onTerm)
    let settled = false
    const done = (code) => {
      if (settled) return
      settled = true
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      resolve(code)
    }
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`)
      done(1)
    })
    // A child killed by a signal has code null; report it as a failure, like a shell would.
    child.on('exit', (code, signal) => done(code ?? (signal === 'SIGINT' ? 130 : 1)))
  })
}

/** Path of an executable installed by npm in node_modules/.bin. */
export function bin(name) {
  return join(ROOT, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name)
}

function mtime(path) {
  return statSync(path).mtimeMs
}

/**
 * Install dependencies when node_modules is missing or older than package-lock.json (after a pull
 * that changed them). npm writes node_modules/.package-lock.json on every install, so its date is
 * the date of the last install.
 */
export async function ensureDependencies() {
  const lock = join(ROOT, 'package-lock.json')
  const installed = join(ROOT, 'node_modules', '.package-lock.json')
  const stale = !existsSync(installed) || (existsSync(lock) && mtime(lock) > mtime(installed))
  if (!stale) return
  console.log('\n> Installing dependencies (npm ci)…')
  // Electron's postinstall downloads its binary from GitHub. npm 10 runs it; with no internet it
  // fails the whole install. ensureElectronBinary() fetches it later, only when it can be had.
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
  const code = await run(isWindows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { env })
  if (code !== 0) {
    console.error(`\nnpm ci failed (exit code ${code}). Fix the error above, then run again.`)
    process.exit(code || 1)
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/**
 * The Chromium for Playwright: its own if installed, else Debian's, installing Debian's with
 * apt-get when we are root (CI, containers). Exits with instructions when none can be had, since
 * no end-to-end test can run without it.
 *
 * @returns {{ source: 'env' | 'playwright' | 'system', executablePath: string | null }}
 *   executablePath is null when Playwright's own Chromium is used.
 */
export function ensureChromium() {
  const requested = process.env.CARNET_CHROMIUM
  if (requested && !existsSync(requested)) {
    console.warn(`CARNET_CHROMIUM=${requested} does not exist; looking for another Chromium.`)
  }
  let found = resolveChromium()
  if (found.source === 'missing' && !isWindows && isRoot() && existsSync('/usr/bin/apt-get')) {
    console.log('\n> Installing Chromium for the end-to-end tests (apt-get)…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const opts = { stdio: 'inherit', env }
    const ok =
      spawnSync('apt-get', ['update', '-qq'], opts).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], opts).status === 0
    if (!ok) console.error('apt-get could not install chromium.')
    found = resolveChromium()
  }
  if (found.source === 'missing') {
    console.error(`\n${MISSING_CHROMIUM_HELP}`)
    process.exit(1)
  }
  return found
}

/** Where Electron's binary lives once installed (node_modules/electron/path.txt names it). */
export function electronBinaryPath() {
  const dir = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/**
 * Electron's binary, downloading it now if the install skipped it. Returns false when it cannot
 * be had (typically: no access to GitHub); callers fall back to the web build.
 */
export async function ensureElectronBinary() {
  if (electronBinaryPath()) return true
  const installer = join(ROOT, 'node_modules', 'electron', 'install.js')
  if (!existsSync(installer)) return false
  console.log('\n> Downloading the Electron binary…')
  const env = { ...process.env }
  // install.js exits at once, successfully, when this is set.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  // install.js reports a failed download with a long stack trace; keep its first line, which
  // names the cause (e.g. "getaddrinfo ENOTFOUND github.com"), and let the caller explain.
  const ok = await new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
      // A stalled download (proxy, captive portal) must not hang `npm start` forever.
      timeout: 5 * 60_000,
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) => {
      console.error(`Could not run the Electron installer: ${error.message}`)
      resolve(false)
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGTERM') console.error('The Electron download timed out after 5 minutes.')
      else if (code !== 0)
        console.error(`Electron download failed: ${stderr.trim().split('\n')[0]}`)
      resolve(code === 0)
    })
  })
  // Trust the disk, not the exit code: install.js exits 0 in some no-op cases.
  return ok && electronBinaryPath() !== null
}
