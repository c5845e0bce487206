/**
 * Actions of the ecosystem map that make sense from anywhere (the palette): importing a graph
 * drawn in another tool. Everything else on the map is done on the map itself.
 */
import { importGraph, readGraphFile } from '../../src/io/graph-import'
import { getBridge } from '../platform/bridge'
import { chosenBytes } from '../platform/chosen-bytes'
import { describeError } from './errors'
import type { Action } from './types'

export const importGraphAction: Action = {
  name: 'map.import',
  label: ({ t }) => t('map.importGraphAction'),
  group: 'actions',
  keywords: ['graphml', 'gexf', 'gephi', 'yed', 'import', 'map', 'carte'],
  isAvailable: ({ app }) => app.state.notebook !== null,
  perform: async (context) => {
    const { app, t } = context
    try {
      const file = await getBridge().chooseFile({
        title: t('map.importGraph'),
        filters: [{ name: 'GraphML / GEXF', extensions: ['graphml', 'gexf', 'xml'] }],
      })
      if (!file) return
      const read = readGraphFile(new TextDecoder().decode(await chosenBytes(file)), Date.now())
      if (!read.ok) {
        app.toast(t('map.importFailed', { message: read.message }), { tone: 'error' })
        return
      }
      const navigate = context.navigateLater()
      const counts = await app.change(t('map.history.importGraph', { name: file.name }), (writer) =>
        importGraph(writer, read.graph),
      )
      app.toast(t('map.imported', counts))
      navigate('map')
    } catch (error) {
      app.toast(describeError(error, t), { tone: 'error' })
    }
  },
}

export const MAP_ACTIONS: readonly Action[] = [importGraphAction]
