import { describe, expect, it } from 'vitest'
import { navigateFromHere } from '../../../renderer/app/routes'
import type { Route } from '../../../renderer/app/routes'

describe('navigateFromHere', () => {
  const address = (hash: string) => {
    const moves: [Route, string | undefined][] = []
    const at = { hash }
    const navigate = (route: Route, id?: string) => {
      moves.push([route, id])
      at.hash = `#/${route}`
    }
    return { at, moves, later: () => navigateFromHere(() => at.hash, navigate) }
  }

  it('goes when the user is still where the work began', () => {
    const { moves, later } = address('#/home')
    const navigate = later()
    navigate('customers', 'ana')
    expect(moves).toEqual([['customers', 'ana']])
  })

  it('stays on a screen the user moved to while the work ran', () => {
    const { at, moves, later } = address('#/home')
    const navigate = later()
    at.hash = '#/map'
    navigate('customers')
    expect(moves).toEqual([])
    expect(at.hash).toBe('#/map')
  })

  it('goes when the user came back to where the work began', () => {
    const { at, moves, later } = address('#/customers/ana')
    const navigate = later()
    at.hash = '#/map'
    at.hash = '#/customers/ana'
    navigate('customers')
    expect(moves).toEqual([['customers', undefined]])
  })
})
