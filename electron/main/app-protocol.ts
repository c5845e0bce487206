/**
 * The `app://carnet/` protocol: the one origin Carnet's page is served from, for the life of the
 * product.
 *
 * IndexedDB, localStorage and every other piece of web storage are keyed by origin. The notebooks
 * live in IndexedDB, so changing the scheme, the host or the privileges below would silently open
 * an empty database for every user. Treat these constants as part of the on-disk format.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'carnet'
/** The origin as the browser spells it (no trailing slash). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`

/**
 * Passed to `protocol.registerSchemesAsPrivileged` before the app is ready.
 *
 * - `standard`: real origin, relative URLs and per-origin storage (IndexedDB needs it).
 * - `secure`: a secure context, so crypto.subtle, persistent storage and workers behave as on https.
 * - `supportFetchAPI`: the page fetches its own assets (workers, wasm, json).
 * - `codeCache`: V8 may cache compiled scripts for faster starts.
 * - no service workers, no CORS, and never `bypassCSP`: the page has nothing to share with
 *   anyone and must stay under its Content-Security-Policy.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    allowServiceWorkers: false,
    corsEnabled: false,
    bypassCSP: false,
    stream: false,
  },
} as const satisfies CustomScheme

/** Content types of what the renderer build emits. Anything else is served as opaque bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export const FALLBACK_MIME_TYPE = 'application/octet-stream'

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? FALLBACK_MIME_TYPE
}

export type AppPathResult =
  { status: 'ok'; filePath: string } | { status: 'refused'; reason: string }

const INDEX_FILE = 'index.html'

/**
 * Maps `app://carnet/<path>` to a file under `rootDir`, or refuses.
 *
 * Chromium already normalises URLs before they reach the handler, so a request that still holds
 * a dot segment, an encoded separator or a backslash was crafted: it is refused outright rather
 * than repaired. The final path is then checked to be inside `rootDir` as a second, independent
 * line of defence.
 *
 * `/` serves `index.html`, and so does any path whose last segment has no extension
 * (`app://carnet/customers/42`), so the page can use history-style routes and be reloaded on them.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResult {
  if (/[\\\0]/.test(requestUrl)) return refused('backslash or NUL in the URL')

  const prefix = `${APP_ORIGIN}/`
  if (!requestUrl.toLowerCase().startsWith(prefix)) return refused('not an app://carnet/ URL')

  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return refused('malformed URL')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) {
    return refused('other origin')
  }
  if (url.username !== '' || url.password !== '' || url.port !== '') {
    return refused('credentials or port in the URL')
  }

  // The raw path, before the URL parser resolved any dot segment.
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? ''
  const rawSegments = rawPath === '' ? [] : rawPath.split('/')
  const segments: string[] = []
  for (const [index, rawSegment] of rawSegments.entries()) {
    let segment: string
    try {
      segment = decodeURIComponent(rawSegment)
    } catch {
      return refused('malformed percent-encoding')
    }
    if (segment === '.' || segment === '..') return refused('dot segment in the path')
    if (/[/\\\0:]/.test(segment)) return refused('encoded separator, NUL or drive in the path')
    if (segment === '') {
      // Only a trailing slash may leave an empty segment (`app://carnet/`, `.../folder/`).
      if (index === rawSegments.length - 1) continue
      return refused('empty path segment')
    }
    segments.push(segment)
  }

  const last = segments.at(-1)
  const isDocumentRoute = last === undefined || extname(last) === ''
  const relativePath = isDocumentRoute ? INDEX_FILE : segments.join('/')
  if (isAbsolute(relativePath)) return refused('absolute path')

  const root = resolve(rootDir)
  const filePath = resolve(root, relativePath)
  const fromRoot = relative(root, filePath)
  if (
    fromRoot === '' ||
    fromRoot.startsWith(`..${sep}`) ||
    fromRoot === '..' ||
    isAbsolute(fromRoot)
  ) {
    return refused('outside the renderer folder')
  }
  return { status: 'ok', filePath }
}

function refused(reason: string): AppPathResult {
  return { status: 'refused', reason }
}

/** What the handler needs from the file system: `fs.promises.readFile` fits. */
export type ReadFile = (filePath: string) => Promise<Uint8Array>

export interface AppProtocolHandlerOptions {
  /** The built renderer (`out/renderer`). */
  rootDir: string
  readFile: ReadFile
  contentSecurityPolicy: string
}

/** Headers every response carries, whatever its status. */
export function securityHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // The files change with each release; never serve a stale page after an update.
    'Cache-Control': 'no-cache',
  }
}

/**
 * The handler given to `protocol.handle('app', …)`. It takes and returns the standard
 * `Request`/`Response`, so it runs unchanged in Node tests.
 */
export function createAppProtocolHandler(
  options: AppProtocolHandlerOptions,
): (request: Request) => Promise<Response> {
  const headers = securityHeaders(options.contentSecurityPolicy)

  const plain = (status: number, text: string): Response =>
    new Response(text, {
      status,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    })

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed')
    }
    const resolved = resolveAppPath(options.rootDir, request.url)
    if (resolved.status === 'refused') return plain(403, 'Forbidden')

    let bytes: Uint8Array
    try {
      bytes = await options.readFile(resolved.filePath)
    } catch (error) {
      const code = errorCode(error)
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR'
        ? plain(404, 'Not found')
        : plain(500, 'Could not read the file')
    }
    const body = request.method === 'HEAD' ? null : bytes
    return new Response(body, {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': mimeTypeFor(resolved.filePath),
        'Content-Length': String(bytes.byteLength),
      },
    })
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}
