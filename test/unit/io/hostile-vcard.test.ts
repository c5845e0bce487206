/**
 * The vCard reader (`parseVCards`, src/io/vcard.ts) against hostile files: folded lines that never
 * end, quoted-printable and base64 bombs, `PHOTO` with script URIs, `__proto__` as a property or
 * parameter name, cards nested 10,000 deep, cards with no name, invalid charsets and a 5 MB
 * field. Each is read (what can be read) or skipped within a time budget; none throws, pollutes
 * Object.prototype or lets markup or a URI through into a contact. See
 * test/fixtures/hostile/README.md; the same files go through the UI in
 * test/e2e/web/hostile-imports.spec.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { parseVCards } from '../../../src/io/vcard'
import type { ParsedContact } from '../../../src/io/vcard'
import { RECORD_SCHEMAS } from '../../../src/model/records'
import { hostileVCards, textOf } from '../../helpers/hostile-files'

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

/** Parses within the budget and checks that every contact fits a customer record. */
function read(text: string, budgetMs = 1_500): ParsedContact[] {
  const started = performance.now()
  const contacts = parseVCards(text)
  expect(performance.now() - started).toBeLessThan(budgetMs)
  for (const contact of contacts) {
    expect(Object.getPrototypeOf(contact)).toBe(Object.prototype)
    expect(Object.hasOwn(contact, '__proto__')).toBe(false)
    const record = {
      id: 'x',
      kind: 'customer',
      name: contact.name,
      tags: [],
      summary: contact.note ?? '',
      contact: { emails: contact.emails, phones: contact.phones },
      createdAt: 1,
      updatedAt: 1,
    }
    expect(RECORD_SCHEMAS.entities.safeParse(record).success).toBe(true)
    // Photos, logos and sounds are never kept, so no URI from one can reach a contact (a
    // `javascript:` URL or note is kept as text: it is never made a link).
    expect(JSON.stringify(contact)).not.toMatch(/data:|file:|attacker\.example\/ping/i)
  }
  return contacts
}

/** The names read from each file: a card with nothing to name it by is left out. */
const EXPECTED_NAMES: Record<string, string[]> = {
  'script-and-uris.vcf': ['<script>window.__pwned()</script>'],
  'prototype-keys.vcf': ['__proto__', 'constructor'],
  'no-name.vcf': ['Zoé Martin', 'only-an-email@example.com'],
  // An unknown charset is read as Latin-1: every byte kept, none run.
  'invalid-charsets.vcf': ['RenÃ©'],
  'unterminated.vcf': ['Kept'],
  'folded-to-the-end.vcf': [],
  'BEGIN:VCARD nested 10,000 deep': ['Outer'],
  'a quoted-printable bomb': ['QP'],
  'a base64 photo bomb, with a javascript: photo URI after it': ['Photo'],
  'a folded line that never ends': [],
  '20,000 cards with no name at all': [],
  '50,000 parameters on one line': ['Params'],
}

describe('hostile vCard files', () => {
  const files = hostileVCards()
  it('has an expectation for every file', () => {
    expect(files.map((file) => file.label).sort()).toEqual(Object.keys(EXPECTED_NAMES).sort())
  })
  for (const file of files) {
    it(`${file.label}: read within the budget, nothing unsafe kept`, () => {
      const contacts = read(textOf(file))
      expect(contacts.map((contact) => contact.name)).toEqual(EXPECTED_NAMES[file.label])
    })
  }

  it('keeps a 5 MB field only up to the limit, folded or quoted-printable', () => {
    const field = 'ab'.repeat(2_500_000)
    const folded = field.match(/.{1,74}/g)!.join('\r\n ')
    const qp = field.match(/.{1,74}/g)!.join('=\r\n')
    for (const note of [
      `NOTE:${field}`,
      `NOTE:${folded}`,
      `NOTE;ENCODING=QUOTED-PRINTABLE:${qp}`,
      `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=x-no-such-charset:${qp}`,
    ]) {
      const [contact] = read(`BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Big\r\n${note}\r\nEND:VCARD\r\n`)
      expect(contact!.name).toBe('Big')
      expect(contact!.note!.length).toBe(100_000)
      expect(contact!.note!.startsWith('abab')).toBe(true)
    }
  })
})
