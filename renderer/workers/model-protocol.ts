/** Messages between the page and a worker that computes a model of a whole notebook. */
import type { InputChange } from '../../src/db/model-inputs'

export interface ModelRequest {
  /** Increasing; a reply older than the newest shown is dropped. */
  id: number
  notebookId: string
  now: number
  /**
   * The records changed since the previous request, in order. Absent, or `reload`, when the
   * page cannot list them (a first request, too many changes, a database opened again): the
   * worker then reads the notebook again.
   */
  changes?: InputChange[]
  reload?: boolean
}

export type ModelReply<T> = { id: number; model: T } | { id: number; error: string }
