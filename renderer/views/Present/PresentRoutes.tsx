/** The screens shown without the app's sidebar: the presentation, its presenter view, printing. */
import type { ActionContext } from '../../actions/types'
import type { Route } from '../../app/routes'
import { DeckPrint } from '../Decks/DeckPrint'
import { Present } from './Present'
import { Presenter } from './Presenter'

export const FULL_WINDOW_ROUTES: readonly Route[] = ['present', 'presenter', 'deck-print']

export function PresentRoutes({
  context,
  route,
  deckId,
}: {
  context: ActionContext
  route: Route
  deckId: string | undefined
}) {
  if (!deckId) return null
  if (route === 'present') return <Present context={context} deckId={deckId} />
  if (route === 'presenter') return <Presenter deckId={deckId} />
  if (route === 'deck-print') return <DeckPrint context={context} deckId={deckId} />
  return null
}
