/** A new random record id. Random, never sequential, so notebooks can be merged. */
export function newId(): string {
  return crypto.randomUUID()
}
