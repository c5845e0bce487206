/**
 * Electronegativity (Doyensec's Electron security linter) over the desktop shell's TypeScript
 * sources, failing on every finding of MEDIUM severity or above that is not justified in place.
 *
 * The convention for a justified finding: a `//` comment in the comment block right above the
 * flagged line (or on the line itself) naming the check and giving a reason after a dash:
 *
 *   // electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — the URL passed isAllowedExternalUrl
 *
 * Electronegativity's own `eng-disable` comments hide a finding without saying why, so they are
 * refused in electron/. Global checks have no line; the CSP check is satisfied by scanning
 * renderer/index.html with the shell, the others must simply not fire.
 *
 * The tool fetches translations and the list of Electron releases from the network; both are
 * stubbed out (the tests need no network) and the release check is not run: keeping Electron up to
 * date is the dependency audit's job.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire, Module } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const ELECTRON_VERSION = '40.8.5'
const MEDIUM = 2
const IGNORE = /electronegativity-ignore:\s*([A-Z0-9_,\s]+?)\s+(?:—|–|-{1,2})(.*)$/

interface Finding {
  id: string
  file: string
  location: { line: number; column: number }
  description: string
  sample?: string
  severity: { value: number; name: string }
  confidence: { name: string }
}

interface ScanResult {
  globalChecks: number
  atomicChecks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: Finding[]
}

type Run = (options: Record<string, unknown>) => Promise<ScanResult>

/** Loads the runner with `got` (its only network client) replaced by one that always fails. */
function loadElectronegativity(): Run {
  const requireFromRoot = createRequire(join(ROOT, 'package.json'))
  const packageJson = requireFromRoot.resolve('@doyensec/electronegativity/package.json')
  const requireFromTool = createRequire(packageJson)
  const gotPath = requireFromTool.resolve('got')
  const offline = new Module(gotPath)
  offline.exports = () => Promise.reject(new Error('no network in tests'))
  offline.loaded = true
  const cache = requireFromTool.cache as Record<string, unknown>
  cache[gotPath] = offline
  return requireFromTool('./dist/runner.js') as Run
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/**
 * The justification for `id` at `line` (1-based) of `source`, or null: an ignore comment on the
 * line itself or in the `//` block right above it; the reason may go on over the next lines.
 */
function justification(source: string, line: number, id: string): string | null {
  const lines = source.split('\n')
  let first = line - 1
  while (first > 0 && (lines[first - 1] ?? '').trim().startsWith('//')) first -= 1
  const block = lines.slice(first, line - 1).map((text) => text.trim().replace(/^\/\/\s?/, ''))
  const sameLine = lines[line - 1] ?? ''
  for (const [index, text] of [...block, sameLine].entries()) {
    const match = IGNORE.exec(text)
    if (!match) continue
    const ids = (match[1] ?? '').split(/[\s,]+/).filter(Boolean)
    if (!ids.includes(id)) continue
    const reason = [match[2] ?? '', ...block.slice(index + 1)].join(' ').trim()
    return reason.length >= 10 ? reason : null
  }
  return null
}

let workDir = ''
let result: ScanResult
let silencedLog: typeof console.log

beforeAll(async () => {
  // The scan sees the shell and the page's HTML (for the CSP meta), as they sit in the repository.
  workDir = mkdtempSync(join(tmpdir(), 'carnet-electronegativity-'))
  cpSync(join(ROOT, 'electron'), join(workDir, 'electron'), { recursive: true })
  cpSync(join(ROOT, 'renderer', 'index.html'), join(workDir, 'renderer', 'index.html'))
  cpSync(join(ROOT, 'package.json'), join(workDir, 'package.json'))
  const run = loadElectronegativity()
  // It prints a line when the (stubbed) translation download fails.
  silencedLog = console.log
  console.log = () => undefined
  try {
    result = await run({
      input: workDir,
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    })
  } finally {
    console.log = silencedLog
  }
}, 60_000)

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

describe('Electronegativity over electron/', () => {
  it('ran its checks and parsed every source file', () => {
    expect(result.atomicChecks).toBeGreaterThan(20)
    expect(result.globalChecks).toBeGreaterThan(2)
    // A file it cannot parse is a file it did not check.
    expect(result.errors.filter((error) => !error.tolerable)).toEqual([])
  })

  it('has no unjustified finding of MEDIUM severity or above', () => {
    const unjustified = result.issues
      .filter((issue) => issue.severity.value >= MEDIUM)
      .filter((issue) => {
        if (issue.file === 'N/A') return true
        const source = readFileSync(join(workDir, issue.file), 'utf8')
        return justification(source, issue.location.line, issue.id) === null
      })
      .map(
        (issue) =>
          `${issue.severity.name} ${issue.id} at ${issue.file}:${String(issue.location.line)}` +
          ` (${issue.confidence.name}): ${issue.description}` +
          (issue.sample ? `\n    ${issue.sample.split('\n')[0] ?? ''}` : ''),
      )
    expect(
      unjustified,
      'Fix these, or justify one with `// electronegativity-ignore: CHECK_ID — reason` above it',
    ).toEqual([])
  })

  it('finds the page CSP (so the global CSP check has something to judge)', () => {
    // Without a CSP it reports MEDIUM "no CSP" with no file; a LOW "maybe weak" remark about
    // 'self' is expected (the app origin serves only our own bundles).
    const cspFindings = result.issues.filter((issue) => issue.id === 'CSP_GLOBAL_CHECK')
    expect(cspFindings.map((issue) => issue.file)).not.toContain('N/A')
    expect(cspFindings.every((issue) => issue.severity.value < MEDIUM)).toBe(true)
  })

  it('is not silenced with eng-disable, which gives no reason', () => {
    const silenced = filesUnder(join(ROOT, 'electron'))
      .filter((file) => /\.(ts|tsx|js|cjs|mjs|html)$/.test(file))
      .filter((file) => /eng-disable/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
    expect(silenced).toEqual([])
  })
})

describe('the justification convention', () => {
  const source = [
    'const a = 1',
    '// electronegativity-ignore: OPEN_EXTERNAL_JS_CHECK — the URL passed the allowlist',
    '// (more explanation)',
    'shell.openExternal(url)',
    '// electronegativity-ignore: SANDBOX_JS_CHECK',
    'new BrowserWindow(options)',
  ].join('\n')

  it('accepts a named check with a reason in the comment block above', () => {
    expect(justification(source, 4, 'OPEN_EXTERNAL_JS_CHECK')).toBe(
      'the URL passed the allowlist (more explanation)',
    )
  })

  it('refuses another check, a missing reason and a comment separated by code', () => {
    expect(justification(source, 4, 'SANDBOX_JS_CHECK')).toBeNull()
    expect(justification(source, 6, 'SANDBOX_JS_CHECK')).toBeNull()
    expect(justification(source, 1, 'OPEN_EXTERNAL_JS_CHECK')).toBeNull()
  })
})
