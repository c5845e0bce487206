import { useEffect, useState } from 'react'
import type { HistoryState } from '../../src/actions/history'
import { useController } from './useApp'

export function useHistoryState(): HistoryState {
  const app = useController()
  const [state, setState] = useState(app.history.state)
  useEffect(() => app.history.subscribe(setState), [app])
  return state
}
