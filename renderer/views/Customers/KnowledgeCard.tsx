import { useTranslation } from 'react-i18next'
import type { FacetKnowledge, KnowledgeKind } from '../../../src/notebook/knowledge'
import { noteLabel } from '../../../src/notebook/notes'
import { hashOf } from '../../app/routes'

const KINDS: readonly KnowledgeKind[] = ['facts', 'know-how', 'creation']

/**
 * The knowledge profile: facts (six facets), know-how and creation, each marked known — with
 * the contact fields, ties and notes that fill it — or not known yet.
 */
export function KnowledgeCard({
  profile,
  onShowNote,
}: {
  profile: readonly FacetKnowledge[]
  onShowNote: (noteId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  return (
    <section className="card" aria-labelledby="knowledge-title">
      <h2 id="knowledge-title" className="card-title">
        {t('customer.knowledge')}
      </h2>
      <p className="card-intro">{t('customer.knowledgeIntro')}</p>
      {KINDS.map((kind) => (
        <div key={kind} className="knowledge-kind">
          {kind === 'facts' && (
            <h3 className="knowledge-kind-title">{t(`customer.knowledgeKind.${kind}`)}</h3>
          )}
          <ul className="knowledge-facets">
            {profile
              .filter((facet) => facet.kind === kind)
              .map((facet) => (
                <li
                  key={facet.facet}
                  className={`knowledge-facet${facet.known ? ' is-known' : ''}`}
                  data-testid={`facet-${facet.facet}`}
                  data-known={facet.known}
                >
                  <div className="knowledge-facet-head">
                    {kind === 'facts' ? (
                      <span className="knowledge-facet-name">
                        {t(`capture.facetNames.${facet.facet}`)}
                      </span>
                    ) : (
                      <h3 className="knowledge-facet-name knowledge-kind-title">
                        {t(`customer.knowledgeKind.${kind}`)}
                      </h3>
                    )}
                    <span className={facet.known ? 'knowledge-badge is-known' : 'knowledge-badge'}>
                      {facet.known ? t('customer.known') : t('customer.notKnown')}
                    </span>
                  </div>
                  {facet.known && (
                    <div className="knowledge-evidence">
                      {facet.fields.length > 0 && (
                        <p>
                          {t('customer.fromContact', {
                            fields: facet.fields
                              .map((field) => t(`customer.fields.${field}`))
                              .join(', '),
                          })}
                        </p>
                      )}
                      {facet.ties.length > 0 && (
                        <ul className="knowledge-ties">
                          {facet.ties.map(({ tie, other }) => (
                            <li key={tie.id}>
                              <span className="muted">{t(`tieType.${tie.type}`)}</span>{' '}
                              {other ? (
                                <a href={hashOf('customers', other.id)}>{other.name}</a>
                              ) : (
                                '—'
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                      {facet.notes.length > 0 && (
                        <ul className="knowledge-notes">
                          {facet.notes.map((note) => (
                            <li key={note.id}>
                              <button
                                type="button"
                                className="link-button"
                                onClick={() => onShowNote(note.id)}
                              >
                                <time dateTime={new Date(note.at).toISOString()}>
                                  {dateFormat.format(note.at)}
                                </time>{' '}
                                {noteLabel(note.text, 70)}
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
