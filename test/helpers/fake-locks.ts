import type { SlotLocks } from '../../renderer/workers/model-slots'

/** Exclusive named locks, granted in the order asked, like `navigator.locks`. */
export function fakeLocks(): SlotLocks {
  const held = new Set<string>()
  const waiting = new Map<string, (() => void)[]>()
  return {
    async request(name, options, callback) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null)
        await new Promise<void>((resolve) => {
          waiting.set(name, [...(waiting.get(name) ?? []), resolve])
        })
      }
      held.add(name)
      try {
        return await callback({ name })
      } finally {
        held.delete(name)
        const next = waiting.get(name)?.shift()
        next?.()
      }
    },
  }
}
