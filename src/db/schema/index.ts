/**
 * Every schema version of a notebook database, oldest first. Versions only append: each entry
 * keeps its stores and its upgrade forever, and each has a fixture notebook that a test migrates
 * to the current version (`test/unit/db/migrations.test.ts`).
 */
import type { Transaction } from 'dexie'
import { V1_STORES } from './v1'

export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [{ version: 1, stores: V1_STORES }]

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version
