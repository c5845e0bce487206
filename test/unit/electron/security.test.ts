import { describe, expect, it, vi } from 'vitest'
import type {
  GuardedContents,
  PreventableEvent,
  WindowOpenResponse,
} from '../../../electron/main/security'
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_DIRECTIVES,
  createNavigationGuard,
  createWindowOpenHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  guardWebContents,
  isAllowedNavigation,
  isTrustedSender,
  preventWebviewAttach,
} from '../../../electron/main/security'

const DEV_SERVER = 'http://localhost:5173'

/** Links a hostile page might try to open or navigate to. */
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'vbscript:msgbox(1)',
  'https://user@evil.example/',
  'https://bank.example:secret@evil.example/',
  'smb://evil.example/share',
  'ms-msdt:/id PCWDiagnostic',
  'about:blank',
  'chrome://settings',
  'app://evil/',
  '',
  'not a url',
]

function fakeEvent(): PreventableEvent & { isPrevented: boolean } {
  return {
    isPrevented: false,
    preventDefault() {
      this.isPrevented = true
    },
  }
}

describe('Content-Security-Policy', () => {
  it('allows nothing inline, no eval and no remote source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe/,
    )
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|ws:|wss:/)
    const sources = Object.values(CONTENT_SECURITY_POLICY_DIRECTIVES).flat()
    for (const source of sources) {
      expect(["'self'", "'none'", 'data:', 'blob:']).toContain(source)
    }
  })

  it('has the strict directives', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((part) => {
        const [name = '', ...values] = part.split(' ')
        return [name, values.join(' ')]
      }),
    )
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    })
  })
})

describe('isTrustedSender', () => {
  it('trusts the app origin, whatever the path', () => {
    expect(isTrustedSender('app://carnet/')).toBe(true)
    expect(isTrustedSender('app://carnet/index.html')).toBe(true)
    expect(isTrustedSender('app://carnet/customers/42?tab=notes#top')).toBe(true)
  })

  it('refuses other origins, lookalikes and non-strings', () => {
    for (const url of [
      ...HOSTILE_URLS,
      'app://carnet.evil.example/',
      'app://evilcarnet/',
      'app://user@carnet/',
      'app://carnet:8080/',
      'https://carnet/',
      'http://localhost:5173/',
      undefined,
      null,
      42,
      {},
    ]) {
      expect(isTrustedSender(url), JSON.stringify(url) ?? 'undefined').toBe(false)
    }
  })

  it('trusts the dev server only when it is passed in, and only its exact origin', () => {
    expect(isTrustedSender('http://localhost:5173/', { devServerUrl: DEV_SERVER })).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', { devServerUrl: DEV_SERVER })).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', { devServerUrl: DEV_SERVER })).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', { devServerUrl: DEV_SERVER })).toBe(false)
    expect(isTrustedSender('http://localhost:5173/', { devServerUrl: undefined })).toBe(false)
    expect(isTrustedSender('http://localhost:5173/', { devServerUrl: '' })).toBe(false)
    // A dev server setting must never make a non-http page trusted.
    expect(isTrustedSender('file:///tmp/x.html', { devServerUrl: 'file:///tmp/' })).toBe(false)
  })
})

describe('navigation guard', () => {
  it('allows navigation within app://carnet', () => {
    const guard = createNavigationGuard()
    const event = fakeEvent()
    guard(event, 'app://carnet/customers')
    expect(event.isPrevented).toBe(false)
  })

  it('denies http(s), file, javascript and every other origin', () => {
    const guard = createNavigationGuard()
    for (const url of [
      ...HOSTILE_URLS,
      'https://example.com/',
      'http://example.com/',
      'http://localhost:5173/',
    ]) {
      const event = fakeEvent()
      guard(event, url)
      expect(event.isPrevented, url).toBe(true)
    }
  })

  it('allows the dev server origin only when given', () => {
    expect(isAllowedNavigation('http://localhost:5173/x', { devServerUrl: DEV_SERVER })).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/x')).toBe(false)
  })
})

describe('window open handler', () => {
  it('always denies, and hands allowed links to the system', () => {
    const openExternal = vi.fn((_url: string) => Promise.resolve())
    const handler = createWindowOpenHandler(openExternal)
    for (const url of [
      'https://example.com/',
      'http://example.com/a?b=c',
      'mailto:a@b.example',
      'tel:+33123456789',
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' })
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/',
      'http://example.com/a?b=c',
      'mailto:a@b.example',
      'tel:+33123456789',
    ])
  })

  it('never hands a hostile link to the system', () => {
    const openExternal = vi.fn((_url: string) => Promise.resolve())
    const handler = createWindowOpenHandler(openExternal)
    for (const url of [...HOSTILE_URLS, 'app://carnet/', 'http://', 'https://']) {
      expect(handler({ url }), url).toEqual({ action: 'deny' })
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('hands the system the URL as parsed, not the raw string', () => {
    const openExternal = vi.fn((_url: string) => Promise.resolve())
    const handler = createWindowOpenHandler(openExternal)
    handler({ url: ' https:\\\\example.com\\path ' })
    handler({ url: 'HTTPS://EXAMPLE.COM/a\tb' })
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/path',
      'https://example.com/ab',
    ])
  })

  it('survives a system that fails to open the link', async () => {
    const openExternal = vi.fn((_url: string) => Promise.reject(new Error('no browser')))
    const handler = createWindowOpenHandler(openExternal)
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(openExternal).toHaveBeenCalledOnce()
  })
})

describe('permissions', () => {
  it('denies every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midiSysex',
      'openExternal',
      'clipboard-read',
      'fileSystem',
      'unknown',
    ]) {
      const callback = vi.fn()
      denyPermissionRequest({}, permission, callback)
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
      expect(denyPermissionCheck(null, permission)).toBe(false)
    }
  })
})

describe('guardWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: PreventableEvent, url: string) => void>()
    let windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | undefined
    const contents: GuardedContents = {
      on(event: string, listener: (event: PreventableEvent, url: string) => void) {
        listeners.set(event, listener)
        return contents
      },
      setWindowOpenHandler(handler) {
        windowOpenHandler = handler
      },
    }
    return { contents, listeners, windowOpenHandler: () => windowOpenHandler }
  }

  it('attaches the navigation, webview and new-window guards', () => {
    const { contents, listeners, windowOpenHandler } = fakeContents()
    const openExternal = vi.fn((_url: string) => Promise.resolve())
    guardWebContents(contents, { openExternal })

    const navigation = fakeEvent()
    listeners.get('will-navigate')?.(navigation, 'https://evil.example/')
    expect(navigation.isPrevented).toBe(true)

    const webview = fakeEvent()
    listeners.get('will-attach-webview')?.(webview, '')
    expect(webview.isPrevented).toBe(true)

    expect(windowOpenHandler()?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://example.com/')
  })

  it('prevents every webview', () => {
    const event = fakeEvent()
    preventWebviewAttach(event)
    expect(event.isPrevented).toBe(true)
  })
})
