/**
 * Backups in Settings. On the desktop: the backups folder, the backups on disk with their sizes,
 * and a restore that previews before it replaces anything. In a browser: how to keep a copy, the
 * last export, and a reminder when it is older than 14 days.
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { restoreBackup } from '../../actions/backups'
import { hashOf, navigateFromHere } from '../../app/routes'
import type { Route } from '../../app/routes'
import { useController } from '../../hooks/useApp'
import { useBackups, useExportReminder } from '../../hooks/useBackups'
import './BackupSettings.css'

function navigate(route: Route, routeId?: string): void {
  window.location.hash = hashOf(route, routeId)
}
const navigateLater = () => navigateFromHere(() => window.location.hash, navigate)

export function BackupSettings() {
  const app = useController()
  return app.info.runtime === 'desktop' ? <DesktopBackups /> : <BrowserExportReminder />
}

function DesktopBackups() {
  const { t, i18n } = useTranslation()
  const app = useController()
  const id = useId()
  const { backups, refresh } = useBackups()
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (
    <section className="settings-backups" aria-labelledby={id} data-testid="backups">
      <h2 id={id} className="section-title">
        {t('backup.sectionTitle')}
      </h2>
      <p className="prose">{t('backup.intro')}</p>
      <p className="backup-folder">
        <span className="muted">{t('backup.folder')}</span>{' '}
        <code>{app.info.backupsFolder ?? '—'}</code>
      </p>
      <button type="button" onClick={refresh}>
        {t('backup.refresh')}
      </button>
      {backups &&
        (backups.length === 0 ? (
          <p className="muted">{t('backup.empty')}</p>
        ) : (
          <table className="backup-table" aria-label={t('backup.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('backup.columnNotebook')}</th>
                <th scope="col">{t('backup.columnDate')}</th>
                <th scope="col">{t('backup.columnSize')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('backup.restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => {
                const date = dateFormat.format(backup.createdAt)
                return (
                  <tr key={backup.file}>
                    <td>{backup.name}</td>
                    <td>{date}</td>
                    <td className="backup-size">
                      {t('backup.sizeKb', { size: Math.max(1, Math.round(backup.size / 1024)) })}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('backup.restoreLabel', { name: backup.name, date })}
                        onClick={() =>
                          void restoreBackup({ app, t, navigateLater }, backup).then(refresh)
                        }
                      >
                        {t('backup.restore')}
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ))}
    </section>
  )
}

function BrowserExportReminder() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const reminder = useExportReminder()
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  return (
    <section className="settings-backups" aria-labelledby={id} data-testid="backups">
      <h2 id={id} className="section-title">
        {t('backup.sectionTitle')}
      </h2>
      {reminder?.remind && (
        <div className="backup-banner" role="status">
          <p>{t('backup.remindBanner')}</p>
          <button type="button" onClick={() => navigate('notebooks')}>
            {t('backup.goExport')}
          </button>
        </div>
      )}
      <p className="prose">{t('backup.webIntro')}</p>
      {reminder && (
        <p className="muted">
          {reminder.lastExport === undefined
            ? t('backup.lastExportNever')
            : t('backup.lastExport', { date: dateFormat.format(reminder.lastExport) })}
        </p>
      )}
    </section>
  )
}
