/**
 * The screens of a notebook, kept in the address's hash (`#/customers`) so a reload lands on the
 * same screen. A handful of fixed screens needs no router library.
 */
export const ROUTES = ['home', 'customers', 'journal', 'notebooks', 'settings'] as const
export type Route = (typeof ROUTES)[number]

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '')
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home'
}

export function hashOf(route: Route): string {
  return `#/${route}`
}
