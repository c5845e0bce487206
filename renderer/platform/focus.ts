/**
 * Chromium's `showModal()` focuses the dialog itself unless a child has the HTML `autofocus`
 * attribute, which React's `autoFocus` does not render. Dialogs mark the element that should
 * receive focus with `data-autofocus` and call this right after opening.
 */
export function focusInitial(container: HTMLElement): void {
  const target =
    container.querySelector<HTMLElement>('[data-autofocus]') ??
    container.querySelector<HTMLElement>('input, select, textarea, button')
  target?.focus()
  if (target instanceof HTMLInputElement) target.select()
}
