/**
 * GraphML of a map's shown graph (Gephi, yEd, NetworkX). Every entry is a node with its name as
 * `label` and its attributes as data; every tie is an edge with its own `directed` flag (GraphML
 * allows mixed graphs), `weight` (the tie's strength), sentiment and dates.
 */
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './graph-attributes'
import type { GraphExport } from './graph-attributes'
import { escapeAttribute, escapeText } from './xml'

const GRAPHML_TYPE = { string: 'string', boolean: 'boolean', int: 'int', double: 'double' } as const

export function toGraphml(graph: GraphExport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRIBUTES.map(
      (attribute) =>
        `  <key id="n_${attribute.name}" for="node" attr.name="${attribute.name}" attr.type="${GRAPHML_TYPE[attribute.type]}"/>`,
    ),
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>',
    ...EDGE_ATTRIBUTES.map(
      (attribute) =>
        `  <key id="e_${attribute.name}" for="edge" attr.name="${attribute.name}" attr.type="${GRAPHML_TYPE[attribute.type]}"/>`,
    ),
    '  <graph id="carnet" edgedefault="undirected">',
  ]
  const data = (key: string, value: string | undefined) =>
    value === undefined ? [] : [`      <data key="${key}">${escapeText(value)}</data>`]
  for (const entity of graph.entities) {
    const position = graph.positions?.get(entity.id)
    lines.push(
      `    <node id="${escapeAttribute(entity.id)}">`,
      ...data('label', entity.name),
      ...NODE_ATTRIBUTES.flatMap((attribute) =>
        data(`n_${attribute.name}`, attribute.write(entity)),
      ),
      ...(position ? [...data('x', String(position.x)), ...data('y', String(position.y))] : []),
      '    </node>',
    )
  }
  for (const tie of graph.ties) {
    const directed = EDGE_ATTRIBUTES.find((attribute) => attribute.name === 'directed')!.write(tie)
    lines.push(
      `    <edge id="${escapeAttribute(tie.id)}" source="${escapeAttribute(tie.from)}" target="${escapeAttribute(tie.to)}" directed="${directed ?? 'false'}">`,
      ...data('e_label', tie.type),
      ...EDGE_ATTRIBUTES.flatMap((attribute) => data(`e_${attribute.name}`, attribute.write(tie))),
      '    </edge>',
    )
  }
  lines.push('  </graph>', '</graphml>', '')
  return lines.join('\n')
}
