/**
 * Security properties of the desktop shell that Electronegativity cannot see and that the
 * behaviour tests in test/unit/electron/ do not pin down on their own:
 *
 * - the CSP sent with every app:// response and the one in renderer/index.html are the same
 *   strict policy (the meta is what the web build and the dev-less desktop page start with);
 * - `openExternal` is reached only through the external-link allowlist;
 * - the packaged binary's fuses and contents (electron-builder.yml).
 *
 * Already covered elsewhere, so not repeated here: the preload exposes exactly the bridge verbs
 * (test/unit/electron/preload.test.ts), every IPC handler checks its sender before anything else
 * (test/unit/electron/ipc.test.ts, "rejects every verb from an untrusted sender"), the window's
 * secure webPreferences (window-options.test.ts), navigation, new-window and permission guards
 * (security.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security'

const ROOT = join(import.meta.dirname, '..', '..', '..')

type Directives = Record<string, string[]>

/** `default-src 'self'; img-src 'self' data:` → `{ 'default-src': ["'self'"], … }`. */
function parseCsp(policy: string): Directives {
  const directives: Directives = {}
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    const key = name.toLowerCase()
    // The CSP spec ignores a repeated directive; a policy that repeats one is a mistake.
    expect(directives, `directive ${key} is repeated`).not.toHaveProperty(key)
    directives[key] = sources.sort()
  }
  return directives
}

function metaCsp(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
  if (!match?.[1]) throw new Error('renderer/index.html has no Content-Security-Policy meta')
  return match[1]
}

describe('Content-Security-Policy: header and page agree', () => {
  const header = parseCsp(CONTENT_SECURITY_POLICY)
  const meta = parseCsp(metaCsp(readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8')))

  it('has the same directives and sources, but frame-ancestors (which a meta cannot carry)', () => {
    const { 'frame-ancestors': frameAncestors, ...headerWithoutFrameAncestors } = header
    expect(frameAncestors).toEqual(["'none'"])
    expect(meta).toEqual(headerWithoutFrameAncestors)
  })

  it('is strict: no inline, eval, wildcard or remote source anywhere', () => {
    for (const [name, sources] of Object.entries({ ...header, ...meta })) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/unsafe-|\*|^https?:|^ws|^file:|^filesystem:/)
      }
    }
    for (const required of ['default-src', 'script-src', 'style-src', 'connect-src']) {
      expect(meta[required], required).toEqual(["'self'"])
    }
    expect(meta['object-src']).toEqual(["'none'"])
    expect(meta['base-uri']).toEqual(["'none'"])
  })
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : []
  })
}

interface CallSite {
  file: string
  /** The name of the nearest named function (or the call an arrow is an argument of). */
  within: string
  /** The text of that function, to check what happens before the call. */
  body: string
}

/** Every call of something named `openExternal` in electron/, with where it sits. */
function openExternalCalls(): CallSite[] {
  const sites: CallSite[] = []
  for (const path of sourceFiles(join(ROOT, 'electron'))) {
    const text = readFileSync(path, 'utf8')
    const file = relative(ROOT, path).replaceAll('\\', '/')
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression
        const name = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : ''
        if (name === 'openExternal') sites.push({ file, ...enclosing(node) })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return sites
}

function enclosing(node: ts.Node): { within: string; body: string } {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isFunctionDeclaration(current) && current.name) {
      return { within: current.name.text, body: current.getText() }
    }
    if (ts.isCallExpression(current) && ts.isIdentifier(current.expression)) {
      return { within: `${current.expression.text}(…)`, body: current.getText() }
    }
  }
  return { within: '(top level)', body: '' }
}

describe('shell.openExternal is reachable only through the URL allowlist', () => {
  const sites = openExternalCalls()

  it('is called in exactly three places: the IPC verb, the window-open handler and its wiring', () => {
    expect(sites.map(({ file, within }) => `${file} ${within}`).sort()).toEqual([
      'electron/main/index.ts guardWebContents(…)',
      'electron/main/ipc.ts openExternalUrl',
      'electron/main/security.ts createWindowOpenHandler',
    ])
  })

  it('checks isAllowedExternalUrl before the call in the verb and the handler', () => {
    for (const site of sites.filter((s) => !s.within.endsWith('(…)'))) {
      const check = site.body.indexOf('isAllowedExternalUrl(')
      const call = site.body.indexOf('openExternal(normalizeUrl(')
      expect(check, site.within).toBeGreaterThan(-1)
      expect(call, site.within).toBeGreaterThan(check)
    }
  })

  it('hands the real shell only to guardWebContents, whose handler checks the allowlist', () => {
    const wiring = sites.find((site) => site.within === 'guardWebContents(…)')
    expect(wiring?.body).toMatch(/openExternal: \(url\) => shell\.openExternal\(url\)/)
    const security = readFileSync(join(ROOT, 'electron', 'main', 'security.ts'), 'utf8')
    expect(security).toMatch(
      /setWindowOpenHandler\(createWindowOpenHandler\(options\.openExternal\)\)/,
    )
    // `shell` (the real one) appears in the shell's wiring only.
    const importers = sourceFiles(join(ROOT, 'electron'))
      .filter((path) =>
        /import\s*\{[^}]*\bshell\b[^}]*\}\s*from 'electron'/.test(readFileSync(path, 'utf8')),
      )
      .map((path) => relative(ROOT, path).replaceAll('\\', '/'))
    expect(importers).toEqual(['electron/main/index.ts'])
  })
})

interface BuilderConfig {
  asar?: unknown
  files?: unknown
  npmRebuild?: unknown
  electronFuses?: Record<string, unknown>
}

describe('electron-builder.yml', () => {
  const config = parseYaml(
    readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'),
  ) as BuilderConfig

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    })
    expect(config.asar).toBe(true)
  })

  it('packages the build output and package.json only, never node_modules', () => {
    expect(config.files).toEqual(['out/**', 'package.json', '!**/node_modules/**'])
    expect(config.npmRebuild).toBe(false)
  })

  it('excludes node_modules the way electron-builder copies them (its own file matcher)', () => {
    type Filter = (file: string, stat: Stats) => boolean
    type FileMatcherModule = {
      getNodeModuleFileMatcher: (
        appDir: string,
        destination: string,
        macroExpander: (pattern: string) => string,
        platformOptions: object,
        packager: object,
      ) => { createFilter: () => Filter }
    }
    const require = createRequire(join(ROOT, 'package.json'))
    const { getNodeModuleFileMatcher } =
      require('app-builder-lib/out/fileMatcher.js') as FileMatcherModule
    const matcher = getNodeModuleFileMatcher(
      ROOT,
      '/app',
      (pattern) => pattern,
      {},
      {
        config: { files: config.files },
        debugLogger: { isEnabled: false },
      },
    )
    const filter = matcher.createFilter()
    // The node-module copier names each file by where it would land in the app.
    const reactDir = join(ROOT, 'node_modules', 'react')
    const file = join(reactDir, 'package.json')
    const stat = Object.assign(statSync(file), {
      moduleFullFilePath: 'node_modules/react/package.json',
    })
    expect(filter(file, stat)).toBe(false)
  })
})
