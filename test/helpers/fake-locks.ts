import type { SlotLocks } from '../../renderer/workers/model-slots'

/**
 * Named locks, exclusive or shared, granted in the order asked, like `navigator.locks`: a request
 * waits behind every earlier one still waiting, and shared holders share only with each other.
 */
export function fakeLocks(): SlotLocks {
  interface Lock {
    holders: number
    exclusive: boolean
    queue: { exclusive: boolean; grant: () => void }[]
  }
  const locks = new Map<string, Lock>()
  const fits = (lock: Lock, exclusive: boolean) =>
    lock.holders === 0 || (!exclusive && !lock.exclusive)
  const hold = (lock: Lock, exclusive: boolean) => {
    lock.holders++
    lock.exclusive = exclusive
  }
  return {
    async request(name, options, callback) {
      const exclusive = options.mode !== 'shared'
      let lock = locks.get(name)
      if (!lock) locks.set(name, (lock = { holders: 0, exclusive: false, queue: [] }))
      if (lock.queue.length === 0 && fits(lock, exclusive)) hold(lock, exclusive)
      else if (options.ifAvailable) return callback(null)
      else await new Promise<void>((grant) => lock.queue.push({ exclusive, grant }))
      try {
        return await callback({ name, mode: exclusive ? 'exclusive' : 'shared' })
      } finally {
        lock.holders--
        while (lock.queue.length > 0 && fits(lock, lock.queue[0]!.exclusive)) {
          const next = lock.queue.shift()!
          hold(lock, next.exclusive)
          next.grant()
        }
      }
    },
  }
}
