/**
 * One `SearchClient` for the open notebook, replaced when another notebook opens. The app's
 * changes (writes, undo, redo) are forwarded to it, so the index follows every change.
 * `useSearchService()` (in hooks/useSearch.ts) connects it for the life of the app.
 */
import type { AppController } from '../app/controller'
import { SearchClient } from './search-client'

let current: SearchClient | null = null
const listeners = new Set<() => void>()

function publish(client: SearchClient | null): void {
  current = client
  for (const listener of listeners) listener()
}

export function currentSearchClient(): SearchClient | null {
  return current
}

/**
 * Resolves when the open notebook's search has done its opening reads (names, then the index
 * loaded or built), or after `capMs`. Whole-notebook models wait for it before their first
 * reading: IndexedDB serves one origin's reads one after another, and a model reading 500,000
 * purchases would otherwise keep the names a user is typing from answering.
 */
export function searchOpened(notebookId: string, capMs: number): Promise<void> {
  const client = current?.notebookId === notebookId ? current : null
  if (!client) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, capMs)
    void client.settled().then(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

export function subscribeSearchClient(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Keeps a search client for `app`'s open notebook until the returned function is called. */
export function connectSearch(
  app: AppController,
  createClient: (notebookId: string) => SearchClient = (id) => new SearchClient(id),
): () => void {
  // Without workers (tests in jsdom), search is simply absent.
  if (typeof Worker === 'undefined') return () => undefined
  let client: SearchClient | null = null
  const follow = () => {
    const notebookId = app.state.notebook?.entry.id ?? null
    if (client?.notebookId === notebookId) return
    void client?.close()
    client = notebookId === null ? null : createClient(notebookId)
    publish(client)
  }
  follow()
  const stopFollowing = app.subscribe(follow)
  const stopForwarding = app.onChanges((changes, notebookId) => {
    if (client?.notebookId === notebookId) client.changes(changes)
  })
  return () => {
    stopFollowing()
    stopForwarding()
    void client?.close()
    client = null
    publish(null)
  }
}
