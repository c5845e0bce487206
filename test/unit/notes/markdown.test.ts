import { describe, expect, it } from 'vitest'
import { extractTags, mentionLink } from '../../../src/notebook/note-text'
import { exceedsRenderLimit, NOTE_RENDER_LIMIT, renderNoteHtml } from '../../../src/notes/markdown'
import { isAllowedExternalUrl } from '../../../src/platform/external-links'
import { hostileNotes } from '../../helpers/hostile-notes'

// What renderNoteHtml may emit; renderer/platform/sanitize.ts keeps the same list.
const ALLOWED_TAGS = new Set(
  'p br strong em s code pre blockquote ul ol li h1 h2 h3 h4 h5 h6 hr table thead tbody tr th td a span'.split(
    ' ',
  ),
)
const ALLOWED_ATTRIBUTES = new Set(['href', 'class', 'rel', 'title', 'data-entity', 'start'])

/**
 * The tags of the output. Text is escaped (`<` becomes `&lt;`, and so does `>` inside attribute
 * values), so every `<` in the output opens real markup and this split is exact.
 */
function tagsOf(html: string): { name: string; attributes: Map<string, string> }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: new Map(
      [...match[2]!.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)].map((attribute) => [
        attribute[1]!.toLowerCase(),
        decode(attribute[2] ?? ''),
      ]),
    ),
  }))
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** What a reader sees: the text without the markup. */
function visibleText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''))
}

describe('renderNoteHtml', () => {
  it('formats ordinary markdown', () => {
    const html = renderNoteHtml(
      '# Visit\n\nZoé loved the **sourdough** and _rye_.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n`code` ~~gone~~',
    )
    expect(html).toContain('<h1>Visit</h1>')
    expect(html).toContain('<strong>sourdough</strong>')
    expect(html).toContain('<em>rye</em>')
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
    expect(html).toContain('<ol>\n<li>first</li>')
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>')
    expect(html).toContain('<code>code</code>')
    expect(html).toContain('<s>gone</s>')
  })

  it('keeps single line breaks, as people type them', () => {
    expect(renderNoteHtml('first line\nsecond line')).toBe('<p>first line<br>\nsecond line</p>\n')
  })

  it('turns mentions into entity anchors that carry the id, never a real href', () => {
    const html = renderNoteHtml(`Talked with ${mentionLink('cust_42-a', 'Zoé Martin')} today`)
    expect(html).toContain('<a href="#" class="mention" data-entity="cust_42-a">@Zoé Martin</a>')
    expect(html).not.toContain('carnet:')
  })

  it('refuses entity links whose id is not an id', () => {
    const html = renderNoteHtml('[x](carnet:entity/../../x) [y](carnet:entity/a%22b)')
    expect(html).not.toContain('<a')
    expect(visibleText(html)).toContain('x')
  })

  it('makes external links that open elsewhere, with no referrer', () => {
    const html = renderNoteHtml(
      '[shop](https://example.com/a?b=1) <mailto:zoe@example.com> [call](tel:+33123)',
    )
    expect(html).toContain(
      '<a href="https://example.com/a?b=1" class="external-link" rel="noopener noreferrer">shop</a>',
    )
    expect(html).toContain('href="mailto:zoe@example.com"')
    expect(html).toContain('href="tel:+33123"')
  })

  it('links bare addresses', () => {
    const html = renderNoteHtml('see https://example.com/a_b, then')
    expect(html).toContain('href="https://example.com/a_b"')
  })

  it('marks the same #tags that extractTags finds', () => {
    const text =
      '#début of line, a #Bakery-visit, (#paren) «#guillemets» but not a#b, `#code`, \\#escaped, *#emph*, [x](https://e.com/#anchor)\n#next-line [@Zoé](carnet:entity/z1)'
    const html = renderNoteHtml(text)
    const rendered = [...html.matchAll(/<span class="note-tag">#([^<]+)<\/span>/g)].map((match) =>
      match[1]!.toLocaleLowerCase(),
    )
    expect(rendered).toEqual(['début', 'bakery-visit', 'paren', 'guillemets', 'next-line'])
    expect(extractTags(text)).toEqual(expect.arrayContaining(rendered))
  })

  it('shows an image as its alt text and never loads it', () => {
    const html = renderNoteHtml(
      '![the storefront](https://example.com/shop.png) ![](https://example.com/x.png)',
    )
    expect(html).not.toContain('<img')
    expect(html).not.toContain('example.com')
    expect(html).toContain('<span class="note-image-alt">the storefront</span>')
  })

  it('aligns table cells with classes, not inline styles (the CSP refuses those)', () => {
    const html = renderNoteHtml('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |')
    expect(html).toContain('<th class="align-left">a</th>')
    expect(html).toContain('<td class="align-center">2</td>')
    expect(html).toContain('<td class="align-right">3</td>')
    expect(html).not.toContain('style')
  })

  it('shows raw HTML as text', () => {
    expect(renderNoteHtml('a <b>bold</b> claim')).toBe('<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n')
  })
})

describe('renderNoteHtml on hostile notes', () => {
  const corpus = hostileNotes()

  it('has a corpus worth the name', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30)
    expect(corpus.some((note) => note.text.length >= 1_000_000)).toBe(true)
  })

  it.each(corpus.map((note) => [note.name, note.text] as const))('%s', (_name, text) => {
    const html = renderNoteHtml(text)
    expect(html).not.toMatch(
      /<(script|img|iframe|svg|math|style|form|object|embed|base|meta|input|button)\b/i,
    )
    // Collected, then compared once: a 1 MB note has tens of thousands of tags.
    const problems = new Set<string>()
    for (const tag of tagsOf(html)) {
      if (!ALLOWED_TAGS.has(tag.name)) problems.add(`tag <${tag.name}>`)
      for (const [name, value] of tag.attributes) {
        if (!ALLOWED_ATTRIBUTES.has(name) || /^on/.test(name)) {
          problems.add(`attribute ${name} on <${tag.name}>`)
        }
        const isAllowedHref = value === '#' || isAllowedExternalUrl(value)
        if (
          name === 'href' &&
          (!isAllowedHref || /^\s*(javascript|data|vbscript|file):/i.test(value))
        ) {
          problems.add(`href ${value}`)
        }
      }
    }
    expect([...problems]).toEqual([])
    // Whatever was refused, the note is still there to read.
    if (/[\p{L}\p{N}]/u.test(text)) expect(visibleText(html)).toMatch(/[\p{L}\p{N}]/u)
  })

  it('keeps the words of a hostile note readable', () => {
    const [note] = corpus.filter((entry) => entry.name === 'markdown link javascript')
    expect(visibleText(renderNoteHtml(note!.text))).toContain('click me')
    const rtl = corpus.find((entry) => entry.name === 'right to left override')!
    expect(visibleText(renderNoteHtml(rtl.text))).toContain('مرحبا بكم في المتجر')
    const emoji = corpus.find((entry) => entry.name === 'emoji with zero width joiners')!
    expect(visibleText(renderNoteHtml(emoji.text))).toContain('👨‍👩‍👧‍👦')
  })

  it('renders only the beginning of a 1 MB note, and says so', () => {
    const big = corpus.find((entry) => entry.text.length >= 1_000_000)!
    expect(exceedsRenderLimit(big.text)).toBe(true)
    const html = renderNoteHtml(big.text)
    expect(html.endsWith('<p class="note-truncated">…</p>\n')).toBe(true)
    expect(visibleText(html).length).toBeLessThanOrEqual(NOTE_RENDER_LIMIT + 10)
  })

  it('never splits an emoji where it cuts', () => {
    const text = `${'a'.repeat(NOTE_RENDER_LIMIT - 1)}😀 and more`
    expect(renderNoteHtml(text)).not.toContain('\uFFFD')
    expect(renderNoteHtml(text)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})
