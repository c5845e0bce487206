/**
 * Reads a vCard file in a worker (renderer/workers/contacts-import.worker.ts): decoding, parsing
 * and the duplicate search against the notebook's customers, so a phone's whole address book
 * never freezes the page. If the worker cannot start (a stale build, workers blocked), the same
 * pure read (`readContacts`) runs on the page: slower, but the import still works.
 */
import { readContacts } from '../../src/io/contacts-import'
import type { KnownCustomer, ReadContactsResult } from '../../src/io/contacts-import'
import type { ContactsReply, ContactsRequest } from '../workers/contacts-import-protocol'

export type ContactsReading = ReadContactsResult | { ok: false; isCancelled: true }

export interface ReadContactsOptions {
  /** Aborting stops the read (the worker is terminated) and resolves as cancelled. */
  signal?: AbortSignal
  /** Makes the worker; tests and the fallback path replace it. */
  createWorker?: () => Worker
}

function startWorker(): Worker {
  return new Worker(new URL('../workers/contacts-import.worker.ts', import.meta.url), {
    type: 'module',
  })
}

export function readContactsOffPage(
  bytes: Uint8Array,
  customers: readonly KnownCustomer[],
  options: ReadContactsOptions = {},
): Promise<ContactsReading> {
  const { signal, createWorker = startWorker } = options
  const onPage = () => Promise.resolve(readContacts(bytes, customers))
  if (signal?.aborted) return Promise.resolve({ ok: false, isCancelled: true })
  let worker: Worker
  try {
    worker = createWorker()
  } catch {
    return onPage()
  }
  return new Promise<ContactsReading>((resolve) => {
    let isSettled = false
    const settle = (result: ContactsReading | (() => Promise<ContactsReading>)) => {
      if (isSettled) return
      isSettled = true
      worker.terminate()
      signal?.removeEventListener('abort', cancel)
      resolve(typeof result === 'function' ? result() : result)
    }
    const cancel = () => settle({ ok: false, isCancelled: true })
    signal?.addEventListener('abort', cancel, { once: true })
    worker.onmessage = (event: MessageEvent<ContactsReply>) => {
      const reply = event.data
      settle(reply.type === 'ready' ? { ok: true, items: reply.items } : { ok: false })
    }
    // The script could not start or broke: read on the page instead.
    worker.onerror = (event) => {
      event.preventDefault()
      settle(onPage)
    }
    worker.onmessageerror = () => settle(onPage)
    // The customers are plain records: structured clone copies them, the bytes are copied too
    // (the caller may still hold them).
    const request: ContactsRequest = {
      bytes,
      customers: customers.map(({ id, name, contact }) =>
        contact === undefined ? { id, name } : { id, name, contact },
      ),
    }
    worker.postMessage(request)
  })
}
