/**
 * The page's side of the search worker, for one notebook: sends queries with request ids and
 * answers only the newest (an older query answered after a newer one is dropped, so the last
 * keystroke wins), forwards changed records, and publishes the worker's index status.
 */
import type { ChangedRecord, QueryResult, SearchStatus } from '../../src/search/search-engine'
import type { SearchReply, SearchRequest } from './search-protocol'
import type { ChangedRecords } from '../app/controller'

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>

function startWorker(): WorkerLike {
  return new Worker(new URL('../workers/search.worker.ts', import.meta.url), { type: 'module' })
}

interface Pending {
  resolve: (result: QueryResult | null) => void
  reject: (error: Error) => void
}

export class SearchClient {
  private readonly worker: WorkerLike
  private nextId = 1
  private newestAnswered = 0
  private readonly pending = new Map<number, Pending>()
  private readonly closing = new Map<number, () => void>()
  private status: SearchStatus = { state: 'idle', done: 0, total: 0 }
  private readonly listeners = new Set<() => void>()
  private closed = false

  constructor(
    readonly notebookId: string,
    createWorker: () => WorkerLike = startWorker,
  ) {
    this.worker = createWorker()
    this.worker.addEventListener('message', (event: MessageEvent<SearchReply>) =>
      this.receive(event.data),
    )
    this.worker.addEventListener('error', (event) => {
      this.setStatus({ ...this.status, state: 'error', error: event.message })
    })
    this.send({ type: 'open', notebookId })
  }

  private send(request: SearchRequest): void {
    this.worker.postMessage(request)
  }

  private receive(reply: SearchReply): void {
    switch (reply.type) {
      case 'status':
        this.setStatus(reply.status)
        return
      case 'results':
        this.answer(reply.requestId, reply.result)
        return
      case 'failed': {
        const pending = this.pending.get(reply.requestId)
        this.pending.delete(reply.requestId)
        pending?.reject(new Error(reply.message))
        this.closing.get(reply.requestId)?.()
        return
      }
      case 'closed':
        this.closing.get(reply.requestId)?.()
        return
    }
  }

  private answer(requestId: number, result: QueryResult | null): void {
    const stale = requestId < this.newestAnswered
    if (!stale && result) this.newestAnswered = requestId
    // This answer makes every older question moot.
    for (const [id, pending] of this.pending) {
      if (id > requestId) continue
      this.pending.delete(id)
      pending.resolve(id === requestId && !stale ? result : null)
    }
  }

  /** The results of `text`, or null when a newer query superseded it. */
  search(text: string, limit = 20): Promise<QueryResult | null> {
    if (this.closed) return Promise.resolve(null)
    const requestId = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject })
      this.send({ type: 'query', requestId, text, limit })
    })
  }

  changes(changes: ChangedRecords): void {
    const relevant: ChangedRecord[] = []
    for (const { table, id } of changes) {
      // Purchases are not indexed, and only they are ever named by their delivery alone.
      if ((table === 'entities' || table === 'notes') && id !== undefined)
        relevant.push({ table, id })
    }
    if (!this.closed && relevant.length > 0) this.send({ type: 'changes', changes: relevant })
  }

  getStatus = (): SearchStatus => this.status

  /** Resolves once the full-text index is ready, or failed: search has done its opening reads. */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.closed || this.status.state === 'ready' || this.status.state === 'error') {
          stop()
          resolve()
        }
      }
      const stop = this.subscribe(check)
      check()
    })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private setStatus(status: SearchStatus): void {
    this.status = status
    for (const listener of this.listeners) listener()
  }

  /** Lets the worker save its index (for at most `timeoutMs`), then stops it. */
  async close(timeoutMs = 3_000): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const pending of this.pending.values()) pending.resolve(null)
    this.pending.clear()
    const requestId = this.nextId++
    await new Promise<void>((resolve) => {
      const timer = window.setTimeout(resolve, timeoutMs)
      this.closing.set(requestId, () => {
        window.clearTimeout(timer)
        resolve()
      })
      this.send({ type: 'close', requestId })
    })
    this.worker.terminate()
  }
}
