/**
 * The GraphML / GEXF reader (`readGraphFile`, src/io/graph-import.ts over src/io/xml.ts) against
 * hostile files: entity expansion ("billion laughs"), external and parameter entities, DTDs,
 * 10,000-level nesting, edges to unknown nodes, duplicate ids, `__proto__` as a node id or an
 * attribute key, huge attribute values, character references out of range. Each file is refused
 * with a message or read with a report, within a time budget; no file throws, pollutes
 * Object.prototype or yields a record that fails its schema. See test/fixtures/hostile/README.md;
 * test/e2e/web/hostile-imports.spec.ts imports some of them through the palette.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readGraphFile } from '../../../src/io/graph-import'
import type { GraphReadResult } from '../../../src/io/graph-import'
import { RECORD_SCHEMAS } from '../../../src/model/records'
import { hostileGraphs, textOf } from '../../helpers/hostile-files'

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

/**
 * A guard against runaway work (an expansion that grows without end never returns), not a speed
 * target: a linear read of these files takes well under a second, and a shared two-core runner
 * can stretch that several times over.
 */
function read(text: string, budgetMs = 20_000): GraphReadResult {
  const started = performance.now()
  const result = readGraphFile(text, 1_700_000_000_000)
  expect(performance.now() - started).toBeLessThan(budgetMs)
  if (!result.ok) {
    expect(result.message.length).toBeGreaterThan(0)
    expect(result.message.length).toBeLessThan(200)
    return result
  }
  const ids = new Set(result.graph.entities.map((entity) => entity.id))
  expect(ids.size).toBe(result.graph.entities.length)
  for (const entity of result.graph.entities) {
    expect(Object.getPrototypeOf(entity)).toBe(Object.prototype)
    expect(RECORD_SCHEMAS.entities.safeParse(entity).success).toBe(true)
  }
  for (const tie of result.graph.ties) {
    expect(RECORD_SCHEMAS.ties.safeParse(tie).success).toBe(true)
    expect(ids.has(tie.from) && ids.has(tie.to)).toBe(true)
  }
  return result
}

/** What each file gives: refused with a message like this, or these entity names and tie count. */
const EXPECTED: Record<string, RegExp | { names: string[]; ties: number }> = {
  'billion-laughs.graphml': /Document type declarations are not read/,
  'external-entity.graphml': /Document type declarations are not read/,
  'parameter-entity.gexf': /Document type declarations are not read/,
  'prototype-entity.graphml': /Unknown entity &constructor;/,
  // A DOCTYPE naming an outside DTD, a stylesheet and an XInclude are skipped, never fetched.
  'external-dtd.gexf': {
    names: [
      '<img src=x onerror=window.__pwned()>',
      'javascript:window.__pwned()',
      '<svg onload=window.__pwned()>',
    ],
    // e2 leads nowhere and e3 loops: left out. e1 has type "toString": given one by direction.
    ties: 1,
  },
  'script-labels.graphml': {
    names: [
      '<script>window.__pwned()</script>',
      '<svg onload=window.__pwned()>',
      '\u0000\u0001Control \u202Eoverride',
    ],
    ties: 1,
  },
  '10,000-level nesting': /Too deeply nested/,
  'a 10 MB attribute value': /Malformed tag/,
  // Read, but a 2.5-million-character name is no name: left out and reported.
  'a 10 MB label in a data element': { names: [], ties: 0 },
  'character references out of range': /Invalid code point|character reference/i,
  '1,000 nodes, each with an edge to a node that does not exist': {
    names: Array.from({ length: 1_000 }, (_, index) => `n${String(index)}`),
    ties: 0,
  },
}

describe('hostile GraphML and GEXF files', () => {
  const files = hostileGraphs()
  it('has an expectation for every file', () => {
    expect(files.map((file) => file.label).sort()).toEqual(Object.keys(EXPECTED).sort())
  })
  for (const file of files) {
    it(`${file.label}: refused or read within the budget`, () => {
      const result = read(textOf(file))
      const expected = EXPECTED[file.label]!
      if (expected instanceof RegExp) {
        expect(result.ok ? 'read' : result.message).toMatch(expected)
      } else {
        expect(result.ok).toBe(true)
        if (!result.ok) return
        expect(result.graph.entities.map((entity) => entity.name)).toEqual(expected.names)
        expect(result.graph.ties).toHaveLength(expected.ties)
      }
    })
  }

  it('reads __proto__ and constructor as plain ids, keys and tags', () => {
    const file = files.find((entry) => entry.label === 'external-dtd.gexf')!
    const result = read(textOf(file))
    if (!result.ok) throw new Error(result.message)
    const [proto, constructor] = result.graph.entities
    expect(proto!.id).toBe('__proto__')
    expect(Object.hasOwn(proto!, '__proto__')).toBe(false)
    expect(constructor!.id).toBe('constructor')
    expect(result.graph.ties[0]).toMatchObject({ from: '__proto__', to: 'constructor' })
    // A tie type named after an Object.prototype member is no Carnet type: one is chosen.
    expect(result.graph.ties[0]!.type).toBe('recommends')
    expect(result.graph.repairs.join(' ')).toMatch(/2 records could not be read/)

    const graphml = read(textOf(files.find((entry) => entry.label === 'script-labels.graphml')!))
    if (!graphml.ok) throw new Error(graphml.message)
    expect(graphml.graph.entities[0]!.tags).toEqual([
      '__proto__',
      'constructor',
      '<b onmouseover=window.__pwned()>',
    ])
    // "__proto__" is no kind: read as a person.
    expect(graphml.graph.entities[1]!.kind).toBe('person')
  })
})
