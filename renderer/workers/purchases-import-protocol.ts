/** Messages between the page and the purchases import worker. */
import type {
  CustomerKey,
  ImportOptions,
  ImportPlan,
  PresetId,
  TextEncodingName,
} from '../../src/io/purchases-csv'

export type ImportRequest =
  | {
      type: 'start'
      bytes: Uint8Array
      customers: CustomerKey[]
      existingRefs: string[]
      defaultCurrency: string
    }
  /** Plans again with other options (mapping, date order…), on the table already parsed. */
  | { type: 'replan'; options: ImportOptions }

export type ImportReply =
  | { type: 'progress'; phase: 'parse' | 'plan'; percent: number }
  | {
      type: 'ready'
      encoding: TextEncodingName
      preset: PresetId
      headers: string[]
      /** The first rows of the file, as read. */
      preview: string[][]
      options: ImportOptions
      plan: ImportPlan
    }
  | { type: 'error'; reason: string }
