// @vitest-environment jsdom
/**
 * The shared whole-notebook model: however many screens show it, it is computed once per change;
 * changes made while no screen shows it are caught up when one does; each screen receives only
 * the view of it that it shows. The worker cannot start in jsdom, so in the first tests every
 * computation runs through the page fallback, which is what is counted there.
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
  const useModel = createWorkerModel({
    name: 'test',
    createWorker: () => {
      throw new Error('no worker here')
    },
    computeOnPage,
    views: { whole: (model: string) => model },
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
    const model = useModel(app, 'notebook-1', db, 'whole')
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
        // Each view answers with the request that computed it, and its argument.
        const views = Object.fromEntries(
          request.views.map((view) => [
            view.key,
            `${view.name} ${view.arg} from request ${String(request.id)}`.replace('  ', ' '),
          ]),
        )
        queueMicrotask(() => fake.onmessage?.({ data: { id: request.id, views } } as MessageEvent))
      },
      terminate() {},
    }
    const useModel = createWorkerModel({
      name: 'test',
      createWorker: () => fake as unknown as Worker,
      computeOnPage: () => Promise.reject(new Error('the worker answers')),
      views: {
        whole: (model: string) => model,
        customer: (model: string, id: string) => `${model} ${id}`,
      },
      ...(firstReadAfter ? { firstReadAfter } : {}),
    })
    const listeners = new Set<(changes: readonly RecordChange[], notebookId: string) => void>()
    const app = {
      onChanges: (listener: (changes: readonly RecordChange[], notebookId: string) => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    } as unknown as AppController
    function Reader({ db, customer }: { db: NotebookDb; customer?: string }) {
      const model = useModel(app, 'notebook-2', db, customer ? 'customer' : 'whole', customer)
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
      expect(screen.getByText('whole from request 2')).toBeTruthy()

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

  it('sends each screen only its view, and takes a new view from the model already computed', async () => {
    vi.useFakeTimers()
    try {
      const { requests, Reader, change } = withFakeWorker()
      const db = {} as NotebookDb
      const list = render(<Reader db={db} />)
      await act(() => vi.advanceTimersByTimeAsync(0))
      expect(requests[0]!.views.map((view) => view.name)).toEqual(['whole'])

      // A customer's page opens: only its view is asked for, from the model the worker has.
      const page = render(<Reader db={db} customer="c-7" />)
      await act(() => vi.advanceTimersByTimeAsync(0))
      expect(requests).toHaveLength(2)
      expect(requests[1]!.changes).toEqual([])
      expect(requests[1]!.views.map((view) => [view.name, view.arg])).toEqual([['customer', 'c-7']])
      expect(page.getByText('customer c-7 from request 2')).toBeTruthy()
      expect(list.getByText('whole from request 1')).toBeTruthy()

      // A change: both views shown are asked for again, with the change, in one request.
      change([{ table: 'notes', id: 'n-1', before: undefined, after: { id: 'n-1' } }])
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(requests).toHaveLength(3)
      expect(requests[2]!.views.map((view) => view.name).sort()).toEqual(['customer', 'whole'])
      expect(page.getByText('customer c-7 from request 3')).toBeTruthy()
      expect(list.getByText('whole from request 3')).toBeTruthy()

      // The page closes; after the next change only the list's view is asked for.
      page.unmount()
      change([{ table: 'notes', id: 'n-2', before: undefined, after: { id: 'n-2' } }])
      await act(() => vi.advanceTimersByTimeAsync(500))
      expect(requests[3]!.views.map((view) => view.name)).toEqual(['whole'])
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
      expect(screen.getByText('whole from request 2')).toBeTruthy()
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

  it('forwards one mark for a delivered bulk write, however many chunks announce it', () => {
    const chunk = (from: number, delivery: string) =>
      Array.from({ length: 1_000 }, (_, i) => ({
        table: 'entities' as const,
        id: `c-${String(from + i)}`,
        delivery,
      }))
    const purchases = (delivery: string) => [{ table: 'transactions' as const, delivery }]
    const named = new Set<string>()
    let pending: ReturnType<typeof forwardChanges> = []
    for (let from = 0; from < 20_000; from += 1_000) {
      pending = forwardChanges(pending, chunk(from, 'import-1'), named)
    }
    pending = forwardChanges(pending, purchases('import-1'), named)
    const saved = { table: 'notes' as const, id: 'n-1', before: undefined, after: { id: 'n-1' } }
    pending = forwardChanges(pending, [saved], named)
    // An undo that deleted only purchases: named by its delivery alone.
    pending = forwardChanges(pending, purchases('undo-1'), named)
    expect(pending).toEqual([
      { delivery: 'import-1' },
      { table: 'notes', id: 'n-1', after: { id: 'n-1' } },
      { delivery: 'undo-1' },
    ])
    // Chunks still arriving after the request went: the worker was told already.
    expect(forwardChanges([], chunk(20_000, 'import-1'), named)).toEqual([])
    expect(forwardChanges([], purchases('undo-1'), named)).toEqual([])
  })
})
