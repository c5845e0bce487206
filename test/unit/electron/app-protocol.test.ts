import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppPath,
} from '../../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security'

const root = resolve('/opt/carnet/out/renderer')

function resolvedFile(url: string): string | undefined {
  const result = resolveAppPath(root, url)
  return result.status === 'ok' ? result.filePath : undefined
}

describe('the app scheme', () => {
  it('is the fixed origin app://carnet/', () => {
    expect(APP_ENTRY_URL).toBe('app://carnet/')
  })

  it('is privileged as a standard, secure origin with fetch, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
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
    })
  })
})

describe('resolveAppPath', () => {
  it('serves index.html for the root and for routes without an extension', () => {
    expect(resolvedFile('app://carnet/')).toBe(join(root, 'index.html'))
    expect(resolvedFile('app://carnet/?notebook=1#top')).toBe(join(root, 'index.html'))
    expect(resolvedFile('app://carnet/customers/42')).toBe(join(root, 'index.html'))
  })

  it('maps files under the root', () => {
    expect(resolvedFile('app://carnet/index.html')).toBe(join(root, 'index.html'))
    expect(resolvedFile('app://carnet/assets/index-abc123.js')).toBe(
      join(root, 'assets', 'index-abc123.js'),
    )
    expect(resolvedFile('app://carnet/assets/Inter%20Variable.woff2?v=2')).toBe(
      join(root, 'assets', 'Inter Variable.woff2'),
    )
  })

  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://carnet/../secret.txt',
      'app://carnet/assets/../../secret.txt',
      'app://carnet/./index.html',
      'app://carnet/%2e%2e/secret.txt',
      'app://carnet/%2E%2E/secret.txt',
      'app://carnet/.%2e/secret.txt',
      'app://carnet/%2e/index.html',
      'app://carnet/assets%2f..%2f..%2fsecret.txt',
      'app://carnet/assets%2F..%2F..%2Fsecret.txt',
      'app://carnet/..%5c..%5csecret.txt',
      'app://carnet/..\\..\\secret.txt',
      'app://carnet/assets\\..\\index.html',
      'app://carnet//etc/passwd.txt',
      'app://carnet/%2fetc%2fpasswd.txt',
      'app://carnet/C:%5cWindows%5cwin.ini',
      'app://carnet/C:/Windows/win.ini',
      'app://carnet/index.html%00.js',
      'app://carnet/%E0%A4%A.js',
    ]) {
      expect(resolveAppPath(root, url).status, url).toBe('refused')
    }
  })

  it('refuses other schemes, hosts, ports and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://carnet.evil/index.html',
      'app://carnetx/index.html',
      'app://user@carnet/index.html',
      'app://carnet:81/index.html',
      'file:///opt/carnet/out/renderer/index.html',
      'https://carnet/index.html',
      '/etc/passwd',
      'app:/carnet/index.html',
      '',
    ]) {
      expect(resolveAppPath(root, url).status, url).toBe('refused')
    }
  })

  it('never resolves outside the root', () => {
    for (const url of ['app://carnet/a/b/c.js', 'app://carnet/...js', 'app://carnet/..foo.js']) {
      const file = resolvedFile(url)
      if (file !== undefined) expect(file.startsWith(root)).toBe(true)
    }
  })
})

describe('mimeTypeFor', () => {
  it('knows what the renderer build emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('a.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm')
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream')
  })
})

describe('createAppProtocolHandler', () => {
  const files = new Map([
    [join(root, 'index.html'), '<!doctype html><title>Carnet</title>'],
    [join(root, 'assets', 'app.js'), 'console.log(1)'],
  ])
  const readFile = vi.fn((filePath: string): Promise<Uint8Array> => {
    const text = files.get(filePath)
    if (text === undefined)
      return Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }))
    return Promise.resolve(new TextEncoder().encode(text))
  })
  const handler = createAppProtocolHandler({
    rootDir: root,
    readFile,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  })

  it('serves the file with its type, the CSP and nosniff', async () => {
    const response = await handler(new Request('app://carnet/'))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Carnet</title>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')

    const script = await handler(new Request('app://carnet/assets/app.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 for a missing file and 403 for a refused path, with the security headers', async () => {
    const missing = await handler(new Request('app://carnet/assets/missing.js'))
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff')

    readFile.mockClear()
    for (const url of [
      'app://carnet/assets%2f..%2f..%2fetc%2fpasswd.txt',
      'app://evil/index.html',
    ]) {
      const refused = await handler(new Request(url))
      expect(refused.status, url).toBe(403)
      expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect(readFile).not.toHaveBeenCalled()

    // The URL parser resolves plain dot segments first: what is left stays inside the root.
    await handler(new Request('app://carnet/%2e%2e/%2e%2e/etc/passwd.txt'))
    expect(readFile).toHaveBeenCalledExactlyOnceWith(join(root, 'etc', 'passwd.txt'))
  })

  it('answers 500 when the file cannot be read for another reason', async () => {
    const failing = createAppProtocolHandler({
      rootDir: root,
      readFile: () => Promise.reject(Object.assign(new Error('io'), { code: 'EIO' })),
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    })
    expect((await failing(new Request('app://carnet/'))).status).toBe(500)
  })

  it('only serves GET and HEAD', async () => {
    const post = await handler(new Request('app://carnet/', { method: 'POST', body: 'x' }))
    expect(post.status).toBe(405)
    const head = await handler(new Request('app://carnet/', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
