/**
 * The value model worker: computes the value model (summaries, RFM, tiers, segment facts) of the
 * open notebook off the page's thread — half a second for 20,000 customers and 200,000
 * purchases, which the page could not spend while someone types.
 */
import { readModelInputs } from '../../src/db/model-inputs'
import { computeValueModel } from '../../src/value/value-model'
import { serveModel } from './serve-model'

serveModel(async (db, now) => computeValueModel({ ...(await readModelInputs(db)), now }))
