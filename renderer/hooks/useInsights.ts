/**
 * The insights of the open notebook (social power, communities, prescribers, themes, attention,
 * knowledge gaps), computed in a worker, shared by every screen that shows them and kept current
 * after each change.
 */
import type { NotebookDb } from '../../src/db/notebook-db'
import { readModelInputs } from '../../src/db/model-inputs'
import { analyseNotebook } from '../../src/insights/analyse-notebook'
import type { NotebookAnalysis } from '../../src/insights/analyse-notebook'
import { INSIGHTS_VIEWS } from '../../src/insights/insights-views'
import type {
  EntityStanding,
  InsightsOverview,
  SocialStanding,
} from '../../src/insights/insights-views'
import { useAppState, useController } from './useApp'
import { searchOpened } from '../search/search-service'
import { FIRST_READ_WAIT_MS, createWorkerModel } from './worker-model'

async function computeOnPage(db: NotebookDb, now: number): Promise<NotebookAnalysis> {
  return analyseNotebook(await readModelInputs(db), now)
}

const useSharedInsights = createWorkerModel({
  name: 'insights',
  createWorker: () =>
    new Worker(new URL('../workers/insights.worker.ts', import.meta.url), { type: 'module' }),
  computeOnPage,
  views: INSIGHTS_VIEWS,
  firstReadAfter: (notebookId) => searchOpened(notebookId, FIRST_READ_WAIT_MS),
})

/** `enabled: false` reads nothing and starts no computation (a map not sized by power). */
export function useInsights(enabled = true): NotebookAnalysis | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  return useSharedInsights(
    app,
    enabled ? notebook?.entry.id : undefined,
    enabled ? notebook?.store.db : undefined,
    'whole',
  )
}

/** One entity's social power, rank and community: what its page shows of the analysis. */
export function useEntityStanding(entityId: string): EntityStanding | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  return useSharedInsights(app, notebook?.entry.id, notebook?.store.db, 'entity', entityId)
}

/** The first few of each insight and their counts: what the overview shows. */
export function useInsightsOverview(): InsightsOverview | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  return useSharedInsights(app, notebook?.entry.id, notebook?.store.db, 'overview')
}

/** Social power and communities: what the segments screen matches and lists. */
export function useSocialStanding(): SocialStanding | undefined {
  const app = useController()
  const notebook = useAppState().notebook
  return useSharedInsights(app, notebook?.entry.id, notebook?.store.db, 'social')
}
