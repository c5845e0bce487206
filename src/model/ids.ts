/** A new random record id. Random, never sequential, so notebooks can be merged. */
export function newId(): string {
  return crypto.randomUUID()
}

const RECORD_ID = /^[^/\\?#\s\p{Cc}]{1,64}$/u

/**
 * Whether a value can be a record id where ids travel in addresses and across the desktop
 * bridge (`#/presenter/<id>`): 1–64 characters, no slash, `?`, `#`, space or control character.
 */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID.test(value)
}
