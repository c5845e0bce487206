/**
 * Schema version 1. Shipped: never edit this file. A change to the schema is a new file
 * (`v2.ts`) with its own stores and upgrade, listed in `./index.ts`.
 */
export const V1_STORES = {
  entities: 'id, kind, name, *tags, stage, updatedAt',
  ties: 'id, from, to, type, [from+to], updatedAt',
  notes: 'id, at, *about, *tags, kind, updatedAt',
  transactions: 'id, customerId, at, [customerId+at], externalRef',
  maps: 'id, updatedAt',
  segments: 'id, updatedAt',
  decks: 'id, updatedAt',
  consents: 'id, entityId, at',
  trash: 'id, deletedAt',
} as const
