/**
 * The search worker: owns one notebook's `SearchEngine` (index building, loading, saving and
 * querying all happen here, off the page's thread). It opens the notebook database itself, on the
 * same origin as the page.
 */
import { SearchEngine } from '../../src/search/search-engine'
import type { SearchReply, SearchRequest } from '../search/search-protocol'

let engine: SearchEngine | null = null
/** The newest query received: older ones still waiting are answered with null, not run. */
let newestQuery = 0

function reply(message: SearchReply): void {
  self.postMessage(message)
}

async function handle(request: SearchRequest): Promise<void> {
  switch (request.type) {
    case 'open': {
      engine = new SearchEngine(
        request.notebookId,
        { indexedDB, IDBKeyRange },
        {
          now: () => performance.now(),
          onStatus: (status) => reply({ type: 'status', status }),
        },
      )
      await engine.open()
      return
    }
    case 'changes':
      await engine?.applyChanges(request.changes)
      return
    case 'query': {
      newestQuery = Math.max(newestQuery, request.requestId)
      // Let queued messages arrive, so a burst of keystrokes runs only its last query.
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (request.requestId < newestQuery || !engine) {
        reply({ type: 'results', requestId: request.requestId, result: null })
        return
      }
      const result = await engine.query(request.text, request.limit)
      reply({ type: 'results', requestId: request.requestId, result })
      return
    }
    case 'close':
      await engine?.close()
      engine = null
      reply({ type: 'closed', requestId: request.requestId })
      return
  }
}

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const request = event.data
  handle(request).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    if ('requestId' in request) reply({ type: 'failed', requestId: request.requestId, message })
    else console.error('Search worker:', message)
  })
})
