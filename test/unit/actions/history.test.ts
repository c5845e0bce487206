import { describe, expect, it } from 'vitest'
import { UndoHistory } from '../../../src/actions/history'

function counterEntry(log: string[], name: string) {
  return {
    label: name,
    undo: async () => void log.push(`undo ${name}`),
    redo: async () => void log.push(`redo ${name}`),
  }
}

describe('UndoHistory', () => {
  it('undoes newest first and redoes in order', async () => {
    const log: string[] = []
    const history = new UndoHistory()
    history.push(counterEntry(log, 'a'))
    history.push(counterEntry(log, 'b'))
    expect(history.state).toEqual({ undoLabel: 'b', redoLabel: undefined })
    await history.undo()
    await history.undo()
    expect(await history.undo()).toBeUndefined()
    await history.redo()
    expect(log).toEqual(['undo b', 'undo a', 'redo a'])
    expect(history.state).toEqual({ undoLabel: 'a', redoLabel: 'b' })
  })

  it('forgets the redo branch after a new change', async () => {
    const history = new UndoHistory()
    history.push(counterEntry([], 'a'))
    await history.undo()
    history.push(counterEntry([], 'b'))
    expect(history.state.redoLabel).toBeUndefined()
  })

  it('disposes of entries that can no longer be undone or redone', async () => {
    const disposed: string[] = []
    const entry = (name: string) => ({ ...counterEntry([], name), dispose: () => void disposed.push(name) })
    const history = new UndoHistory(2)
    history.push(entry('a'))
    history.push(entry('b'))
    history.push(entry('c'))
    expect(disposed).toEqual(['a'])
    await history.undo()
    history.push(entry('d'))
    expect(disposed).toEqual(['a', 'c'])
    history.clear()
    expect(disposed).toEqual(['a', 'c', 'b', 'd'])
  })

  it('keeps an entry whose undo failed, so nothing is lost', async () => {
    const history = new UndoHistory()
    history.push({ label: 'x', undo: () => Promise.reject(new Error('disk full')), redo: async () => {} })
    await expect(history.undo()).rejects.toThrow('disk full')
    expect(history.state.undoLabel).toBe('x')
  })

  it('runs undo and redo one at a time in the order asked', async () => {
    const log: string[] = []
    const history = new UndoHistory()
    const slow = (name: string) => ({
      label: name,
      undo: () => new Promise<void>((resolve) => setTimeout(() => resolve(void log.push(`undo ${name}`)), 10)),
      redo: async () => void log.push(`redo ${name}`),
    })
    history.push(slow('a'))
    history.push(slow('b'))
    await Promise.all([history.undo(), history.undo(), history.redo()])
    expect(log).toEqual(['undo b', 'undo a', 'redo a'])
  })

  it('drops the oldest entries past its limit', async () => {
    const history = new UndoHistory(2)
    for (const name of ['a', 'b', 'c']) history.push(counterEntry([], name))
    await history.undo()
    await history.undo()
    expect(await history.undo()).toBeUndefined()
  })
})
