import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PathsApp } from '../../../electron/main/paths'
import { pinUserData, USER_DATA_FOLDER_NAME, userDataPath } from '../../../electron/main/paths'

function fakeApp(isReady: boolean): PathsApp & { userData: string | undefined } {
  return {
    userData: undefined,
    getPath: () => resolve('/home/someone/.config'),
    setPath(_name, path) {
      this.userData = path
    },
    isReady: () => isReady,
  }
}

describe('pinUserData', () => {
  it('pins userData to the fixed Carnet folder under appData', () => {
    const app = fakeApp(false)
    const folder = pinUserData(app)
    expect(USER_DATA_FOLDER_NAME).toBe('Carnet')
    expect(folder).toBe(join(resolve('/home/someone/.config'), 'Carnet'))
    expect(app.userData).toBe(folder)
    expect(userDataPath(resolve('/x'))).toBe(join(resolve('/x'), 'Carnet'))
  })

  it('refuses to run once the app is ready, when the profile is already open', () => {
    expect(() => pinUserData(fakeApp(true))).toThrow(/before the app is ready/)
  })

  it('takes an absolute override (fresh test profiles) and ignores a relative one', () => {
    const override = resolve('/tmp/carnet-test-profile')
    expect(pinUserData(fakeApp(false), override)).toBe(override)
    expect(pinUserData(fakeApp(false), 'relative/profile')).toBe(
      join(resolve('/home/someone/.config'), 'Carnet'),
    )
    expect(pinUserData(fakeApp(false), '')).toBe(join(resolve('/home/someone/.config'), 'Carnet'))
  })
})
