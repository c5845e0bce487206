// @vitest-environment jsdom
/**
 * The shared whole-notebook model: however many screens show it, it is computed once per change;
 * changes made while no screen shows it are caught up when one does. The worker cannot start in
 * jsdom, so every computation runs through the page fallback, which is what is counted here.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RecordChange } from '../../src/db/change-set'
import type { NotebookDb } from '../../src/db/notebook-db'
import type { AppController } from '../../renderer/app/controller'
import { createWorkerModel, forwardChanges } from '../../renderer/hooks/worker-model'
import type { ModelRequest } from '../../renderer/workers/model-protocol'

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

describe('what the worker is told', () => {
  function withFakeWorker(firstReadAfter?: (notebookId: string) => Promise<void>) {
    const requests: ModelRequest[] = []
    const fake = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      onerror: null,
      postMessage(request: ModelRequest) {
        requests.push(request)
        queueMicrotask(() =>
          fake.onmessage?.({
            data: { id: request.id, model: `model ${String(request.id)}` },
          } as MessageEvent),
        )
      },
      terminate() {},
    }
    const useModel = createWorkerModel<string>({
      name: 'test',
      createWorker: () => fake as unknown as Worker,
      computeOnPage: () => Promise.reject(new Error('the worker answers')),
      ...(firstReadAfter ? { firstReadAfter } : {}),
    })
    const listeners = new Set<(changes: readonly RecordChange[], notebookId: string) => void>()
    const app = {
      onChanges: (listener: (changes: readonly RecordChange[], notebookId: string) => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    } as unknown as AppController
    function Reader({ db }: { db: NotebookDb }) {
      const model = useModel(app, 'notebook-2', db)
      return <p>{model ?? 'none'}</p>
    }
    const change = (changes: readonly RecordChange[]) =>
      listeners.forEach((listener) => listener(changes, 'notebook-2'))
    return { requests, Reader, change }
  }

  it('reads the notebook first, then only hears of the records that changed', async () => {
    vi.useFakeTimers()
    try {
      const { requests, Reader, change } = withFakeWorker()
      const db = {} as NotebookDb
      const view = render(<Reader db={db} />)
      await act(() => vi.advanceTimersByTimeAsync(0))
      expect(requests.at(-1)).toMatchObject({ reload: true })

      const saved = { id: 'n-1', body: 'Asked for rye' }
      change([
        { table: 'notes', id: 'n-1', before: undefined, after: saved },
        { table: 'segments', id: 's-1', before: undefined, after: { id: 's-1' } },
        { table: 'ties', id: 'tie-1', before: { id: 'tie-1' }, after: undefined },
      ])
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(requests).toHaveLength(2)
      expect(requests[1]!.reload).toBeUndefined()
      expect(requests[1]!.changes).toEqual([
        { table: 'notes', id: 'n-1', after: saved },
        { table: 'ties', id: 'tie-1' },
      ])
      expect(screen.getByText('model 2')).toBeTruthy()

      // A bulk write that names records without them: the worker reads the notebook again.
      change([{ table: 'transactions', id: 't-1' } as RecordChange])
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(requests[2]).toMatchObject({ reload: true })

      // The database was opened again: read it again.
      view.rerender(<Reader db={{} as NotebookDb} />)
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(requests.at(-1)).toMatchObject({ reload: true })
    } finally {
      vi.useRealTimers()
    }
  })

  it('holds the first reading back until the opening reads are done, and keeps the order', async () => {
    vi.useFakeTimers()
    try {
      let opened = () => {}
      const { requests, Reader, change } = withFakeWorker(
        () => new Promise((resolve) => (opened = resolve)),
      )
      render(<Reader db={{} as NotebookDb} />)
      await act(() => vi.advanceTimersByTimeAsync(0))
      change([{ table: 'notes', id: 'n-1', before: undefined, after: { id: 'n-1' } }])
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(requests).toHaveLength(0)
      expect(screen.getByText('none')).toBeTruthy()

      opened()
      await act(() => vi.advanceTimersByTimeAsync(0))
      expect(requests.map((request) => request.reload ?? request.changes?.length)).toEqual([
        true,
        1,
      ])
      expect(screen.getByText('model 2')).toBeTruthy()
    } finally {
      vi.useRealTimers()
    }
  })

  it('stops listing changes past a bound and asks for a reading instead', () => {
    let pending: ReturnType<typeof forwardChanges> = []
    const many = Array.from({ length: 25_000 }, (_, i) => ({
      table: 'transactions' as const,
      id: `t-${String(i)}`,
      before: undefined,
      after: { id: `t-${String(i)}` },
    }))
    pending = forwardChanges(pending, many.slice(0, 10))
    expect(pending).toHaveLength(10)
    pending = forwardChanges(pending, many)
    expect(pending).toBe('reload')
  })
})
