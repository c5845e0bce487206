/**
 * The value model worker: computes the value model (summaries, RFM, tiers, segment facts) of the
 * open notebook off the page's thread — half a second for 20,000 customers and 200,000
 * purchases, which the page could not spend while someone types. It keeps the notebook's inputs
 * between computations (without the notes' text, which the value model never reads).
 */
import { valueModeller } from '../../src/value/value-model'
import { VALUE_VIEWS } from '../../src/value/value-views'
import type { NoteFact } from '../../src/value/value-model'
import type { Note } from '../../src/model/records'
import { serveModelFromInputs } from './serve-model'

const noteFact = ({ id, about, kind, touchpoint, at, facets, source, followUp }: Note) =>
  ({ id, about, kind, touchpoint, at, facets, source, followUp }) satisfies NoteFact & {
    id: string
  }

const computeValueModel = valueModeller()

// The segments are what an import changes first: computed as soon as its purchases arrive.
serveModelFromInputs((inputs, now) => computeValueModel({ ...inputs, now }), VALUE_VIEWS, {
  keepNote: noteFact,
  computeAhead: true,
})
