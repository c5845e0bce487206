/** Requests to open the purchases import, from the palette, to the Segments view that holds it. */
type Listener = () => void

let pending = false
const listeners = new Set<Listener>()

export const purchaseImportRequests = {
  /** Asks for an import; served now if the view is shown, or when it next subscribes. */
  request(): void {
    if (listeners.size === 0) {
      pending = true
      return
    }
    for (const listener of listeners) listener()
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    if (pending) {
      pending = false
      listener()
    }
    return () => listeners.delete(listener)
  },
}
