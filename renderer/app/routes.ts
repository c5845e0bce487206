/**
 * The screens of a notebook, kept in the address's hash (`#/customers`, `#/customers/<id>`) so a
 * reload lands on the same screen. A handful of fixed screens needs no router library.
 */
export const ROUTES = [
  'home',
  'customers',
  'journal',
  'follow-ups',
  'segments',
  'map',
  'insights',
  'decks',
  'present',
  'presenter',
  'deck-print',
  'trash',
  'notebooks',
  'settings',
] as const
export type Route = (typeof ROUTES)[number]

export interface Location {
  route: Route
  /** The record a screen shows, for pages of one thing (a customer, an entity). */
  id: string | undefined
}

export function locationFromHash(hash: string): Location {
  const [name = '', id] = hash.replace(/^#\/?/, '').split('/')
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home'
  return { route, id: id ? decodeURIComponent(id) : undefined }
}

export function hashOf(route: Route, id?: string): string {
  return id ? `#/${route}/${encodeURIComponent(id)}` : `#/${route}`
}

export type Navigate = (route: Route, id?: string) => void

/**
 * A navigate for after an await, taken before it: it goes only while the address is still the
 * one it was taken at. A screen the user moved to while the work ran is theirs, and is kept.
 */
export function navigateFromHere(readHash: () => string, navigate: Navigate): Navigate {
  const from = readHash()
  return (route, id) => {
    if (readHash() === from) navigate(route, id)
  }
}
