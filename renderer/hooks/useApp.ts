import { createContext, useContext, useSyncExternalStore } from 'react'
import type { AppController, AppSnapshot } from '../app/controller'

export const AppContext = createContext<AppController | null>(null)

export function useController(): AppController {
  const app = useContext(AppContext)
  if (!app) throw new Error('useController outside <AppContext>')
  return app
}

/** The app's state; re-renders when it changes. */
export function useAppState(): AppSnapshot {
  const app = useController()
  return useSyncExternalStore(app.subscribe, app.getSnapshot)
}
