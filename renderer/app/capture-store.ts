/**
 * Whether the quick capture is open, and on what. Kept outside React so actions (a shortcut,
 * the palette, a button on a note) can open it without threading callbacks through the tree.
 */
export interface CaptureRequest {
  /** The note to edit; a new note when absent. */
  noteId?: string
  /** The customer the capture was opened for: the new note is about them. */
  aboutId?: string
  /** Reopened from a draft left in local storage (the app was closed mid-note). */
  restored?: boolean
}

let current: CaptureRequest | null = null
const listeners = new Set<() => void>()

export const captureStore = {
  open: (request: CaptureRequest = {}): void => {
    current = request
    for (const listener of listeners) listener()
  },
  close: (): void => {
    current = null
    for (const listener of listeners) listener()
  },
  get: (): CaptureRequest | null => {
    return current
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
