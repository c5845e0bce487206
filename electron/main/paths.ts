/**
 * Where Carnet keeps its data on disk.
 *
 * The notebooks live in IndexedDB, inside Chromium's profile, inside `userData`. By default
 * Electron derives `userData` from the app's name, which may change with a rename, a different
 * `productName`, a packaging tool or a dev run. A different folder means an empty profile: every
 * notebook would silently disappear. So the folder name is pinned here, once, and NEVER changes.
 * (The other half of the key is the page's origin, pinned in `app-protocol.ts`.)
 */
import { isAbsolute, join } from 'node:path'

export const USER_DATA_FOLDER_NAME = 'Carnet'

/**
 * For end-to-end tests only: a fresh profile per test. `index.ts` reads it only when the app is
 * not packaged, so a stray variable can never hide an installed user's notebooks.
 */
export const USER_DATA_OVERRIDE_VARIABLE = 'CARNET_USER_DATA_DIR'

export function userDataPath(appDataPath: string): string {
  return join(appDataPath, USER_DATA_FOLDER_NAME)
}

/** The part of Electron's `app` this module needs. */
export interface PathsApp {
  getPath(name: 'appData'): string
  setPath(name: 'userData', path: string): void
  isReady(): boolean
}

/**
 * Must run before `ready`: Chromium opens the profile (and its IndexedDB) at startup.
 * Returns the folder in use.
 */
export function pinUserData(app: PathsApp, overrideDirectory?: string): string {
  if (app.isReady()) {
    throw new Error('userData must be pinned before the app is ready')
  }
  // Ignored when empty or relative: a relative profile would depend on the working directory.
  const folder =
    overrideDirectory !== undefined && isAbsolute(overrideDirectory)
      ? overrideDirectory
      : userDataPath(app.getPath('appData'))
  app.setPath('userData', folder)
  return folder
}
