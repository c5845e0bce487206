/**
 * The hostile-notes corpus (test/fixtures/hostile/notes.json): notes written to break out of
 * the markdown rendering. An entry with `repeat` is its text repeated that many times, so the
 * fixture stays small while the tests still get a 1 MB note and 100,000-character lines.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface HostileNote {
  name: string
  text: string
}

interface Entry {
  name: string
  text: string
  repeat?: number
}

/** Payloads in the corpus call this; a test sets it as a trap and checks it was never called. */
export const TRAP = '__pwned'

export function hostileNotes(): HostileNote[] {
  // A path, not a URL object: under jsdom, `URL` is jsdom's, which node:fs does not accept.
  const path = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile/notes.json')
  const entries = JSON.parse(readFileSync(path, 'utf8')) as Entry[]
  return entries.map(({ name, text, repeat }) => ({ name, text: text.repeat(repeat ?? 1) }))
}
