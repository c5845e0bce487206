/** Messages between the page and a worker that computes a model of a whole notebook. */
import type { DeliveryMark } from '../../src/db/input-deliveries'
import type { InputChange } from '../../src/db/model-inputs'

/**
 * What a screen reads of a model: the worker sends the page only that, so a screen showing one
 * customer does not receive (and the page does not copy) 20,000 customers' facts.
 */
export interface ModelView {
  /** Names the view in the reply: `name` and `arg` together. */
  key: string
  name: string
  /** The view's one argument (a customer's id, a segment's rule), or empty. */
  arg: string
}

export interface ModelRequest {
  /** Increasing; a reply older than the newest shown is dropped. */
  id: number
  notebookId: string
  now: number
  /**
   * The records changed since the previous request, in order. Absent, or `reload`, when the
   * page cannot list them (a first request, too many changes, a database opened again): the
   * worker then reads the notebook again. Empty when nothing the model reads has changed: the
   * worker then only takes the views from the model it has. A `DeliveryMark` stands for the
   * records a bulk write delivered to the workers itself (`src/db/input-deliveries.ts`).
   */
  changes?: (InputChange | DeliveryMark)[]
  reload?: boolean
  views: ModelView[]
}

export type ModelReply =
  { id: number; views: Record<string, unknown> } | { id: number; error: string }

/** The projections of a model a worker serves, by view name; the same run on the page. */
export type ViewFunctions<T, V> = { [K in keyof V]: (model: T, arg: string) => V[K] }

/** The one view of a model that every screen reads whole. */
export function wholeModelViews<T>(): ViewFunctions<T, { whole: T }> {
  return { whole: (model) => model }
}
