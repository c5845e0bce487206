// @vitest-environment jsdom
/**
 * Hostile entity names (test/fixtures/hostile/entity-names.json) in what leaves Carnet as a
 * picture or a deck: the map's SVG export (renderer/views/Map/map-export.ts, also the picture of
 * every map slide) and the standalone HTML deck (src/decks/standalone-html.ts), with hostile
 * names as map labels, the map title, slide titles and captions. Neither may hold a script, an
 * event handler attribute or a reference to anything outside the file. The deck's own escaping
 * is unit-tested in test/unit/decks/standalone-html.test.ts; this runs the real map picture
 * through it.
 */
import { describe, expect, it } from 'vitest'
import { writeStandaloneHtml } from '../../src/decks/standalone-html'
import type { StandaloneSlide } from '../../src/decks/standalone-html'
import { buildShownGraph, readMapFilters } from '../../src/graph/shown-graph'
import type { Entity, Tie } from '../../src/model/records'
import { shortName } from '../../renderer/views/Map/draw-map'
import { buildMapSvg } from '../../renderer/views/Map/map-export'
import { hostileNames } from '../helpers/hostile-names'

const names = hostileNames()
const entities: Entity[] = names.map(({ name }, index) => ({
  id: index === 0 ? '__proto__' : `e${String(index)}`,
  kind: index % 2 ? 'customer' : 'person',
  name,
  tags: [],
  summary: name,
  createdAt: 1,
  updatedAt: 1,
}))
const ties: Tie[] = entities.slice(1).map((entity, index) => ({
  id: `t${String(index)}`,
  from: entities[0]!.id,
  to: entity.id,
  type: 'recommends',
  strength: 3,
  sentiment: 0,
  note: names[index]!.name,
  evidence: [],
  createdAt: 1,
  updatedAt: 1,
}))
const hostileTitle = names.find(({ label }) => label === 'img onerror')!.name

function mapSvg(): string {
  const graph = buildShownGraph({ entities, ties }, readMapFilters({}))
  const positions = new Map(
    graph.nodes.map((node, index) => [node.id, { x: (index % 8) * 90, y: index * 30 }]),
  )
  return buildMapSvg(graph, positions, {
    title: hostileTitle,
    kindLabel: (kind) => `${kind} <b onclick=window.__pwned()>`,
    familyLabel: (family) => `${family} "onload="window.__pwned()`,
    legendTitle: '<script>window.__pwned()</script>',
  }).svg
}

/**
 * Every element, attribute and reference of a document that could run or fetch something. A
 * link a caption's author wrote is allowed when it is `http(s)`, `mailto` or `tel` (as in notes:
 * followed only when clicked); references inside the file (`url(#arrow)`) are too.
 */
function unsafeParts(document: Document): string[] {
  return [...document.querySelectorAll('*')].flatMap((element) => {
    const found: string[] = []
    if (
      /^(script|foreignobject|iframe|object|embed|image|use|style|link)$/i.test(element.localName)
    )
      found.push(`<${element.localName}>`)
    for (const attribute of element.attributes) {
      const { name, value } = attribute
      if (/^on/i.test(name)) found.push(`${name} on <${element.localName}>`)
      const link = element.localName === 'a' && name === 'href'
      if (link && !/^(https?|mailto|tel):/i.test(value)) found.push(`link ${value}`)
      if (!link && /href$|^src$/i.test(name) && !/^data:image\/svg\+xml/.test(value))
        found.push(`${name}=${value}`)
      if (/url\((?!#)/i.test(value) && !value.startsWith('data:'))
        found.push(`${name}=${value.slice(0, 40)}`)
    }
    return found
  })
}

describe('hostile names in map pictures and decks', () => {
  it('the map SVG holds every name as text and nothing that runs or fetches', () => {
    const svg = mapSvg()
    const document = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(document.querySelector('parsererror')).toBeNull()
    expect(unsafeParts(document)).toEqual([])
    expect(document.querySelector('title')!.textContent).toBe(hostileTitle)
    const labels = [...document.querySelectorAll('g.names text')].map((text) => text.textContent)
    // Names are shortened on the map, as on screen, and the ones that fit are drawn: as text.
    const shown = new Set(names.map(({ name }) => shortName(name)))
    expect(labels.length).toBeGreaterThan(5)
    for (const label of labels) expect(shown.has(label)).toBe(true)
    expect(svg).toContain('&lt;img src=x onerror=')
    expect(document.querySelector('g.legend')!.textContent).toContain(
      '<script>window.__pwned()</script>',
    )
  })

  it('the standalone deck holds the map picture and hostile texts as text only', () => {
    const svg = mapSvg()
    const slides: StandaloneSlide[] = names.map(({ name }, index) =>
      index % 2
        ? { kind: 'text', title: name, caption: name }
        : {
            kind: 'map',
            title: name,
            caption: name,
            picture: { svg, width: 800, height: 600, alt: name },
          },
    )
    const html = writeStandaloneHtml({
      title: hostileTitle,
      lang: 'en',
      labels: {
        position: 'Slide {n} of {total}',
        previous: 'Previous',
        next: 'Next',
        help: 'Arrow keys move.',
        empty: 'No slides',
      },
      slides,
    })
    const document = new DOMParser().parseFromString(html, 'text/html')
    // The file's own script only, and the one policy that fetches nothing.
    expect(document.querySelectorAll('script')).toHaveLength(1)
    expect(document.querySelector('script')!.textContent).not.toContain('__pwned')
    const unsafe = unsafeParts(document).filter((part) => part !== '<script>' && part !== '<style>')
    expect(unsafe).toEqual([])
    expect(document.querySelectorAll('section')).toHaveLength(names.length)
    expect(document.querySelector('h2')!.textContent).toBe(names[0]!.name)
    // Each picture is an SVG image, which a browser never runs script in.
    for (const image of document.querySelectorAll('img')) {
      const inner = decodeURIComponent(image.getAttribute('src')!.split(',').slice(1).join(','))
      const picture = new DOMParser().parseFromString(inner, 'image/svg+xml')
      expect(unsafeParts(picture)).toEqual([])
    }
  })
})
