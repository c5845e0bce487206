import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { applyContactImport, foldName, reviewContacts } from '../../../src/io/contacts-import'
import { normaliseBirthday, parseVCardProperties, parseVCards } from '../../../src/io/vcard'
import { customerToVCard, customersToVCards, foldLine } from '../../../src/io/vcard-export'
import { RECORD_SCHEMAS } from '../../../src/model/records'
import type { Entity } from '../../../src/model/records'
import { freshIndexedDb } from '../../helpers/fresh-idb'

/** Control characters, which contacts drop. */
// eslint-disable-next-line no-control-regex -- control characters are the point
const CONTROL = new RegExp('[\\u0000-\\u001f\\u007f]', 'g')
// eslint-disable-next-line no-control-regex -- control characters are the point
const CONTROL_BUT_NEWLINE = new RegExp('[\\u0000-\\u0009\\u000b-\\u001f\\u007f]', 'g')

/** The shared fixtures, read from the repository root (vitest runs there). */
const FIXTURES = join(process.cwd(), '../shared/fixtures/vcard')
const haveFixtures = existsSync(FIXTURES)

interface Expected {
  names: string[]
  emails: string[][]
  phones: string[][]
}

/** Written after reading each file: the names, emails and phones a person sees in it. */
const EXPECTED: Record<string, Expected> = {
  'John_Doe_ANDROID.vcf': {
    // Two cards have only an email (named after it); the others are quoted-printable UTF-8.
    names: [
      'john.doe@company.com',
      'jane.doe@company.com',
      'Ñ Ñ Ñ Ñ Ñ',
      'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ',
      'Ñ Ñ Ñ Ñ',
      'ÑÑÑÑ',
    ],
    emails: [
      ['john.doe@company.com'],
      ['jane.doe@company.com'],
      [],
      [],
      ['bob@company.com'],
      ['henry@company.com'],
    ],
    phones: [
      [],
      [],
      ['123456789'],
      ['123456', '234567', '3456789', '45678901'],
      ['123456'],
      ['55556666'],
    ],
  },
  'John_Doe_BLACK_BERRY.vcf': { names: ['John Doe'], emails: [[]], phones: [['+96123456789']] },
  'John_Doe_EVOLUTION.vcf': {
    names: ['Mr. John Richter, James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [['905-666-1234', '905-555-1234']],
  },
  'John_Doe_GMAIL.vcf': {
    names: ['Mr. John Richter, James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [['905-555-1234', '905-666-1234']],
  },
  'John_Doe_IPHONE.vcf': {
    names: ['Mr. John Richter James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [
      [
        '905-555-1234',
        '905-666-1234',
        '905-777-1234',
        '905-888-1234',
        '905-999-1234',
        '905-111-1234',
        '905-222-1234',
      ],
    ],
  },
  'John_Doe_LOTUS_NOTES.vcf': {
    names: ['Mr. Doe John I Johny'],
    emails: [['john.doe@ibm.com', 'billy_bob@gmail.com']],
    phones: [['+1 (212) 204-34456', '00-1-212-555-7777']],
  },
  'John_Doe_MAC_ADDRESS_BOOK.vcf': {
    names: ['Mr. John Richter,James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [
      [
        '905-777-1234',
        '905-666-1234',
        '905-555-1234',
        '905-888-1234',
        '905-999-1234',
        '905-111-1234',
        '905-222-1234',
      ],
    ],
  },
  'John_Doe_MS_OUTLOOK.vcf': {
    names: ['Mr. John Richter James Doe Sr.'],
    emails: [['john.doe@ibm.cm']],
    phones: [['(905) 555-1234', '(905) 666-1234']],
  },
  'fullcontact.vcf': {
    names: ['Prefix FirstName MiddleName LastName Suffix'],
    emails: [
      [
        'home@example.com',
        'work@example.com',
        'school@example.com',
        'other@example.com',
        'custom@example.com',
      ],
    ],
    phones: [
      [
        '555-555-1111',
        '555-555-1112',
        '555-555-1113',
        '555-555-1114',
        '555-555-1115',
        '555-555-1116',
        '555-555-1117',
        '555-555-1118',
        '555-555-1119',
      ],
    ],
  },
  'gmail-list.vcf': {
    names: ['Arnold Smith', 'Chris Beatle', 'Doug White'],
    emails: [['asmithk@gmail.com'], ['chrisy55d@yahoo.com'], ['dwhite@gmail.com']],
    phones: [[], [], []],
  },
  'gmail-single.vcf': {
    names: ['Greg Dartmouth'],
    emails: [['gdartmouth@hotmail.com']],
    phones: [['555 555 1111', '555 555 2222']],
  },
  'gmail-single2.vcf': {
    names: ['VCard Test'],
    emails: [
      [
        'email@example.com',
        'homeemail@example.com',
        'workemail@example.com',
        'otheremail@example.com',
        'customcategory@example.com',
      ],
    ],
    phones: [Array.from({ length: 11 }, (_, index) => `55555511${String(11 + index)}`)],
  },
  'outlook-2003.vcf': { names: ['John Doe III'], emails: [['jdoe@hotmail.com']], phones: [[]] },
  'outlook-2007.vcf': {
    names: ['Mr. Michael Angstadt Jr.'],
    emails: [['mike.angstadt@gmail.com']],
    phones: [['(111) 555-1111', '(111) 555-2222', '(111) 555-4444', '(111) 555-3333']],
  },
  'rfc2426-example.vcf': {
    names: ['Frank Dawson', 'Tim Howes'],
    emails: [['Frank_Dawson@Lotus.com', 'fdawson@earthlink.net'], ['howes@netscape.com']],
    phones: [
      ['+1-919-676-9515', '+1-919-676-9564'],
      ['+1-415-937-3419', '+1-415-528-4164'],
    ],
  },
  'rfc6350-example.vcf': {
    names: ['Simon Perreault'],
    emails: [['simon.perreault@viagenie.ca']],
    phones: [['+1-418-656-9254;ext=102', '+1-418-262-6501']],
  },
  'thunderbird-MoreFunctionsForAddressBook-extension.vcf': {
    names: ['John Doe'],
    emails: [
      [
        'doe.john@hotmail.com',
        'additional-email@company.com',
        'additional-email1@company.com',
        'additional-email2@company.com',
        'additional-email3@company.com',
      ],
    ],
    phones: [['555-555-1111', '555-555-2222', '555-555-5555', '555-555-3333', '555-555-4444']],
  },
}

describe.skipIf(!haveFixtures)(
  `vCard fixtures (${haveFixtures ? FIXTURES : 'skipped: ../shared/fixtures/vcard is absent'})`,
  () => {
    it.each(Object.keys(EXPECTED))('%s gives the expected names, emails and phones', (file) => {
      const contacts = parseVCards(readFileSync(join(FIXTURES, file), 'utf8'))
      const expected = EXPECTED[file]!
      expect(contacts.map((contact) => contact.name)).toEqual(expected.names)
      expect(contacts.map((contact) => contact.emails)).toEqual(expected.emails)
      expect(contacts.map((contact) => contact.phones)).toEqual(expected.phones)
    })

    it('has an expectation for every fixture file', async () => {
      const { readdirSync } = await import('node:fs')
      const files = readdirSync(FIXTURES).filter((name) => name.toLowerCase().endsWith('.vcf'))
      expect(files.sort()).toEqual(Object.keys(EXPECTED).sort())
    })

    it('keeps the other fields: address, birthday, organisation, note', () => {
      const [outlook] = parseVCards(readFileSync(join(FIXTURES, 'John_Doe_MS_OUTLOOK.vcf'), 'utf8'))
      expect(outlook).toMatchObject({
        birthday: '1980-03-22',
        organisation: 'IBM, Accounting',
        website: 'http://www.ibm.com',
        address: 'Cresent moon drive, Albaney, New York, 12345, United States of America',
      })
      const [simon] = parseVCards(readFileSync(join(FIXTURES, 'rfc6350-example.vcf'), 'utf8'))
      expect(simon!.birthday).toBe('--02-03')
    })
  },
)

describe('parseVCards', () => {
  it('unfolds lines, joins quoted-printable soft breaks and decodes charsets', () => {
    const text =
      '\uFEFFBEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Zo=E9 Mar=\r\ntin\r\n' +
      'NOTE;QUOTED-PRINTABLE:line one=0D=0A=\r\nline two\r\nitem1.EMAIL;type=INTERNET:zoe@\r\n example.org\r\nEND:VCARD\r\n'
    expect(parseVCards(text)).toEqual([
      { name: 'Zoé Martin', emails: ['zoe@example.org'], phones: [], note: 'line one\nline two' },
    ])
  })

  it('reads escapes, bare LF or CR line ends, and many cards', () => {
    const text =
      'BEGIN:VCARD\nVERSION:3.0\nFN:Dupont\\, Jean\\; fils\nNOTE:a\\nb\nEND:VCARD\rBEGIN:VCARD\rVERSION:4.0\rN:Roux;Léa;;;\rTEL;VALUE=uri:tel:+33-1-23\rEND:VCARD'
    expect(parseVCards(text)).toEqual([
      { name: 'Dupont, Jean; fils', emails: [], phones: [], note: 'a\nb' },
      { name: 'Léa Roux', emails: [], phones: ['+33-1-23'] },
    ])
  })

  it('parses past base64 photos without keeping them', () => {
    const text =
      'BEGIN:VCARD\nVERSION:2.1\nFN:A\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ\n  SkZJRgAB\n\nTEL:0102030405\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nFN:B\nPHOTO;ENCODING=BASE64:/9j/\nAAAA\nBBBB==\n\nEND:VCARD'
    const contacts = parseVCards(text)
    expect(contacts.map((contact) => contact.name)).toEqual(['A', 'B'])
    expect(JSON.stringify(contacts)).not.toContain('9j')
  })

  it('handles hostile fields: HTML, huge lines, __proto__ parameters, nested cards', () => {
    const huge = 'x'.repeat(100_000)
    const text =
      'BEGIN:VCARD\nVERSION:3.0\nFN:<img src=x onerror=alert(1)>\n' +
      `NOTE:${huge}${huge}\nEMAIL;__proto__=polluted;constructor=1:a@b.c\nTEL;TYPE="x;y":${'1'.repeat(100)}\n` +
      'AGENT:BEGIN:VCARD\nBEGIN:VCARD\nFN:Inner\nEND:VCARD\nEND:VCARD'
    const [contact] = parseVCards(text)
    expect(contact!.name).toBe('<img src=x onerror=alert(1)>')
    expect(contact!.note!.length).toBeLessThanOrEqual(100_000)
    expect(contact!.emails).toEqual(['a@b.c'])
    expect(contact!.phones).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const email = parseVCardProperties(text)[0]!.find((property) => property.name === 'EMAIL')
    expect(email!.params.get('__PROTO__')).toEqual(['polluted'])
    // Whatever a contact holds fits the customer record.
    expect(
      RECORD_SCHEMAS.entities.safeParse({
        id: 'x',
        kind: 'customer',
        name: contact!.name,
        summary: contact!.note,
        contact: { emails: contact!.emails, phones: contact!.phones },
        createdAt: 1,
        updatedAt: 1,
      }).success,
    ).toBe(true)
  })

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        parseVCards(`BEGIN:VCARD\n${text}\nEND:VCARD`)
      }),
    )
  })

  it('normalises birthdays', () => {
    expect(normaliseBirthday('19800322')).toBe('1980-03-22')
    expect(normaliseBirthday('1980-03-22T00:00:00Z')).toBe('1980-03-22')
    expect(normaliseBirthday('--0203')).toBe('--02-03')
    expect(normaliseBirthday('1980-13-01')).toBeUndefined()
    expect(normaliseBirthday('soon')).toBeUndefined()
  })
})

const customer = (id: string, name: string, contact?: Entity['contact'], summary = ''): Entity => ({
  id,
  kind: 'customer',
  name,
  tags: [],
  summary,
  createdAt: 1,
  updatedAt: 1,
  ...(contact ? { contact } : {}),
})

describe('vCard export', () => {
  it('round-trips customers through export and parse', () => {
    const zoe = customer(
      'c1',
      'Zoé Martin; “the baker”, née Roux',
      {
        emails: ['zoe@example.org'],
        phones: ['+33 6 12 34 56 78'],
        address: '3 rue du Canal, 75010 Paris',
        birthday: '--05-03',
        organisation: 'Fournil, SARL',
        website: 'https://example.org/a,b',
      },
      'Likes rye.\nAllergic to nuts \\ sesame. ' + 'é'.repeat(200),
    )
    const text = customerToVCard(zoe)
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const [back] = parseVCards(text)
    expect(back).toEqual({
      name: zoe.name,
      emails: zoe.contact!.emails,
      phones: zoe.contact!.phones,
      address: zoe.contact!.address,
      birthday: '--05-03',
      organisation: zoe.contact!.organisation,
      website: zoe.contact!.website,
      note: zoe.summary,
    })
  })

  it('round-trips generated names and notes', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 120, unit: 'grapheme' })
          .map((value) => value.replace(CONTROL, '').trim())
          .filter((value) => value !== ''),
        fc
          .string({ maxLength: 300, unit: 'grapheme' })
          .map((value) => value.replace(CONTROL_BUT_NEWLINE, '').trim()),
        (name, summary) => {
          const [back] = parseVCards(customersToVCards([customer('c', name, undefined, summary)]))
          expect(back!.name).toBe(name)
          expect(back!.note ?? '').toBe(summary)
        },
      ),
    )
  })

  it('folds without splitting a character', () => {
    const folded = foldLine(`NOTE:${'€'.repeat(60)}`)
    expect(folded.split('\r\n ').join('')).toBe(`NOTE:${'€'.repeat(60)}`)
  })
})

describe('contacts import', () => {
  let store: NotebookStore
  beforeEach(async () => {
    const db = createNotebookDb('vcard', freshIndexedDb())
    await db.open()
    store = new NotebookStore(db, () => 1_000)
  })

  it('finds duplicates by email, phone digits or folded name, and merges only what is missing', async () => {
    const existing = [
      customer('a', 'Zoé Martin', { emails: ['ZOE@example.org'], phones: [] }),
      customer('b', 'Bastien Roux', { emails: [], phones: ['06 12 34 56 78'] }),
      customer('c', 'Léa  Dupont', { emails: [], phones: [], organisation: 'Kept' }),
    ]
    await store.write(async (writer) => {
      for (const entity of existing) await writer.put('entities', entity)
    })
    const contacts = parseVCards(
      'BEGIN:VCARD\nFN:Z. Martin\nEMAIL:zoe@example.org\nTEL:0700000000\nEND:VCARD\n' +
        'BEGIN:VCARD\nFN:B R\nTEL:+33 (0)6-12-34-56-78\nEND:VCARD\n' +
        'BEGIN:VCARD\nFN:lea dupont\nORG:Other\nEMAIL:lea@example.org\nEND:VCARD\n' +
        'BEGIN:VCARD\nFN:Someone New\nEND:VCARD\n',
    )
    const items = reviewContacts(contacts, existing)
    expect(items.map((item) => item.match?.reason)).toEqual(['email', undefined, 'name', undefined])
    expect(foldName('Léa  Dupont')).toBe(foldName('lea dupont'))
    const { result } = await store.write((writer) =>
      applyContactImport(writer, items, ['merge', 'skip', 'merge', 'new']),
    )
    expect(result).toBe(3)
    const all = await store.db.entities.toArray()
    expect(all).toHaveLength(4)
    expect(all.find((entity) => entity.id === 'a')!.contact).toMatchObject({
      emails: ['ZOE@example.org'],
      phones: ['0700000000'],
    })
    expect(all.find((entity) => entity.id === 'c')!.contact).toMatchObject({
      emails: ['lea@example.org'],
      organisation: 'Kept',
    })
    expect(all.some((entity) => entity.name === 'Someone New')).toBe(true)
  })
})
