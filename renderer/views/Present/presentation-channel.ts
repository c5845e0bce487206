/**
 * The presentation and its presenter view talk over a BroadcastChannel named after the deck: the
 * presentation says which slide is showing and since when; the presenter view asks for that
 * when it opens and can ask to move. Both windows are the same app on the same origin.
 */
export type PresentationMessage =
  | { type: 'state'; index: number; startedAt: number; count: number }
  | { type: 'hello' }
  | { type: 'go'; index: number }
  | { type: 'ended' }

export function openPresentationChannel(
  deckId: string,
  onMessage: (message: PresentationMessage) => void,
): { post: (message: PresentationMessage) => void; close: () => void } {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} }
  const channel = new BroadcastChannel(`carnet-present:${deckId}`)
  channel.onmessage = (event: MessageEvent<PresentationMessage>) => onMessage(event.data)
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  }
}

/** How much bigger than on the map screen things are drawn, for the window's size. */
export function presentationScale(height: number): number {
  return Math.min(2.2, Math.max(1.2, height / 600))
}

export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${String(h)}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`
}
