/**
 * Everything a notebook holds about one customer (the right of access), as data and as a
 * readable page. `collectCustomerData` takes the notebook's tables and returns the customer,
 * their links, the notes about or mentioning them, their purchases and their consent log.
 * `customerDataJson` is the machine-readable file; `customerReportHtml` a static HTML page with
 * no script, no remote resource and every piece of text escaped.
 */
import type { Consent, Entity, Note, Tie, Transaction } from '../model/records'
import type { NotebookTables } from './notebook-file'
import { sortConsents } from '../notebook/consents'
import { ENTITY_LINK_PREFIX } from '../notebook/note-text'

export const CUSTOMER_EXPORT_FORMAT = 'carnet-customer-data'

export interface CustomerData {
  entity: Entity
  ties: Tie[]
  /** The names of the entities at the other end of the ties and in the notes. */
  names: Record<string, string>
  notes: Note[]
  transactions: Transaction[]
  consents: Consent[]
}

export function collectCustomerData(
  tables: Pick<NotebookTables, 'entities' | 'ties' | 'notes' | 'transactions' | 'consents'>,
  entityId: string,
): CustomerData | undefined {
  const entity = tables.entities.find((candidate) => candidate.id === entityId)
  if (!entity) return undefined
  const link = ENTITY_LINK_PREFIX + entityId
  const ties = tables.ties.filter((tie) => tie.from === entityId || tie.to === entityId)
  const notes = tables.notes
    .filter((note) => note.about.includes(entityId) || note.text.includes(link))
    .sort((a, b) => b.at - a.at)
  const transactions = tables.transactions
    .filter((purchase) => purchase.customerId === entityId)
    .sort((a, b) => b.at - a.at)
  const consents = sortConsents(tables.consents.filter((consent) => consent.entityId === entityId))
  const wanted = new Set([
    ...ties.flatMap((tie) => [tie.from, tie.to]),
    ...notes.flatMap((note) => note.about),
  ])
  const names: Record<string, string> = {}
  for (const other of tables.entities) if (wanted.has(other.id)) names[other.id] = other.name
  return { entity, ties, names, notes, transactions, consents }
}

export function customerDataJson(data: CustomerData, now: number): string {
  return JSON.stringify(
    {
      format: CUSTOMER_EXPORT_FORMAT,
      formatVersion: 1,
      exportedAt: new Date(now).toISOString(),
      entity: data.entity,
      ties: data.ties,
      names: data.names,
      notes: data.notes,
      transactions: data.transactions,
      consents: data.consents,
    },
    null,
    2,
  )
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** The translated words of the readable report; the page passes them in. */
export interface ReportLabels {
  lang: string
  title: string
  exported: string
  identity: string
  ties: string
  notes: string
  purchases: string
  consents: string
  none: string
  given: string
  withdrawn: string
  /** Field names of the identity table, already translated. */
  fields: Record<
    | 'name'
    | 'kind'
    | 'tags'
    | 'emails'
    | 'phones'
    | 'address'
    | 'birthday'
    | 'organisation'
    | 'website'
    | 'summary',
    string
  >
  date(at: number): string
  money(amountMinor: number, currency: string): string
  tieType(type: string): string
  kind(kind: string): string
}

/** Note text with `[@Name](carnet:entity/id)` mentions shown as `@Name`. */
function plainNoteText(text: string): string {
  return text.replace(/\[@([^\]]*)\]\([^)]*\)/g, '@$1')
}

export function customerReportHtml(data: CustomerData, labels: ReportLabels): string {
  const e = escapeHtml
  const { entity } = data
  const contact = entity.contact
  const identity: [string, string][] = [
    [labels.fields.name, entity.name],
    [labels.fields.kind, labels.kind(entity.kind)],
    [labels.fields.tags, entity.tags.map((tag) => `#${tag}`).join(' ')],
    [labels.fields.emails, (contact?.emails ?? []).join(', ')],
    [labels.fields.phones, (contact?.phones ?? []).join(', ')],
    [labels.fields.address, contact?.address ?? ''],
    [labels.fields.birthday, contact?.birthday ?? ''],
    [labels.fields.organisation, contact?.organisation ?? ''],
    [labels.fields.website, contact?.website ?? ''],
    [labels.fields.summary, entity.summary],
  ]
  const section = (title: string, items: string[]) =>
    `<section><h2>${e(title)}</h2>${
      items.length === 0
        ? `<p>${e(labels.none)}</p>`
        : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`
    }</section>`
  const nameOf = (id: string) => data.names[id] ?? entity.name
  return [
    '<!doctype html>',
    `<html lang="${e(labels.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(labels.title)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}dt{font-weight:600}dd{margin:0 0 .5rem;white-space:pre-wrap}li{margin:.4rem 0;white-space:pre-wrap}.meta{color:#666}</style>',
    '</head>',
    '<body>',
    `<h1>${e(labels.title)}</h1>`,
    `<p class="meta">${e(labels.exported)}</p>`,
    `<section><h2>${e(labels.identity)}</h2><dl>${identity
      .filter(([, value]) => value.trim() !== '')
      .map(([field, value]) => `<dt>${e(field)}</dt><dd>${e(value)}</dd>`)
      .join('')}</dl></section>`,
    section(
      labels.ties,
      data.ties.map(
        (tie) =>
          `${e(nameOf(tie.from))} — ${e(labels.tieType(tie.type))} → ${e(nameOf(tie.to))}${
            tie.note ? ` <span class="meta">(${e(tie.note)})</span>` : ''
          }`,
      ),
    ),
    section(
      labels.notes,
      data.notes.map(
        (note) =>
          `<span class="meta">${e(labels.date(note.at))}</span><br>${e(plainNoteText(note.text))}`,
      ),
    ),
    section(
      labels.purchases,
      data.transactions.map(
        (purchase) =>
          `${e(labels.date(purchase.at))} — ${e(labels.money(purchase.amount, purchase.currency))}${
            purchase.items.length > 0
              ? ` <span class="meta">(${e(purchase.items.map((item) => item.name).join(', '))})</span>`
              : ''
          }`,
      ),
    ),
    section(
      labels.consents,
      data.consents.map(
        (consent) =>
          `${e(consent.given ? labels.given : labels.withdrawn)} — ${e(consent.purpose)}, ${e(labels.date(consent.at))}${
            consent.how ? ` <span class="meta">(${e(consent.how)})</span>` : ''
          }`,
      ),
    ),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
