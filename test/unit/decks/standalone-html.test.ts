import { describe, expect, it } from 'vitest'
import { escapeHtml, svgDataUrl, writeStandaloneHtml } from '../../../src/decks/standalone-html'
import type { StandaloneDeck } from '../../../src/decks/standalone-html'

const labels: StandaloneDeck['labels'] = {
  position: 'Slide {n} of {total}',
  previous: 'Previous',
  next: 'Next',
  help: 'Arrow keys move.',
  empty: 'No slides',
}

function decoded(html: string): string {
  // Pictures are percent-encoded data URLs: read them back as text to search them.
  return html.replace(/data:image\/svg\+xml;charset=utf-8,([^"]*)/g, (_, body: string) =>
    decodeURIComponent(body.replace(/&amp;/g, '&')),
  )
}

describe('standalone deck HTML', () => {
  const hostile = '<script>alert(1)</script>'
  const deck: StandaloneDeck = {
    title: `Deck ${hostile}`,
    lang: 'en',
    labels,
    slides: [
      { kind: 'text', title: `Hello ${hostile}`, caption: '[click](javascript:alert(1)) <b>x</b>' },
      {
        kind: 'map',
        title: 'Map',
        caption: '',
        picture: {
          svg: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>Zoé &amp; &lt;script&gt;</text></svg>',
          width: 400,
          height: 300,
          alt: `"onload="alert(1)`,
        },
      },
    ],
  }
  const html = writeStandaloneHtml(deck)

  it('fetches nothing from anywhere', () => {
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script[^>]+src=/i)
    expect(html).not.toMatch(/<link/i)
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toMatch(/@import|url\(/)
  })

  it('escapes every user text', () => {
    // Only the file's own script element: none from a name, a caption or a picture.
    expect(html.match(/<script>/g)).toHaveLength(1)
    expect(html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/href="javascript:/i)
    expect(html).not.toContain('<b>x</b>')
    expect(html).toContain('alt="&quot;onload=&quot;alert(1)"')
  })

  it('embeds pictures as data images that hold the SVG', () => {
    expect(html).toContain('src="data:image/svg+xml;charset=utf-8,')
    expect(decoded(html)).toContain('Zoé &amp; &lt;script&gt;')
    expect(svgDataUrl("<svg>'</svg>")).not.toMatch(/['<>"]/)
  })

  it('holds one section per slide, and a message when there is none', () => {
    expect(html.match(/<section/g)).toHaveLength(2)
    expect(writeStandaloneHtml({ ...deck, slides: [] })).toContain('No slides')
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;')
  })
})
