/**
 * Commands are data. Every thing a user can do — from the menu, the command palette or a
 * shortcut — is one `Action`; all three read the same objects, and data changes go through
 * `app.change()` so that undo covers them.
 */
import type { TFunction } from 'i18next'
import type { AppController } from '../app/controller'
import type { Navigate, Route } from '../app/routes'

export interface PromptOptions {
  title: string
  label: string
  initial?: string
  confirmLabel: string
}

export interface ConfirmOptions {
  title: string
  body: string
  confirmLabel: string
  /** Destructive confirmations are styled as such and focus Cancel first. */
  danger?: boolean
}

export interface Dialogs {
  prompt(options: PromptOptions): Promise<string | null>
  confirm(options: ConfirmOptions): Promise<boolean>
}

export interface ActionContext {
  app: AppController
  t: TFunction
  dialogs: Dialogs
  navigate: Navigate
  /**
   * A navigate for after an await, to take before it: it does nothing if the user has moved to
   * another screen in the meantime, so a click made while a write ran is not undone.
   */
  navigateLater(): Navigate
  route: Route
  /** The record the current screen shows, if it shows one (`#/customers/<id>`). */
  routeId: string | undefined
  openPalette: () => void
}

export type ActionGroup = 'actions' | 'navigate'

export interface Action {
  /** Stable id, also used by tests: `notebook.new`. */
  name: string
  /** The label, already translated. */
  label(context: ActionContext): string
  /** `Mod+K`, `Shift+Mod+Z`… (see src/actions/shortcut.ts). */
  shortcut?: string
  group: ActionGroup
  /** Extra words the palette matches on. */
  keywords?: string[]
  /** Whether the shortcut also works while typing in a text field (default: no). */
  worksWhileTyping?: boolean
  /** Hidden from the palette and shortcuts when false. */
  isAvailable?(context: ActionContext): boolean
  perform(context: ActionContext): Promise<void> | void
}
