/**
 * The insights worker: social power, communities and the insights built on them, computed from
 * the open notebook off the page's thread (betweenness alone can take a second on a large map).
 */
import { readModelInputs } from '../../src/db/model-inputs'
import { analyseNotebook } from '../../src/insights/analyse-notebook'
import { serveModel } from './serve-model'

serveModel(async (db, now) => analyseNotebook(await readModelInputs(db), now))
