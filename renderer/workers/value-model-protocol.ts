/** Messages between the page and the value model worker. */
import type { ValueModel } from '../../src/value/value-model'

export interface ValueModelRequest {
  /** Increasing; a reply to an older request than the newest shown is dropped. */
  id: number
  notebookId: string
  now: number
}

export type ValueModelReply = { id: number; model: ValueModel } | { id: number; error: string }
