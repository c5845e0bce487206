/** Messages between the page and the contacts import worker. */
import type { ContactReviewItem, KnownCustomer } from '../../src/io/contacts-import'

export interface ContactsRequest {
  /** The vCard file as chosen (UTF-8). */
  bytes: Uint8Array
  /** The notebook's customers, to find the likely duplicates among the contacts. */
  customers: KnownCustomer[]
}

export type ContactsReply =
  | { type: 'ready'; items: ContactReviewItem[] }
  /** The file is not vCard text; nothing was read. */
  | { type: 'unreadable' }
