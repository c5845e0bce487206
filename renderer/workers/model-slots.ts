/**
 * Slots for the models' heavy work (a first reading of the notebook, a computation of a whole
 * model), shared by every model worker of the app: at most one fewer than the machine's cores
 * run at once, so one core stays with the page and the search worker.
 *
 * On two cores, the value and insights workers reading and computing side by side after a
 * notebook opened held the page's thread off its core: each keystroke in the palette took 10–35
 * ms to handle instead of a few, and results took up to 70 ms to show. A view of a model already
 * computed takes no slot: it is quick, and should not wait behind another worker's computation.
 *
 * Web Locks hold the slots (`navigator.locks`, shared by the workers of one origin); they have
 * no counting lock, so a slot is one named lock of several. Without them (Node, an old
 * browser), the work runs at once.
 */

/** The part of the Web Locks API used here (`LockManager`). */
export interface SlotLocks {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; mode?: 'exclusive' | 'shared' },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>
}

export interface SlotOptions {
  locks?: SlotLocks | undefined
  /** How many may run at once. */
  slots?: number
}

const PREFIX = 'carnet-model-slot-'
/** Held by the worker whose work goes first (`claimFirstTurn`); passed by `behindFirst` work. */
const FIRST_TURN = 'carnet-model-first-turn'

/** One fewer than the cores, at least one. */
export function slotCount(cores: number | undefined): number {
  return Math.max(1, (cores ?? 2) - 1)
}

function defaultLocks(): SlotLocks | undefined {
  const navigator = (globalThis as { navigator?: { locks?: SlotLocks } }).navigator
  return navigator?.locks
}

function defaultSlots(): number {
  const navigator = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
  return slotCount(navigator?.hardwareConcurrency)
}

/**
 * Runs `work` in a free slot, waiting for one when all are taken. With `behindFirst`, it first
 * waits for a turn claimed first (`claimFirstTurn`) to end.
 */
export async function inModelSlot<T>(
  work: () => T | Promise<T>,
  {
    locks = defaultLocks(),
    slots = defaultSlots(),
    behindFirst = false,
  }: SlotOptions & { behindFirst?: boolean } = {},
): Promise<T> {
  if (!locks) return work()
  if (behindFirst) await locks.request(FIRST_TURN, { mode: 'shared' }, async () => undefined)
  for (let slot = 0; slot < slots; slot++) {
    const ran = await locks.request(`${PREFIX}${slot}`, { ifAvailable: true }, async (lock) =>
      lock === null ? undefined : { value: await work() },
    )
    if (ran) return ran.value
  }
  // All taken: wait in line for one, picked at random so that waiters spread over the slots.
  const slot = Math.floor(Math.random() * slots)
  return locks.request(`${PREFIX}${slot}`, {}, async () => work())
}

/**
 * Puts one worker's coming work ahead of the others' work that waits `behindFirst`, until the
 * returned function is called (or `limitMs` has passed, should it never be). Work already in a
 * slot, or waiting for one, keeps its place.
 *
 * After an import, the value worker claims it as the delivery is announced, before the records
 * themselves arrive: the segments the page is about to ask for are then computed first, instead
 * of waiting behind the insights, which take twice as long.
 */
export function claimFirstTurn({
  locks = defaultLocks(),
  limitMs = 30_000,
}: Pick<SlotOptions, 'locks'> & { limitMs?: number } = {}): () => void {
  if (!locks) return () => undefined
  let end!: () => void
  const ended = new Promise<void>((resolve) => (end = resolve))
  const limit = setTimeout(end, limitMs)
  void locks.request(FIRST_TURN, {}, () => ended)
  return () => {
    clearTimeout(limit)
    end()
  }
}
