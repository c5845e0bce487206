import type { ActionContext } from '../../actions/types'
import { CustomerList } from './CustomerList'
import { CustomerPage } from './CustomerPage'

/** `#/customers` is the list; `#/customers/<id>` the page of one entry (any kind of entity). */
export function Customers({ context }: { context: ActionContext }) {
  return context.routeId ? (
    <CustomerPage key={context.routeId} context={context} id={context.routeId} />
  ) : (
    <CustomerList context={context} />
  )
}
