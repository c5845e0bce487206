/**
 * Knowledge gaps: what is not known yet about the customers who matter most. The method's three
 * kinds of knowledge — facts (identity, personalisation, places, products, social, habits),
 * know-how and creation — are read from each customer's knowledge profile (knowledge.ts, the
 * same one the customer page shows), so "missing" means the same thing everywhere. Pure.
 *
 * Who: the important customers (valuable or influential; see importance.ts), each with the
 * facets nothing is known about. Ranked by `importance.score × missing / 8`: the customers who
 * matter most and about whom least is known first. Customers with every facet known are left
 * out. Per facet: the important customers missing it, most important first.
 */
import type { Entity, Note, Tie } from '../model/records'
import { KNOWLEDGE_FACETS } from '../model/vocabulary'
import type { KnowledgeFacet } from '../model/vocabulary'
import { kindOfFacet, knowledgeProfile } from '../notebook/knowledge'
import type { KnowledgeKind } from '../notebook/knowledge'
import { byImportance } from './importance'
import type { Importance, ImportanceIndex } from './importance'
import { compareIds } from './time'

export interface CustomerGaps {
  id: string
  importance: Importance
  /** Facets nothing is known about, in the vocabulary's order. */
  missing: KnowledgeFacet[]
  /** Kinds of knowledge with no facet known at all. */
  missingKinds: KnowledgeKind[]
  /** importance.score × missing.length / 8: the ranking key. */
  score: number
}

export interface FacetGap {
  facet: KnowledgeFacet
  kind: KnowledgeKind
  /** Important customers missing it, most important first. */
  customerIds: string[]
}

export interface KnowledgeGaps {
  customers: CustomerGaps[]
  /** Every facet, in the vocabulary's order (an empty list when no one misses it). */
  facets: FacetGap[]
}

export interface GapsInput {
  entities: readonly Entity[]
  ties: readonly Tie[]
  notes: readonly Note[]
  importance: ImportanceIndex
}

const KINDS: readonly KnowledgeKind[] = ['facts', 'know-how', 'creation']

export function findKnowledgeGaps({ entities, ties, notes, importance }: GapsInput): KnowledgeGaps {
  const important = new Map<string, Entity>()
  for (const entity of entities) {
    if (entity.kind === 'customer' && importance.matters(entity.id)) {
      important.set(entity.id, entity)
    }
  }
  // Notes and ties of the important customers only: the profiles are built for them alone.
  const notesOf = new Map<string, Note[]>()
  for (const note of notes) {
    for (const id of note.about.length > 1 ? new Set(note.about) : note.about) {
      if (!important.has(id)) continue
      const list = notesOf.get(id)
      if (list) list.push(note)
      else notesOf.set(id, [note])
    }
  }
  const tiesOf = new Map<string, Tie[]>()
  for (const tie of ties) {
    for (const id of tie.from === tie.to ? [tie.from] : [tie.from, tie.to]) {
      if (!important.has(id)) continue
      const list = tiesOf.get(id)
      if (list) list.push(tie)
      else tiesOf.set(id, [tie])
    }
  }
  // Only `known` is read from the profiles: the other ends of ties need not be resolved.
  const noEntities = new Map<string, Entity>()

  const customers: CustomerGaps[] = []
  for (const [id, entity] of important) {
    const profile = knowledgeProfile(
      entity,
      notesOf.get(id) ?? [],
      tiesOf.get(id) ?? [],
      noEntities,
    )
    const missing = profile.filter((facet) => !facet.known).map((facet) => facet.facet)
    if (missing.length === 0) continue
    const missingKinds = KINDS.filter((kind) =>
      profile.every((facet) => facet.kind !== kind || !facet.known),
    )
    const weight = importance.of(id)
    customers.push({
      id,
      importance: weight,
      missing,
      missingKinds,
      score: (weight.score * missing.length) / KNOWLEDGE_FACETS.length,
    })
  }
  customers.sort((a, b) => b.score - a.score || compareIds(a.id, b.id))

  const byFacet = [...customers].sort((a, b) => byImportance(a.importance, b.importance))
  const facets = KNOWLEDGE_FACETS.map((facet) => ({
    facet,
    kind: kindOfFacet(facet),
    customerIds: byFacet.filter((gap) => gap.missing.includes(facet)).map((gap) => gap.id),
  }))
  return { customers, facets }
}
