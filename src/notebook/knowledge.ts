/**
 * The knowledge profile of one entity: for each of the method's three kinds of knowledge —
 * facts (identity, personalisation, places, products, social, habits), know-how and creation —
 * what is known and where it comes from, or that nothing is known yet. Pure.
 *
 * Sources: every facet is filled by notes tagged with it (`note.facets`); identity also by the
 * contact fields; places by `frequents` ties; products by use ties (uses, owns, wants, stopped
 * using); social by social and influence ties.
 */
import type { Contact, Entity, Note, Tie } from '../model/records'
import { KNOWLEDGE_FACETS, TIE_TYPES } from '../model/vocabulary'
import type { KnowledgeFacet, TieFamily } from '../model/vocabulary'

export type KnowledgeKind = 'facts' | 'know-how' | 'creation'

export type ContactField = keyof Contact

export interface TieEvidence {
  tie: Tie
  /** The entity at the other end, when it exists. */
  other: Entity | undefined
}

export interface FacetKnowledge {
  facet: KnowledgeFacet
  kind: KnowledgeKind
  known: boolean
  notes: Note[]
  ties: TieEvidence[]
  /** Identity only: the contact fields that are filled. */
  fields: ContactField[]
}

export function kindOfFacet(facet: KnowledgeFacet): KnowledgeKind {
  return facet === 'know-how' || facet === 'creation' ? facet : 'facts'
}

const TIE_FAMILIES_OF: Partial<Record<KnowledgeFacet, readonly TieFamily[]>> = {
  places: ['place'],
  products: ['use'],
  social: ['social', 'influence'],
}

const CONTACT_FIELDS: readonly ContactField[] = [
  'emails',
  'phones',
  'address',
  'birthday',
  'organisation',
  'website',
]

function filledFields(contact: Contact | undefined): ContactField[] {
  if (!contact) return []
  return CONTACT_FIELDS.filter((field) => {
    const value = contact[field]
    return Array.isArray(value) ? value.length > 0 : Boolean(value?.trim())
  })
}

/**
 * `notes` are the notes about the entity, `ties` the ties that start or end at it,
 * `entitiesById` resolves the other ends. The result lists every facet, in the vocabulary's
 * order.
 */
export function knowledgeProfile(
  entity: Pick<Entity, 'id' | 'contact'>,
  notes: readonly Note[],
  ties: readonly Tie[],
  entitiesById: ReadonlyMap<string, Entity>,
): FacetKnowledge[] {
  return KNOWLEDGE_FACETS.map((facet) => {
    const families = TIE_FAMILIES_OF[facet] ?? []
    const facetNotes = notes.filter((note) => note.facets.includes(facet))
    const facetTies = ties
      .filter((tie) => families.includes(TIE_TYPES[tie.type].family))
      .map((tie) => ({
        tie,
        other: entitiesById.get(tie.from === entity.id ? tie.to : tie.from),
      }))
    const fields = facet === 'identity' ? filledFields(entity.contact) : []
    return {
      facet,
      kind: kindOfFacet(facet),
      known: facetNotes.length > 0 || facetTies.length > 0 || fields.length > 0,
      notes: facetNotes,
      ties: facetTies,
      fields,
    }
  })
}
