/**
 * A vCard reader for the versions phones and address books actually write: 2.1, 3.0 and 4.0.
 *
 * Written here rather than taken from a library: there is no maintained, small, browser-safe
 * vCard library that handles vCard 2.1 well (quoted-printable with soft line breaks, CHARSET,
 * bare type parameters, base64 photos continued on unindented lines), and those are exactly what
 * older phones and Outlook export. This reader is forgiving: a line it cannot read is skipped,
 * never an error, and nothing in a file can reach an object prototype (parameters live in Maps).
 *
 * Handled: BOM; CRLF, LF or CR line ends; folding (a line end followed by a space or tab);
 * quoted-printable soft line breaks (`=` at the end of a line); QUOTED-PRINTABLE / BASE64 / b
 * encodings and CHARSET; property groups (`item1.EMAIL`); escaped `\,` `\;` `\n` `\\`; many
 * cards per file; nested cards (2.1 AGENT) skipped. Photos, logos, sounds and keys are parsed
 * past and never kept.
 */

export interface VCardProperty {
  group: string | undefined
  /** Upper case: `FN`, `EMAIL`… */
  name: string
  /** Upper-case parameter names; bare 2.1 types (`;WORK;VOICE`) are gathered under `TYPE`. */
  params: Map<string, string[]>
  /** Decoded text (quoted-printable and charset applied), still escaped. */
  value: string
}

export interface ParsedContact {
  name: string
  emails: string[]
  phones: string[]
  address?: string
  /** YYYY-MM-DD, or --MM-DD when the year is unknown. */
  birthday?: string
  organisation?: string
  website?: string
  note?: string
}

/** Anything longer is not a contact field anyone typed; it is cut rather than kept whole. */
const MAX_VALUE = 100_000
const BINARY_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY'])
const PROPERTY_LINE = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)([;:])/

/** Every card of a vCard file, as raw properties. */
export function parseVCardProperties(text: string): VCardProperty[][] {
  const cards: VCardProperty[][] = []
  let card: VCardProperty[] | null = null
  let depth = 0
  for (const line of logicalLines(text)) {
    const property = parseLine(line)
    if (!property) continue
    if (property.name === 'BEGIN' && property.value.trim().toUpperCase() === 'VCARD') {
      depth++
      if (depth === 1) card = []
      continue
    }
    if (property.name === 'END' && property.value.trim().toUpperCase() === 'VCARD') {
      if (depth === 1 && card) cards.push(card)
      depth = Math.max(0, depth - 1)
      if (depth === 0) card = null
      continue
    }
    if (depth === 1 && card) card.push(property)
  }
  return cards
}

/** Every card of a vCard file, as contacts; cards with no usable name are left out. */
export function parseVCards(text: string): ParsedContact[] {
  return parseVCardProperties(text).flatMap((properties) => {
    const contact = toContact(properties)
    return contact ? [contact] : []
  })
}

/**
 * A logical line longer than this is cut: every value is cut to `MAX_VALUE` once decoded, and a
 * quoted-printable character takes at most 9 characters to write (`=E2=82=AC`), so nothing kept
 * is lost, and a file of one endless folded line costs no more than this.
 */
const MAX_LINE = MAX_VALUE * 10

/**
 * Unfolds physical lines into logical ones. Parts are gathered in an array and joined once, so a
 * line folded 100,000 times costs linear time, not quadratic.
 */
function* logicalLines(text: string): Generator<string> {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  let parts: string[] | undefined
  let length = 0
  let quotedPrintable = false
  let softBreak = false
  const add = (part: string) => {
    if (length >= MAX_LINE) return
    const kept = part.slice(0, MAX_LINE - length)
    parts!.push(kept)
    length += kept.length
  }
  for (const line of raw) {
    if (parts !== undefined && softBreak) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1)
      add(line)
    } else if (parts !== undefined && (line.startsWith(' ') || line.startsWith('\t'))) {
      add(line.slice(1))
    } else {
      if (parts !== undefined) yield parts.join('')
      parts = []
      length = 0
      add(line)
      quotedPrintable = isQuotedPrintable(line)
    }
    softBreak = quotedPrintable && length < MAX_LINE && parts[parts.length - 1]!.endsWith('=')
  }
  if (parts !== undefined) yield parts.join('')
}

/** Whether a property line (its name and parameters, before the colon) says quoted-printable. */
function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':')
  return colon > 0 && /QUOTED-PRINTABLE/i.test(line.slice(0, colon))
}

function parseLine(line: string): VCardProperty | undefined {
  const head = PROPERTY_LINE.exec(line)
  if (!head) return undefined
  const group = head[1]
  const name = head[2]!.toUpperCase()
  const params = new Map<string, string[]>()
  let index = head[0].length - 1
  // Parameters: `;NAME=value,value` or a bare `;VALUE`, values possibly in double quotes.
  while (line[index] === ';') {
    index++
    let param = ''
    let quoted = false
    while (index < line.length && (quoted || (line[index] !== ';' && line[index] !== ':'))) {
      if (line[index] === '"') quoted = !quoted
      else param += line[index]
      index++
    }
    const equals = param.indexOf('=')
    const key = (equals < 0 ? 'TYPE' : param.slice(0, equals)).trim().toUpperCase()
    const values = (equals < 0 ? param : param.slice(equals + 1))
      .split(',')
      .map((value) => value.trim())
    if (key === '') continue
    if (equals < 0 && /^(QUOTED-PRINTABLE|BASE64|B|8BIT|7BIT)$/i.test(param.trim())) {
      params.set('ENCODING', [param.trim()])
      continue
    }
    // Pushed, not copied: a line with 100,000 parameters must not take quadratic time.
    const existing = params.get(key)
    if (existing) for (const value of values) existing.push(value)
    else params.set(key, values)
  }
  if (line[index] !== ':') return undefined
  const rawValue = line.slice(index + 1)
  const encoding = (params.get('ENCODING')?.[0] ?? '').toUpperCase()
  if (encoding === 'BASE64' || encoding === 'B' || BINARY_PROPERTIES.has(name)) {
    return { group, name, params, value: '' }
  }
  const charset = params.get('CHARSET')?.[0]
  const value =
    encoding === 'QUOTED-PRINTABLE'
      ? decodeQuotedPrintable(rawValue.slice(0, MAX_VALUE * 9), charset)
      : rawValue
  return { group, name, params, value: value.slice(0, MAX_VALUE) }
}

export function decodeQuotedPrintable(text: string, charset = 'utf-8'): string {
  const bytes: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16))
      index += 2
    } else if (char === '=' && index === text.length - 1) {
      // A soft break left at the very end of the value.
    } else {
      const code = char.charCodeAt(0)
      if (code < 128) bytes.push(code)
      else for (const byte of utf8Bytes(char)) bytes.push(byte)
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset)
}

interface Codecs {
  TextEncoder: new () => { encode(text: string): Uint8Array }
  TextDecoder: new (label?: string) => { decode(bytes: Uint8Array): string }
}
const codecs = globalThis as unknown as Codecs

function utf8Bytes(text: string): Uint8Array {
  return new codecs.TextEncoder().encode(text)
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new codecs.TextDecoder(charset.trim().toLowerCase()).decode(bytes)
  } catch {
    // An unknown charset: Latin-1 keeps every byte as a character, which is the least wrong.
    // In chunks: spreading a long value into one call overflows the stack.
    let text = ''
    for (let index = 0; index < bytes.length; index += 4_096) {
      text += String.fromCharCode(...bytes.subarray(index, index + 4_096))
    }
    return text
  }
}

/** Splits a structured value on unescaped `;` (or `,`), then unescapes each part. */
export function splitValue(value: string, separator = ';'): string[] {
  const parts: string[] = []
  let current = ''
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1]
      index++
    } else if (char === separator) {
      parts.push(unescapeText(current))
      current = ''
    } else current += char
  }
  parts.push(unescapeText(current))
  return parts
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:nN])/g, (_match, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  )
}

function toContact(properties: VCardProperty[]): ParsedContact | undefined {
  const first = (name: string) => properties.find((property) => property.name === name)
  const all = (name: string) => properties.filter((property) => property.name === name)
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = (value: string) => value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim()

  const emails = unique(
    all('EMAIL').map((property) => clean(unescapeText(property.value)).replace(/^mailto:/i, '')),
    (email) => email.toLowerCase(),
  ).filter((email) => email.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(email))
  const phones = unique(
    all('TEL').map((property) => clean(unescapeText(property.value)).replace(/^tel:/i, '')),
    phoneDigits,
  ).filter((phone) => phone.length <= 64 && /\d/.test(phone))

  const fn = clean(unescapeText(first('FN')?.value ?? ''))
  const n = first('N')
  const organisation = orgOf(first('ORG'))
  let name = fn
  if (name === '' && n) {
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitValue(n.value)
    name = clean([prefix, given, additional, family, suffix].map(clean).filter(Boolean).join(' '))
  }
  if (name === '') name = organisation ?? emails[0] ?? phones[0] ?? ''
  if (name === '') return undefined

  const contact: ParsedContact = {
    name: name.slice(0, 500),
    emails: emails.slice(0, 50),
    phones: phones.slice(0, 50),
  }
  const address = addressOf(preferred(all('ADR')))
  if (address) contact.address = address.slice(0, 2_000)
  const birthday = normaliseBirthday(first('BDAY')?.value ?? '')
  if (birthday) contact.birthday = birthday
  if (organisation) contact.organisation = organisation.slice(0, 500)
  const website = clean(unescapeText(first('URL')?.value ?? ''))
  if (website && website.length <= 2_000) contact.website = website
  const note = all('NOTE')
    .map((property) => clean(unescapeText(property.value)))
    .filter(Boolean)
    .join('\n\n')
  if (note) contact.note = note.slice(0, 100_000)
  return contact

  function orgOf(property: VCardProperty | undefined): string | undefined {
    if (!property) return undefined
    const text = splitValue(property.value).map(clean).filter(Boolean).join(', ')
    return text || undefined
  }

  function addressOf(property: VCardProperty | undefined): string | undefined {
    if (!property) return undefined
    const parts = splitValue(property.value).map((part) => clean(part.replace(/\s*\n\s*/g, ', ')))
    const text = parts.filter(Boolean).join(', ')
    return text || undefined
  }
}

function preferred(properties: VCardProperty[]): VCardProperty | undefined {
  const isPreferred = (property: VCardProperty) =>
    property.params.has('PREF') ||
    (property.params.get('TYPE') ?? []).some((type) => type.toUpperCase() === 'PREF')
  return properties.find(isPreferred) ?? properties[0]
}

/** The digits of a phone number, for comparing numbers written differently. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '')
}

function unique(values: string[], key: (value: string) => string): string[] {
  const seen = new Set<string>()
  return values.filter((value) => {
    const k = key(value)
    if (value === '' || seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** Dates as vCards write them (19800322, 1980-03-22, --0322, 1980-03-22T00:00:00Z…). */
export function normaliseBirthday(value: string): string | undefined {
  const text = value.trim()
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(text)
  if (full) {
    const [, year, month, day] = full
    return validDate(Number(month), Number(day)) ? `${year}-${month}-${day}` : undefined
  }
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(text)
  if (noYear) {
    const [, month, day] = noYear
    return validDate(Number(month), Number(day)) ? `--${month}-${day}` : undefined
  }
  return undefined
}

function validDate(month: number, day: number): boolean {
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1]!
}
