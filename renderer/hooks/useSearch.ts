/**
 * Search from React: `useSearchService()` keeps the search worker connected to the open notebook
 * (mounted once, in App), `useSearch(query)` gives the ranked results of a query as it is typed.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { QueryResult, SearchStatus } from '../../src/search/search-engine'
import type { SearchClient } from '../search/search-client'
import { connectSearch, currentSearchClient, subscribeSearchClient } from '../search/search-service'
import { useController } from './useApp'

export function useSearchService(): void {
  const app = useController()
  useEffect(() => connectSearch(app), [app])
}

const IDLE: SearchStatus = { state: 'idle', done: 0, total: 0 }
const noStatus = () => IDLE
const noSubscription = () => () => undefined

function useSearchClient(): SearchClient | null {
  return useSyncExternalStore(subscribeSearchClient, currentSearchClient)
}

/** The index's state: loading, building (with progress), ready (from the cache or rebuilt). */
export function useSearchStatus(): SearchStatus {
  const client = useSearchClient()
  return useSyncExternalStore(client?.subscribe ?? noSubscription, client?.getStatus ?? noStatus)
}

export interface SearchState {
  /** The newest results; kept while the next query runs, so the list does not flicker. */
  result: QueryResult | null
  /** The query `result` answers. */
  query: string
  error: string | null
  index: SearchStatus
}

/** Results for `query` (trimmed; under `minLength` characters, none). */
export function useSearch(query: string, { limit = 20, minLength = 2 } = {}): SearchState {
  const client = useSearchClient()
  const index = useSearchStatus()
  const text = query.trim()
  const [answer, setAnswer] = useState<{ query: string; result: QueryResult } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const active = client !== null && text.length >= minLength
  // The full-text index becoming ready gives better answers to the same query.
  const ready = index.state === 'ready'
  useEffect(() => {
    if (!client || !active) return
    let current = true
    client.search(text, limit).then(
      (result) => {
        if (!current || !result) return
        setAnswer({ query: text, result })
        setError(null)
      },
      (reason: unknown) => {
        if (current) setError(reason instanceof Error ? reason.message : String(reason))
      },
    )
    return () => {
      current = false
    }
  }, [client, text, limit, active, ready])
  return {
    result: active ? (answer?.result ?? null) : null,
    query: active ? (answer?.query ?? '') : '',
    error,
    index,
  }
}
