/**
 * The layering of DESIGN.md is enforced by lint: these tests show that a violation is caught,
 * by linting a forbidden import as if it were written in each layer.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('layer boundaries', { timeout: 60_000 }, () => {
  it.each([
    ["import { useState } from 'react'\nexport const x = useState"],
    ["import { app } from 'electron'\nexport const x = app"],
    ["import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ["import { App } from '../../renderer/app/App'\nexport const x = App"],
  ])('refuse in src/: %s', async (code) => {
    expect(await ruleIdsFor('src/model/ids.ts', code)).toContain('no-restricted-imports')
  })

  it('refuses Electron in renderer/', async () => {
    const code = "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n"
    expect(await ruleIdsFor('renderer/platform/keyboard.ts', code)).toContain('no-restricted-imports')
  })

  it('refuses useLiveQuery outside renderer/hooks/', async () => {
    const code = "import { useLiveQuery } from 'dexie-react-hooks'\nexport const x = useLiveQuery\n"
    expect(await ruleIdsFor('renderer/platform/keyboard.ts', code)).toContain('no-restricted-imports')
  })

  it('accepts the core importing its own modules and domain libraries', async () => {
    const code = "import { z } from 'zod'\nimport { newId } from './ids'\nexport const x = [z, newId]\n"
    expect(await ruleIdsFor('src/model/ids.ts', code)).not.toContain('no-restricted-imports')
  })
})
