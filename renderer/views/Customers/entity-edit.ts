/** Edits of one entity from its page, each one undoable store write with a readable label. */
import type { Contact, Entity } from '../../../src/model/records'
import type { ActionContext } from '../../actions/types'
import { describeError } from '../../actions/errors'

export type EntityPatch = Partial<Omit<Entity, 'id' | 'createdAt' | 'updatedAt'>>

/** Writes `patch` to the entity as one change labelled “Edit <field>”; failures become a toast. */
export async function editEntity(
  context: ActionContext,
  id: string,
  fieldLabel: string,
  patch: EntityPatch,
): Promise<boolean> {
  const { app, t } = context
  try {
    await app.change(t('customer.editLabel', { field: fieldLabel }), (writer) =>
      writer.update('entities', id, patch),
    )
    return true
  } catch (error) {
    app.toast(describeError(error, t), { tone: 'error' })
    return false
  }
}

/** The entity's contact with one field replaced; empty text and empty lists are left out. */
export function withContactField<K extends keyof Contact>(
  contact: Contact | undefined,
  field: K,
  value: Contact[K],
): Contact {
  const next: Contact = { emails: [], phones: [], ...contact, [field]: value }
  for (const key of ['address', 'birthday', 'organisation', 'website'] as const) {
    const text = next[key]?.trim()
    if (text) next[key] = text
    else delete next[key]
  }
  return next
}
