import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity, Note, Transaction } from '../../../src/model/records'
import { FOLLOW_UP_KINDS } from '../../../src/model/vocabulary'
import { formatMoney, summariseCustomers } from '../../../src/notebook/customer-summary'
import { normaliseTags } from '../../../src/notebook/entities'
import { knowledgeProfile } from '../../../src/notebook/knowledge'
import { computeStage } from '../../../src/notebook/ladder'
import { noteLabel } from '../../../src/notebook/notes'
import { deleteCustomer } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { hashOf } from '../../app/routes'
import { EmptyState } from '../../components/EmptyState'
import { useEntityPage } from '../../hooks/useEntityPage'
import { CustomerRights } from './CustomerRights'
import { EntityInfluence } from './EntityInfluence'
import { Ecosystem } from './Ecosystem'
import { editEntity, withContactField } from './entity-edit'
import type { EntityPatch } from './entity-edit'
import { ChipList, EditableText } from './InlineEditors'
import { KnowledgeCard } from './KnowledgeCard'
import { LadderCard } from './LadderCard'
import { Timeline } from './Timeline'
import { CustomerValue } from './CustomerValue'
import type { TimelineTarget } from './Timeline'
import './CustomerPage.css'

/**
 * The page of one entry of the notebook. Customers get the whole page (ladder, value, knowledge
 * profile, follow-ups); any other kind of entity (a person, a place, a product…) gets its
 * identity, ecosystem and notes, so every link of an ecosystem leads somewhere.
 */
export function CustomerPage({ context, id }: { context: ActionContext; id: string }) {
  const { t } = useTranslation()
  const data = useEntityPage(id)
  const [target, setTarget] = useState<TimelineTarget | null>(null)
  if (!data) return null
  const { entity } = data
  if (!entity) {
    return (
      <div className="view">
        <BackLink />
        <header className="view-header">
          <h1>{t('customer.notFoundTitle')}</h1>
        </header>
        <EmptyState title={t('customer.notFoundTitle')}>
          <p>{t('customer.notFoundBody')}</p>
        </EmptyState>
      </div>
    )
  }
  const isCustomer = entity.kind === 'customer'
  const computed = isCustomer
    ? computeStage({
        customerId: entity.id,
        notes: data.notes,
        ties: data.ties,
        purchases: data.purchases,
        now: data.now,
      })
    : null
  // The header says what the ladder says: the override, else the stage computed now.
  const stage = entity.stageOverride?.stage ?? computed?.stage
  const showNote = (noteId: string) => setTarget({ noteId, nonce: Date.now() })
  const remove = async () => {
    const navigate = context.navigateLater()
    await deleteCustomer(context, entity.id, entity.name)
    navigate('customers')
  }
  return (
    <div className="view entity-page">
      <BackLink />
      <header className="view-header">
        <h1>{entity.name}</h1>
        <p className="view-subtitle">
          <span className="entity-kind">{t(`entityKind.${entity.kind}`)}</span>
          {isCustomer && (
            <span className={`stage-pill stage-${stage ?? 'none'}`}>
              {t(`stage.${stage ?? 'none'}`)}
            </span>
          )}
        </p>
        <div className="view-actions">
          <button
            type="button"
            className="button-quiet-danger button-quiet"
            aria-label={t('customer.deleteLabel', { name: entity.name })}
            onClick={() => void remove()}
          >
            {t('customer.delete')}
          </button>
        </div>
      </header>
      <div className="entity-columns">
        <div className="entity-main">
          <ContactCard context={context} entity={entity} />
          {computed && <LadderCard context={context} entity={entity} computed={computed} />}
          {isCustomer && (
            <KnowledgeCard
              profile={knowledgeProfile(entity, data.notes, data.ties, data.entitiesById)}
              onShowNote={showNote}
            />
          )}
        </div>
        <div className="entity-side">
          {isCustomer && (
            <ValueCard
              entity={entity}
              notes={data.notes}
              purchases={data.purchases}
              now={data.now}
            />
          )}
          {isCustomer && <CustomerValue context={context} customerId={entity.id} />}
          <FollowUps notes={data.notes} onShowNote={showNote} />
          <EntityInfluence entityId={entity.id} />
          <Ecosystem entityId={entity.id} ties={data.ties} entitiesById={data.entitiesById} />
          {isCustomer && <CustomerRights context={context} entity={entity} />}
        </div>
      </div>
      <section className="card entity-timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="card-title">
          {t('customer.timeline')}
        </h2>
        <Timeline notes={data.notes} purchases={data.purchases} target={target} />
      </section>
    </div>
  )
}

function BackLink() {
  const { t } = useTranslation()
  return (
    <a className="back-link" href={hashOf('customers')}>
      ← {t('customer.back')}
    </a>
  )
}

function ContactCard({ context, entity }: { context: ActionContext; entity: Entity }) {
  const { t } = useTranslation()
  const contact = entity.contact
  const save = (field: string, patch: EntityPatch) => editEntity(context, entity.id, field, patch)
  const saveContact = <K extends keyof NonNullable<Entity['contact']>>(
    field: K,
    value: NonNullable<Entity['contact']>[K],
  ) => save(t(`customer.fields.${field}`), { contact: withContactField(contact, field, value) })
  const textField = (field: 'address' | 'birthday' | 'organisation' | 'website', extra = {}) => (
    <EditableText
      label={t(`customer.fields.${field}`)}
      value={contact?.[field] ?? ''}
      onSave={(value) => saveContact(field, value)}
      {...extra}
    />
  )
  return (
    <section className="card" aria-labelledby="identity-title">
      <h2 id="identity-title" className="card-title">
        {t('customer.identity')}
      </h2>
      <dl className="fields">
        <EditableText
          label={t('customer.fields.name')}
          value={entity.name}
          required
          onSave={(name) => save(t('customer.fields.name'), { name })}
        />
        <ChipList
          label={t('customer.fields.tags')}
          values={entity.tags}
          prefix="#"
          addLabel={t('customer.addTag')}
          placeholder={t('customer.tagPlaceholder')}
          testId="tags-editor"
          onChange={(tags) => save(t('customer.fields.tags'), { tags: normaliseTags(tags) })}
        />
        <ChipList
          label={t('customer.fields.emails')}
          values={contact?.emails ?? []}
          type="email"
          addLabel={t('customer.addEmail')}
          placeholder="name@example.com"
          testId="emails-editor"
          onChange={(emails) => saveContact('emails', emails)}
        />
        <ChipList
          label={t('customer.fields.phones')}
          values={contact?.phones ?? []}
          type="tel"
          addLabel={t('customer.addPhone')}
          placeholder="+33 1 23 45 67 89"
          onChange={(phones) => saveContact('phones', phones)}
        />
        {textField('address', { multiline: true })}
        {textField('birthday', { hint: t('customer.birthdayHint') })}
        {textField('organisation')}
        {textField('website', { type: 'url' })}
      </dl>
      {entity.summary && (
        <>
          <h3 className="knowledge-kind-title">{t('customer.summary')}</h3>
          <p className="entity-summary">{entity.summary}</p>
        </>
      )}
    </section>
  )
}

function ValueCard({
  entity,
  notes,
  purchases,
  now,
}: {
  entity: Entity
  notes: readonly Note[]
  purchases: readonly Transaction[]
  now: number
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const summary = useMemo(
    () =>
      summariseCustomers(
        [entity],
        notes.map((note) => ({ entityId: entity.id, at: note.at })),
        purchases,
        now,
      ).get(entity.id),
    [entity, notes, purchases, now],
  )
  if (!summary) return null
  const { value } = summary
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })
  const money = (amount: number) =>
    value.currency ? formatMoney(amount, value.currency, language) : '—'
  const date = (at: number | undefined) =>
    at === undefined ? t('customers.noContact') : dateFormat.format(at)
  const rows: [string, string][] = [
    [t('customer.total'), money(value.total)],
    [t('customer.last12Months'), money(value.last12Months)],
    [t('customer.purchaseCount'), new Intl.NumberFormat(language).format(value.purchases)],
    [t('customer.averageBasket'), money(value.averageBasket)],
    [t('customer.lastPurchase'), date(value.lastPurchaseAt)],
    [t('customer.lastContact'), date(summary.lastContactAt)],
  ]
  return (
    <section className="card" aria-labelledby="value-title" data-testid="value">
      <h2 id="value-title" className="card-title">
        {t('customer.value')}
      </h2>
      <dl className="value-grid">
        {rows.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function FollowUps({
  notes,
  onShowNote,
}: {
  notes: readonly Note[]
  onShowNote: (noteId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const open = notes.filter(
    (note) =>
      (FOLLOW_UP_KINDS as readonly string[]).includes(note.kind) &&
      note.followUp !== undefined &&
      note.followUp.doneAt === undefined,
  )
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  return (
    <section className="card" aria-labelledby="followups-title" data-testid="follow-ups">
      <h2 id="followups-title" className="card-title">
        {t('customer.followUps')}
      </h2>
      {open.length === 0 ? (
        <p className="muted">{t('customer.followUpsEmpty')}</p>
      ) : (
        <ul className="followup-list">
          {open.map((note) => (
            <li key={note.id}>
              <div className="timeline-meta">
                <span className={`note-kind note-kind-${note.kind}`}>
                  {t(`noteKind.${note.kind}`)}
                </span>
                <span className="muted">
                  {note.followUp?.due === undefined
                    ? t('customer.noDue')
                    : t('customer.due', { date: dateFormat.format(note.followUp.due) })}
                </span>
              </div>
              <button type="button" className="link-button" onClick={() => onShowNote(note.id)}>
                {noteLabel(note.text, 120)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
