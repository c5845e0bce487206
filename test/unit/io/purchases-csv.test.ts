import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeCsvBytes,
  detectDateOrder,
  detectPreset,
  parseAmount,
  parseCsvText,
  parseDate,
  planPurchaseImport,
  summarisePlan,
} from '../../../src/io/purchases-csv'
import type { CsvTable, CustomerKey, ImportOptions } from '../../../src/io/purchases-csv'

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url))),
  )

function table(name: string): CsvTable {
  const result = parseCsvText(decodeCsvBytes(fixture(name)).text)
  if (!result.ok) throw new Error(result.reason)
  return result.table
}

const customers: CustomerKey[] = [
  { id: 'mark', name: 'Mark Oliver', emails: ['Mark.Oliver@example.com'], phones: [] },
  { id: 'isabel', name: 'Isabel Gardner', emails: [], phones: ['+44 20 7946 0011'] },
  { id: 'zoe', name: 'Zoé Martin', emails: ['zoe@example.fr'], phones: [] },
  { id: 'renee', name: 'Renée Léger', emails: [], phones: [] },
  { id: 'ann', name: 'Ann Lee', emails: [], phones: [] },
  { id: 'bob1', name: 'Bob Stone', emails: [], phones: [] },
  { id: 'bob2', name: 'Bob  stone', emails: [], phones: [] },
]

function options(tableValue: CsvTable, patch: Partial<ImportOptions> = {}): ImportOptions {
  return {
    mapping: detectPreset(tableValue.headers).mapping,
    dateOrder: 'auto',
    defaultCurrency: 'EUR',
    createUnknownCustomers: false,
    ...patch,
  }
}

describe('decoding and parsing', () => {
  it('reads UTF-8 with a byte-order mark and detects the semicolon', () => {
    const decoded = decodeCsvBytes(fixture('french-decimals.csv'))
    expect(decoded.encoding).toBe('utf-8')
    const result = parseCsvText(decoded.text)
    expect(result.ok && result.table.delimiter).toBe(';')
    expect(result.ok && result.table.headers[0]).toBe('Date')
    expect(result.ok && result.table.rows[0]![1]).toBe('Zoé Martin')
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const decoded = decodeCsvBytes(fixture('windows-1252.csv'))
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text).toContain('Renée Léger')
    expect(decoded.text).toContain('7,80 €')
  })

  it('detects tabs', () => {
    const result = parseCsvText('Date\tAmount\n2026-01-01\t3.50\n')
    expect(result.ok && result.table.delimiter).toBe('\t')
  })

  it('refuses an empty file', () => {
    expect(parseCsvText('').ok).toBe(false)
  })
})

describe('presets', () => {
  it('recognises each shop system from its headers', () => {
    expect(detectPreset(table('shopify-orders.csv').headers).preset).toBe('shopify')
    expect(
      detectPreset([
        'Date',
        'Time',
        'Time Zone',
        'Gross Sales',
        'Total Collected',
        'Transaction ID',
        'Customer Name',
        'Description',
      ]).preset,
    ).toBe('square')
    expect(
      detectPreset([
        'Transaction ID',
        'Date',
        'Total Amount',
        'Currency',
        'Payment Method',
        'Description',
      ]).preset,
    ).toBe('sumup')
    const woo = detectPreset([
      'Order Number',
      'Order Date',
      'Order Total Amount',
      'Billing First Name',
      'Billing Last Name',
      'Billing Email Address',
    ])
    expect(woo.preset).toBe('woocommerce')
    expect(woo.mapping.name).toEqual([3, 4])
    const square = detectPreset(['Date', 'Time', 'Total Collected', 'Transaction ID'])
    expect(square.mapping.date).toEqual([0, 1])
  })

  it('guesses columns of other files from French and English headers', () => {
    const guess = detectPreset(['Date', 'Client', 'E-mail', 'Montant', 'Articles'])
    expect(guess.preset).toBe('manual')
    expect(guess.mapping).toMatchObject({
      date: [0],
      name: [1],
      email: [2],
      amount: [3],
      items: [4],
    })
  })
})

describe('parseDate', () => {
  const local = (...parts: [number, number, number, number?, number?]) =>
    new Date(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0).getTime()

  it('reads ISO, French and English dates, with times and zones', () => {
    expect(parseDate('2026-03-02')).toBe(local(2026, 3, 2))
    expect(parseDate('2026-03-02T09:14:00Z')).toBe(Date.UTC(2026, 2, 2, 9, 14))
    expect(parseDate('2026-03-02 09:14:00 +0100')).toBe(Date.UTC(2026, 2, 2, 8, 14))
    expect(parseDate('31/01/2026 14h05')).toBe(local(2026, 1, 31, 14, 5))
    expect(parseDate('01/31/2026 2:05 PM')).toBe(local(2026, 1, 31, 14, 5))
    expect(parseDate('31.01.26')).toBe(local(2026, 1, 31))
    expect(parseDate('5 mars 2026')).toBe(local(2026, 3, 5))
    expect(parseDate('1er février 2026')).toBe(local(2026, 2, 1))
    expect(parseDate('March 5, 2026')).toBe(local(2026, 3, 5))
  })

  it('leaves ambiguous day/month to the file or the user', () => {
    expect(parseDate('02/03/2026')).toBeUndefined()
    expect(parseDate('02/03/2026', 'dmy')).toBe(local(2026, 3, 2))
    expect(parseDate('02/03/2026', 'mdy')).toBe(local(2026, 2, 3))
    expect(detectDateOrder(['02/03/2026', '31/01/2026'])).toBe('dmy')
    expect(detectDateOrder(['02/03/2026', '01/31/2026'])).toBe('mdy')
    expect(detectDateOrder(['02/03/2026'])).toBeUndefined()
  })

  it('refuses impossible dates', () => {
    for (const text of ['2026-13-45', '31/02/2026', 'not a date', '', '2026-02-30', '25:00']) {
      expect(parseDate(text, 'dmy'), text).toBeUndefined()
    }
  })
})

describe('parseAmount', () => {
  it.each([
    ['12.50', 1250],
    ['12,50', 1250],
    ['12,50 €', 1250],
    ['€12.50', 1250],
    ['$1,250.00', 125000],
    ['1 234,56', 123456],
    ['1\u202f234,56 €', 123456],
    ['1.234,56', 123456],
    ["1'234.56", 123456],
    ['1’234.56', 123456],
    ['1,234', 123400],
    ['-3,20', -320],
    ['(4.00)', -400],
    ['4.00-', -400],
    ['7', 700],
    ['0.005', 1],
    ['EUR 9.90', 990],
  ])('reads %s as %i minor units', (text, expected) => {
    expect(parseAmount(text, 'EUR')).toBe(expected)
  })

  it('uses the currency’s decimals', () => {
    expect(parseAmount('1,500', 'JPY')).toBe(1500)
    expect(parseAmount('12.5', 'JPY')).toBe(13)
  })

  it.each(['', 'abc', '1.2.3,4,5', '12,34,56.7', '--3', '1,23,4'])('refuses %j', (text) => {
    expect(parseAmount(text, 'EUR')).toBeUndefined()
  })
})

describe('planPurchaseImport', () => {
  it('plans a Shopify export: folds line items, matches by email then name, lists problems', () => {
    const shopify = table('shopify-orders.csv')
    const plan = planPurchaseImport(shopify, options(shopify), customers, new Set())
    expect(plan.rows).toBe(5)
    expect(plan.purchases.map((p) => [p.externalRef, p.customerId, p.match, p.amount])).toEqual([
      ['order:#1001', 'mark', 'email', 4250],
      ['order:#1002', 'isabel', 'name', 125000],
    ])
    expect(plan.purchases[0]!.items).toEqual([
      { name: 'Sourdough loaf', quantity: 2 },
      { name: 'Croissant', quantity: 1 },
    ])
    expect(plan.purchases[0]!.at).toBe(Date.UTC(2026, 2, 2, 8, 14))
    expect(plan.review).toEqual([{ row: 4, value: 'Isabel Gardner', customerId: 'isabel' }])
    expect(plan.folded).toEqual([{ row: 3, into: 2 }])
    expect(plan.problems).toEqual([
      { code: 'unknown-customer', row: 5, value: 'Nobody Known' },
      { code: 'bad-date', row: 6, value: 'not a date' },
    ])
  })

  it('adds nothing twice: references already imported are counted, not planned', () => {
    const shopify = table('shopify-orders.csv')
    const plan = planPurchaseImport(
      shopify,
      options(shopify),
      customers,
      new Set(['order:#1001', 'order:#1002']),
    )
    expect(plan.purchases).toEqual([])
    expect(plan.alreadyImported).toBe(2)
  })

  it('can create the unknown customers instead', () => {
    const shopify = table('shopify-orders.csv')
    const plan = planPurchaseImport(
      shopify,
      options(shopify, { createUnknownCustomers: true }),
      customers,
      new Set(),
    )
    expect(plan.newCustomers).toEqual([
      {
        key: 'email:someone.new@example.com',
        name: 'Nobody Known',
        email: 'someone.new@example.com',
        phone: undefined,
      },
    ])
    expect(plan.purchases.at(-1)).toMatchObject({
      match: 'created',
      customerId: undefined,
      amount: 990,
    })
  })

  it('reads French decimals, refunds and the BOM file', () => {
    const french = table('french-decimals.csv')
    const plan = planPurchaseImport(french, options(french), customers, new Set())
    expect(plan.dateOrder).toBe('dmy')
    expect(plan.problems).toEqual([])
    expect(plan.purchases.map((p) => [p.customerId, p.match, p.amount, p.currency])).toEqual([
      ['zoe', 'email', 1250, 'EUR'],
      ['zoe', 'email', 123456, 'EUR'],
      ['zoe', 'email', -320, 'EUR'],
    ])
    expect(plan.purchases[0]!.externalRef).toMatch(/^row:[0-9a-f]{8}$/)
  })

  it('matches accented names from a Windows-1252 file', () => {
    const legacy = table('windows-1252.csv')
    const plan = planPurchaseImport(
      legacy,
      options(legacy, { dateOrder: 'dmy' }),
      customers,
      new Set(),
    )
    expect(plan.purchases).toMatchObject([{ customerId: 'renee', amount: 780, currency: 'EUR' }])
  })

  it('reports every problem of a file with errors', () => {
    const errors = table('with-errors.csv')
    const plan = planPurchaseImport(errors, options(errors), customers, new Set())
    expect(plan.problems).toEqual([
      { code: 'bad-date', row: 3, value: '2026-13-45' },
      { code: 'bad-amount', row: 4, value: 'ten' },
      { code: 'unknown-customer', row: 5, value: 'Ghost Person' },
      { code: 'duplicate-row', row: 6, value: '2' },
      { code: 'ambiguous-customer', row: 7, value: 'Bob Stone' },
    ])
    expect(plan.purchases).toHaveLength(1)
  })

  it('says which required column is missing', () => {
    const plan = planPurchaseImport(
      { headers: ['Foo'], rows: [['1']], delimiter: ',' },
      { mapping: {}, dateOrder: 'auto', defaultCurrency: 'EUR', createUnknownCustomers: false },
      customers,
      new Set(),
    )
    expect(plan.problems.map((problem) => problem.value)).toEqual(['date', 'amount'])
  })
})

describe('summarisePlan', () => {
  it('keeps what the preview shows, small whatever the size of the plan', () => {
    const errors = table('with-errors.csv')
    const plan = planPurchaseImport(errors, options(errors), customers, new Set())
    const summary = summarisePlan(plan, 3, 2)
    expect(summary).toMatchObject({
      rows: plan.rows,
      toAdd: plan.purchases.length,
      alreadyImported: 0,
      problemRows: 5,
      problemsTotal: 5,
      problems: plan.problems.slice(0, 2),
    })
    expect(summary.firstRows.map((row) => row.state)).toEqual(['new', 'problem', 'problem'])
    expect(summary.firstRows[0]).toMatchObject({ customerLabel: expect.any(String) as string })
  })
})

describe('round trips (property)', () => {
  const locales = ['en-GB', 'en-US', 'fr-FR', 'de-DE', 'fr-CH', 'de-CH', 'nl-NL'] as const

  it('reads back any amount as a shop system or a spreadsheet writes it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }),
        fc.constantFrom(...locales),
        fc.constantFrom('currency', 'decimal'),
        (minor, locale, style) => {
          const text = new Intl.NumberFormat(locale, {
            style,
            currency: 'EUR',
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }).format(minor / 100)
          expect(parseAmount(text, 'EUR'), text).toBe(minor)
        },
      ),
    )
  })

  it('reads back any day as DD/MM/YYYY, YYYY-MM-DD and MM/DD/YYYY', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }),
        (date) => {
          const day = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
          const [y, m, d] = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) =>
            String(n).padStart(2, '0'),
          )
          expect(parseDate(`${d}/${m}/${y}`, 'dmy')).toBe(day)
          expect(parseDate(`${m}/${d}/${y}`, 'mdy')).toBe(day)
          expect(parseDate(`${y}-${m}-${d}`)).toBe(day)
        },
      ),
    )
  })
})
