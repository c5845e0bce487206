import { describe, expect, it } from 'vitest'
import { detectCommunities, MIN_COMMUNITY_SIZE } from '../../../src/graph/communities'
import type { CommunityInput } from '../../../src/graph/communities'
import type { EntityKind, TieType } from '../../../src/model/vocabulary'
import { KARATE_EDGES, KARATE_FACTIONS } from '../../fixtures/graphs/karate'
import { generateSocialGraph } from '../../fixtures/graphs/social-graph'

const member = (n: number) => `m${String(n).padStart(2, '0')}`
const karate: CommunityInput = {
  entities: Array.from({ length: 34 }, (_, i) => ({
    id: member(i + 1),
    kind: 'person' as const,
    name: `Member ${String(i + 1).padStart(2, '0')}`,
  })),
  ties: KARATE_EDGES.map(([a, b]) => ({
    from: member(a),
    to: member(b),
    type: 'friend' as const,
    strength: 1,
  })),
}

/** The best modularity known for the karate club (Brandes et al. 2008, found exactly by ILP). */
const KARATE_BEST_MODULARITY = 0.4198

describe('detectCommunities on the karate club', () => {
  const model = detectCommunities(karate)

  it('finds 4 communities with modularity ≥ 0.40, at most the best known 0.4198', () => {
    expect(model.communities).toHaveLength(4)
    expect(model.modularity).toBeGreaterThanOrEqual(0.4)
    expect(model.modularity).toBeLessThanOrEqual(KARATE_BEST_MODULARITY + 1e-4)
  })

  it('separates the two leaders, each heading their own community', () => {
    expect(model.byEntity[member(1)]).toBeDefined()
    expect(model.byEntity[member(1)]).not.toBe(model.byEntity[member(34)])
    const leaders = model.communities.map((community) => community.leaderId)
    expect(leaders).toContain(member(1))
    expect(leaders).toContain(member(34))
    const instructors = model.communities.find((c) => c.leaderId === member(1))!
    expect(instructors.name).toBe('Member 01')
    expect(instructors.memberIds[0]).toBe(member(1))
  })

  it('agrees with the split Zachary observed: each community lies (almost) within one faction', () => {
    let agreeing = 0
    for (const community of model.communities) {
      const sides = community.memberIds.map((id) => KARATE_FACTIONS[Number(id.slice(1)) - 1])
      const hi = sides.filter((side) => side === 'Mr. Hi').length
      agreeing += Math.max(hi, sides.length - hi)
    }
    // Louvain's four groups are known to misplace one or two members (3 and 10 sit between).
    expect(agreeing).toBeGreaterThanOrEqual(32)
  })

  it('lists every member once, largest community first, with ids in that order', () => {
    const all = model.communities.flatMap((community) => community.memberIds)
    expect(new Set(all).size).toBe(34)
    expect(Object.keys(model.byEntity)).toHaveLength(34)
    model.communities.forEach((community, index) => {
      expect(community.id).toBe(`community-${String(index + 1)}`)
      for (const id of community.memberIds) expect(model.byEntity[id]).toBe(community.id)
      if (index > 0)
        expect(community.memberIds.length).toBeLessThanOrEqual(
          model.communities[index - 1]!.memberIds.length,
        )
    })
  })

  it('is deterministic for a seed, and good for any seed', () => {
    expect(detectCommunities(karate)).toEqual(model)
    const reversed = { entities: [...karate.entities].reverse(), ties: [...karate.ties].reverse() }
    expect(detectCommunities(reversed)).toEqual(model)
    for (let seed = 1; seed <= 10; seed++) {
      const other = detectCommunities(karate, { seed })
      expect(detectCommunities(karate, { seed })).toEqual(other)
      expect(other.modularity).toBeGreaterThanOrEqual(0.4)
      expect(other.byEntity[member(1)]).not.toBe(other.byEntity[member(34)])
    }
  })
})

function entity(id: string, kind: EntityKind = 'customer') {
  return { id, kind, name: id.toUpperCase() }
}
function tie(from: string, to: string, type: TieType = 'friend', strength = 3) {
  return { from, to, type, strength }
}

describe('detectCommunities on small hand-checked graphs', () => {
  // Two triangles joined by one weak tie, a pair on its own, and things that are not people.
  const input: CommunityInput = {
    entities: [
      ...['a', 'b', 'c', 'x', 'y', 'z', 'p', 'q'].map((id) => entity(id)),
      entity('club', 'community'),
      entity('bread', 'product'),
      entity('market', 'place'),
    ],
    ties: [
      tie('a', 'b', 'friend', 5),
      tie('b', 'c', 'family', 5),
      tie('c', 'a', 'recommends', 5),
      tie('x', 'y'),
      tie('y', 'z', 'colleague'),
      tie('z', 'x', 'prescribes'),
      tie('x', 'club', 'member-of', 5),
      tie('y', 'club', 'member-of', 5),
      tie('z', 'club', 'member-of', 5),
      tie('c', 'x', 'neighbour', 1),
      tie('p', 'q'),
      // Ties that make no group: use, places, self-loops, unknown ends.
      ...['a', 'b', 'c', 'x', 'y', 'z', 'p', 'q'].map((id) => tie(id, 'bread', 'uses', 5)),
      ...['a', 'x', 'p'].map((id) => tie(id, 'market', 'frequents', 5)),
      tie('a', 'a'),
      tie('a', 'gone'),
    ],
  }
  const model = detectCommunities(input)

  it('finds the two triangles, counts membership, and leaves the pair out', () => {
    expect(model.communities.map((community) => [...community.memberIds].sort())).toEqual([
      ['club', 'x', 'y', 'z'],
      ['a', 'b', 'c'],
    ])
    expect(model.byEntity.p).toBeUndefined()
    expect(model.byEntity.bread).toBeUndefined()
    expect(MIN_COMMUNITY_SIZE).toBe(3)
    expect(model.modularity).toBeGreaterThan(0.3)
  })

  it('names a group after its most connected person, never the community entity itself', () => {
    const [club, triangle] = model.communities
    // In the club, the entity 'club' has the most weight (15) but a person leads: x, y and z
    // each have 3 + 3 + 5 = 11, and x's name comes first.
    expect(club).toMatchObject({ id: 'community-1', leaderId: 'x', name: 'X' })
    expect(club!.memberIds.at(-1)).toBe('club')
    // In the triangle, every tie is 5 and a, b, c tie on weight: by name, A.
    expect(triangle).toMatchObject({ id: 'community-2', leaderId: 'a', name: 'A' })
  })

  it('lets a community entity lead when no person is in its group', () => {
    const clubs = ['k1', 'k2', 'k3'].map((id) => entity(id, 'community'))
    const only = detectCommunities({
      entities: clubs,
      ties: [tie('k1', 'k2', 'partner'), tie('k2', 'k3', 'friend'), tie('k1', 'k3', 'friend', 1)],
    })
    expect(only.communities).toHaveLength(1)
    // k2 has 3 + 3, k1 and k3 have 3 + 1.
    expect(only.communities[0]!.leaderId).toBe('k2')
  })

  it('adds up parallel ties: a friend who also recommends is a closer tie', () => {
    // Without the parallel ties, m sits as close to one triangle as to the other.
    const bridged = detectCommunities({
      entities: ['a', 'b', 'c', 'm', 'x', 'y', 'z'].map((id) => entity(id)),
      ties: [
        tie('a', 'b'),
        tie('b', 'c'),
        tie('c', 'a'),
        tie('x', 'y'),
        tie('y', 'z'),
        tie('z', 'x'),
        tie('m', 'a'),
        tie('m', 'x'),
        tie('m', 'a', 'recommends'),
        tie('m', 'a', 'colleague'),
      ],
    })
    expect(bridged.byEntity.m).toBe(bridged.byEntity.a)
  })

  it('returns nothing for a notebook with no social tie', () => {
    expect(
      detectCommunities({
        entities: [entity('a'), entity('bread', 'product')],
        ties: [tie('a', 'bread', 'uses')],
      }),
    ).toEqual({ communities: [], byEntity: {}, modularity: 0 })
  })
})

describe('detectCommunities on a generated notebook', () => {
  it('finds structure and drops nothing it lists', () => {
    const input = generateSocialGraph(5, { entities: 2_000, ties: 8_000 })
    const model = detectCommunities(input)
    expect(model.modularity).toBeGreaterThan(0.3)
    const kinds = new Map(input.entities.map((e) => [e.id, e.kind]))
    for (const community of model.communities) {
      expect(community.memberIds.length).toBeGreaterThanOrEqual(MIN_COMMUNITY_SIZE)
      for (const id of community.memberIds)
        expect(['customer', 'person', 'community']).toContain(kinds.get(id))
      expect(kinds.get(community.leaderId)).not.toBe('community')
    }
  })
})
