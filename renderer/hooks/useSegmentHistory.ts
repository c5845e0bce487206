/**
 * The segment history of the open notebook (each customer's group at each past period end),
 * computed in its own worker and only while a reader asks for it (`enabled`): it is many value
 * models' worth of work, which the Segments screen should not pay until the history is in view.
 */
import type { NotebookDb } from '../../src/db/notebook-db'
import { readModelInputs } from '../../src/db/model-inputs'
import { computeSegmentHistoryModel } from '../../src/value/segment-history'
import type { SegmentHistoryModel } from '../../src/value/segment-history'
import { wholeModelViews } from '../workers/model-protocol'
import { useAppState, useController } from './useApp'
import { createWorkerModel } from './worker-model'

/** The same computation on the page: the fallback when the worker cannot answer. */
async function computeOnPage(db: NotebookDb, now: number): Promise<SegmentHistoryModel> {
  return computeSegmentHistoryModel(await readModelInputs(db), now)
}

const useSharedSegmentHistory = createWorkerModel({
  name: 'segment-history',
  createWorker: () =>
    new Worker(new URL('../workers/segment-history.worker.ts', import.meta.url), {
      type: 'module',
    }),
  computeOnPage,
  views: wholeModelViews<SegmentHistoryModel>(),
})

export function useSegmentHistory(enabled: boolean): SegmentHistoryModel | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  return useSharedSegmentHistory(
    app,
    enabled ? notebook?.entry.id : undefined,
    enabled ? notebook?.store.db : undefined,
    'whole',
  )
}
