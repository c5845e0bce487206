/** What was deleted, waiting to be restored or removed for good. */
import { useTranslation } from 'react-i18next'
import type { TrashItem } from '../../../src/model/records'
import { emptyTrashAction, restoreFromTrash } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { EmptyState } from '../../components/EmptyState'
import { useTrashItems } from '../../hooks/useJournal'
import './Trash.css'

type Holds = 'entities' | 'ties' | 'notes' | 'other'

/** How many records of each table an item holds, in a fixed order. */
function holdings(item: TrashItem): [Holds, number][] {
  const counts = new Map<Holds, number>()
  for (const { table } of item.records) {
    const key: Holds =
      table === 'entities' || table === 'ties' || table === 'notes' ? table : 'other'
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return (['entities', 'notes', 'ties', 'other'] as const).flatMap((key) => {
    const count = counts.get(key)
    return count ? [[key, count] as [Holds, number]] : []
  })
}

export function Trash({ context }: { context: ActionContext }) {
  const { t, i18n } = useTranslation()
  const items = useTrashItems()
  if (!items) return null
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (
    <div className="view trash">
      <header className="view-header">
        <h1>{t('trash.title')}</h1>
        {items.length > 0 && (
          <div className="view-actions">
            <button
              type="button"
              className="button-danger"
              onClick={() => void emptyTrashAction.perform(context)}
            >
              {t('trash.empty')}
            </button>
          </div>
        )}
      </header>
      {items.length === 0 ? (
        <EmptyState title={t('trash.emptyTitle')}>
          <p>{t('trash.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="prose trash-intro">{t('trash.intro')}</p>
          <ul className="trash-list">
            {items.map((item) => {
              const label = item.label || t('trash.untitled')
              return (
                <li key={item.id} className="trash-item" data-testid="trash-item">
                  <div className="trash-item-text">
                    <span className="trash-label">{label}</span>
                    <span className="trash-meta">
                      {t('trash.deletedOn', { date: dateFormat.format(item.deletedAt) })}
                      {' · '}
                      {holdings(item)
                        .map(([key, count]) => t(`trash.holds.${key}`, { count }))
                        .join(', ')}
                    </span>
                  </div>
                  <button
                    type="button"
                    aria-label={t('action.restoreItem', { label })}
                    onClick={() => void restoreFromTrash(context, item.id, label)}
                  >
                    {t('common.restore')}
                  </button>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </div>
  )
}
