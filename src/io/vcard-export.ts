/**
 * Customers as vCard 4.0 (RFC 6350): text values escaped (`\\`, `\,`, `\;`, `\n`), lines folded
 * at 75 octets without splitting a UTF-8 character, CRLF line ends.
 */
import type { Entity } from '../model/records'

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new (
  globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }
).TextEncoder()

/** Folds one content line so no physical line is longer than 75 octets. */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    const limit = out.length === 0 ? 75 : 74
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

function birthdayValue(birthday: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(birthday)) return birthday.replace(/-/g, '')
  if (/^--\d{2}-\d{2}$/.test(birthday)) return `--${birthday.slice(2).replace('-', '')}`
  return undefined
}

export function customerToVCard(entity: Entity): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:${escapeText(entity.id)}`,
    `FN:${escapeText(entity.name)}`,
  ]
  const contact = entity.contact
  for (const email of contact?.emails ?? []) lines.push(`EMAIL:${escapeText(email)}`)
  for (const phone of contact?.phones ?? []) lines.push(`TEL;VALUE=text:${escapeText(phone)}`)
  if (contact?.address) lines.push(`ADR:;;${escapeText(contact.address)};;;;`)
  const birthday = contact?.birthday ? birthdayValue(contact.birthday) : undefined
  if (birthday) lines.push(`BDAY:${birthday}`)
  if (contact?.organisation) lines.push(`ORG:${escapeText(contact.organisation)}`)
  if (contact?.website) lines.push(`URL:${escapeText(contact.website)}`)
  if (entity.summary.trim() !== '') lines.push(`NOTE:${escapeText(entity.summary)}`)
  if (entity.tags.length > 0) lines.push(`CATEGORIES:${entity.tags.map(escapeText).join(',')}`)
  lines.push(`REV:${new Date(entity.updatedAt).toISOString().replace(/[-:]|\.\d{3}/g, '')}`)
  lines.push('END:VCARD')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

export function customersToVCards(entities: readonly Entity[]): string {
  return entities.map(customerToVCard).join('')
}
