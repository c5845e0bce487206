/** The backups on disk (desktop) and the last export (browser), read through the app. */
import { useCallback, useEffect, useState } from 'react'
import type { BackupEntry } from '../../src/platform/desktop-bridge'
import { lastExportAt, needsExportReminder } from '../app/backup-scheduler'
import { useController } from './useApp'

export function useBackups(): { backups: BackupEntry[] | undefined; refresh: () => void } {
  const app = useController()
  const [backups, setBackups] = useState<BackupEntry[] | undefined>(undefined)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let isCurrent = true
    app.bridge.listBackups().then(
      (list) => isCurrent && setBackups(list),
      () => isCurrent && setBackups([]),
    )
    return () => {
      isCurrent = false
    }
  }, [app, version])
  const refresh = useCallback(() => setVersion((value) => value + 1), [])
  return { backups, refresh }
}

export function useExportReminder():
  { lastExport: number | undefined; remind: boolean } | undefined {
  const app = useController()
  const [state, setState] = useState<{ lastExport: number | undefined; remind: boolean }>()
  useEffect(() => {
    let isCurrent = true
    void Promise.all([lastExportAt(app), needsExportReminder(app, Date.now())]).then(
      ([lastExport, remind]) => {
        if (isCurrent) setState({ lastExport, remind })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [app])
  return state
}
