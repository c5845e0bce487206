/**
 * The desktop shell, end to end: the built app (out/) launched in a real Electron, each test with
 * a fresh profile. Only what the shell adds is checked here; the UI is tested in the web project.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { BRIDGE_MEMBERS } from '../../../src/platform/desktop-bridge'
import { expect, test } from '../fixtures'
import {
  BUILT_MAIN_SCRIPT,
  DISPLAY_MISSING,
  electronBinary,
  electronLaunchArguments,
  electronLaunchEnvironment,
  ELECTRON_BINARY_MISSING,
  hasDisplay,
  hasElectronBinary,
} from './electron-binary'

test.skip(!hasElectronBinary, ELECTRON_BINARY_MISSING)
test.skip(!hasDisplay, DISPLAY_MISSING)

let application: ElectronApplication
let page: Page
let userDataDirectory: string

test.beforeEach(async () => {
  expect(existsSync(BUILT_MAIN_SCRIPT), 'out/main/index.js is missing: run `npm run build`').toBe(
    true,
  )
  userDataDirectory = await mkdtemp(join(tmpdir(), 'carnet-e2e-electron-'))
  application = await _electron.launch({
    executablePath: electronBinary ?? undefined,
    args: electronLaunchArguments(),
    env: electronLaunchEnvironment(userDataDirectory),
  })
  page = await application.firstWindow()
  await page.waitForLoadState('domcontentloaded')
})

test.afterEach(async () => {
  await application.close()
  await rm(userDataDirectory, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
})

test('opens one window at app://carnet/, titled Carnet', async () => {
  const url = new URL(page.url())
  expect(`${url.protocol}//${url.host}`).toBe('app://carnet')
  await expect(page).toHaveTitle(/Carnet/)
  const windowTitles = await application.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => window.getTitle()),
  )
  expect(windowTitles).toHaveLength(1)
  expect(windowTitles[0]).toMatch(/Carnet/)
})

test('exposes exactly the bridge verbs as window.carnet', async () => {
  const verbs = await page.evaluate(() => {
    if (!('carnet' in window)) return null
    const bridge: unknown = window.carnet
    if (typeof bridge !== 'object' || bridge === null) return null
    return Object.entries(bridge).map(([name, value]) => `${name}:${typeof value}`)
  })
  expect(verbs?.sort()).toEqual(BRIDGE_MEMBERS.map((member) => `${member}:function`).sort())

  const info = await page.evaluate(async () => {
    if (!('carnet' in window)) return null
    const bridge: unknown = window.carnet
    if (typeof bridge !== 'object' || bridge === null || !('appInfo' in bridge)) return null
    // Declared inside: the callback is serialised into the page, without its surroundings.
    const isCallable = (value: unknown): value is () => Promise<unknown> =>
      typeof value === 'function'
    const appInfo: unknown = bridge.appInfo
    return isCallable(appInfo) ? await appInfo() : null
  })
  expect(info).toMatchObject({ name: 'Carnet', runtime: 'desktop' })
})

test('gives the page no Node: no require, process, module or Buffer', async () => {
  const globals = await page.evaluate(() => ({
    require: typeof Reflect.get(globalThis, 'require'),
    process: typeof Reflect.get(globalThis, 'process'),
    module: typeof Reflect.get(globalThis, 'module'),
    Buffer: typeof Reflect.get(globalThis, 'Buffer'),
    ipcRenderer: typeof Reflect.get(globalThis, 'ipcRenderer'),
  }))
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
  })
})

test('serves the page with the Content-Security-Policy and nosniff', async () => {
  const headers = await page.evaluate(async () => {
    const response = await fetch('app://carnet/')
    return {
      policy: response.headers.get('content-security-policy'),
      nosniff: response.headers.get('x-content-type-options'),
    }
  })
  expect(headers.policy).toContain("script-src 'self'")
  expect(headers.policy).not.toContain('unsafe-inline')
  expect(headers.nosniff).toBe('nosniff')
})

test('opens no second window', async () => {
  // A link off the allowlist: denied, and not handed to the system either.
  const opened = await page.evaluate(() => window.open('file:///etc/hosts') === null)
  expect(opened).toBe(true)
  expect(application.windows()).toHaveLength(1)
})
