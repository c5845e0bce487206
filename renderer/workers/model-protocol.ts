/** Messages between the page and a worker that computes a model of a whole notebook. */

export interface ModelRequest {
  /** Increasing; a reply older than the newest shown is dropped. */
  id: number
  notebookId: string
  now: number
}

export type ModelReply<T> = { id: number; model: T } | { id: number; error: string }
