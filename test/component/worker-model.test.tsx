// @vitest-environment jsdom
/**
 * The shared whole-notebook model: however many screens show it, it is computed once per change;
 * changes made while no screen shows it are caught up when one does. The worker cannot start in
 * jsdom, so every computation runs through the page fallback, which is what is counted here.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { AppController } from '../../renderer/app/controller'
import { createWorkerModel } from '../../renderer/hooks/worker-model'

afterEach(cleanup)

function setup() {
  let version = 0
  const computeOnPage = vi.fn(() => Promise.resolve(`model ${String(++version)}`))
  const useModel = createWorkerModel<string>({
    name: 'test',
    createWorker: () => {
      throw new Error('no worker here')
    },
    computeOnPage,
  })
  const listeners = new Set<(changes: unknown, notebookId: string) => void>()
  const app = {
    onChanges: (listener: (changes: unknown, notebookId: string) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  } as unknown as AppController
  const db = {} as NotebookDb
  function Reader({ label }: { label: string }) {
    const model = useModel(app, 'notebook-1', db)
    return <p>{`${label}: ${model ?? 'none'}`}</p>
  }
  const change = () => listeners.forEach((listener) => listener([], 'notebook-1'))
  return { Reader, computeOnPage, change }
}

describe('createWorkerModel', () => {
  it('computes once for all the screens that show it, and once again per change', async () => {
    vi.useFakeTimers()
    try {
      const { Reader, computeOnPage, change } = setup()
      render(
        <>
          <Reader label="list" />
          <Reader label="page" />
        </>,
      )
      await act(() => Promise.resolve())
      expect(computeOnPage).toHaveBeenCalledTimes(1)
      expect(screen.getByText('list: model 1')).toBeTruthy()
      expect(screen.getByText('page: model 1')).toBeTruthy()

      // Three quick changes: one computation, after the debounce.
      change()
      change()
      change()
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(computeOnPage).toHaveBeenCalledTimes(2)
      expect(screen.getByText('list: model 2')).toBeTruthy()
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not compute while no screen shows it, and catches up when one does', async () => {
    vi.useFakeTimers()
    try {
      const { Reader, computeOnPage, change } = setup()
      const first = render(<Reader label="list" />)
      await act(() => Promise.resolve())
      expect(computeOnPage).toHaveBeenCalledTimes(1)
      first.unmount()

      // Coming back with nothing changed reuses the model.
      const again = render(<Reader label="list" />)
      await act(() => Promise.resolve())
      expect(computeOnPage).toHaveBeenCalledTimes(1)
      expect(screen.getByText('list: model 1')).toBeTruthy()
      again.unmount()

      change()
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(computeOnPage).toHaveBeenCalledTimes(1)
      render(<Reader label="list" />)
      await act(() => Promise.resolve())
      expect(computeOnPage).toHaveBeenCalledTimes(2)
      expect(screen.getByText('list: model 2')).toBeTruthy()
    } finally {
      vi.useRealTimers()
    }
  })
})
