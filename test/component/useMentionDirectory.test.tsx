// @vitest-environment jsdom
/**
 * The names the quick capture's `@` suggests: every entity of the notebook, however many (they
 * are read in steps), and kept current as entities are created, renamed or removed.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChangeSet } from '../../src/db/change-set'
import { createNotebookDb } from '../../src/db/notebook-db'
import { NotebookStore } from '../../src/db/notebook-store'
import type { Writer } from '../../src/db/notebook-store'
import type { Entity } from '../../src/model/records'
import { createEntity } from '../../src/notebook/entities'
import { matchCandidates } from '../../src/notebook/mention-search'
import type { AppController } from '../../renderer/app/controller'
import { AppContext } from '../../renderer/hooks/useApp'
import { useMentionDirectory } from '../../renderer/hooks/useMentionDirectory'
import { freshIndexedDb } from '../helpers/fresh-idb'

afterEach(cleanup)

async function setup(customers: number) {
  const db = createNotebookDb('mentions', freshIndexedDb())
  await db.open()
  const store = new NotebookStore(db)
  await store.write(async (writer) => {
    for (let index = 0; index < customers; index++) {
      await createEntity(writer, { kind: 'customer', name: `Customer ${String(index)}` })
    }
    await createEntity(writer, { kind: 'place', name: 'Marché du Canal' })
  })
  const listeners = new Set<(changes: ChangeSet, notebookId: string) => void>()
  const snapshot = { notebook: { entry: { id: 'notebook-1' }, store } }
  const app = {
    subscribe: () => () => undefined,
    getSnapshot: () => snapshot,
    onChanges: (listener: (changes: ChangeSet, notebookId: string) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  } as unknown as AppController
  /** A write made through the app, as the capture's own writes are reported. */
  const change = async <R,>(perform: (writer: Writer) => Promise<R>) => {
    const { result, changes } = await store.write(perform)
    act(() => listeners.forEach((listener) => listener(changes, 'notebook-1')))
    return result
  }
  function Suggestions({ query }: { query: string }) {
    const directory = useMentionDirectory()
    if (!directory) return <p>reading</p>
    return (
      <>
        <p>{`${String(directory.length)} names`}</p>
        <ul>
          {matchCandidates(directory, query).map((entity) => (
            <li key={entity.id}>{entity.name}</li>
          ))}
        </ul>
      </>
    )
  }
  return { app, change, Suggestions }
}

describe('useMentionDirectory', () => {
  it('suggests from every entity of a large notebook', async () => {
    const { app, Suggestions } = await setup(2_500)
    render(
      <AppContext.Provider value={app}>
        <Suggestions query="marche" />
      </AppContext.Provider>,
    )
    expect(await screen.findByText('2501 names', {}, { timeout: 20_000 })).toBeTruthy()
    expect(screen.getByRole('listitem').textContent).toBe('Marché du Canal')
  })

  it('suggests a customer created, renamed or removed since', async () => {
    const { app, change, Suggestions } = await setup(3)
    render(
      <AppContext.Provider value={app}>
        <Suggestions query="zo" />
      </AppContext.Provider>,
    )
    await screen.findByText('4 names')
    expect(screen.queryAllByRole('listitem')).toHaveLength(0)

    const zoe: Entity = await change((writer) =>
      createEntity(writer, { kind: 'customer', name: 'Zoé Fabre' }),
    )
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toBe('Zoé Fabre'))

    await change(async (writer) => writer.put('entities', { ...zoe, name: 'Zora Fabre' }))
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toBe('Zora Fabre'))

    await change(async (writer) => writer.delete('entities', zoe.id))
    await waitFor(() => expect(screen.queryAllByRole('listitem')).toHaveLength(0))
    expect(screen.getByText('4 names')).toBeTruthy()
  })
})
