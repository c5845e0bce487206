/** The models' heavy work shares a few slots across workers; without Web Locks it runs at once. */
import { describe, expect, it } from 'vitest'
import { claimFirstTurn, inModelSlot, slotCount } from '../../../renderer/workers/model-slots'
import { fakeLocks } from '../../helpers/fake-locks'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('model slots', () => {
  it('leaves one core to the page, and takes one slot on one or two cores', () => {
    expect(slotCount(8)).toBe(7)
    expect(slotCount(4)).toBe(3)
    expect(slotCount(2)).toBe(1)
    expect(slotCount(1)).toBe(1)
    expect(slotCount(undefined)).toBe(1)
  })

  it('runs no more than the slots at once, and every piece of work in the end', async () => {
    for (const slots of [1, 2, 3]) {
      const locks = fakeLocks()
      let running = 0
      let most = 0
      const done: number[] = []
      const work = (n: number) => async () => {
        running++
        most = Math.max(most, running)
        await tick()
        await tick()
        running--
        done.push(n)
        return n * 10
      }
      const results = await Promise.all(
        Array.from({ length: 7 }, (_, n) => inModelSlot(work(n), { locks, slots })),
      )
      expect(results).toEqual([0, 10, 20, 30, 40, 50, 60])
      expect(done).toHaveLength(7)
      expect(most).toBe(slots)
    }
  })

  it('gives back its slot when the work fails', async () => {
    const locks = fakeLocks()
    await expect(
      inModelSlot(
        () => {
          throw new Error('broken')
        },
        { locks, slots: 1 },
      ),
    ).rejects.toThrow('broken')
    expect(await inModelSlot(() => 'next', { locks, slots: 1 })).toBe('next')
  })

  it('holds back work behind a turn claimed first until it ends, and no other work', async () => {
    const locks = fakeLocks()
    const ran: string[] = []
    const end = claimFirstTurn({ locks })
    const behind = inModelSlot(() => ran.push('behind'), { locks, slots: 1, behindFirst: true })
    await inModelSlot(() => ran.push('first'), { locks, slots: 1 })
    await tick()
    expect(ran).toEqual(['first'])
    end()
    await behind
    expect(ran).toEqual(['first', 'behind'])
    // Ended: nothing waits any more.
    await inModelSlot(() => ran.push('later'), { locks, slots: 1, behindFirst: true })
    expect(ran).toEqual(['first', 'behind', 'later'])
  })

  it('ends a turn claimed first after its time limit, should its end never be called', async () => {
    const locks = fakeLocks()
    claimFirstTurn({ locks, limitMs: 10 })
    let ran = false
    await inModelSlot(() => (ran = true), { locks, slots: 1, behindFirst: true })
    expect(ran).toBe(true)
  })

  it('runs at once without Web Locks', async () => {
    expect(await inModelSlot(() => 3, { locks: undefined, slots: 1 })).toBe(3)
  })
})
