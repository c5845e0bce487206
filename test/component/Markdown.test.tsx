// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import type { i18n as I18n } from 'i18next'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '../../src/i18n'
import { NOTE_RENDER_LIMIT, renderNoteHtml } from '../../src/notes/markdown'
import { isAllowedExternalUrl } from '../../src/platform/external-links'
import { Markdown } from '../../renderer/components/Markdown'
import { sanitizeNoteHtml } from '../../renderer/platform/sanitize'
import { hostileNotes, TRAP } from '../helpers/hostile-notes'

const bridge = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string) => true) }))
vi.mock('../../renderer/platform/bridge', () => ({ getBridge: () => bridge }))

declare global {
  interface Window {
    __pwned?: () => void
  }
}

const FORBIDDEN_ELEMENTS =
  'script, img, iframe, svg, math, style, form, input, button, object, embed, base, meta, link, frame, video, audio, template'

let i18n: I18n
let trap: ReturnType<typeof vi.fn<() => void>>

/**
 * Sets the trap where a payload would look for it. Markup handlers and scripts run in jsdom's
 * own script context, whose global is not the test's `window`, so the trap is defined there by a
 * script and records its firing in the DOM, which both sides share. The test's `window` gets a
 * spy too, for code that runs on this side.
 */
function setTrap(): void {
  document.documentElement.removeAttribute('data-pwned')
  const script = document.createElement('script')
  script.textContent = `window.${TRAP} = function () { document.documentElement.setAttribute('data-pwned', 'yes') }`
  document.head.append(script)
  script.remove()
  trap = vi.fn<() => void>()
  window[TRAP] = trap
}

function isTrapSprung(): boolean {
  return document.documentElement.hasAttribute('data-pwned') || trap.mock.calls.length > 0
}

beforeAll(async () => {
  i18n = await createI18n('en')
})

beforeEach(() => {
  setTrap()
  bridge.openExternal.mockClear()
})

afterEach(() => {
  cleanup()
  delete window[TRAP]
})

function renderMarkdown(text: string, onEntity?: (id: string) => void, preview = false) {
  return render(
    <I18nextProvider i18n={i18n}>
      <Markdown text={text} onEntity={onEntity} preview={preview} />
    </I18nextProvider>,
  )
}

/** Every way the note's markup could be wrong, as readable lines (empty when it is safe). */
function problemsIn(root: Element): string[] {
  const problems: string[] = []
  for (const element of root.querySelectorAll(FORBIDDEN_ELEMENTS)) {
    problems.push(`element <${element.localName}>`)
  }
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || attribute.name === 'style') {
        problems.push(`${attribute.name} on <${element.localName}>`)
      }
    }
  }
  for (const anchor of root.querySelectorAll('a[href]')) {
    const href = anchor.getAttribute('href')!
    const isMention = href === '#' && anchor.hasAttribute('data-entity')
    const isAllowed = isMention || isAllowedExternalUrl(href)
    if (!isAllowed) problems.push(`href ${JSON.stringify(anchor.getAttribute('href'))}`)
  }
  return problems
}

/** The markup with each element's attributes sorted: DOMPurify may re-order them. */
function canonical(root: Element): string {
  const copy = root.cloneNode(true) as Element
  for (const element of copy.querySelectorAll('*')) {
    const attributes = [...element.attributes].map((attribute) => [attribute.name, attribute.value])
    for (const [name] of attributes) element.removeAttribute(name!)
    for (const [name, value] of attributes.sort()) element.setAttribute(name!, value!)
  }
  return copy.innerHTML
}

/** Pokes every element the way a user or the browser would, to set off any handler left in. */
function poke(root: Element): void {
  for (const element of root.querySelectorAll('*')) {
    fireEvent.mouseOver(element)
    fireEvent.focus(element)
    fireEvent.click(element)
    fireEvent.error(element)
    fireEvent.load(element)
  }
}

describe('the trap', () => {
  it('does catch a handler that runs (so its silence below means something)', () => {
    const host = document.createElement('div')
    host.innerHTML = `<span onclick="window.${TRAP}()">x</span>`
    document.body.append(host)
    fireEvent.click(host.firstElementChild!)
    expect(isTrapSprung()).toBe(true)
    host.remove()
  })
})

describe('<Markdown> with hostile notes', () => {
  const corpus = hostileNotes()

  it.each(corpus.map((note) => [note.name, note.text] as const))('%s', async (_name, text) => {
    // jsdom takes seconds to sanitise the 600 KB that the 1 MB note renders to (Chromium takes
    // milliseconds, and the end-to-end test unfolds it whole), so here it goes through as the
    // folded preview the journal first shows.
    const { container } = renderMarkdown(text, undefined, text.length > NOTE_RENDER_LIMIT)
    const root = container.querySelector('.markdown-body')!
    expect(problemsIn(root)).toEqual([])
    // The long notes have thousands of elements and no handler to find: poking the short ones
    // is where a surviving handler would show.
    if (text.length < 20_000) poke(root)
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(isTrapSprung()).toBe(false)
    expect(bridge.openExternal).not.toHaveBeenCalledWith(
      expect.stringMatching(/^(?!https?:|mailto:|tel:)/),
    )
    expect(window.location.href).toBe('http://localhost:3000/')
    if (/[\p{L}\p{N}]/u.test(text)) expect(root.textContent).toMatch(/[\p{L}\p{N}]/u)
  })

  it('keeps right-to-left text and emoji sequences intact and readable', () => {
    const rtl = corpus.find((note) => note.name === 'right to left override')!
    const emoji = corpus.find((note) => note.name === 'emoji with zero width joiners')!
    const { container } = renderMarkdown(`${rtl.text}\n\n${emoji.text}`)
    expect(container.textContent).toContain('مرحبا بكم في المتجر')
    expect(container.textContent).toContain('שלום')
    expect(container.textContent).toContain('\u202Eesrever')
    expect(container.textContent).toContain('👨‍👩‍👧‍👦')
    expect(container.textContent).toContain('🧑🏿‍💻')
    expect(container.querySelector('.markdown')!.getAttribute('dir')).toBe('auto')
  })

  it('says when a note is too long to show whole', () => {
    const { container } = renderMarkdown('word '.repeat(NOTE_RENDER_LIMIT / 4))
    expect(container.querySelector('.markdown-truncated')!.textContent).toMatch(/too long/)
  })
})

describe('sanitizeNoteHtml on its own', () => {
  // The second pass must hold even if markdown-it let everything through: feed it the corpus
  // as raw HTML.
  it.each(
    hostileNotes()
      .filter((note) => note.text.length < 20_000)
      .map((note) => [note.name, note.text] as const),
  )('reduces raw %s', (_name, text) => {
    const host = document.createElement('div')
    host.innerHTML = sanitizeNoteHtml(text)
    expect(problemsIn(host)).toEqual([])
    poke(host)
    expect(isTrapSprung()).toBe(false)
  })

  it('keeps everything the markdown renderer produces', () => {
    const note = [
      '# Title',
      'Some **bold**, _em_, ~~gone~~, `code`, #tag and [@Zoé](carnet:entity/z1), [site](https://example.com "Shop").',
      '',
      '3. three',
      '4. four',
      '',
      '- a',
      '  - b',
      '',
      '> quote',
      '',
      '```js',
      'let a = 1',
      '```',
      '',
      '| a | b |',
      '|:-:|--:|',
      '| 1 | 2 |',
      '',
      '---',
      '![alt](https://example.com/x.png)',
    ].join('\n')
    const expected = document.createElement('div')
    expected.innerHTML = renderNoteHtml(note)
    const sanitized = document.createElement('div')
    sanitized.innerHTML = sanitizeNoteHtml(renderNoteHtml(note))
    expect(canonical(sanitized)).toBe(canonical(expected))
  })
})

describe('<Markdown> links', () => {
  it('calls onEntity with the id of a clicked mention, and does not navigate', () => {
    const onEntity = vi.fn()
    const { getByText } = renderMarkdown('Saw [@Zoé Martin](carnet:entity/cust_1) today', onEntity)
    const mention = getByText('@Zoé Martin')
    const click = fireEvent.click(mention)
    expect(click).toBe(false) // default prevented
    expect(onEntity).toHaveBeenCalledWith('cust_1')
    expect(bridge.openExternal).not.toHaveBeenCalled()
    expect(window.location.href).toBe('http://localhost:3000/')
  })

  it('opens an external link through the bridge, never in the page', () => {
    const { getByText } = renderMarkdown('See [the shop](https://example.com/shop?a=1)')
    const click = fireEvent.click(getByText('the shop'))
    expect(click).toBe(false)
    expect(bridge.openExternal).toHaveBeenCalledWith('https://example.com/shop?a=1')
    expect(window.location.href).toBe('http://localhost:3000/')
  })

  it('refuses a middle click on a link', () => {
    const { getByText } = renderMarkdown('See [the shop](https://example.com/)')
    expect(
      fireEvent(
        getByText('the shop'),
        new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }),
      ),
    ).toBe(false)
  })

  it('does nothing for a refused link', () => {
    const { container } = renderMarkdown('[click me](javascript:window.__pwned())')
    fireEvent.click(container.querySelector('.markdown-body p')!)
    expect(isTrapSprung()).toBe(false)
    expect(bridge.openExternal).not.toHaveBeenCalled()
    expect(container.textContent).toContain('click me')
  })
})
