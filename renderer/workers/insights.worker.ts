/**
 * The insights worker: social power, communities and the insights built on them, computed from
 * the open notebook off the page's thread (betweenness alone can take a second on a large map).
 * It keeps the notebook's inputs between computations.
 */
import { notebookAnalyser } from '../../src/insights/analyse-notebook'
import { INSIGHTS_VIEWS } from '../../src/insights/insights-views'
import { serveModelFromInputs } from './serve-model'

serveModelFromInputs(notebookAnalyser(), INSIGHTS_VIEWS)
