// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef } from 'react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createI18n } from '../../src/i18n'
import type { Dialogs } from '../../renderer/actions/types'
import { DialogHost } from '../../renderer/components/DialogHost'
import { installDialogPolyfill } from '../helpers/dialog-polyfill'

beforeAll(installDialogPolyfill)
afterEach(cleanup)

async function renderHost(language: 'en' | 'fr' = 'en') {
  const ref = createRef<Dialogs>()
  const i18n = await createI18n(language)
  render(
    <I18nextProvider i18n={i18n}>
      <DialogHost ref={ref} />
    </I18nextProvider>,
  )
  return ref
}

describe('DialogHost', () => {
  it('asks for a name, refuses a blank one, and returns it trimmed', async () => {
    const user = userEvent.setup()
    const ref = await renderHost()
    let answer: Promise<string | null> = Promise.resolve(null)
    act(() => {
      answer = ref.current!.prompt({ title: 'New customer', label: 'Customer name', confirmLabel: 'Create' })
    })
    const input = await screen.findByLabelText('Customer name')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(screen.getByRole('alert')).toHaveProperty('textContent', 'A name is needed.')
    await user.type(input, '  Zoé  ')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await expect(answer).resolves.toBe('Zoé')
  })

  it('returns false when a confirmation is cancelled, in French', async () => {
    const user = userEvent.setup()
    const ref = await renderHost('fr')
    let answer: Promise<boolean> = Promise.resolve(true)
    act(() => {
      answer = ref.current!.confirm({ title: 'Supprimer ?', body: 'Vraiment ?', confirmLabel: 'Supprimer', danger: true })
    })
    await user.click(await screen.findByRole('button', { name: 'Annuler' }))
    await expect(answer).resolves.toBe(false)
  })
})
