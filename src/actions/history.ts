/**
 * Undo and redo over whole actions. An entry knows how to undo and redo itself (for data
 * changes: replaying the recorded change set; for notebook-level changes: a registry call), so
 * the history does not care what kind of change it holds.
 */
export interface HistoryEntry {
  /** What the user did, already in their language: "New customer", "Delete note". */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
  /** Releases what the entry holds (a worker, records) once it can be neither undone nor redone. */
  dispose?(): void
}

export interface HistoryState {
  undoLabel: string | undefined
  redoLabel: string | undefined
}

export class UndoHistory {
  private past: HistoryEntry[] = []
  private future: HistoryEntry[] = []
  private listeners = new Set<(state: HistoryState) => void>()
  // Undo and redo run one at a time, in the order asked, even when keys are held down.
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly limit = 500) {}

  push(entry: HistoryEntry): void {
    this.past.push(entry)
    if (this.past.length > this.limit) this.past.shift()?.dispose?.()
    for (const dropped of this.future) dropped.dispose?.()
    this.future = []
    this.emit()
  }

  undo(): Promise<HistoryEntry | undefined> {
    return this.enqueue(async () => {
      const entry = this.past.pop()
      if (!entry) return undefined
      try {
        await entry.undo()
      } catch (error) {
        this.past.push(entry)
        throw error
      }
      this.future.push(entry)
      this.emit()
      return entry
    })
  }

  redo(): Promise<HistoryEntry | undefined> {
    return this.enqueue(async () => {
      const entry = this.future.pop()
      if (!entry) return undefined
      try {
        await entry.redo()
      } catch (error) {
        this.future.push(entry)
        throw error
      }
      this.past.push(entry)
      this.emit()
      return entry
    })
  }

  clear(): void {
    for (const dropped of [...this.past, ...this.future]) dropped.dispose?.()
    this.past = []
    this.future = []
    this.emit()
  }

  get state(): HistoryState {
    return { undoLabel: this.past.at(-1)?.label, redoLabel: this.future.at(-1)?.label }
  }

  subscribe(listener: (state: HistoryState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private emit(): void {
    const state = this.state
    for (const listener of this.listeners) listener(state)
  }
}
