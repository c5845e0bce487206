/**
 * Reading GraphML and GEXF files into entries and ties: forgiving (a file from Gephi or yEd has
 * no Carnet kinds or tie types, so sensible ones are chosen and reported), strict on what is
 * stored (every record passes its schema). Then `importGraph` adds them to a notebook in one
 * write, under new ids where an id is already taken.
 */
import type { Writer } from '../db/notebook-store'
import { newId } from '../model/ids'
import { entitySchema, tieSchema } from '../model/records'
import type { Entity, Tie } from '../model/records'
import { ENTITY_KINDS, TIE_TYPES } from '../model/vocabulary'
import type { EntityKind, TieType } from '../model/vocabulary'
import { XmlError, childrenNamed, parseXml } from './xml'
import type { XmlElement } from './xml'

export interface ParsedGraph {
  format: 'graphml' | 'gexf'
  entities: Entity[]
  ties: Tie[]
  /** What was guessed or left out, in plain words (for the import report). */
  repairs: string[]
}

export type GraphReadResult = { ok: true; graph: ParsedGraph } | { ok: false; message: string }

interface RawRecord {
  id: string
  label?: string
  attributes: Map<string, string>
  source?: string
  target?: string
  directed?: boolean
  weight?: string
}

const epochOf = (value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback
  const time = Date.parse(value)
  return Number.isFinite(time) ? time : fallback
}

const listOf = (value: string | undefined): string[] => {
  if (!value) return []
  try {
    const parsed: unknown = JSON.parse(value)
    if (Array.isArray(parsed))
      return parsed.filter((item): item is string => typeof item === 'string')
  } catch {
    // Not JSON: a list written by another tool.
  }
  return value
    .split(/[;,|]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (child.name === name) found.push(child)
      else walk(child)
    }
  }
  walk(element)
  return found
}

function readGraphml(root: XmlElement): {
  nodes: RawRecord[]
  edges: RawRecord[]
  defaultDirected: boolean
} {
  const keys = new Map<string, string>()
  for (const key of childrenNamed(root, 'key')) {
    if (key.attributes.id)
      keys.set(key.attributes.id, key.attributes['attr.name'] ?? key.attributes.id)
  }
  const graph = childrenNamed(root, 'graph')[0]
  if (!graph) throw new XmlError('No <graph> in this GraphML file')
  const defaultDirected = graph.attributes.edgedefault === 'directed'
  const read = (element: XmlElement): Map<string, string> =>
    new Map(
      childrenNamed(element, 'data').map((data) => [
        keys.get(data.attributes.key ?? '') ?? data.attributes.key ?? '',
        data.text,
      ]),
    )
  const nodes = descendants(graph, 'node').map((node): RawRecord => {
    const attributes = read(node)
    return {
      id: node.attributes.id ?? '',
      label: attributes.get('label') ?? attributes.get('name'),
      attributes,
    }
  })
  const edges = descendants(graph, 'edge').map((edge): RawRecord => {
    const attributes = read(edge)
    const directed = edge.attributes.directed ?? attributes.get('directed')
    return {
      id: edge.attributes.id ?? '',
      attributes,
      source: edge.attributes.source,
      target: edge.attributes.target,
      directed: directed === undefined ? defaultDirected : directed === 'true',
      weight: attributes.get('weight'),
    }
  })
  return { nodes, edges, defaultDirected }
}

function readGexf(root: XmlElement): {
  nodes: RawRecord[]
  edges: RawRecord[]
  defaultDirected: boolean
} {
  const graph = childrenNamed(root, 'graph')[0]
  if (!graph) throw new XmlError('No <graph> in this GEXF file')
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() }
  for (const block of childrenNamed(graph, 'attributes')) {
    const target = block.attributes.class === 'edge' ? titles.edge : titles.node
    for (const attribute of childrenNamed(block, 'attribute')) {
      if (attribute.attributes.id)
        target.set(attribute.attributes.id, attribute.attributes.title ?? attribute.attributes.id)
    }
  }
  const defaultDirected = graph.attributes.defaultedgetype === 'directed'
  const read = (element: XmlElement, names: Map<string, string>) =>
    new Map(
      descendants(element, 'attvalue').map((value) => {
        const key = value.attributes.for ?? value.attributes.id ?? ''
        return [names.get(key) ?? key, value.attributes.value ?? ''] as const
      }),
    )
  const nodes = descendants(graph, 'node').map((node): RawRecord => ({
    id: node.attributes.id ?? '',
    label: node.attributes.label,
    attributes: read(node, titles.node),
  }))
  const edges = descendants(graph, 'edge').map((edge): RawRecord => {
    const attributes = read(edge, titles.edge)
    const type = edge.attributes.type
    return {
      id: edge.attributes.id ?? '',
      attributes,
      source: edge.attributes.source,
      target: edge.attributes.target,
      directed: type === undefined ? defaultDirected : type === 'directed',
      weight: edge.attributes.weight ?? attributes.get('weight'),
    }
  })
  return { nodes, edges, defaultDirected }
}

/** Reads a GraphML or GEXF file. `now` stamps records the file gives no dates for. */
export function readGraphFile(text: string, now: number): GraphReadResult {
  let root: XmlElement
  try {
    root = parseXml(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const format = root.name === 'graphml' ? 'graphml' : root.name === 'gexf' ? 'gexf' : null
  if (!format) return { ok: false, message: `<${root.name}> is neither GraphML nor GEXF` }
  let raw: ReturnType<typeof readGraphml>
  try {
    raw = format === 'graphml' ? readGraphml(root) : readGexf(root)
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const repairs: string[] = []
  let guessedKinds = 0
  let guessedTypes = 0
  let dropped = 0
  const entities: Entity[] = []
  const seen = new Set<string>()
  for (const node of raw.nodes) {
    const kind = node.attributes.get('kind')
    const validKind = (ENTITY_KINDS as readonly string[]).includes(kind ?? '')
    if (!validKind) guessedKinds++
    const candidate = {
      id: node.id || newId(),
      kind: (validKind ? kind : 'person') as EntityKind,
      name: (node.label ?? node.id).trim() || node.id,
      tags: listOf(node.attributes.get('tags')),
      summary: node.attributes.get('summary') ?? '',
      ...(node.attributes.get('side') ? { side: node.attributes.get('side') } : {}),
      ...(node.attributes.get('placeMode') ? { placeMode: node.attributes.get('placeMode') } : {}),
      ...(node.attributes.get('stage') ? { stage: node.attributes.get('stage') } : {}),
      createdAt: epochOf(node.attributes.get('created'), now),
      updatedAt: epochOf(node.attributes.get('updated'), now),
    }
    const parsed = entitySchema.safeParse(candidate)
    if (!parsed.success || seen.has(parsed.data.id)) {
      dropped++
      continue
    }
    seen.add(parsed.data.id)
    entities.push(parsed.data)
  }
  const ties: Tie[] = []
  const tieIds = new Set<string>()
  for (const edge of raw.edges) {
    const type = edge.attributes.get('type') ?? ''
    // Own keys only: a type named `toString` or `constructor` is no Carnet type.
    const validType = Object.hasOwn(TIE_TYPES, type)
    if (!validType) guessedTypes++
    const weight = Number(edge.weight)
    const sentiment = Number(edge.attributes.get('sentiment') ?? 0)
    const since = edge.attributes.get('since')
    const candidate = {
      id: edge.id || newId(),
      from: edge.source ?? '',
      to: edge.target ?? '',
      type: (validType ? type : edge.directed ? 'recommends' : 'friend') as TieType,
      strength:
        Number.isFinite(weight) && edge.weight !== undefined
          ? Math.min(5, Math.max(1, Math.round(weight)))
          : 3,
      sentiment: Number.isFinite(sentiment) ? Math.min(2, Math.max(-2, Math.round(sentiment))) : 0,
      ...(since ? { since: epochOf(since, now) } : {}),
      note: edge.attributes.get('note') ?? '',
      evidence: listOf(edge.attributes.get('evidence')),
      createdAt: epochOf(edge.attributes.get('created'), now),
      updatedAt: epochOf(edge.attributes.get('updated'), now),
    }
    const parsed = tieSchema.safeParse(candidate)
    if (
      !parsed.success ||
      !seen.has(candidate.from) ||
      !seen.has(candidate.to) ||
      candidate.from === candidate.to ||
      tieIds.has(candidate.id)
    ) {
      dropped++
      continue
    }
    tieIds.add(parsed.data.id)
    ties.push(parsed.data)
  }
  if (guessedKinds)
    repairs.push(`${String(guessedKinds)} entries had no Carnet kind and were read as people`)
  if (guessedTypes)
    repairs.push(`${String(guessedTypes)} ties had no Carnet type and were given one by direction`)
  if (dropped) repairs.push(`${String(dropped)} records could not be read and were left out`)
  return { ok: true, graph: { format, entities, ties, repairs } }
}

/** Adds a read graph to a notebook; ids already in use get new ones (ties follow). */
export async function importGraph(
  writer: Writer,
  graph: Pick<ParsedGraph, 'entities' | 'ties'>,
): Promise<{ entities: number; ties: number }> {
  const ids = new Map<string, string>()
  for (const entity of graph.entities) {
    const id = (await writer.get('entities', entity.id)) ? newId() : entity.id
    ids.set(entity.id, id)
    await writer.put('entities', { ...entity, id })
  }
  let ties = 0
  for (const tie of graph.ties) {
    const from = ids.get(tie.from)
    const to = ids.get(tie.to)
    if (!from || !to) continue
    const id = (await writer.get('ties', tie.id)) ? newId() : tie.id
    await writer.put('ties', { ...tie, id, from, to })
    ties++
  }
  return { entities: graph.entities.length, ties }
}
