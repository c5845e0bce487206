import { useTranslation } from 'react-i18next'
import { DELETE_GRACE_MS } from '../../../src/db/registry'
import { deleteNotebook, newNotebookAction, newSampleNotebookAction } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { describeError } from '../../actions/errors'
import { exportCurrentNotebook, importNotebookFile } from '../../actions/data-files'
import { useNotebooks } from '../../hooks/useNotebookData'
import './Notebooks.css'

/** Every notebook: open, rename, delete, and restore the recently deleted. */
export function Notebooks({ context }: { context: ActionContext }) {
  const { t, i18n } = useTranslation()
  const notebooks = useNotebooks()
  const currentId = context.app.state.notebook?.entry.id
  if (!notebooks) return null
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const attempt = async (body: () => Promise<void>) => {
    try {
      await body()
    } catch (error) {
      context.app.toast(describeError(error, t), { tone: 'error' })
    }
  }
  const rename = (id: string, name: string) =>
    attempt(async () => {
      const next = await context.dialogs.prompt({
        title: t('notebook.renameTitle'),
        label: t('notebook.nameLabel'),
        initial: name,
        confirmLabel: t('common.rename'),
      })
      if (next && next !== name) await context.app.renameNotebook(id, next)
    })
  return (
    <div className="view">
      <header className="view-header">
        <h1>{t('notebook.listTitle')}</h1>
        <p className="view-subtitle">{t('notebook.listIntro')}</p>
        <div className="view-actions">
          <button type="button" onClick={() => void importNotebookFile(context)}>
            {t('dataFile.import')}
          </button>
          <button type="button" onClick={() => void newSampleNotebookAction.perform(context)}>
            {t('action.newSampleNotebook')}
          </button>
          <button
            type="button"
            className="button-primary"
            onClick={() => void newNotebookAction.perform(context)}
          >
            {t('action.newNotebook')}
          </button>
        </div>
      </header>
      <ul className="notebook-list" aria-label={t('notebook.listTitle')}>
        {notebooks.active.map((entry) => (
          <li
            key={entry.id}
            className="notebook-item"
            data-testid="notebook-item"
            aria-current={entry.id === currentId}
          >
            <div className="notebook-item-text">
              <strong className="notebook-item-name">{entry.name}</strong>
              <span className="notebook-item-meta">
                {entry.id === currentId
                  ? t('notebook.isCurrent')
                  : t('notebook.openedOn', { date: dateFormat.format(entry.openedAt) })}
                {entry.origin === 'sample' && (
                  <span className="badge">{t('notebook.sampleBadge')}</span>
                )}
              </span>
            </div>
            <div className="notebook-item-actions">
              {entry.id === currentId && (
                <button type="button" onClick={() => void exportCurrentNotebook(context)}>
                  {t('dataFile.export')}
                </button>
              )}
              {entry.id !== currentId && (
                <button
                  type="button"
                  onClick={() =>
                    void attempt(async () => {
                      const navigate = context.navigateLater()
                      await context.app.openNotebook(entry.id)
                      navigate('home')
                    })
                  }
                >
                  {t('common.open')}
                </button>
              )}
              <button
                type="button"
                className="button-quiet"
                onClick={() => void rename(entry.id, entry.name)}
              >
                {t('common.rename')}
              </button>
              <button
                type="button"
                className="button-quiet button-quiet-danger"
                onClick={() => void attempt(() => deleteNotebook(context, entry.id, entry.name))}
              >
                {t('common.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {notebooks.deleted.length > 0 && (
        <section aria-labelledby="notebooks-deleted">
          <h2 id="notebooks-deleted" className="section-title">
            {t('notebook.recentlyDeleted')}
          </h2>
          <ul className="notebook-list">
            {notebooks.deleted.map((entry) => (
              <li key={entry.id} className="notebook-item notebook-item-deleted">
                <div className="notebook-item-text">
                  <strong className="notebook-item-name">{entry.name}</strong>
                  <span className="notebook-item-meta">
                    {t('notebook.deletedOn', {
                      date: dateFormat.format(entry.deletedAt ?? 0),
                      until: dateFormat.format((entry.deletedAt ?? 0) + DELETE_GRACE_MS),
                    })}
                  </span>
                </div>
                <div className="notebook-item-actions">
                  <button
                    type="button"
                    onClick={() =>
                      void attempt(async () => {
                        await context.app.restoreNotebook(entry.id)
                        context.app.toast(t('notebook.restored', { name: entry.name }))
                      })
                    }
                  >
                    {t('common.restore')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
