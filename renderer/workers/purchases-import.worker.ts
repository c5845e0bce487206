/**
 * The purchases import worker: decodes, parses and plans a CSV file off the page's thread,
 * reporting progress. It never writes: the page writes the plan the user confirmed. Cancelling
 * is terminating the worker.
 */
import {
  decodeCsvBytes,
  detectPreset,
  parseCsvText,
  planPurchaseImport,
} from '../../src/io/purchases-csv'
import type {
  CsvTable,
  CustomerKey,
  ImportOptions,
  PresetId,
  TextEncodingName,
} from '../../src/io/purchases-csv'
import type { ImportReply, ImportRequest } from './purchases-import-protocol'

const PREVIEW_ROWS = 5

let state:
  | {
      table: CsvTable
      encoding: TextEncodingName
      preset: PresetId
      customers: CustomerKey[]
      refs: Set<string>
    }
  | undefined

function reply(message: ImportReply): void {
  self.postMessage(message)
}

function plan(options: ImportOptions): void {
  if (!state) return
  const { table, customers, refs, encoding, preset } = state
  const total = Math.max(1, table.rows.length)
  const result = planPurchaseImport(table, options, customers, refs, (done) =>
    reply({ type: 'progress', phase: 'plan', percent: Math.round((100 * done) / total) }),
  )
  reply({
    type: 'ready',
    encoding,
    preset,
    headers: table.headers,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    options,
    plan: result,
  })
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data
  try {
    if (request.type === 'start') {
      reply({ type: 'progress', phase: 'parse', percent: 0 })
      const { text, encoding } = decodeCsvBytes(request.bytes)
      const parsed = parseCsvText(text)
      if (!parsed.ok) {
        reply({ type: 'error', reason: parsed.reason })
        return
      }
      reply({ type: 'progress', phase: 'parse', percent: 100 })
      const { preset, mapping } = detectPreset(parsed.table.headers)
      state = {
        table: parsed.table,
        encoding,
        preset,
        customers: request.customers,
        refs: new Set(request.existingRefs),
      }
      plan({
        mapping,
        dateOrder: 'auto',
        defaultCurrency: request.defaultCurrency,
        createUnknownCustomers: false,
      })
    } else {
      plan(request.options)
    }
  } catch (error) {
    reply({ type: 'error', reason: error instanceof Error ? error.message : String(error) })
  }
}
