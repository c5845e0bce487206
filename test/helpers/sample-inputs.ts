/** The English sample's records as a model's inputs, at the moment the sample was written. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseNotebookText } from '../../src/io/notebook-file'

export function sampleInputs() {
  const text = readFileSync(
    fileURLToPath(new URL('../../assets/samples/sample-en.carnet', import.meta.url)),
    'utf8',
  )
  const parsed = parseNotebookText(text)
  if (!parsed.ok) throw new Error('sample-en did not parse')
  const { entities, ties, notes, transactions } = parsed.file.tables
  return { entities, ties, notes, purchases: transactions, now: parsed.file.anchor! }
}
