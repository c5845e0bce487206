/**
 * Contacts read from a vCard file, matched against the customers already in the notebook, then
 * written in one store write after the user has decided, for each likely duplicate, whether to
 * merge it into the existing customer, skip it or add it as new.
 */
import type { Entity } from '../model/records'
import type { Writer } from '../db/notebook-store'
import { createEntity } from '../notebook/entities'
import { utf8Decode } from './encryption'
import { parseVCards, phoneDigits } from './vcard'
import type { ParsedContact } from './vcard'

export type MatchReason = 'email' | 'phone' | 'name'

export interface ContactReviewItem {
  contact: ParsedContact
  /** The existing customer this contact probably is. */
  match?: { id: string; name: string; reason: MatchReason }
}

export type ContactDecision = 'merge' | 'skip' | 'new'

/** What the duplicate search needs of a customer (small enough to send to a worker). */
export type KnownCustomer = Pick<Entity, 'id' | 'name' | 'contact'>

export type ReadContactsResult = { ok: true; items: ContactReviewItem[] } | { ok: false }

/** A name compared without case, accents or extra spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Short numbers (an extension, a typo) are too likely to collide to mean the same person. */
const MIN_PHONE_DIGITS = 6

/**
 * A vCard file's contacts, each with the customer it probably is: the whole read, from bytes to
 * review items. Heavy for a large address book, so the page runs it in a worker
 * (renderer/workers/contacts-import.worker.ts). No contact at all is `ok` with no items.
 */
export function readContacts(
  bytes: Uint8Array,
  customers: readonly KnownCustomer[],
): ReadContactsResult {
  let contacts: ParsedContact[]
  try {
    contacts = parseVCards(utf8Decode(bytes))
  } catch {
    return { ok: false }
  }
  return { ok: true, items: reviewContacts(contacts, customers) }
}

export function reviewContacts(
  contacts: readonly ParsedContact[],
  customers: readonly KnownCustomer[],
): ContactReviewItem[] {
  const byEmail = new Map<string, KnownCustomer>()
  const byPhone = new Map<string, KnownCustomer>()
  const byName = new Map<string, KnownCustomer>()
  for (const customer of customers) {
    for (const email of customer.contact?.emails ?? []) byEmail.set(email.toLowerCase(), customer)
    for (const phone of customer.contact?.phones ?? []) {
      const digits = phoneDigits(phone)
      if (digits.length >= MIN_PHONE_DIGITS) byPhone.set(digits, customer)
    }
    const folded = foldName(customer.name)
    if (folded !== '') byName.set(folded, customer)
  }
  return contacts.map((contact) => {
    const email = contact.emails.map((value) => byEmail.get(value.toLowerCase())).find(Boolean)
    if (email) return { contact, match: { id: email.id, name: email.name, reason: 'email' } }
    const phone = contact.phones
      .map(phoneDigits)
      .filter((digits) => digits.length >= MIN_PHONE_DIGITS)
      .map((digits) => byPhone.get(digits))
      .find(Boolean)
    if (phone) return { contact, match: { id: phone.id, name: phone.name, reason: 'phone' } }
    const name = byName.get(foldName(contact.name))
    if (name) return { contact, match: { id: name.id, name: name.name, reason: 'name' } }
    return { contact }
  })
}

/** What a decision-less item does: new contacts are added, likely duplicates merged. */
export function defaultDecision(item: ContactReviewItem): ContactDecision {
  return item.match ? 'merge' : 'new'
}

/** Writes the decided contacts; returns how many customers were created or completed. */
export async function applyContactImport(
  writer: Writer,
  items: readonly ContactReviewItem[],
  decisions: readonly ContactDecision[],
): Promise<number> {
  let written = 0
  for (const [index, item] of items.entries()) {
    const decision = decisions[index] ?? defaultDecision(item)
    if (decision === 'skip') continue
    const { contact } = item
    if (decision === 'merge' && item.match) {
      const existing = await writer.get('entities', item.match.id)
      if (existing) {
        await writer.put('entities', mergeInto(existing, contact))
        written++
        continue
      }
    }
    await createEntity(writer, {
      kind: 'customer',
      name: contact.name,
      summary: contact.note ?? '',
      contact: contactOf(contact),
    })
    written++
  }
  return written
}

function contactOf(contact: ParsedContact): NonNullable<Entity['contact']> {
  const result: NonNullable<Entity['contact']> = { emails: contact.emails, phones: contact.phones }
  if (contact.address) result.address = contact.address
  if (contact.birthday) result.birthday = contact.birthday
  if (contact.organisation) result.organisation = contact.organisation
  if (contact.website) result.website = contact.website
  return result
}

/** Adds what the existing customer lacks; never overwrites what is already there. */
export function mergeInto(existing: Entity, contact: ParsedContact): Entity {
  const current = existing.contact ?? { emails: [], phones: [] }
  const emails = [...current.emails]
  for (const email of contact.emails) {
    if (!emails.some((known) => known.toLowerCase() === email.toLowerCase())) emails.push(email)
  }
  const phones = [...current.phones]
  for (const phone of contact.phones) {
    if (!phones.some((known) => phoneDigits(known) === phoneDigits(phone))) phones.push(phone)
  }
  const merged: NonNullable<Entity['contact']> = {
    ...contactOf(contact),
    ...dropUndefined(current),
    emails: emails.slice(0, 50),
    phones: phones.slice(0, 50),
  }
  const summary = existing.summary.trim() === '' ? (contact.note ?? '') : existing.summary
  return { ...existing, summary, contact: merged }
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>
}
