/**
 * What every hostile-input end-to-end test watches (test/fixtures/hostile/README.md): a trap on
 * `window` that every payload calls, requests leaving the page's origin, page errors, and markup
 * that could run or fetch something. Set up before the app loads.
 */
import type { Page } from '@playwright/test'
import { TRAP } from '../../helpers/hostile-notes'
import { collectPageErrors, expect } from '../fixtures'

declare global {
  interface Window {
    __pwned?: () => void
    __pwnedCalls?: number
  }
}

export interface HostileGuards {
  /** Page errors and console errors (a blocked request logs one too). */
  errors: string[]
  /** Requests to another origin. */
  outside: string[]
  /** Checks that nothing was run, fetched or logged, and that Object.prototype is untouched. */
  expectNothingHappened(): Promise<void>
}

/** Call before the first `page.goto`: the trap must be set before any page script runs. */
export async function guardPage(page: Page, baseURL: string): Promise<HostileGuards> {
  const errors = collectPageErrors(page)
  const origin = new URL(baseURL).origin
  const outside: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) outside.push(url)
  })
  await page.addInitScript((trap) => {
    window.__pwnedCalls = 0
    Object.defineProperty(window, trap, {
      value: () => {
        window.__pwnedCalls = (window.__pwnedCalls ?? 0) + 1
      },
    })
  }, TRAP)
  return {
    errors,
    outside,
    async expectNothingHappened() {
      expect(await page.evaluate(() => window.__pwnedCalls)).toBe(0)
      expect(await page.evaluate(() => Object.keys(Object.prototype))).toEqual([])
      expect(outside).toEqual([])
      expect(errors).toEqual([])
    },
  }
}

export interface UnsafeMarkupOptions {
  /** Elements that must not be there at all. */
  elements?: RegExp
  /** Whether a `style` attribute counts (it does in rendered notes; the app's own layout uses it). */
  styles?: boolean
  /** Link and source values allowed: by default http(s), mailto, tel, in-page and same-origin. */
  links?: RegExp
}

/**
 * What the elements matching `selector` hold that could run or fetch: event handler attributes,
 * links other than http(s), mailto, tel or in-page, and forbidden elements.
 */
export async function unsafeMarkup(
  page: Page,
  selector: string,
  {
    elements = /^(script|iframe|object|embed|frame)$/,
    styles = false,
    links = /^(#|\/(?!\/)|https?:|mailto:|tel:)/i,
  }: UnsafeMarkupOptions = {},
): Promise<string[]> {
  return page.locator(selector).evaluateAll(
    (roots, { elements, styles, links }) => {
      const forbidden = new RegExp(elements)
      const allowed = new RegExp(links, 'i')
      return roots.flatMap((root) =>
        [root, ...root.querySelectorAll('*')].flatMap((element) => {
          const found = [...element.attributes]
            .filter(({ name }) => /^on/i.test(name) || (styles && name === 'style'))
            .map(({ name }) => `${name} on <${element.localName}>`)
          for (const name of ['href', 'src', 'xlink:href', 'action', 'formaction']) {
            const value = element.getAttribute(name)
            if (value !== null && !allowed.test(value)) {
              found.push(`${name} ${value.slice(0, 60)}`)
            }
          }
          if (forbidden.test(element.localName)) found.push(`<${element.localName}>`)
          return found
        }),
      )
    },
    { elements: elements.source, styles, links: links.source },
  )
}
