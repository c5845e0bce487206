/**
 * The hostile entity names (test/fixtures/hostile/entity-names.json): markup, prototype keys,
 * bidirectional overrides, a 10,000-character name. An entry with `repeat` is its text repeated
 * that many times. Payloads call `window.__pwned` (TRAP in hostile-notes.ts).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface HostileName {
  label: string
  name: string
}

interface Entry {
  name: string
  text: string
  repeat?: number
}

export function hostileNames(): HostileName[] {
  const path = join(
    dirname(fileURLToPath(import.meta.url)),
    '../fixtures/hostile/entity-names.json',
  )
  const entries = JSON.parse(readFileSync(path, 'utf8')) as Entry[]
  return entries.map(({ name, text, repeat }) => ({ label: name, name: text.repeat(repeat ?? 1) }))
}
