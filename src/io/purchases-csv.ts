/**
 * Importing purchases from a CSV file: decode the bytes, parse the table, recognise the shop
 * system it came from, read dates and amounts, match each row to a customer, and make a plan —
 * what would be added, what is already there, and every problem — before anything is written.
 * Pure (PapaParse runs without a DOM), so it runs in a Web Worker and in Node tests; writing the
 * plan is `writePurchasePlan` (src/notebook/bulk-purchases.ts), in the same worker (or, through
 * one `Writer`, `applyPurchasePlan` in src/notebook/purchases.ts).
 *
 * Presets and the columns they rely on (headers compared case- and accent-insensitively):
 * - Shopify orders export: `Name` (order number, e.g. #1001), `Created at` (or `Paid at`),
 *   `Total`, `Currency`, `Email`, `Billing Name`, `Phone` / `Billing Phone`, `Lineitem name`,
 *   `Lineitem quantity`, `Source`. One line per line item: the order's later lines leave
 *   `Total` empty and are folded into the first as items.
 * - Square transactions: `Transaction ID`, `Date` + `Time`, `Total Collected` (or `Net Total`,
 *   `Gross Sales`), `Customer Name`, `Description`, `Source`. No currency column: the default.
 * - SumUp transactions: `Transaction ID` (or `Transaction Code`), `Date`, `Total Amount` (or
 *   `Amount`), `Currency`, `Description`, `Payment Method`; its exports rarely name the customer,
 *   so rows match only when a customer email or name column is there.
 * - WooCommerce orders: `Order ID` / `Order Number`, `Order Date`, `Order Total` (or
 *   `Order Total Amount`), `Order Currency`, `Billing Email` / `Billing Email Address`,
 *   `Billing Phone`, `Billing First Name` + `Billing Last Name`, `Item Name` / `Product Name`.
 * - Otherwise columns are guessed from common English and French headers and can be chosen by
 *   hand (`manual`).
 */
import Papa from 'papaparse'

/* ---------- bytes and table ---------- */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** Windows-1252 characters of bytes 0x80–0x9F (the rest of the code page is Latin-1). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/**
 * Windows-1252, decoded by hand: Node's `TextDecoder('windows-1252')` is plain Latin-1 in some
 * builds (0x80 is not €), and the worker and the tests must read the same text.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 4_096) {
    const chunk = bytes.subarray(i, i + 4_096)
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) =>
        byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte,
      ),
    )
  }
  return text
}

/**
 * UTF-16 when the bytes start with its byte-order mark (Excel's "Unicode text"), UTF-8 (with or
 * without a byte-order mark) when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const utf16: TextEncodingName | undefined =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

export interface CsvTable {
  headers: string[]
  /** Data rows, each as long as `headers` (padded with empty cells). */
  rows: string[][]
  delimiter: string
}

export type TableResult = { ok: true; table: CsvTable } | { ok: false; reason: string }

/**
 * No shop system's export comes near this (Shopify's has about 80); a file with more is not a
 * table of purchases, and showing its columns to choose from would freeze the page.
 */
export const MAX_COLUMNS = 1_000

/**
 * Parses CSV text; the delimiter (comma, semicolon, tab or pipe) is detected. Line ends are made
 * one kind first: the parser picks a single one per file, and a file with CRLF, LF and CR mixed
 * (edited on two systems) would otherwise have rows silently glued together.
 */
export function parseCsvText(text: string): TableResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
  })
  const [headerRow, ...body] = parsed.data
  if (!headerRow || headerRow.every((cell) => cell.trim() === '')) {
    return { ok: false, reason: 'empty file' }
  }
  const fatal = parsed.errors.find((error) => error.type === 'Quotes')
  if (fatal && body.length === 0) return { ok: false, reason: fatal.message }
  if (headerRow.length > MAX_COLUMNS) {
    return {
      ok: false,
      reason: `${String(headerRow.length)} columns (at most ${String(MAX_COLUMNS)} are read)`,
    }
  }
  const headers = headerRow.map((cell) => cell.trim())
  const rows = body.map((row) => headers.map((_, index) => (row[index] ?? '').trim()))
  return { ok: true, table: { headers, rows, delimiter: parsed.meta.delimiter } }
}

/* ---------- presets and mapping ---------- */

export const IMPORT_FIELDS = [
  'orderId',
  'date',
  'amount',
  'currency',
  'email',
  'phone',
  'name',
  'items',
  'quantity',
  'channel',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Column indexes of each field; several columns are joined with a space (date + time, first + last name). */
export type ColumnMapping = Partial<Record<ImportField, number[]>>

export const PRESET_IDS = ['shopify', 'square', 'sumup', 'woocommerce', 'manual'] as const
export type PresetId = (typeof PRESET_IDS)[number]

interface Preset {
  id: Exclude<PresetId, 'manual'>
  /** Headers that, all present, identify the system. */
  signature: string[][]
  /** For each field, header alternatives (first found wins); an inner array joins columns. */
  columns: Partial<Record<ImportField, (string | string[])[]>>
}

const PRESETS: readonly Preset[] = [
  {
    id: 'shopify',
    signature: [
      ['name', 'lineitem name'],
      ['name', 'financial status'],
    ],
    columns: {
      orderId: ['name', 'id'],
      date: ['created at', 'paid at'],
      amount: ['total'],
      currency: ['currency'],
      email: ['email'],
      phone: ['phone', 'billing phone', 'shipping phone'],
      name: ['billing name', 'shipping name'],
      items: ['lineitem name'],
      quantity: ['lineitem quantity'],
      channel: ['source'],
    },
  },
  {
    id: 'square',
    signature: [
      ['transaction id', 'total collected'],
      ['transaction id', 'gross sales'],
    ],
    columns: {
      orderId: ['transaction id', 'payment id'],
      date: [['date', 'time'], 'date'],
      amount: ['total collected', 'net total', 'gross sales'],
      email: ['customer email'],
      phone: ['customer phone'],
      name: ['customer name'],
      items: ['description', 'details'],
      channel: ['source', 'location'],
    },
  },
  {
    id: 'sumup',
    signature: [
      ['transaction code', 'total amount'],
      ['transaction id', 'total amount'],
      ['transaction id', 'payment method', 'amount'],
    ],
    columns: {
      orderId: ['transaction id', 'transaction code'],
      date: ['date', 'creation date'],
      amount: ['total amount', 'amount'],
      currency: ['currency'],
      email: ['customer email', 'email'],
      name: ['customer name', 'customer'],
      items: ['description', 'product'],
      channel: ['payment method'],
    },
  },
  {
    id: 'woocommerce',
    signature: [
      ['order id', 'order total'],
      ['order number', 'order total'],
      ['order number', 'order total amount'],
      ['order id', 'order total amount'],
    ],
    columns: {
      orderId: ['order number', 'order id'],
      date: ['order date', 'date'],
      amount: ['order total amount', 'order total'],
      currency: ['order currency', 'currency'],
      email: ['billing email address', 'billing email', 'customer email'],
      phone: ['billing phone'],
      name: [['billing first name', 'billing last name'], 'customer name', 'customer'],
      items: ['item name', 'product name', 'product(s)'],
      quantity: ['quantity', 'item quantity'],
      channel: ['payment method title', 'payment method'],
    },
  },
]

/** Common headers, English and French, for files from elsewhere. */
const GENERIC: Preset['columns'] = {
  orderId: [
    'order id',
    'order',
    'order number',
    'reference',
    'ref',
    'id',
    'commande',
    'n° de commande',
    'numero de commande',
    'référence',
  ],
  date: ['date', 'created at', 'datetime', 'date de la commande', 'date d’achat', "date d'achat"],
  amount: ['amount', 'total', 'montant', 'montant ttc', 'total ttc', 'price', 'prix'],
  currency: ['currency', 'devise', 'monnaie'],
  email: ['email', 'e-mail', 'courriel', 'mail', 'customer email'],
  phone: ['phone', 'telephone', 'téléphone', 'tel', 'tél', 'mobile', 'portable'],
  name: [
    'customer',
    'customer name',
    'name',
    'client',
    'nom',
    'nom du client',
    ['first name', 'last name'],
    ['prénom', 'nom'],
  ],
  items: [
    'items',
    'item',
    'product',
    'products',
    'description',
    'articles',
    'article',
    'produit',
    'produits',
  ],
  quantity: ['quantity', 'qty', 'quantité', 'qté'],
  channel: ['channel', 'source', 'canal'],
}

const normaliseHeader = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

function mappingFrom(headers: readonly string[], columns: Preset['columns']): ColumnMapping {
  const index = new Map<string, number>()
  headers.forEach((header, i) => {
    const key = normaliseHeader(header)
    if (!index.has(key)) index.set(key, i)
  })
  const find = (name: string) => index.get(normaliseHeader(name))
  const mapping: ColumnMapping = {}
  for (const field of IMPORT_FIELDS) {
    for (const option of columns[field] ?? []) {
      const names = Array.isArray(option) ? option : [option]
      const found = names.map(find)
      if (found.every((i): i is number => i !== undefined)) {
        mapping[field] = found
        break
      }
    }
  }
  return mapping
}

export function detectPreset(headers: readonly string[]): {
  preset: PresetId
  mapping: ColumnMapping
} {
  const present = new Set(headers.map(normaliseHeader))
  for (const preset of PRESETS) {
    if (preset.signature.some((names) => names.every((name) => present.has(name)))) {
      return { preset: preset.id, mapping: mappingFrom(headers, preset.columns) }
    }
  }
  return { preset: 'manual', mapping: mappingFrom(headers, GENERIC) }
}

/* ---------- dates ---------- */

export type DateOrder = 'auto' | 'dmy' | 'mdy'

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  janvier: 1,
  janv: 1,
  feb: 2,
  february: 2,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mar: 3,
  march: 3,
  mars: 3,
  apr: 4,
  april: 4,
  avril: 4,
  avr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juin: 6,
  jul: 7,
  july: 7,
  juillet: 7,
  juil: 7,
  aug: 8,
  august: 8,
  aout: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  oct: 10,
  october: 10,
  octobre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  dec: 12,
  december: 12,
  decembre: 12,
}

const TIME = String.raw`(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`
const ISO_DATE = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i')
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})${TIME}$`, 'i')
const DAY_NAME_DATE = new RegExp(
  String.raw`^(\d{1,2})(?:er)?\s+([a-zéû]+)\.?,?\s+(\d{4})${TIME}$`,
  'i',
)
const NAME_DAY_DATE = new RegExp(
  String.raw`^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`,
  'i',
)

function monthNumber(name: string): number | undefined {
  return MONTHS[normaliseHeader(name).replace(/\.$/, '')]
}

/** The day/month order a file's numeric dates use, when some date tells (a part above 12). */
export function detectDateOrder(values: readonly string[]): 'dmy' | 'mdy' | undefined {
  let dmy = false
  let mdy = false
  for (const value of values) {
    const match = NUMERIC_DATE.exec(value.trim())
    if (!match) continue
    const first = Number(match[1])
    const second = Number(match[2])
    if (first > 12 && second <= 12) dmy = true
    if (second > 12 && first <= 12) mdy = true
  }
  return dmy === mdy ? undefined : dmy ? 'dmy' : 'mdy'
}

function build(
  year: number,
  month: number,
  day: number,
  time: (string | undefined)[],
): number | undefined {
  const [hourText, minuteText, secondText, meridiem, zone] = time
  let hour = hourText === undefined ? 0 : Number(hourText)
  const minute = minuteText === undefined ? 0 : Number(minuteText)
  const second = secondText === undefined ? 0 : Number(secondText)
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0)
  }
  if (year < 100) year += 2000
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return undefined
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth || year < 1970 || year > 2200) return undefined
  if (zone) {
    const offset = /^[+-]/.test(zone)
      ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
      : 0
    return Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000
  }
  // No zone: the time is the shop's local time, as the export shows it.
  return new Date(year, month - 1, day, hour, minute, second).getTime()
}

/**
 * Reads a date in the usual French and English ways: 2025-12-31, 31/12/2025, 12/31/2025 (when
 * the order is known or the day is above 12), 31.12.25, 5 March 2025, 5 mars 2025,
 * March 5, 2025 — each optionally with a time (14:05, 14h05, 2:05 pm) and a zone (+01:00, Z).
 */
export function parseDate(text: string, order: DateOrder = 'auto'): number | undefined {
  const value = text.trim()
  if (!value) return undefined
  let match = ISO_DATE.exec(value)
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]), match.slice(4))
  match = NUMERIC_DATE.exec(value)
  if (match) {
    const first = Number(match[1])
    const second = Number(match[2])
    const resolved: 'dmy' | 'mdy' | undefined =
      order !== 'auto' ? order : first > 12 ? 'dmy' : second > 12 ? 'mdy' : undefined
    if (!resolved) return undefined
    const [day, month] = resolved === 'dmy' ? [first, second] : [second, first]
    return build(Number(match[3]), month, day, match.slice(4))
  }
  match = DAY_NAME_DATE.exec(value)
  if (match) {
    const month = monthNumber(match[2]!)
    return month ? build(Number(match[3]), month, Number(match[1]), match.slice(4)) : undefined
  }
  match = NAME_DAY_DATE.exec(value)
  if (match) {
    const month = monthNumber(match[1]!)
    return month ? build(Number(match[3]), month, Number(match[2]), match.slice(4)) : undefined
  }
  return undefined
}

/* ---------- amounts ---------- */

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', CHF: 'CHF' }

export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** The currency an amount's text names (`€`, `$`, `EUR`…), if any. */
export function currencyInText(text: string): string | undefined {
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1]
  if (code && code !== 'TTC' && code !== 'HT') return code
  for (const [symbol, currency] of Object.entries(SYMBOLS))
    if (text.includes(symbol)) return currency
  return undefined
}

/**
 * Reads an amount written with a comma or a dot as decimal separator, with thousands separators
 * (space, no-break space, apostrophe, dot or comma), a currency symbol or code, and a sign or
 * accounting parentheses; returns it in minor units of `currency`, or undefined.
 * A lone separator followed by exactly three digits ("1,234", "1.234") is read as thousands.
 */
export function parseAmount(text: string, currency: string): number | undefined {
  let value = text.trim()
  if (!value) return undefined
  let negative = false
  if (/^\(.*\)$/.test(value)) {
    negative = true
    value = value.slice(1, -1)
  }
  // Spaces and apostrophes (thousands separators), then a currency symbol or code before or
  // after the number. Letters inside it are not dropped: `1e309` or `0x10` is no amount.
  value = value
    .replace(/[\s\u00a0\u202f'\u2019]/g, '')
    .replace(/^([-+]?)[A-Za-z€$£¥]+/, '$1')
    .replace(/[A-Za-z€$£¥]+(-?)$/, '$1')
  if (value.startsWith('-') || value.endsWith('-')) {
    negative = !negative
    value = value.replace(/^-|-$/g, '')
  } else if (value.startsWith('+')) value = value.slice(1)
  if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) return undefined
  const lastDot = value.lastIndexOf('.')
  const lastComma = value.lastIndexOf(',')
  let integer: string
  let fraction = ''
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ','
    const thousands = decimal === '.' ? ',' : '.'
    const [whole = '', frac = ''] = value.split(decimal)
    if (value.split(decimal).length !== 2 || frac.includes(thousands)) return undefined
    if (!/^\d{1,3}([.,]\d{3})*$/.test(whole)) return undefined
    integer = whole.split(thousands).join('')
    fraction = frac
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ','
    const parts = value.split(separator)
    if (parts.length > 2 || (parts[1]?.length === 3 && !parts[0]!.startsWith('0'))) {
      if (!parts.slice(1).every((part) => part.length === 3) || !/^\d{1,3}$/.test(parts[0]!)) {
        return undefined
      }
      integer = parts.join('')
    } else {
      integer = parts[0] ?? ''
      fraction = parts[1] ?? ''
    }
  } else {
    integer = value
  }
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (integer === '' && fraction === '')) {
    return undefined
  }
  const digits = currencyDigits(currency)
  const padded = (fraction + '0'.repeat(digits)).slice(0, digits)
  let minor = Number(integer || '0') * 10 ** digits + Number(padded || '0')
  // Round half up on the first digit dropped.
  if (fraction.length > digits && Number(fraction[digits]) >= 5) minor += 1
  if (!Number.isSafeInteger(minor)) return undefined
  return negative && minor !== 0 ? -minor : minor
}

/* ---------- customers ---------- */

export interface CustomerKey {
  id: string
  name: string
  emails: readonly string[]
  phones: readonly string[]
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase()
/** Digits only, the last nine: +33 6 12 34 56 78 and 06 12 34 56 78 are the same phone. */
export const normalisePhone = (phone: string) => phone.replace(/\D/g, '').slice(-9)
export const normaliseName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

interface CustomerIndex {
  byEmail: Map<string, string[]>
  byPhone: Map<string, string[]>
  byName: Map<string, string[]>
}

function indexCustomers(customers: readonly CustomerKey[]): CustomerIndex {
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    if (!key) return
    const list = map.get(key)
    if (!list) map.set(key, [id])
    else if (!list.includes(id)) list.push(id)
  }
  const index: CustomerIndex = { byEmail: new Map(), byPhone: new Map(), byName: new Map() }
  for (const customer of customers) {
    for (const email of customer.emails) add(index.byEmail, normaliseEmail(email), customer.id)
    for (const phone of customer.phones) {
      const key = normalisePhone(phone)
      if (key.length >= 6) add(index.byPhone, key, customer.id)
    }
    add(index.byName, normaliseName(customer.name), customer.id)
  }
  return index
}

/* ---------- the plan ---------- */

export type ProblemCode =
  | 'unknown-customer'
  | 'ambiguous-customer'
  | 'bad-date'
  | 'bad-amount'
  | 'duplicate-row'
  | 'missing-column'

export interface ImportProblem {
  code: ProblemCode
  /** 1-based line of the file (the header is line 1); 0 for the whole file. */
  row: number
  value: string
}

export type MatchKind = 'email' | 'phone' | 'name' | 'created'

export interface PlannedPurchase {
  /** 1-based line of the file. */
  row: number
  externalRef: string
  at: number
  amount: number
  currency: string
  items: { name: string; quantity: number }[]
  channel: string | undefined
  /** The existing customer, or the key of a customer to create (`newCustomers`). */
  customerId: string | undefined
  newCustomerKey: string | undefined
  match: MatchKind
  customerLabel: string
}

export interface NewCustomer {
  key: string
  name: string
  email: string | undefined
  phone: string | undefined
}

export interface ImportOptions {
  mapping: ColumnMapping
  dateOrder: DateOrder
  /** ISO currency for rows that name none. */
  defaultCurrency: string
  /** Rows whose customer is unknown create one (by name or email) instead of being refused. */
  createUnknownCustomers: boolean
}

export interface ImportPlan {
  rows: number
  /** The date order used (detected when `auto` and the file tells). */
  dateOrder: DateOrder
  purchases: PlannedPurchase[]
  newCustomers: NewCustomer[]
  /** Rows already in the notebook (same external reference). */
  alreadyImported: number
  problems: ImportProblem[]
  /** Rows matched by name alone, to be checked. */
  review: { row: number; value: string; customerId: string }[]
  /** Line-item rows folded into the order on an earlier row. */
  folded: { row: number; into: number }[]
}

const REQUIRED: readonly ImportField[] = ['date', 'amount']

/** FNV-1a, 32 bits, as 8 hex digits: a stable reference for rows that carry no order id. */
export function hashRow(cells: readonly string[]): string {
  let hash = 0x811c9dc5
  const text = cells.join('\u001f')
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

export function planPurchaseImport(
  table: CsvTable,
  options: ImportOptions,
  customers: readonly CustomerKey[],
  existingRefs: ReadonlySet<string>,
  onProgress?: (done: number) => void,
): ImportPlan {
  const { mapping } = options
  const problems: ImportProblem[] = []
  for (const field of REQUIRED) {
    if (!mapping[field]?.length) problems.push({ code: 'missing-column', row: 0, value: field })
  }
  const cell = (row: readonly string[], field: ImportField) =>
    (mapping[field] ?? [])
      .map((index) => row[index] ?? '')
      .filter((text) => text !== '')
      .join(' ')
      .trim()
  const dateOrder =
    options.dateOrder === 'auto'
      ? (detectDateOrder(table.rows.map((row) => cell(row, 'date'))) ?? 'auto')
      : options.dateOrder
  const plan: ImportPlan = {
    rows: table.rows.length,
    dateOrder,
    purchases: [],
    newCustomers: [],
    alreadyImported: 0,
    problems,
    review: [],
    folded: [],
  }
  if (problems.length > 0) return plan

  const index = indexCustomers(customers)
  const names = new Map(customers.map((customer) => [customer.id, customer.name]))
  const newByKey = new Map<string, NewCustomer>()
  /** First line of each reference in this file, and the purchase planned for it. */
  const seen = new Map<string, { row: number; purchase: PlannedPurchase | undefined }>()

  table.rows.forEach((row, i) => {
    if (onProgress && i % 500 === 0) onProgress(i)
    const line = i + 2
    const orderId = cell(row, 'orderId')
    const amountText = cell(row, 'amount')
    const itemName = cell(row, 'items')
    const quantity = Number(cell(row, 'quantity').replace(',', '.')) || 1
    const externalRef = orderId ? `order:${orderId}` : `row:${hashRow(row)}`

    const earlier = seen.get(externalRef)
    if (earlier) {
      // A Shopify-style continuation line: same order, no total, one more item.
      if (orderId && amountText === '') {
        if (itemName && earlier.purchase) earlier.purchase.items.push({ name: itemName, quantity })
        plan.folded.push({ row: line, into: earlier.row })
        return
      }
      problems.push({ code: 'duplicate-row', row: line, value: String(earlier.row) })
      return
    }
    seen.set(externalRef, { row: line, purchase: undefined })

    const dateText = cell(row, 'date')
    const at = parseDate(dateText, dateOrder)
    if (at === undefined) {
      problems.push({ code: 'bad-date', row: line, value: dateText })
      return
    }
    const currencyCell = cell(row, 'currency').toUpperCase()
    const currency = /^[A-Z]{3}$/.test(currencyCell)
      ? currencyCell
      : (currencyInText(amountText) ?? options.defaultCurrency)
    const amount = parseAmount(amountText, currency)
    if (amount === undefined) {
      problems.push({ code: 'bad-amount', row: line, value: amountText })
      return
    }
    if (existingRefs.has(externalRef)) {
      plan.alreadyImported += 1
      return
    }

    const email = cell(row, 'email')
    const phone = cell(row, 'phone')
    const name = cell(row, 'name')
    let customerId: string | undefined
    let match: MatchKind | undefined
    const byEmail = email ? index.byEmail.get(normaliseEmail(email)) : undefined
    const byPhone =
      phone && normalisePhone(phone).length >= 6
        ? index.byPhone.get(normalisePhone(phone))
        : undefined
    const byName = name ? index.byName.get(normaliseName(name)) : undefined
    if (byEmail?.length === 1) [customerId, match] = [byEmail[0], 'email']
    else if (byPhone?.length === 1) [customerId, match] = [byPhone[0], 'phone']
    else if (byName?.length === 1) [customerId, match] = [byName[0], 'name']
    else if (
      (byEmail?.length ?? 0) > 1 ||
      (byPhone?.length ?? 0) > 1 ||
      (byName?.length ?? 0) > 1
    ) {
      problems.push({ code: 'ambiguous-customer', row: line, value: name || email || phone })
      return
    }
    let newCustomerKey: string | undefined
    if (!customerId) {
      const label = name || email || phone
      if (!options.createUnknownCustomers || !(name || email)) {
        problems.push({ code: 'unknown-customer', row: line, value: label })
        return
      }
      newCustomerKey = email ? `email:${normaliseEmail(email)}` : `name:${normaliseName(name)}`
      if (!newByKey.has(newCustomerKey)) {
        newByKey.set(newCustomerKey, {
          key: newCustomerKey,
          name: name || email,
          email: email || undefined,
          phone: phone || undefined,
        })
      }
      match = 'created'
    }
    if (match === 'name' && customerId) plan.review.push({ row: line, value: name, customerId })
    const purchase: PlannedPurchase = {
      row: line,
      externalRef,
      at,
      amount,
      currency,
      items: itemName ? [{ name: itemName, quantity }] : [],
      channel: cell(row, 'channel') || undefined,
      customerId,
      newCustomerKey,
      match: match ?? 'created',
      customerLabel: customerId ? (names.get(customerId) ?? name) : name || email,
    }
    seen.set(externalRef, { row: line, purchase })
    plan.purchases.push(purchase)
  })
  plan.newCustomers = [...newByKey.values()]
  problems.sort((a, b) => a.row - b.row)
  return plan
}

/* ---------- the preview ---------- */

/** How a row of the file fares in a plan, for the preview of its first rows. */
export type RowStatus =
  | { state: 'problem' | 'already' }
  | { state: 'folded'; into: number }
  | {
      state: 'new'
      customerLabel: string
      match: MatchKind
      at: number
    }

/**
 * What the preview shows of a plan, small whatever the file's size: a plan of 500,000 purchases
 * posted whole to the page would take it seconds to receive, so the worker keeps the plan and
 * sends this.
 */
export interface PlanSummary {
  rows: number
  dateOrder: DateOrder
  /** Purchases the plan would add. */
  toAdd: number
  alreadyImported: number
  /** Lines with at least one problem. */
  problemRows: number
  /** The first problems, in line order, and how many there are in all. */
  problems: ImportProblem[]
  problemsTotal: number
  /** The first rows matched by name alone, and how many there are in all. */
  review: ImportPlan['review']
  reviewTotal: number
  /** The status of each of the file's first rows (line 2 onwards). */
  firstRows: RowStatus[]
}

export function summarisePlan(plan: ImportPlan, firstRows: number, listed: number): PlanSummary {
  const lines = new Set<number>()
  const firstProblems = new Set<number>()
  for (const problem of plan.problems) {
    lines.add(problem.row)
    if (problem.row < firstRows + 2) firstProblems.add(problem.row)
  }
  const statuses: RowStatus[] = []
  for (let line = 2; line < Math.min(plan.rows, firstRows) + 2; line++) {
    const purchase = plan.purchases.find((candidate) => candidate.row === line)
    const into = plan.folded.find((item) => item.row === line)?.into
    statuses.push(
      firstProblems.has(line)
        ? { state: 'problem' }
        : purchase
          ? {
              state: 'new',
              customerLabel: purchase.customerLabel,
              match: purchase.match,
              at: purchase.at,
            }
          : into !== undefined
            ? { state: 'folded', into }
            : { state: 'already' },
    )
  }
  return {
    rows: plan.rows,
    dateOrder: plan.dateOrder,
    toAdd: plan.purchases.length,
    alreadyImported: plan.alreadyImported,
    problemRows: lines.size,
    problems: plan.problems.slice(0, listed),
    problemsTotal: plan.problems.length,
    review: plan.review.slice(0, listed),
    reviewTotal: plan.review.length,
    firstRows: statuses,
  }
}
