import { describe, expect, it } from 'vitest'
import { emptyTables } from '../../../src/io/notebook-file'
import {
  collectCustomerData,
  customerDataJson,
  customerReportHtml,
  escapeHtml,
} from '../../../src/io/customer-export'
import type { ReportLabels } from '../../../src/io/customer-export'

function tables() {
  const t = emptyTables()
  const stamps = { createdAt: 1, updatedAt: 1 }
  t.entities = [
    {
      id: 'c1',
      kind: 'customer',
      name: 'Zoé <script>alert(1)</script>',
      tags: ['vip'],
      summary: 'Likes "rye" & seeds',
      ...stamps,
    },
    { id: 'p1', kind: 'person', name: 'Paul', tags: [], summary: '', ...stamps },
    { id: 'c2', kind: 'customer', name: 'Other', tags: [], summary: '', ...stamps },
  ]
  t.ties = [
    {
      id: 't1',
      from: 'c1',
      to: 'p1',
      type: 'friend',
      strength: 3,
      sentiment: 0,
      note: '',
      evidence: [],
      ...stamps,
    },
    {
      id: 't2',
      from: 'c2',
      to: 'p1',
      type: 'friend',
      strength: 3,
      sentiment: 0,
      note: '',
      evidence: [],
      ...stamps,
    },
  ] as typeof t.ties
  const note = (id: string, text: string, about: string[], at: number) =>
    ({
      id,
      text,
      kind: 'conversation',
      touchpoint: 'shop',
      at,
      about,
      tags: [],
      facets: [],
      source: 'observed',
      sentiment: 0,
      ...stamps,
    }) as (typeof t.notes)[number]
  t.notes = [
    note('n1', 'Asked for <b>rye</b>', ['c1'], 5),
    note('n2', 'Met [@Zoé](carnet:entity/c1) with Paul', ['p1'], 9),
    note('n3', 'Unrelated', ['c2'], 7),
  ]
  t.transactions = [
    {
      id: 'x1',
      customerId: 'c1',
      at: 4,
      amount: 1250,
      currency: 'EUR',
      items: [{ name: 'Rye', quantity: 1 }],
      ...stamps,
    },
  ]
  t.consents = [
    { id: 'k1', entityId: 'c1', purpose: 'Newsletter', given: true, at: 3, how: 'form', ...stamps },
  ]
  return t
}

const labels: ReportLabels = {
  lang: 'en',
  title: 'Everything about Zoé <script>',
  exported: 'Exported',
  identity: 'Identity',
  ties: 'Links',
  notes: 'Notes',
  purchases: 'Purchases',
  consents: 'Consent',
  none: 'None.',
  given: 'Given',
  withdrawn: 'Withdrawn',
  fields: {
    name: 'Name',
    kind: 'Kind',
    tags: 'Tags',
    emails: 'Emails',
    phones: 'Phones',
    address: 'Address',
    birthday: 'Birthday',
    organisation: 'Organisation',
    website: 'Website',
    summary: 'Summary',
  },
  date: (at) => `day ${at}`,
  money: (amount, currency) => `${amount / 100} ${currency}`,
  tieType: (type) => type,
  kind: (kind) => kind,
}

describe('customer export', () => {
  it('collects their ties, the notes about or mentioning them, purchases and consents', () => {
    const data = collectCustomerData(tables(), 'c1')!
    expect(data.ties.map((tie) => tie.id)).toEqual(['t1'])
    expect(data.notes.map((note) => note.id)).toEqual(['n2', 'n1'])
    expect(data.transactions).toHaveLength(1)
    expect(data.consents).toHaveLength(1)
    expect(data.names.p1).toBe('Paul')
    expect(data.names.c1).toContain('Zoé')
    expect(collectCustomerData(tables(), 'missing')).toBeUndefined()
  })

  it('writes JSON that holds everything', () => {
    const json = JSON.parse(customerDataJson(collectCustomerData(tables(), 'c1')!, 0)) as {
      notes: { text: string }[]
    }
    expect(json).toMatchObject({ format: 'carnet-customer-data', entity: { id: 'c1' } })
    expect(json.notes.map((note) => note.text)).toContain('Asked for <b>rye</b>')
  })

  it('writes static HTML with every text escaped and no script', () => {
    const html = customerReportHtml(collectCustomerData(tables(), 'c1')!, labels)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('Zoé &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('Asked for &lt;b&gt;rye&lt;/b&gt;')
    expect(html).toContain('Met @Zoé with Paul')
    expect(html).toContain('Likes &quot;rye&quot; &amp; seeds')
    expect(html).toContain("default-src 'none'")
    expect(html).toContain('12.5 EUR')
    expect(escapeHtml(`<a href='x'>&`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;')
  })
})
