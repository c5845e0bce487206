/**
 * The dialogs of "own your data" (passphrases, import choice, merge preview, contacts review),
 * kept outside React like the capture: an action awaits `dataDialogs.ask(request)` and the
 * `DataDialogs` component, mounted once in the app, shows the request and resolves it.
 */
import type { ContactDecision, ContactReviewItem } from '../../src/io/contacts-import'
import type { MergePlan } from '../../src/io/merge-plan'
import type { RestorePlan } from '../../src/backup/restore'

export type DataDialogRequest =
  | { kind: 'export-passphrase'; notebookName: string }
  | { kind: 'unlock'; error?: string }
  | {
      kind: 'import-choice'
      fileName: string
      records: number
      refused: number
      currentName: string | undefined
    }
  | { kind: 'merge-preview'; currentName: string; plan: MergePlan; names: Map<string, string> }
  | { kind: 'contacts-review'; fileName: string; items: ContactReviewItem[] }
  | { kind: 'restore-preview'; notebookName: string; date: string; plan: RestorePlan }

export interface DataDialogAnswers {
  'export-passphrase': string | null
  unlock: string | null
  'import-choice': 'new' | 'merge' | null
  'merge-preview': boolean
  'contacts-review': ContactDecision[] | null
  'restore-preview': boolean
}

export interface PendingDataDialog {
  id: number
  request: DataDialogRequest
  resolve: (answer: unknown) => void
}

let pending: PendingDataDialog | null = null
let nextId = 1
const listeners = new Set<() => void>()

function notify() {
  for (const listener of listeners) listener()
}

export const dataDialogs = {
  ask<R extends DataDialogRequest>(request: R): Promise<DataDialogAnswers[R['kind']]> {
    pending?.resolve(null)
    return new Promise((resolve) => {
      pending = { id: nextId++, request, resolve: resolve as (answer: unknown) => void }
      notify()
    })
  },
  answer(value: unknown): void {
    const current = pending
    pending = null
    current?.resolve(value)
    notify()
  },
  get: (): PendingDataDialog | null => pending,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
