/**
 * The `.carnet` restore path (`parseNotebookText` / `restoreNotebookFile`) against hostile files:
 * deep nesting, a "JSON bomb" of huge repeated arrays, `__proto__` keys, wrong types, invalid
 * UTF-8 and truncated files. Each one is refused with an error code or restored with a report;
 * none throws, pollutes Object.prototype, or takes long. See test/fixtures/hostile/README.md.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { parseNotebookText, restoreNotebookFile } from '../../../src/io/notebook-file'
import type { RestoreResult } from '../../../src/io/notebook-file'
import { RECORD_SCHEMAS, TABLE_NAMES } from '../../../src/model/records'

const customer = (id: string, name: unknown = `Customer ${id}`) => ({
  id,
  kind: 'customer',
  name,
  tags: [],
  summary: '',
  createdAt: 1,
  updatedAt: 1,
})

const notebook = (tables: unknown, extra: Record<string, unknown> = {}) => ({
  format: 'carnet-notebook',
  formatVersion: 1,
  schemaVersion: 1,
  name: 'Hostile',
  exportedAt: 1,
  ...extra,
  tables,
})

const VALID_TEXT = JSON.stringify(
  notebook({ entities: [customer('a', 'Zoé Martin'), customer('b', 'Ahmed')] }),
)

function nested(depth: number, leaf = '0'): string {
  return '['.repeat(depth) + leaf + ']'.repeat(depth)
}

function nestedObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()

afterEach(() => {
  // Nothing may have been added to, or replaced on, the shared prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(({} as Record<string, unknown>).name).toBeUndefined()
})

/** Runs the restore, timing it, and checks what every result must satisfy. */
function restoreText(text: string, budgetMs = 2_000): RestoreResult {
  const started = performance.now()
  const result = parseNotebookText(text)
  expect(performance.now() - started).toBeLessThan(budgetMs)
  checkResult(result)
  return result
}

function restoreData(data: unknown): RestoreResult {
  const result = restoreNotebookFile(data)
  checkResult(result)
  return result
}

function checkResult(result: RestoreResult): void {
  if (!result.ok) {
    expect(result.error.code).toMatch(/^(not-json|not-a-notebook|newer-format|newer-schema)$/)
    return
  }
  expect(Object.keys(result.file.tables).sort()).toEqual([...TABLE_NAMES].sort())
  for (const table of TABLE_NAMES) {
    for (const record of result.file.tables[table]) {
      // Every kept record is a plain object that passes its schema again.
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
      expect(Object.hasOwn(record, '__proto__')).toBe(false)
      expect(RECORD_SCHEMAS[table].safeParse(record).success).toBe(true)
    }
  }
  expect(typeof result.file.name).toBe('string')
  expect(Number.isFinite(result.file.exportedAt)).toBe(true)
}

describe('deeply nested JSON', () => {
  it('refuses a document that is 10,000 nested arrays', () => {
    expect(restoreText(nested(10_000))).toEqual({ ok: false, error: { code: 'not-a-notebook' } })
  })

  it('refuses a document nested deeper than the parser goes, as not JSON', () => {
    const result = restoreText(nested(2_000_000), 5_000)
    expect(result.ok ? 'ok' : result.error.code).toMatch(/not-json|not-a-notebook/)
  })

  it('restores nothing from 10,000-level tables, rows and fields, and says so', () => {
    const text = VALID_TEXT.replace(
      '"entities":[',
      `"notes":${nested(10_000)},"ties":[${nested(10_000)}],"entities":[${nestedObject(10_000)},`,
    )
    const result = restoreText(text)
    if (!result.ok) throw new Error(result.error.code)
    expect(result.file.tables.entities.map((entity) => entity.name)).toEqual([
      'Zoé Martin',
      'Ahmed',
    ])
    expect(result.file.tables.notes).toEqual([])
    expect(
      result.report.refused.map(({ table, index }) => `${table}#${String(index)}`).sort(),
    ).toEqual(['entities#0', 'notes#0', 'ties#0'])
  })

  it('refuses a free-form map style nested 10,000 levels deep, or keeps it intact', () => {
    const map = `{"id":"m","name":"Map","style":${nestedObject(10_000)},"createdAt":1,"updatedAt":1}`
    const result = restoreText(VALID_TEXT.replace('"entities":[', `"maps":[${map}],"entities":[`))
    if (!result.ok) throw new Error(result.error.code)
    expect(result.file.tables.maps.length + result.report.refused.length).toBe(1)
  })
})

describe('a JSON bomb within the size limits', () => {
  it('refuses 200,000 copies of one record but the first, quickly, with a report', () => {
    const row = JSON.stringify(customer('same'))
    const text = VALID_TEXT.replace('"entities":[', `"entities":[${`${row},`.repeat(200_000)}`)
    const result = restoreText(text, 10_000)
    if (!result.ok) throw new Error(result.error.code)
    expect(result.file.tables.entities).toHaveLength(3)
    expect(result.report.refused).toHaveLength(199_999)
    expect(result.report.refused[0]).toEqual({
      table: 'entities',
      index: 1,
      reason: 'duplicate id',
    })
  })

  it('refuses arrays past their limits without walking them to the end', () => {
    const tags = JSON.stringify(Array.from({ length: 100_000 }, () => 'tag'))
    const row = `{"id":"t","kind":"customer","name":"Tagged","tags":${tags},"createdAt":1,"updatedAt":1}`
    const result = restoreText(VALID_TEXT.replace('"entities":[', `"entities":[${row},`), 5_000)
    if (!result.ok) throw new Error(result.error.code)
    expect(result.file.tables.entities).toHaveLength(2)
    expect(result.report.refused).toMatchObject([{ table: 'entities', index: 0 }])
  })

  it('keeps a note of 2 MB, refuses one just over', () => {
    const note = (id: string, length: number) => ({
      id,
      text: 'x'.repeat(length),
      kind: 'observation',
      at: 1,
      createdAt: 1,
      updatedAt: 1,
    })
    const result = restoreData(notebook({ notes: [note('ok', 2_000_000), note('big', 2_000_001)] }))
    if (!result.ok) throw new Error(result.error.code)
    expect(result.file.tables.notes.map((kept) => kept.id)).toEqual(['ok'])
    expect(result.report.refused).toMatchObject([{ table: 'notes', index: 1 }])
  })
})

describe('__proto__ and friends', () => {
  const cases: [string, string][] = [
    ['__proto__ at the top', `{"__proto__":{"polluted":true},${VALID_TEXT.slice(1)}`],
    [
      '__proto__ in tables',
      VALID_TEXT.replace('"tables":{', '"tables":{"__proto__":{"entities":[{"polluted":true}]},'),
    ],
    [
      '__proto__ in a record',
      VALID_TEXT.replace('"id":"a",', '"id":"a","__proto__":{"polluted":true,"name":"Evil"},'),
    ],
    [
      'constructor.prototype in a record',
      VALID_TEXT.replace('"id":"a",', '"id":"a","constructor":{"prototype":{"polluted":true}},'),
    ],
    [
      '__proto__ as a key of a free-form record',
      VALID_TEXT.replace(
        '"entities":[',
        '"segments":[{"id":"s","name":"S","rule":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},"createdAt":1,"updatedAt":1}],"entities":[',
      ),
    ],
    [
      '__proto__ as a map position id',
      VALID_TEXT.replace(
        '"entities":[',
        '"maps":[{"id":"m","name":"M","positions":{"__proto__":{"x":1,"y":2}},"createdAt":1,"updatedAt":1}],"entities":[',
      ),
    ],
    ['__proto__ as a table name only', '{"format":"carnet-notebook","tables":{"__proto__":[]}}'],
  ]

  it.each(cases)('%s: restored or refused, never polluting', (_name, text) => {
    const result = restoreText(text)
    if (!result.ok) return
    expect(result.file.tables.entities.every((entity) => entity.name !== 'Evil')).toBe(true)
    for (const segment of result.file.tables.segments) {
      expect(Object.getPrototypeOf(segment.rule)).toBe(Object.prototype)
    }
    for (const map of result.file.tables.maps) {
      expect(Object.getPrototypeOf(map.positions)).toBe(Object.prototype)
    }
  })
})

describe('wrong types', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['a string', 'carnet-notebook'],
    ['an array of notebooks', [notebook({})]],
    ['format as a number', { ...notebook({}), format: 1 }],
    ['formatVersion as a string', notebook({}, { formatVersion: '99' })],
    ['formatVersion as Infinity-like', notebook({}, { formatVersion: 1e308 })],
    ['schemaVersion as null', notebook({}, { schemaVersion: null })],
    ['name as an object', notebook({}, { name: { toString: 'x' } })],
    ['exportedAt as a string', notebook({}, { exportedAt: 'yesterday' })],
    ['tables as an array', notebook([customer('a')])],
    ['tables as a string', notebook('entities')],
    ['a table as an object', notebook({ entities: { 0: customer('a'), length: 1 } })],
    [
      'records of every wrong shape',
      notebook({
        entities: [
          null,
          1,
          'x',
          [],
          customer(5 as unknown as string),
          customer('n', 42),
          { ...customer('t'), tags: 'a,b' },
          { ...customer('c'), createdAt: 'yesterday' },
          { ...customer('k'), kind: 'alien' },
        ],
        notes: [
          { id: 'n', text: { $gt: '' }, kind: 'observation', at: 1, createdAt: 1, updatedAt: 1 },
        ],
      }),
    ],
  ]

  it.each(cases)('%s', (_name, data) => {
    const result = restoreData(data)
    if (result.ok) {
      expect(result.file.tables.entities).toEqual([])
      expect(result.file.tables.notes).toEqual([])
    }
  })

  it('reports each refused record by table and index', () => {
    const result = restoreData(cases.at(-1)?.[1])
    if (!result.ok) throw new Error(result.error.code)
    expect(result.report.refused.map(({ table, index }) => `${table}#${String(index)}`)).toEqual([
      ...Array.from({ length: 9 }, (_, index) => `entities#${String(index)}`),
      'notes#0',
    ])
  })
})

describe('invalid UTF-8 and odd text', () => {
  // A browser's File.text() and Node's TextDecoder replace invalid sequences with U+FFFD.
  const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes)
  const valid = new TextEncoder().encode(VALID_TEXT)
  const at = VALID_TEXT.indexOf('Zoé')

  it.each([
    ['a lone continuation byte', [0x80]],
    ['0xFF 0xFE', [0xff, 0xfe]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['a UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
    ['a sequence cut short', [0xe2, 0x82]],
  ])('%s inside a name is replaced, and the rest restored', (_name, bad) => {
    const bytes = new Uint8Array([...valid.slice(0, at), ...bad, ...valid.slice(at)])
    const result = restoreText(decode(bytes))
    if (!result.ok) throw new Error(result.error.code)
    expect(result.file.tables.entities).toHaveLength(2)
    expect(result.file.tables.entities[0]?.name).toMatch(/^\uFFFD+Zoé Martin$/)
  })

  it('refuses invalid bytes in the structure as not JSON', () => {
    const bytes = new Uint8Array([0xff, ...valid])
    expect(restoreText(decode(bytes))).toEqual({ ok: false, error: { code: 'not-json' } })
  })

  it('keeps lone surrogates and NUL escaped in strings as text, without crashing', () => {
    const result = restoreText(VALID_TEXT.replace('Zoé Martin', 'Zoé \\ud800\\u0000 Martin'))
    expect(result.ok).toBe(true)
  })

  it('refuses the empty file, whitespace, a BOM alone and binary noise', () => {
    const noise = String.fromCharCode(
      ...Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256),
    )
    for (const text of ['', '   \n', '\uFEFF', noise]) {
      const result = restoreText(text)
      expect(result.ok, JSON.stringify(text.slice(0, 20))).toBe(false)
    }
  })
})

describe('a truncated file', () => {
  it('is refused as not JSON wherever it was cut', () => {
    const text = JSON.stringify(
      notebook({
        entities: Array.from({ length: 50 }, (_, index) => customer(`c${String(index)}`)),
      }),
    )
    for (let cut = 1; cut < text.length; cut += Math.ceil(text.length / 97)) {
      expect(restoreText(text.slice(0, cut)), `cut at ${String(cut)}`).toEqual({
        ok: false,
        error: { code: 'not-json' },
      })
    }
  })
})
