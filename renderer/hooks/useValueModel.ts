/**
 * The value model of the open notebook (summaries, RFM, tiers, segment facts) and its saved
 * segments, kept up to date. RFM quintiles are relative to every buyer, so the model needs the
 * whole notebook's entities, ties, notes and purchases: a worker reads them and runs the pure
 * `computeValueModel`, so the page never does. Each screen asks for the view of it that it shows
 * (`src/value/value-views.ts`).
 */
import { useMemo } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { Entity, Segment } from '../../src/model/records'
import { readModelInputs } from '../../src/db/model-inputs'
import { computeValueModel } from '../../src/value/value-model'
import type { ValueModel } from '../../src/value/value-model'
import { VALUE_VIEWS } from '../../src/value/value-views'
import { unpackShownModel } from '../../src/value/shown-model-wire'
import type {
  CustomerStanding,
  ListColumns,
  SegmentsRequest,
  ShownValueModel,
  SegmentsScreen,
} from '../../src/value/value-views'
import type { TieSuggestion } from '../../src/graph/suggestions'
import { useAppState, useController } from './useApp'
import { searchOpened } from '../search/search-service'
import { FIRST_READ_WAIT_MS, createWorkerModel } from './worker-model'

/** The same computation on the page: the fallback when the worker cannot answer. */
async function computeOnPage(db: NotebookDb, now: number): Promise<ValueModel> {
  return computeValueModel({ ...(await readModelInputs(db)), now })
}

const useValueView = createWorkerModel({
  name: 'value',
  createWorker: () =>
    new Worker(new URL('../workers/value-model.worker.ts', import.meta.url), { type: 'module' }),
  computeOnPage,
  views: VALUE_VIEWS,
  firstReadAfter: (notebookId) => searchOpened(notebookId, FIRST_READ_WAIT_MS),
})

/**
 * The open notebook's value model, computed in a worker, shared by every screen showing it, and
 * computed again (debounced) after every change made through the controller — writes, undo and
 * redo all report there. `enabled: false` asks for nothing.
 */
function useView<K extends keyof typeof VALUE_VIEWS>(name: K, arg = '', enabled = true) {
  const app = useController()
  const notebook = useAppState().notebook
  return useValueView(
    app,
    enabled ? notebook?.entry.id : undefined,
    enabled ? notebook?.store.db : undefined,
    name,
    arg,
  )
}

/** The Segments screen: the members of the given segments and the model its charts draw. */
export function useSegmentsScreen(
  request: SegmentsRequest | undefined,
): { model: ShownValueModel; members: SegmentsScreen['members'] } | undefined {
  // With social facts the request is as long as the notebook: written once, not every render.
  const arg = useMemo(() => JSON.stringify(request ?? null), [request])
  const screen = useView('segments', arg, request !== undefined)
  // Put back together once per answer.
  return useMemo(
    () => screen && { model: unpackShownModel(screen.model), members: screen.members },
    [screen],
  )
}

/** The customers list's last contact and value columns (`enabled: false` asks for nothing). */
export function useListColumns(enabled = true): ListColumns | undefined {
  return useView('columns', '', enabled)
}

/**
 * The ties the notes suggest between the entries a map shows (their ids, as a JSON list),
 * computed by the worker from the notes it keeps: the page reads no note for them.
 * `undefined` asks for nothing.
 */
export function useTieSuggestions(shownIdsJson: string | undefined): TieSuggestion[] | undefined {
  return useView('suggestions', shownIdsJson ?? '', shownIdsJson !== undefined)
}

/** How many follow-ups are still open in the notebook. */
export function useOpenLoops(): number | undefined {
  return useView('openLoops')
}

/** One customer's RFM scores, tier and currency. */
export function useCustomerStanding(customerId: string): CustomerStanding | undefined {
  return useView('customer', customerId)
}

/** The members of a segment rule (`undefined`: asks for nothing). */
export function useSegmentMembers(rule: unknown): string[] | undefined {
  return useView('members', JSON.stringify(rule ?? null), rule !== undefined)
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
