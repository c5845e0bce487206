/**
 * Messages between the page and the purchases import worker. The worker reads the notebook,
 * parses and plans the file, and — once the user confirms — writes the plan itself; it then
 * stays alive as the undo step's owner, holding what it wrote so undo and redo need no copy of
 * it on the page. Nothing big crosses to the page: the preview is a `PlanSummary`, and the ids
 * of written records come in chunks.
 */
import type {
  ImportOptions,
  PlanSummary,
  PresetId,
  TextEncodingName,
} from '../../src/io/purchases-csv'
import type { TableName } from '../../src/model/records'

export type ImportRequest =
  | {
      type: 'start'
      /** The file's bytes, or the file itself, read here. */
      bytes: Uint8Array | Blob
      notebookId: string
      /** The currency for rows that name none when the notebook has no purchase yet. */
      fallbackCurrency: string
    }
  /** Plans again with other options (mapping, date order…), on the table already parsed. */
  | { type: 'replan'; options: ImportOptions }
  /** Writes the last plan, all or nothing. */
  | { type: 'commit' }
  /** Stops a write in progress; nothing of it is kept. */
  | { type: 'cancel' }
  | { type: 'undo' }
  | { type: 'redo' }

export type WriteOperation = 'commit' | 'undo' | 'redo'

export type ImportReply =
  | { type: 'progress'; phase: 'parse' | 'plan' | 'write'; percent: number }
  | {
      type: 'ready'
      encoding: TextEncodingName
      preset: PresetId
      headers: string[]
      /** The first rows of the file, as read. */
      preview: string[][]
      options: ImportOptions
      summary: PlanSummary
    }
  /**
   * Customers a commit, undo or redo changed, a chunk at a time; sent before its `done`, after
   * the records were delivered to the model workers as `delivery`.
   */
  | { type: 'changed'; table: TableName; ids: string[]; delivery?: string }
  /** Every purchase a commit, undo or redo wrote or deleted: they were delivered as `delivery`. */
  | { type: 'purchasesChanged'; delivery: string }
  | { type: 'done'; operation: WriteOperation; added: number; customersCreated: number }
  | { type: 'cancelled' }
  | { type: 'error'; operation?: WriteOperation; reason: string }
