/** The messages between the page (`SearchClient`) and the search worker. */
import type { ChangedRecord, QueryResult, SearchStatus } from '../../src/search/search-engine'

export type SearchRequest =
  | { type: 'open'; notebookId: string }
  /** Which records changed; the worker reads them again from the notebook database. */
  | { type: 'changes'; changes: ChangedRecord[] }
  | { type: 'query'; requestId: number; text: string; limit: number }
  /** Save what is unsaved and close the databases; answered by `closed`. */
  | { type: 'close'; requestId: number }

export type SearchReply =
  | { type: 'status'; status: SearchStatus }
  /** `result` is null when a newer query arrived before this one ran. */
  | { type: 'results'; requestId: number; result: QueryResult | null }
  | { type: 'closed'; requestId: number }
  | { type: 'failed'; requestId: number; message: string }
