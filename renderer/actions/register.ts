/** Every action of the app, in one list. The palette shows them in this order. */
import { DELETE_GRACE_MS } from '../../src/db/registry'
import { createEntity, trashEntity } from '../../src/notebook/entities'
import { completeFollowUp, trashNote } from '../../src/notebook/notes'
import { emptyTrash, restoreTrashItem } from '../../src/notebook/trash'
import { captureStore } from '../app/capture-store'
import type { Action, ActionContext } from './types'
import { describeError } from './errors'
import { DATA_ACTIONS } from './data-files'
import { INSIGHTS_ACTIONS } from './insights-actions'
import { MAP_ACTIONS } from './map-actions'
import { DECK_ACTIONS } from './deck-actions'
import { VALUE_ACTIONS } from './value-actions'

const DAY_MS = 24 * 60 * 60 * 1000

/** Runs an action's body and turns any failure into a clear message instead of a crash. */
async function guarded(context: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    context.app.toast(describeError(error, context.t), { tone: 'error' })
  }
}

const hasNotebook = (context: ActionContext) => context.app.state.notebook !== null

export const undoAction: Action = {
  name: 'edit.undo',
  label: ({ t, app }) => {
    const label = app.history.state.undoLabel
    return label ? t('action.undoLabel', { label }) : t('action.undo')
  },
  shortcut: 'Mod+z',
  group: 'actions',
  perform: (context) =>
    guarded(context, async () => {
      const entry = await context.app.history.undo()
      context.app.toast(
        entry
          ? context.t('action.undone', { label: entry.label })
          : context.t('action.nothingToUndo'),
      )
    }),
}

export const redoAction: Action = {
  name: 'edit.redo',
  label: ({ t, app }) => {
    const label = app.history.state.redoLabel
    return label ? t('action.redoLabel', { label }) : t('action.redo')
  },
  shortcut: 'Shift+Mod+z',
  group: 'actions',
  perform: (context) =>
    guarded(context, async () => {
      const entry = await context.app.history.redo()
      context.app.toast(
        entry
          ? context.t('action.redone', { label: entry.label })
          : context.t('action.nothingToRedo'),
      )
    }),
}

export const paletteAction: Action = {
  name: 'app.palette',
  label: ({ t }) => t('action.openPalette'),
  shortcut: 'Mod+k',
  worksWhileTyping: true,
  group: 'actions',
  perform: (context) => context.openPalette(),
}

export const newCustomerAction: Action = {
  name: 'customer.new',
  label: ({ t }) => t('action.newCustomer'),
  shortcut: 'Alt+Mod+n',
  worksWhileTyping: true,
  group: 'actions',
  keywords: ['client', 'add'],
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const { t, app, dialogs } = context
      const name = await dialogs.prompt({
        title: t('action.newCustomer'),
        label: t('customers.nameLabel'),
        confirmLabel: t('common.create'),
      })
      if (!name) return
      const navigate = context.navigateLater()
      await app.change(t('action.newCustomer'), (writer) =>
        createEntity(writer, { kind: 'customer', name }),
      )
      app.toast(t('customers.created', { name }))
      navigate('customers')
    }),
}

/** Not in the palette: performed on one customer from its row. */
export function deleteCustomer(context: ActionContext, id: string, name: string): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    await app.change(t('action.deleteCustomer'), (writer) => trashEntity(writer, id))
    app.toast(t('customers.deleted', { name }), {
      tone: 'info',
      action: { label: t('common.undo'), run: () => void undoAction.perform(context) },
    })
  })
}

export const newNotebookAction: Action = {
  name: 'notebook.new',
  label: ({ t }) => t('action.newNotebook'),
  group: 'actions',
  keywords: ['carnet', 'create'],
  perform: (context) =>
    guarded(context, async () => {
      const { t, app, dialogs } = context
      const name = await dialogs.prompt({
        title: t('notebook.newTitle'),
        label: t('notebook.nameLabel'),
        initial: t('welcome.defaultName'),
        confirmLabel: t('common.create'),
      })
      if (!name) return
      const navigate = context.navigateLater()
      await app.createNotebook(name)
      app.toast(t('notebook.created', { name }))
      navigate('home')
    }),
}

export const newSampleNotebookAction: Action = {
  name: 'notebook.new-sample',
  label: ({ t }) => t('action.newSampleNotebook'),
  group: 'actions',
  keywords: ['example', 'exemple', 'demo'],
  perform: (context) =>
    guarded(context, async () => {
      const navigate = context.navigateLater()
      const entry = await context.app.createNotebook(
        sampleName(context),
        context.app.state.language,
      )
      context.app.toast(context.t('notebook.created', { name: entry.name }))
      navigate('home')
    }),
}

export function sampleName({ app }: ActionContext): string {
  return app.state.language === 'fr'
    ? 'Boulangerie du Canal (exemple)'
    : 'Canal Street Bakery (sample)'
}

export const renameNotebookAction: Action = {
  name: 'notebook.rename',
  label: ({ t }) => t('action.renameNotebook'),
  group: 'actions',
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const { t, app, dialogs } = context
      const notebook = app.state.notebook
      if (!notebook) return
      const previous = notebook.entry.name
      const name = await dialogs.prompt({
        title: t('notebook.renameTitle'),
        label: t('notebook.nameLabel'),
        initial: previous,
        confirmLabel: t('common.rename'),
      })
      if (!name || name === previous) return
      const id = notebook.entry.id
      await app.renameNotebook(id, name)
      app.history.push({
        label: t('action.renameNotebook'),
        undo: () => app.renameNotebook(id, previous),
        redo: () => app.renameNotebook(id, name),
      })
    }),
}

export const deleteNotebookAction: Action = {
  name: 'notebook.delete',
  label: ({ t }) => t('action.deleteNotebook'),
  group: 'actions',
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const notebook = context.app.state.notebook
      if (notebook) await deleteNotebook(context, notebook.entry.id, notebook.entry.name)
    }),
}

export async function deleteNotebook(
  context: ActionContext,
  id: string,
  name: string,
): Promise<void> {
  const { t, app, dialogs } = context
  const confirmed = await dialogs.confirm({
    title: t('notebook.deleteTitle', { name }),
    body: t('notebook.deleteBody', { days: Math.round(DELETE_GRACE_MS / DAY_MS) }),
    confirmLabel: t('common.delete'),
    danger: true,
  })
  if (!confirmed) return
  await app.deleteNotebook(id)
  app.toast(t('notebook.deleted', { name }), {
    tone: 'info',
    action: {
      label: t('common.undo'),
      run: () =>
        void guarded(context, async () => {
          await app.restoreNotebook(id)
          app.toast(t('notebook.restored', { name }))
        }),
    },
  })
}

export const captureAction: Action = {
  name: 'capture.new',
  label: ({ t }) => t('capture.open'),
  shortcut: 'Mod+n',
  worksWhileTyping: true,
  group: 'actions',
  keywords: ['note', 'capture', 'write', 'écrire'],
  isAvailable: hasNotebook,
  perform: ({ route, routeId }) =>
    captureStore.open(route === 'customers' && routeId ? { aboutId: routeId } : {}),
}

/** The same capture on Alt+N, because a plain browser keeps Ctrl+N for a new window. */
export const captureAlternativeAction: Action = {
  ...captureAction,
  name: 'capture.new-alt',
  label: ({ t }) => t('capture.openAlternative'),
  shortcut: 'Alt+n',
}

/** Not in the palette: performed on one note from the journal. */
export function deleteNote(context: ActionContext, id: string): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    await app.change(t('journal.deleteHistoryLabel'), (writer) => trashNote(writer, id))
    app.toast(t('journal.deleted'), {
      tone: 'info',
      action: { label: t('common.undo'), run: () => void undoAction.perform(context) },
    })
  })
}

/** Closes (or reopens) a note's feedback loop, as one undoable step. */
export function markFollowUpDone(context: ActionContext, id: string, done = true): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    const label = done
      ? t('journal.followUpDoneHistoryLabel')
      : t('journal.followUpReopenHistoryLabel')
    await app.change(label, (writer) => completeFollowUp(writer, id, done))
  })
}

export function restoreFromTrash(context: ActionContext, id: string, label: string): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    await app.change(t('action.restoreItem', { label }), (writer) => restoreTrashItem(writer, id))
    app.toast(t('trash.restored', { label }))
  })
}

export const emptyTrashAction: Action = {
  name: 'trash.empty',
  label: ({ t }) => t('trash.empty'),
  group: 'actions',
  keywords: ['corbeille', 'trash', 'delete'],
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const { app, t, dialogs } = context
      const db = app.state.notebook?.store.db
      const count = db ? await db.trash.count() : 0
      if (count === 0) {
        app.toast(t('trash.emptyTitle'))
        return
      }
      const confirmed = await dialogs.confirm({
        title: t('trash.emptyConfirmTitle'),
        body: t('trash.emptyConfirmBody', { count }),
        confirmLabel: t('trash.empty'),
        danger: true,
      })
      if (!confirmed) return
      await app.change(t('trash.empty'), (writer) => emptyTrash(writer))
      app.toast(t('trash.emptied'), {
        tone: 'info',
        action: { label: t('common.undo'), run: () => void undoAction.perform(context) },
      })
    }),
}

const noteNavigation = (
  [
    ['follow-ups', 'followUps.go', 'Mod+4'],
    ['map', 'map.go', 'Mod+5'],
    ['insights', 'insights.go', 'Mod+7'],
    ['trash', 'trash.go', undefined],
  ] as const
).map(([route, key, shortcut]): Action => ({
  name: `go.${route}`,
  label: ({ t }) => t(key),
  ...(shortcut ? { shortcut } : {}),
  group: 'navigate',
  isAvailable: hasNotebook,
  perform: (context) => context.navigate(route),
}))

const navigation = (
  [
    ['home', 'action.goHome', 'Mod+1'],
    ['customers', 'action.goCustomers', 'Mod+2'],
    ['journal', 'action.goJournal', 'Mod+3'],
    ['notebooks', 'action.goNotebooks', 'Mod+8'],
    ['settings', 'action.goSettings', 'Mod+,'],
  ] as const
).map(([route, key, shortcut]): Action => ({
  name: `go.${route}`,
  label: ({ t }) => t(key),
  shortcut,
  group: 'navigate',
  isAvailable: (context) => hasNotebook(context) || route === 'notebooks' || route === 'settings',
  perform: (context) => context.navigate(route),
}))

const themeActions = (
  [
    ['light', 'action.useLightTheme'],
    ['dark', 'action.useDarkTheme'],
    ['system', 'action.useSystemTheme'],
  ] as const
).map(([theme, key]): Action => ({
  name: `theme.${theme}`,
  label: ({ t }) => t(key),
  group: 'actions',
  keywords: ['theme', 'thème'],
  isAvailable: ({ app }) => app.state.theme !== theme,
  perform: ({ app }) => app.setTheme(theme),
}))

const languageActions = (
  [
    ['fr', 'action.useFrench'],
    ['en', 'action.useEnglish'],
  ] as const
).map(([language, key]): Action => ({
  name: `language.${language}`,
  label: ({ t }) => t(key),
  group: 'actions',
  keywords: ['language', 'langue'],
  isAvailable: ({ app }) => app.state.language !== language,
  perform: ({ app }) => app.setLanguage(language),
}))

export const ACTIONS: readonly Action[] = [
  paletteAction,
  captureAction,
  captureAlternativeAction,
  newCustomerAction,
  undoAction,
  redoAction,
  newNotebookAction,
  newSampleNotebookAction,
  renameNotebookAction,
  deleteNotebookAction,
  ...navigation,
  ...noteNavigation,
  emptyTrashAction,
  ...DATA_ACTIONS,
  ...MAP_ACTIONS,
  ...INSIGHTS_ACTIONS,
  ...DECK_ACTIONS,
  ...VALUE_ACTIONS,
  ...themeActions,
  ...languageActions,
]
