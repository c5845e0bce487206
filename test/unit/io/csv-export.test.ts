import { describe, expect, it } from 'vitest'
import { csvText, minorToDecimal, purchasesCsv, toCsv } from '../../../src/io/csv-export'

describe('csv export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvText('+33 1 23')).toBe(`'+33 1 23`)
    expect(csvText('-2')).toBe(`'-2`)
    expect(csvText('@SUM(A1)')).toBe(`'@SUM(A1)`)
    expect(csvText('\tx')).toBe(`'\tx`)
    expect(csvText('\rx')).toBe(`"'\rx"`)
    expect(csvText('Zoé, “ok”')).toBe('"Zoé, “ok”"')
    expect(csvText('plain')).toBe('plain')
  })

  it('writes numbers as numbers, CRLF line ends and empty cells', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[-12, undefined, 'x\ny', { decimal: '-0.50' }]])).toBe(
      'a,b,c,d\r\n-12,,"x\ny",-0.50\r\n',
    )
  })

  it('writes amounts as decimals of their currency', () => {
    expect(minorToDecimal(1250, 'EUR')).toBe('12.50')
    expect(minorToDecimal(-5, 'EUR')).toBe('-0.05')
    expect(minorToDecimal(500, 'JPY')).toBe('500')
  })

  it('exports purchases with the customer name neutralised', () => {
    const csv = purchasesCsv(
      [
        {
          id: 't1',
          customerId: 'c1',
          at: 0,
          amount: 990,
          currency: 'EUR',
          items: [{ name: 'Loaf', quantity: 2 }],
          createdAt: 0,
          updatedAt: 0,
        },
      ],
      new Map([['c1', '=cmd|calc']]),
    )
    expect(csv.split('\r\n')[1]).toBe(
      "t1,c1,'=cmd|calc,1970-01-01T00:00:00.000Z,9.90,EUR,2 × Loaf,,",
    )
  })
})
