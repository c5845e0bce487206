import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTIONS } from '../actions/register'
import type { ActionContext, Dialogs } from '../actions/types'
import { Capture } from '../components/Capture'
import { CommandPalette } from '../components/CommandPalette'
import { DataDialogs } from '../components/DataDialogs'
import { DialogHost } from '../components/DialogHost'
import { Sidebar } from '../components/Sidebar'
import { Toasts } from '../components/Toasts'
import { useAppState, useController } from '../hooks/useApp'
import { useSearchService } from '../hooks/useSearch'
import { useMenuCommands } from '../hooks/useMenuCommands'
import { useShortcuts } from '../hooks/useShortcuts'
import { Customers } from '../views/Customers/Customers'
import { FollowUps } from '../views/FollowUps/FollowUps'
import { Home } from '../views/Home/Home'
import { Insights } from '../views/Insights/Insights'
import { Journal } from '../views/Journal/Journal'
import { Notebooks } from '../views/Notebooks/Notebooks'
import { Settings } from '../views/Settings/Settings'
import { Trash } from '../views/Trash/Trash'
import { Segments } from '../views/Segments/Segments'
import { MapScreen } from '../views/Map/Map'
import { Decks } from '../views/Decks/Decks'
import { FULL_WINDOW_ROUTES, PresentRoutes } from '../views/Present/PresentRoutes'
import { Welcome } from '../views/Welcome/Welcome'
import { startBackupScheduler } from './backup-scheduler'
import { hashOf, locationFromHash, navigateFromHere } from './routes'
import type { Location, Route } from './routes'
import './App.css'

function useHashLocation(): [Location, (route: Route, id?: string) => void] {
  const [location, setLocation] = useState(() => locationFromHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setLocation(locationFromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((route: Route, id?: string) => {
    const hash = hashOf(route, id)
    if (window.location.hash !== hash) window.location.hash = hash
    setLocation({ route, id })
  }, [])
  return [location, navigate]
}

/**
 * When a notebook opens (from the welcome screen, a switch or a restore), keyboard focus would
 * otherwise fall back to the page's body; it goes to the main area instead, unless the user is
 * already somewhere.
 */
function useFocusMainOnOpen(notebookId: string | undefined) {
  useEffect(() => {
    if (!notebookId) return
    if (document.activeElement && document.activeElement !== document.body) return
    document.getElementById('main')?.focus()
  }, [notebookId])
}

function useThemeAttribute(theme: 'system' | 'light' | 'dark') {
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
}

export function App() {
  const app = useController()
  const state = useAppState()
  const { t } = useTranslation()
  const [{ route, id: routeId }, navigate] = useHashLocation()
  const [paletteOpen, setPaletteOpen] = useState(false)
  const dialogs = useRef<Dialogs>(null)
  useThemeAttribute(state.theme)
  useFocusMainOnOpen(state.notebook?.entry.id)
  // A presenter or print window (a second window of the same app) leaves backups to the main one.
  const [isSecondWindow] = useState(() => route === 'presenter' || route === 'deck-print')
  useEffect(() => (isSecondWindow ? undefined : startBackupScheduler(app)), [app, isSecondWindow])

  const context = useMemo<ActionContext>(
    () => ({
      app,
      t,
      route,
      routeId,
      navigate,
      navigateLater: () => navigateFromHere(() => window.location.hash, navigate),
      openPalette: () => setPaletteOpen(true),
      dialogs: {
        prompt: (options) => dialogs.current?.prompt(options) ?? Promise.resolve(null),
        confirm: (options) => dialogs.current?.confirm(options) ?? Promise.resolve(false),
      },
    }),
    // `state` is listed so labels that read app.state re-render with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [app, t, route, routeId, navigate, state],
  )
  useShortcuts(ACTIONS, context)
  useMenuCommands(ACTIONS, context)
  useSearchService()

  if (state.status === 'starting') {
    return <p className="app-loading">{t('app.loading')}</p>
  }

  const needsNotebook = route !== 'notebooks' && route !== 'settings'
  const overlays = (
    <>
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} context={context} />
      <DialogHost ref={dialogs} />
      <DataDialogs />
      <Capture context={context} />
      <Toasts />
    </>
  )
  if (!state.notebook && needsNotebook) {
    return (
      <>
        {state.openError && <OpenErrorBanner />}
        <Welcome context={context} />
        {overlays}
      </>
    )
  }
  if (FULL_WINDOW_ROUTES.includes(route)) {
    return (
      <>
        <PresentRoutes context={context} route={route} deckId={routeId} />
        {overlays}
      </>
    )
  }
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar context={context} />
      <main id="main" className="app-main" tabIndex={-1}>
        {state.openError && <OpenErrorBanner />}
        {route === 'home' && <Home context={context} />}
        {route === 'customers' && <Customers context={context} />}
        {route === 'journal' && <Journal context={context} />}
        {route === 'follow-ups' && <FollowUps context={context} />}
        {route === 'trash' && <Trash context={context} />}
        {route === 'segments' && <Segments context={context} />}
        {route === 'map' && <MapScreen context={context} mapId={routeId} />}
        {route === 'decks' && <Decks context={context} deckId={routeId} />}
        {route === 'insights' && <Insights context={context} />}
        {route === 'notebooks' && <Notebooks context={context} />}
        {route === 'settings' && <Settings />}
      </main>
      {overlays}
    </div>
  )
}

function OpenErrorBanner() {
  const { t } = useTranslation()
  const error = useAppState().openError
  if (!error) return null
  const message =
    error.code === 'newer-version'
      ? t('error.newerVersion', { found: error.found, supported: error.supported })
      : error.code === 'quota-exceeded'
        ? t('error.quota')
        : t('error.openFailed', { message: error.message })
  return (
    <div className="banner banner-error" role="alert">
      {message}
    </div>
  )
}
