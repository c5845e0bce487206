/**
 * The security policy of the desktop shell, as plain functions: what the page may load, where it
 * may navigate, which windows it may open, which permissions it gets (none) and which frames may
 * call the bridge. `index.ts` attaches them to the real Electron objects; tests call them directly.
 */
import { isAllowedExternalUrl } from '../../src/platform/external-links'
import { APP_HOST, APP_SCHEME } from './app-protocol'

/**
 * Everything comes from the app's own origin; nothing remote, nothing inline, no eval.
 * `data:`/`blob:` images are for pasted pictures and exported PNGs; `blob:` workers for
 * bundler-made workers. Frames, plugins, forms and `<base>` have no use in Carnet.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ')

export interface TrustOptions {
  /**
   * The electron-vite dev server (`ELECTRON_RENDERER_URL`), only when running unpackaged.
   * Never derived from the page or from a packaged app's environment.
   */
  devServerUrl?: string | undefined
}

/** True when `candidate` is a URL on `app://carnet`, whatever its path. */
export function isAppUrl(candidate: unknown): boolean {
  const url = parseUrl(candidate)
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  )
}

function isDevServerUrl(candidate: unknown, devServerUrl: string | undefined): boolean {
  if (devServerUrl === undefined || devServerUrl === '') return false
  const url = parseUrl(candidate)
  const devServer = parseUrl(devServerUrl)
  if (url === null || devServer === null) return false
  // `origin` is only meaningful for http(s); the dev server is always one of those.
  if (devServer.protocol !== 'http:' && devServer.protocol !== 'https:') return false
  return url.origin === devServer.origin && url.username === '' && url.password === ''
}

/**
 * Whether a frame may call the bridge: only Carnet's own page. Called with
 * `event.senderFrame?.url` by every IPC handler before it does anything else.
 */
export function isTrustedSender(frameUrl: unknown, options: TrustOptions = {}): boolean {
  return isAppUrl(frameUrl) || isDevServerUrl(frameUrl, options.devServerUrl)
}

/** `will-navigate`: the page may move within its own origin, and nowhere else. */
export function isAllowedNavigation(targetUrl: unknown, options: TrustOptions = {}): boolean {
  return isTrustedSender(targetUrl, options)
}

export interface PreventableEvent {
  preventDefault(): void
}

export function createNavigationGuard(
  options: TrustOptions = {},
): (event: PreventableEvent, url: string) => void {
  return (event, url) => {
    if (!isAllowedNavigation(url, options)) event.preventDefault()
  }
}

export type OpenExternal = (url: string) => Promise<void>

export interface WindowOpenResponse {
  action: 'deny'
}

/**
 * `setWindowOpenHandler`: the page never opens a window itself (the presenter and print windows
 * are made by the main process, deck-windows.ts). A link meant for the world
 * (`target=_blank`, `window.open`) goes to the system's browser or mail app if it passes the
 * external-link allowlist, and is dropped otherwise.
 */
export function createWindowOpenHandler(
  openExternal: OpenExternal,
): (details: { url: string }) => WindowOpenResponse {
  return ({ url }) => {
    if (isAllowedExternalUrl(url)) {
      // Fire and forget: a failure to launch the browser must not crash the main process.
      openExternal(normalizeUrl(url)).catch(() => undefined)
    }
    return { action: 'deny' }
  }
}

/**
 * Permissions the page may be granted. Empty: Carnet needs no camera, microphone, location,
 * notifications, MIDI, HID, serial or USB. Adding one here is a reviewed decision.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = []

/** `session.setPermissionRequestHandler`. */
export function denyPermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(ALLOWED_PERMISSIONS.includes(permission))
}

/** `session.setPermissionCheckHandler`. */
export function denyPermissionCheck(_webContents: unknown, permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission)
}

/** `will-attach-webview`: `webviewTag` is off, and this stops one attached any other way. */
export function preventWebviewAttach(event: PreventableEvent): void {
  event.preventDefault()
}

/**
 * The part of `WebContents` the guards use. The real `WebContents` fits; tests pass a fake.
 */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void
}

export interface GuardOptions extends TrustOptions {
  openExternal: OpenExternal
}

/** Called from `app.on('web-contents-created')`, so it covers every contents, not only ours. */
export function guardWebContents(contents: GuardedContents, options: GuardOptions): void {
  contents.on('will-navigate', createNavigationGuard(options))
  contents.on('will-attach-webview', preventWebviewAttach)
  contents.setWindowOpenHandler(createWindowOpenHandler(options.openExternal))
}

/**
 * The URL as the parser understood it (`' https:\\example.com'` → `'https://example.com/'`), so
 * the system is handed exactly what was checked, not a string it might read differently.
 */
export function normalizeUrl(url: string): string {
  return new URL(url).href
}

function parseUrl(candidate: unknown): URL | null {
  if (typeof candidate !== 'string' || candidate.length > 8_192) return null
  try {
    return new URL(candidate)
  } catch {
    return null
  }
}
