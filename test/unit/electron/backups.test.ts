import {
  mkdtemp,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackupFileSystem } from '../../../electron/main/backups'
import { listBackups, readBackup, writeBackup } from '../../../electron/main/backups'
import { backupFileName } from '../../../src/backup/backup-name'

const realFiles: BackupFileSystem = { stat, readFile, open, rename, unlink, mkdir, readdir }
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const NOW = Date.UTC(2026, 10, 18, 12)

let root = ''
let folder = ''
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'carnet-backups-'))
  folder = join(root, 'Backups')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const snapshot = (marker: string) =>
  new TextEncoder().encode(JSON.stringify({ format: 'carnet-notebook', tables: {}, marker }))

describe('writeBackup', () => {
  it('creates the folder, writes atomically and verifies, leaving no temporary file', async () => {
    const result = await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('a') },
      { now: NOW },
    )
    expect(result).toMatchObject({
      status: 'written',
      backup: { notebookId: 'nb-1', name: 'Shop', createdAt: NOW },
    })
    expect(await readdir(folder)).toEqual([backupFileName('nb-1', 'Shop', NOW)])
    expect(await readFile(join(folder, backupFileName('nb-1', 'Shop', NOW)))).toEqual(
      Buffer.from(snapshot('a')),
    )
  })

  it('refuses bytes that are not a notebook file and writes nothing', async () => {
    const result = await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: new TextEncoder().encode('{"format":"other"}') },
      { now: NOW },
    )
    expect(result.status).toBe('failed')
    await expect(readdir(folder)).rejects.toThrow()
  })

  it('does not write the same bytes twice in a row', async () => {
    await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('a') },
      { now: NOW },
    )
    const again = await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('a') },
      { now: NOW + HOUR },
    )
    expect(again.status).toBe('unchanged')
    expect(await readdir(folder)).toHaveLength(1)
    const changed = await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('b') },
      { now: NOW + HOUR },
    )
    expect(changed.status).toBe('written')
    expect(await readdir(folder)).toHaveLength(2)
  })

  it('removes a backup that does not read back the same, and keeps the older ones', async () => {
    await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('a') },
      { now: NOW - HOUR },
    )
    const corrupting: BackupFileSystem = {
      ...realFiles,
      readFile: async (path) => {
        const bytes = await readFile(path)
        return String(path).includes(new Date(NOW).toISOString().slice(0, 13))
          ? bytes.subarray(1)
          : bytes
      },
    }
    const result = await writeBackup(
      corrupting,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('b') },
      { now: NOW },
    )
    expect(result.status).toBe('failed')
    expect(await readdir(folder)).toEqual([backupFileName('nb-1', 'Shop', NOW - HOUR)])
  })

  it('reports a full disk as a failure, with the old backups untouched', async () => {
    await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('a') },
      { now: NOW - HOUR },
    )
    const full: BackupFileSystem = {
      ...realFiles,
      open: async (path, flags) => {
        const handle = await open(path, flags)
        return {
          writeFile: () => Promise.reject(Object.assign(new Error('full'), { code: 'ENOSPC' })),
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
    }
    const result = await writeBackup(
      full,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('b') },
      { now: NOW },
    )
    expect(result.status).toBe('failed')
    expect(result.status === 'failed' ? result.reason : '').toContain('ENOSPC')
    expect(await readdir(folder)).toEqual([backupFileName('nb-1', 'Shop', NOW - HOUR)])
  })

  it('applies retention after a good write, per notebook', async () => {
    await mkdir(folder, { recursive: true })
    // Hourly backups of one notebook for 100 days, and one old backup of another notebook.
    for (let at = NOW - 100 * DAY; at < NOW; at += 6 * HOUR) {
      await writeFile(join(folder, backupFileName('nb-1', 'Shop', at)), snapshot(String(at)))
    }
    await writeFile(
      join(folder, backupFileName('nb-2', 'Other', NOW - 300 * DAY)),
      snapshot('other'),
    )
    await writeFile(join(folder, 'notes.txt'), 'not a backup')
    const result = await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('now') },
      { now: NOW },
    )
    expect(result.status).toBe('written')
    const left = await listBackups(realFiles, folder)
    const shop = left.filter((entry) => entry.notebookId === 'nb-1')
    expect(shop.length).toBeLessThanOrEqual(8 + 7 + 8)
    expect(shop.length).toBeGreaterThan(10)
    expect(shop[0]?.createdAt).toBe(NOW)
    expect(Math.min(...shop.map((entry) => entry.createdAt))).toBeGreaterThan(NOW - 9 * 7 * DAY)
    expect(left.some((entry) => entry.notebookId === 'nb-2')).toBe(true)
    expect(await readdir(folder)).toContain('notes.txt')
  })
})

describe('listBackups and readBackup', () => {
  it('lists nothing when the folder does not exist yet', async () => {
    expect(await listBackups(realFiles, folder)).toEqual([])
  })

  it('lists newest first with sizes, ignoring other files, and reads one back', async () => {
    await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-1', name: 'Shop', bytes: snapshot('a') },
      { now: NOW - HOUR },
    )
    await writeBackup(
      realFiles,
      folder,
      { notebookId: 'nb-2', name: 'Other', bytes: snapshot('bb') },
      { now: NOW },
    )
    await writeFile(join(folder, '.x.tmp'), 'x')
    const list = await listBackups(realFiles, folder)
    expect(list.map((entry) => [entry.notebookId, entry.size])).toEqual([
      ['nb-2', snapshot('bb').byteLength],
      ['nb-1', snapshot('a').byteLength],
    ])
    expect(await readBackup(realFiles, folder, list[1]!.file)).toEqual(snapshot('a'))
  })

  it('reads only backup file names', async () => {
    await expect(readBackup(realFiles, folder, '../../etc/passwd')).rejects.toThrow(/Not a backup/)
  })
})
