/**
 * Every package that ships with Carnet (the production dependencies, transitively, as
 * package-lock.json resolves them) has a licence that allows shipping it in a closed or open
 * binary without conditions on Carnet's own code. Unknown, missing and copyleft licences (GPL,
 * AGPL, LGPL, SSPL…) fail: adding one is a decision to review, not a side effect of an install.
 *
 * A package's licence is the `license` npm recorded in the lock, or else the one in its
 * package.json under node_modules (older `licenses` arrays included).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..', '..')

/** SPDX identifiers Carnet may ship. */
const ALLOWED = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  // File-level copyleft: changes to those files are shared, Carnet's own code is not affected.
  'MPL-2.0',
  'CC0-1.0',
  'BlueOak-1.0.0',
  'Unlicense',
  // Python Software Foundation licence: permissive (argparse, a dependency of markdown-it's CLI).
  'PSF-2.0',
])

interface LockEntry {
  version?: string
  license?: string
  dev?: boolean
  link?: boolean
}

interface PackageJson {
  license?: string | { type?: string }
  licenses?: { type?: string }[]
}

/** True when an SPDX expression is satisfied by the allowed licences (`OR`: one side is enough). */
function isAllowedExpression(expression: string): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? []
  let position = 0
  const peek = (): string | undefined => tokens[position]
  // or := and ('OR' and)* ; and := atom ('AND' atom)* ; atom := '(' or ')' | id ['WITH' id]
  const parseOr = (): boolean => {
    let value = parseAnd()
    while (peek()?.toUpperCase() === 'OR') {
      position += 1
      const right = parseAnd()
      value = value || right
    }
    return value
  }
  const parseAnd = (): boolean => {
    let value = parseAtom()
    while (peek()?.toUpperCase() === 'AND') {
      position += 1
      const right = parseAtom()
      value = value && right
    }
    return value
  }
  const parseAtom = (): boolean => {
    const token = tokens[position++]
    if (token === '(') {
      const value = parseOr()
      if (tokens[position++] !== ')')
        throw new Error(`unbalanced licence expression: ${expression}`)
      return value
    }
    if (token === undefined || token === ')')
      throw new Error(`bad licence expression: ${expression}`)
    // An exception only ever adds permissions; judge the licence it applies to.
    if (peek()?.toUpperCase() === 'WITH') position += 2
    return ALLOWED.has(token)
  }
  const value = parseOr()
  if (position !== tokens.length) throw new Error(`bad licence expression: ${expression}`)
  return value
}

function licenceOf(path: string, entry: LockEntry): string | null {
  if (entry.license) return entry.license
  const manifest = join(ROOT, path, 'package.json')
  if (!existsSync(manifest)) return null
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license?.type) return pkg.license.type
  const types = (pkg.licenses ?? []).map((licence) => licence.type).filter(Boolean)
  return types.length > 0 ? types.join(' OR ') : null
}

function productionPackages(): { path: string; entry: LockEntry }[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    lockfileVersion: number
    packages: Record<string, LockEntry>
  }
  expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2)
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.dev !== true && entry.link !== true)
    .map(([path, entry]) => ({ path, entry }))
}

describe('licences of the production dependencies', () => {
  it('are all on the allowlist', () => {
    const packages = productionPackages()
    // react, react-dom, dexie… are production dependencies; if this drops to zero the
    // dependencies/devDependencies split in package.json was lost.
    expect(packages.map(({ path }) => path)).toContain('node_modules/react')
    const refused = packages.flatMap(({ path, entry }) => {
      const licence = licenceOf(path, entry)
      const name = `${path.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'}`
      if (licence === null) return [`${name}: no licence`]
      let allowed = false
      try {
        allowed = isAllowedExpression(licence)
      } catch (error) {
        return [`${name}: ${(error as Error).message}`]
      }
      return allowed ? [] : [`${name}: ${licence}`]
    })
    expect(refused, 'Production dependencies with a licence not on the allowlist').toEqual([])
  })
})

describe('isAllowedExpression', () => {
  it('accepts allowed identifiers and OR expressions with one allowed side', () => {
    expect(isAllowedExpression('MIT')).toBe(true)
    expect(isAllowedExpression('(MPL-2.0 OR Apache-2.0)')).toBe(true)
    expect(isAllowedExpression('GPL-3.0-only OR MIT')).toBe(true)
    expect(isAllowedExpression('Apache-2.0 WITH LLVM-exception')).toBe(true)
  })

  it('refuses copyleft, unknown and AND expressions with a refused side', () => {
    expect(isAllowedExpression('GPL-3.0-only')).toBe(false)
    expect(isAllowedExpression('AGPL-3.0-or-later')).toBe(false)
    expect(isAllowedExpression('LGPL-2.1')).toBe(false)
    expect(() => isAllowedExpression('SEE LICENSE IN LICENSE.md')).toThrow()
    expect(isAllowedExpression('MIT AND GPL-2.0-only')).toBe(false)
    expect(() => isAllowedExpression('(MIT OR')).toThrow()
  })
})
