/**
 * The segment history worker: classifies every customer at the end of each past month and
 * quarter (RFM group, ladder stage, value tier as they stood then). It is asked only while a
 * screen shows the history charts, so the value model's own worker never waits for it. It keeps
 * the notebook's inputs between computations (without the notes' text, which it never reads).
 */
import type { Note } from '../../src/model/records'
import { computeSegmentHistoryModel } from '../../src/value/segment-history'
import type { HistoryInput } from '../../src/value/segment-history'
import { wholeModelViews } from './model-protocol'
import { serveModelFromInputs } from './serve-model'

const noteFact = ({ id, about, kind, at, facets, source, followUp }: Note) =>
  ({ id, about, kind, at, facets, source, followUp }) satisfies HistoryInput['notes'][number] & {
    id: string
  }

serveModelFromInputs(
  (inputs, now) => computeSegmentHistoryModel(inputs, now),
  wholeModelViews(),
  { keepNote: noteFact },
)
