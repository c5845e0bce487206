import { describe, expect, it } from 'vitest'
import { readContacts } from '../../../src/io/contacts-import'
import type { KnownCustomer } from '../../../src/io/contacts-import'

const encode = (text: string) => new TextEncoder().encode(text)

const card = (name: string, email: string) =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`

describe('readContacts (what the contacts import worker runs)', () => {
  const customers: KnownCustomer[] = [
    { id: 'c1', name: 'Ada Lovelace', contact: { emails: ['ada@example.org'], phones: [] } },
    { id: 'c2', name: 'No Contact' },
  ]

  it('parses the file and finds the likely duplicates among slim customer records', () => {
    const result = readContacts(
      encode(card('Ada L.', 'ADA@example.org') + card('Grace Hopper', 'grace@example.org')),
      customers,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.items.map((item) => item.contact.name)).toEqual(['Ada L.', 'Grace Hopper'])
    expect(result.items[0]?.match).toEqual({ id: 'c1', name: 'Ada Lovelace', reason: 'email' })
    expect(result.items[1]?.match).toBeUndefined()
  })

  it('refuses bytes that are not UTF-8 text, and finds nothing in text without cards', () => {
    expect(readContacts(new Uint8Array([0xff, 0xfe, 0xfd]), customers)).toEqual({ ok: false })
    expect(readContacts(encode('hello'), customers)).toEqual({ ok: true, items: [] })
  })

  it('reads 5,000 cards', () => {
    const text = Array.from({ length: 5_000 }, (_, index) =>
      card(`Person ${index}`, `person${index}@example.org`),
    ).join('')
    const result = readContacts(encode(text), customers)
    expect(result.ok && result.items.length).toBe(5_000)
  })
})
