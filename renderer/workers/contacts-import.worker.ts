/**
 * The contacts import worker: decodes and parses a vCard file and matches its contacts against
 * the notebook's customers, off the page's thread. It never writes: the page writes what the
 * user decided in the review dialog. Cancelling is terminating the worker.
 */
import { readContacts } from '../../src/io/contacts-import'
import type { ContactsReply, ContactsRequest } from './contacts-import-protocol'

self.onmessage = (event: MessageEvent<ContactsRequest>) => {
  const { bytes, customers } = event.data
  const result = readContacts(bytes, customers)
  const reply: ContactsReply = result.ok
    ? { type: 'ready', items: result.items }
    : { type: 'unreadable' }
  self.postMessage(reply)
}
