/**
 * The value model of the open notebook (summaries, RFM, tiers, segment facts) and its saved
 * segments, kept up to date. RFM quintiles are relative to every buyer, so the model needs the
 * whole notebook's entities, ties, notes and purchases: a worker reads them and runs the pure
 * `computeValueModel`, so the page never does.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { Entity, Segment } from '../../src/model/records'
import { readModelInputs } from '../../src/db/model-inputs'
import { computeValueModel } from '../../src/value/value-model'
import type { ValueModel } from '../../src/value/value-model'
import { useAppState, useController } from './useApp'
import { searchOpened } from '../search/search-service'
import { FIRST_READ_WAIT_MS, createWorkerModel } from './worker-model'

/** The same computation on the page: the fallback when the worker cannot answer. */
async function computeOnPage(db: NotebookDb, now: number): Promise<ValueModel> {
  return computeValueModel({ ...(await readModelInputs(db)), now })
}

const useSharedValueModel = createWorkerModel<ValueModel>({
  name: 'value',
  createWorker: () =>
    new Worker(new URL('../workers/value-model.worker.ts', import.meta.url), { type: 'module' }),
  computeOnPage,
  firstReadAfter: (notebookId) => searchOpened(notebookId, FIRST_READ_WAIT_MS),
})

/**
 * Computed in a worker, shared by every screen showing it (`enabled: false` asks for nothing),
 * and again (debounced) after every
 * change to the notebook made through the controller — writes, undo and redo all report there.
 */
export function useValueModel(enabled = true): ValueModel | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  return useSharedValueModel(
    app,
    enabled ? notebook?.entry.id : undefined,
    enabled ? notebook?.store.db : undefined,
  )
}

export function useSegments(): Segment[] | undefined {
  const db = useAppState().notebook?.store.db
  return useLiveQuery(
    async () =>
      db ? (await db.segments.toArray()).sort((a, b) => a.name.localeCompare(b.name)) : [],
    [db],
  )
}

/** Places and products, for the segment rule editor's pickers. */
export function useEntitiesOfKinds(kinds: readonly string[]): Entity[] | undefined {
  const db = useAppState().notebook?.store.db
  const key = kinds.join(',')
  return useLiveQuery(
    async () =>
      db
        ? (await db.entities.where('kind').anyOf(key.split(',')).toArray()).sort((a, b) =>
            a.name.localeCompare(b.name),
          )
        : [],
    [db, key],
  )
}
