/**
 * GEXF 1.3 of a map's shown graph (Gephi's own format). Edges carry their own type (directed or
 * undirected: a mixed graph), `weight` is the tie's strength, and entries carry their positions
 * when the map has them.
 */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './graph-attributes'
import type { Attribute, GraphExport } from './graph-attributes'
import { escapeAttribute } from './xml'

export function toGexf(graph: GraphExport): string {
  const declare = <R>(attributes: Attribute<R>[]) =>
    attributes.map(
      (attribute) =>
        `      <attribute id="${attribute.name}" title="${attribute.name}" type="${attribute.type === 'int' ? 'integer' : attribute.type}"/>`,
    )
  const values = <R>(attributes: Attribute<R>[], record: R) => {
    const present = attributes.flatMap((attribute) => {
      const value = attribute.write(record)
      return value === undefined
        ? []
        : [`          <attvalue for="${attribute.name}" value="${escapeAttribute(value)}"/>`]
    })
    return present.length ? ['        <attvalues>', ...present, '        </attvalues>'] : []
  }
  const day = new Date(graph.now).toISOString().slice(0, 10)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${day}">`,
    '    <creator>Carnet</creator>',
    '  </meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    ...declare(NODE_ATTRIBUTES),
    '    </attributes>',
    '    <attributes class="edge">',
    ...declare(EDGE_ATTRIBUTES),
    '    </attributes>',
    '    <nodes>',
  ]
  for (const entity of graph.entities) {
    const position = graph.positions?.get(entity.id)
    lines.push(
      `      <node id="${escapeAttribute(entity.id)}" label="${escapeAttribute(entity.name)}">`,
      ...values(NODE_ATTRIBUTES, entity),
      ...(position
        ? [`        <viz:position x="${String(position.x)}" y="${String(-position.y)}" z="0"/>`]
        : []),
      '      </node>',
    )
  }
  lines.push('    </nodes>', '    <edges>')
  for (const tie of graph.ties) {
    const directed =
      EDGE_ATTRIBUTES.find((attribute) => attribute.name === 'directed')!.write(tie) === 'true'
    lines.push(
      `      <edge id="${escapeAttribute(tie.id)}" source="${escapeAttribute(tie.from)}" target="${escapeAttribute(tie.to)}" type="${directed ? 'directed' : 'undirected'}" weight="${String(tie.strength)}" label="${escapeAttribute(tie.type)}">`,
      ...values(EDGE_ATTRIBUTES, tie),
      '      </edge>',
    )
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '')
  return lines.join('\n')
}
