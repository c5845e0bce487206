import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_FILTERS, NODE_MEASURES, buildShownGraph } from '../../../src/graph/shown-graph'
import type { MapFilters, NodeMeasure } from '../../../src/graph/shown-graph'
import { toGexf } from '../../../src/io/gexf'
import { toGraphml } from '../../../src/io/graphml'
import { createEntity, renameEntity, trashEntity } from '../../../src/notebook/entities'
import { duplicateMap, saveMap, trashMap, viewOfMap } from '../../../src/notebook/maps'
import type { MapView as SavedView } from '../../../src/notebook/maps'
import { noteLabel } from '../../../src/notebook/notes'
import { createTie, deleteTie } from '../../../src/notebook/ties'
import {
  ENTITY_KINDS,
  TIE_FAMILIES,
  TIE_TYPES,
  TIE_TYPE_NAMES,
} from '../../../src/model/vocabulary'
import { BUILT_IN_SEGMENTS } from '../../../src/value/segment-rules'
import type { EntityKind, TieFamily, TieType } from '../../../src/model/vocabulary'
import type { ActionContext } from '../../actions/types'
import { describeError } from '../../actions/errors'
import { hashOf } from '../../app/routes'
import { useAppState } from '../../hooks/useApp'
import { useInsights } from '../../hooks/useInsights'
import { useSegmentMembers, useSegments, useTieSuggestions } from '../../hooks/useValueModel'
import { builtInSegmentName } from '../Segments/segment-names'
import { useMapData, useNotesAbout, useSavedMaps } from '../../hooks/useMapData'
import { getBridge } from '../../platform/bridge'
import { MapCanvas } from './MapCanvas'
import type { MapCanvasHandle, MapMode } from './MapCanvas'
import { AddEntityDialog, TieDialog } from './MapDialogs'
import { addViewToDeckAction } from '../../actions/deck-actions'
import { setSlideSource } from '../Decks/slide-source'
import { mapSlide } from '../Decks/slide-drafts'
import { buildMapSvg, svgToPng } from './map-export'
import type { MapGroup } from './draw-map'
import { FAMILY_COLOUR, KIND_STYLE, groupColour } from './map-style'
import './Map.css'

/** A date input's value (local day) for an epoch. */
function isoDay(epoch: number): string {
  const date = new Date(epoch)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The last millisecond of a date input's day, in local time. */
function endOfDay(day: Date): number {
  return new Date(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    23,
    59,
    59,
    999,
  ).getTime()
}

/** The last unsaved view of each notebook, so leaving the map and coming back keeps it. */
const workingViews = new Map<string, SavedView>()
/** Filters another screen asked the working map to open with (the insights' communities). */
const requestedFilters = new Map<string, Partial<MapFilters>>()

/** The next time the working map of this notebook opens, it opens with these filters on. */
export function openMapWith(notebookId: string, filters: Partial<MapFilters>): void {
  requestedFilters.set(notebookId, filters)
}

function useDarkTheme(): boolean {
  const { theme } = useAppState()
  const media = useSyncExternalStore(
    (listener) => {
      const query = window.matchMedia('(prefers-color-scheme: dark)')
      query.addEventListener('change', listener)
      return () => query.removeEventListener('change', listener)
    },
    () => window.matchMedia('(prefers-color-scheme: dark)').matches,
  )
  return theme === 'dark' || (theme === 'system' && media)
}

type Pending =
  { kind: 'add' } | { kind: 'tie'; from: string; to: string | null; evidence?: string[] } | null

export function MapScreen({
  context,
  mapId,
}: {
  context: ActionContext
  mapId: string | undefined
}) {
  const { t } = useTranslation()
  const state = useAppState()
  const notebookId = state.notebook?.entry.id ?? ''
  const savedMaps = useSavedMaps()
  const saved = mapId ? savedMaps?.find((map) => map.id === mapId) : undefined
  if (mapId && savedMaps && !saved) {
    return (
      <div className="view">
        <h1>{t('map.title')}</h1>
        <p className="muted">{t('customer.notFoundBody')}</p>
        <a href={hashOf('map')}>{t('map.currentView')}</a>
      </div>
    )
  }
  if (mapId && !saved) return null
  const view = saved ? viewOfMap(saved) : (workingViews.get(notebookId) ?? null)
  const requested = saved ? undefined : requestedFilters.get(notebookId)
  return (
    <MapWorkspace
      key={`${notebookId}:${mapId ?? ''}`}
      context={context}
      mapId={mapId}
      mapName={saved?.name}
      initialView={view}
      requested={requested}
      onLeave={(current) => {
        if (!mapId) workingViews.set(notebookId, current)
      }}
    />
  )
}

function MapWorkspace({
  context,
  mapId,
  mapName,
  initialView,
  requested,
  onLeave,
}: {
  context: ActionContext
  mapId: string | undefined
  mapName: string | undefined
  initialView: SavedView | null
  requested: Partial<MapFilters> | undefined
  onLeave: (view: SavedView) => void
}) {
  const { t } = useTranslation()
  const { app } = context
  const savedMaps = useSavedMaps()
  const dark = useDarkTheme()
  const canvas = useRef<MapCanvasHandle>(null)
  const [filters, setFilters] = useState<MapFilters>(() => ({
    ...(initialView?.filters ?? DEFAULT_FILTERS),
    ...requested,
  }))
  // Each customer's spend is asked of the value model's worker only for a map sized by value.
  const data = useMapData({ values: filters.measure === 'value' })
  useEffect(() => {
    if (requested) requestedFilters.delete(app.state.notebook?.entry.id ?? '')
  }, [requested, app])
  const [selected, setSelected] = useState<string | null>(null)
  const [mode, setMode] = useState<MapMode>('move')
  const [pending, setPending] = useState<Pending>(null)
  const [pinnedIds, setPinnedIds] = useState<ReadonlySet<string>>(() => new Set())
  // The view this workspace opened with, once: later renders must not reset what was moved.
  const [initial] = useState(() => ({
    positions: initialView?.positions ?? {},
    camera: initialView?.camera ?? null,
  }))

  const entityTags = useMemo(
    () => [...new Set(data?.entities.flatMap((entity) => entity.tags) ?? [])].sort(),
    [data],
  )
  const savedSegments = useSegments()
  const segmentChoices = useMemo(
    () => [
      ...(savedSegments ?? []).map((segment) => ({
        id: segment.id,
        name: segment.name,
        rule: segment.rule,
      })),
      ...BUILT_IN_SEGMENTS.map((segment) => ({
        id: segment.id,
        name: builtInSegmentName(segment, t),
        rule: segment.rule,
      })),
    ],
    [savedSegments, t],
  )
  // A segment's members come from the value model's worker, asked only when a segment is chosen.
  const chosenRule = segmentChoices.find((choice) => choice.id === filters.segmentId)?.rule
  const members = useSegmentMembers(chosenRule)
  const segmentMembers = useMemo(() => members && new Set(members), [members])
  // Social power and communities come from the insights worker, asked only when shown.
  const analysis = useInsights(filters.measure === 'power' || filters.communities)
  const power = useMemo(
    () =>
      analysis &&
      new Map(Object.entries(analysis.influence.scores).map(([id, score]) => [id, score.power])),
    [analysis],
  )
  const groups = useMemo<MapGroup[] | undefined>(
    () =>
      filters.communities && analysis
        ? analysis.communities.communities.map((community, index) => ({
            id: community.id,
            name: community.name,
            colour: groupColour(index),
            memberIds: community.memberIds,
          }))
        : undefined,
    [analysis, filters.communities],
  )
  const graph = useMemo(
    () =>
      data
        ? buildShownGraph(
            {
              entities: data.entities,
              ties: data.ties,
              values: data.values,
              power,
              ...(segmentMembers ? { segmentMembers } : {}),
            },
            filters,
          )
        : { nodes: [], edges: [] },
    [data, filters, power, segmentMembers],
  )
  // Every entry as a choice of centre, by name: made once per reading of the notebook, and for
  // the reading of a moment ago while a new one is first drawn. Not before the map is on screen,
  // or the centre is reached for: on a big map, the styles and layout of thousands of choices
  // held up its first picture.
  const [choicesWanted, setChoicesWanted] = useState(false)
  const wantChoices = useCallback(() => setChoicesWanted(true), [])
  // An empty map is never drawn: nothing to wait for.
  if (!choicesWanted && data && graph.nodes.length === 0) setChoicesWanted(true)
  const listedEntities = useDeferredValue(choicesWanted ? data?.entities : undefined)
  const egoChoices = useMemo(() => {
    const collator = new Intl.Collator()
    return [...(listedEntities ?? [])]
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((entity) => (
        <option key={entity.id} value={entity.id}>
          {entity.name}
        </option>
      ))
  }, [listedEntities])
  const entitiesById = useMemo(
    () => new Map(data?.entities.map((entity) => [entity.id, entity]) ?? []),
    [data],
  )
  // The chosen centre is shown by name while the other choices are not listed yet.
  const egoEntity = filters.ego ? entitiesById.get(filters.ego.id) : undefined
  // The ties the notes suggest between the entries shown, found by the value model's worker in
  // the notes it keeps: the page reads no note for them, and none again after each saved note.
  // Asked for once the map is drawn, like the centre's choices: an answer arriving earlier
  // would render the map again in the middle of building its entry list.
  const shownIds = useMemo(
    () => (choicesWanted ? JSON.stringify(graph.nodes.map((node) => node.id)) : undefined),
    [choicesWanted, graph],
  )
  const proposed = useTieSuggestions(shownIds)
  const suggestions = useMemo(() => {
    if (!proposed || !data) return []
    // A pair tied, or an entry gone, since the worker answered is left out at once.
    const untied = new Set(proposed.map((suggestion) => `${suggestion.a}\u0000${suggestion.b}`))
    for (const tie of data.ties) {
      untied.delete(`${tie.from}\u0000${tie.to}`)
      untied.delete(`${tie.to}\u0000${tie.from}`)
    }
    return proposed.filter(
      (suggestion) =>
        untied.has(`${suggestion.a}\u0000${suggestion.b}`) &&
        entitiesById.has(suggestion.a) &&
        entitiesById.has(suggestion.b),
    )
  }, [proposed, data, entitiesById])

  const currentView = useCallback((): SavedView => {
    const snapshot = canvas.current?.snapshot()
    return {
      filters,
      positions: snapshot?.positions ?? initial.positions,
      camera: snapshot?.camera ?? initial.camera ?? { x: 0, y: 0, k: 1 },
    }
  }, [filters, initial])
  const leave = useRef(() => onLeave(currentView()))
  useEffect(() => {
    leave.current = () => onLeave(currentView())
  })
  // A layout cleanup runs before the canvas lets go of its handle, so the snapshot is whole.
  useLayoutEffect(() => () => leave.current(), [])
  // "Add to deck" (button or palette) takes this view as a slide.
  useEffect(() =>
    setSlideSource(() =>
      mapSlide({
        view: currentView(),
        selected,
        mapId,
        title: mapName ?? t('map.title'),
        frame: canvas.current?.snapshot(),
      }),
    ),
  )

  const guarded = async (body: () => Promise<void>) => {
    try {
      await body()
    } catch (error) {
      app.toast(describeError(error, t), { tone: 'error' })
    }
  }

  const addEntity = (input: { kind: EntityKind; name: string }) =>
    guarded(async () => {
      setPending(null)
      const entity = await app.change(t('map.history.addEntity', { name: input.name }), (writer) =>
        createEntity(writer, input),
      )
      setSelected(entity.id)
      canvas.current?.focusList()
    })
  const addTie = (
    from: string,
    input: { to: string; type: TieType; strength: number },
    evidence?: string[],
  ) =>
    guarded(async () => {
      setPending(null)
      const a = entitiesById.get(from)?.name ?? ''
      const b = entitiesById.get(input.to)?.name ?? ''
      await app.change(t('map.history.addTie', { from: a, to: b }), (writer) =>
        createTie(writer, {
          from,
          to: input.to,
          type: input.type,
          strength: input.strength,
          evidence: evidence ?? [],
        }),
      )
      canvas.current?.focusList()
    })
  const rename = (id: string, name: string) =>
    guarded(async () => {
      const entity = entitiesById.get(id)
      if (!entity || entity.name === name) return
      await app.change(t('map.history.rename', { name: entity.name }), (writer) =>
        renameEntity(writer, id, name),
      )
    })
  const removeEntity = (id: string) =>
    guarded(async () => {
      const entity = entitiesById.get(id)
      if (!entity) return
      const confirmed = await context.dialogs.confirm({
        title: t('map.history.deleteEntity', { name: entity.name }),
        body: t('map.deleteEntityBody'),
        confirmLabel: t('map.delete'),
        danger: true,
      })
      if (!confirmed) return
      await app.change(t('map.history.deleteEntity', { name: entity.name }), (writer) =>
        trashEntity(writer, id),
      )
      if (selected === id) setSelected(null)
      app.toast(t('map.deletedToast', { name: entity.name }), {
        tone: 'info',
        action: { label: t('common.undo'), run: () => void app.history.undo() },
      })
    })
  const removeTie = (id: string) =>
    guarded(async () => {
      await app.change(t('map.history.deleteTie'), (writer) => deleteTie(writer, id))
    })

  const save = (asNew: boolean) =>
    guarded(async () => {
      let name = mapName
      if (asNew || !mapId || !name) {
        const answer = await context.dialogs.prompt({
          title: t('map.saveTitle'),
          label: t('map.saveLabel'),
          initial: mapName ?? t('map.title'),
          confirmLabel: t('map.save'),
        })
        if (!answer) return
        name = answer
      }
      const view = currentView()
      const navigate = context.navigateLater()
      const map = await app.change(t('map.history.saveMap', { name }), (writer) =>
        saveMap(writer, { ...(asNew || !mapId ? {} : { id: mapId }), name, view }),
      )
      app.toast(t('map.savedToast', { name: map.name }))
      if (map.id !== mapId) navigate('map', map.id)
    })
  const duplicate = () =>
    guarded(async () => {
      if (!mapId || !mapName) return
      const name = await context.dialogs.prompt({
        title: t('map.duplicateTitle'),
        label: t('map.saveLabel'),
        initial: t('map.copyName', { name: mapName }),
        confirmLabel: t('map.duplicate'),
      })
      if (!name) return
      const navigate = context.navigateLater()
      await app.change(t('map.history.saveMap', { name: mapName }), (writer) =>
        saveMap(writer, { id: mapId, name: mapName, view: currentView() }),
      )
      const copy = await app.change(t('map.history.duplicateMap', { name: mapName }), (writer) =>
        duplicateMap(writer, mapId, name),
      )
      if (copy) navigate('map', copy.id)
    })
  const deleteSaved = () =>
    guarded(async () => {
      if (!mapId || !mapName) return
      const confirmed = await context.dialogs.confirm({
        title: t('map.deleteMapTitle', { name: mapName }),
        body: t('map.deleteMapBody'),
        confirmLabel: t('map.delete'),
        danger: true,
      })
      if (!confirmed) return
      const navigate = context.navigateLater()
      await app.change(t('map.history.deleteMap', { name: mapName }), (writer) =>
        trashMap(writer, mapId),
      )
      navigate('map')
    })

  const exportAs = (format: 'png' | 'svg' | 'graphml' | 'gexf') =>
    guarded(async () => {
      const snapshot = canvas.current?.snapshot()
      const positions = new Map(Object.entries(snapshot?.positions ?? {}))
      const base = (mapName ?? app.state.notebook?.entry.name ?? 'carnet')
        .replace(/[\\/:*?"<>|]+/g, '-')
        .slice(0, 80)
      let bytes: Uint8Array
      let extension: string
      if (format === 'graphml' || format === 'gexf') {
        const file = (format === 'graphml' ? toGraphml : toGexf)({
          entities: graph.nodes.map((node) => node.entity),
          ties: graph.edges.map((edge) => edge.tie),
          positions,
          now: Date.now(),
        })
        bytes = new TextEncoder().encode(file)
        extension = format
      } else {
        const picture = buildMapSvg(graph, positions, {
          title: mapName ?? app.state.notebook?.entry.name ?? t('map.title'),
          kindLabel: (kind) => t(`entityKind.${kind}`),
          familyLabel: (family) => t(`map.family.${family}`),
          legendTitle: t('map.legend'),
          groups,
        })
        extension = format
        bytes =
          format === 'svg'
            ? new TextEncoder().encode(picture.svg)
            : await svgToPng(picture.svg, picture.width, picture.height)
      }
      const suggestedName = `${base}.${extension}`
      const result = await getBridge().saveFile({
        title: t('map.export'),
        suggestedName,
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        bytes,
      })
      if (result.status === 'saved') app.toast(t('map.exported', { name: result.name }))
      else if (result.status === 'failed') app.toast(result.reason, { tone: 'error' })
    })

  const toggle = <T,>(list: readonly T[], all: readonly T[], item: T): T[] => {
    const current = list.length === 0 ? [...all] : [...list]
    const next = current.includes(item) ? current.filter((one) => one !== item) : [...current, item]
    return next.length === all.length ? [] : next
  }
  const shownKinds = filters.kinds.length ? filters.kinds : ENTITY_KINDS
  const shownFamilies = filters.families.length ? filters.families : TIE_FAMILIES
  const selectedEntity = selected ? entitiesById.get(selected) : undefined
  const pendingFrom = pending?.kind === 'tie' ? entitiesById.get(pending.from) : undefined
  const pendingTo =
    pending?.kind === 'tie' && pending.to ? (entitiesById.get(pending.to) ?? null) : null

  return (
    <div className="view map-view">
      <header className="map-header">
        <h1>{mapName ?? t('map.title')}</h1>
        <div className="map-toolbar" role="toolbar" aria-label={t('map.title')}>
          <label className="map-saved">
            <span className="visually-hidden">{t('map.saved')}</span>
            <select
              value={mapId ?? ''}
              data-testid="saved-maps"
              onChange={(event) => context.navigate('map', event.target.value || undefined)}
            >
              <option value="">{t('map.currentView')}</option>
              {savedMaps?.map((map) => (
                <option key={map.id} value={map.id}>
                  {map.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void save(false)}>
            {mapId ? t('map.save') : t('map.saveAs')}
          </button>
          {mapId && (
            <>
              <button type="button" onClick={() => void save(true)}>
                {t('map.saveAs')}
              </button>
              <button type="button" onClick={() => void duplicate()}>
                {t('map.duplicate')}
              </button>
              <button type="button" className="button-quiet" onClick={() => void deleteSaved()}>
                {t('map.deleteMap')}
              </button>
            </>
          )}
          <button type="button" onClick={() => void addViewToDeckAction.perform(context)}>
            {t('deck.addToDeck')}
          </button>
          <details className="map-menu">
            <summary>{t('map.export')}</summary>
            <div className="map-menu-items">
              {(
                [
                  ['png', 'map.exportPng'],
                  ['svg', 'map.exportSvg'],
                  ['graphml', 'map.exportGraphml'],
                  ['gexf', 'map.exportGexf'],
                ] as const
              ).map(([format, key]) => (
                <button
                  key={format}
                  type="button"
                  onClick={(event) => {
                    event.currentTarget.closest('details')?.removeAttribute('open')
                    void exportAs(format)
                  }}
                >
                  {t(key)}
                </button>
              ))}
            </div>
          </details>
        </div>
      </header>
      <div className="map-body">
        <aside className="map-filters" aria-label={t('map.filters')}>
          <fieldset>
            <legend>{t('map.kinds')}</legend>
            {ENTITY_KINDS.map((kind) => (
              <label key={kind} className="map-check">
                <input
                  type="checkbox"
                  checked={shownKinds.includes(kind)}
                  onChange={() =>
                    setFilters({ ...filters, kinds: toggle(filters.kinds, ENTITY_KINDS, kind) })
                  }
                />
                <KindSwatch kind={kind} />
                {t(`entityKind.${kind}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('map.families')}</legend>
            {TIE_FAMILIES.map((family) => (
              <label key={family} className="map-check">
                <input
                  type="checkbox"
                  checked={shownFamilies.includes(family)}
                  onChange={() =>
                    setFilters({
                      ...filters,
                      families: toggle(filters.families, TIE_FAMILIES, family),
                    })
                  }
                />
                <FamilySwatch family={family} />
                {t(`map.family.${family}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('map.narrow')}</legend>
            <details className="map-tie-types">
              <summary>
                {filters.tieTypes.length === 0
                  ? t('map.allTieTypes')
                  : t('map.someTieTypes', { count: filters.tieTypes.length })}
              </summary>
              {TIE_TYPE_NAMES.map((type) => (
                <label key={type} className="map-check">
                  <input
                    type="checkbox"
                    checked={filters.tieTypes.length === 0 || filters.tieTypes.includes(type)}
                    onChange={() =>
                      setFilters({
                        ...filters,
                        tieTypes: toggle(filters.tieTypes, TIE_TYPE_NAMES, type),
                      })
                    }
                  />
                  {t(`tieType.${type}`)}
                </label>
              ))}
            </details>
            <label className="map-field">
              <span>{t('map.withTag')}</span>
              <select
                value={filters.tags[0] ?? ''}
                onChange={(event) =>
                  setFilters({ ...filters, tags: event.target.value ? [event.target.value] : [] })
                }
              >
                <option value="">{t('map.anyTag')}</option>
                {entityTags.map((tag) => (
                  <option key={tag} value={tag}>
                    #{tag}
                  </option>
                ))}
              </select>
            </label>
            <label className="map-field">
              <span>{t('map.inSegment')}</span>
              <select
                value={filters.segmentId ?? ''}
                data-testid="map-segment"
                onChange={(event) => {
                  const { segmentId: _segmentId, ...rest } = filters
                  setFilters(event.target.value ? { ...rest, segmentId: event.target.value } : rest)
                }}
              >
                <option value="">{t('map.allCustomers')}</option>
                {segmentChoices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="map-field">
              <span>{t('map.asOf')}</span>
              <input
                type="date"
                value={filters.asOf === undefined ? '' : isoDay(filters.asOf)}
                onChange={(event) => {
                  const { asOf: _asOf, ...rest } = filters
                  const day = event.target.valueAsDate
                  // The whole chosen day counts: what existed at its end.
                  setFilters(day ? { ...rest, asOf: endOfDay(day) } : rest)
                }}
              />
            </label>
          </fieldset>
          <label className="map-field">
            <span>{t('map.sizeBy')}</span>
            <select
              value={filters.measure}
              onChange={(event) =>
                setFilters({ ...filters, measure: event.target.value as NodeMeasure })
              }
            >
              {NODE_MEASURES.map((measure) => (
                <option key={measure} value={measure}>
                  {t(`map.measure.${measure}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="map-check">
            <input
              type="checkbox"
              checked={filters.hideIsolated}
              onChange={(event) => setFilters({ ...filters, hideIsolated: event.target.checked })}
            />
            {t('map.hideIsolated')}
          </label>
          <label className="map-check">
            <input
              type="checkbox"
              checked={filters.communities}
              data-testid="map-communities"
              onChange={(event) => setFilters({ ...filters, communities: event.target.checked })}
            />
            {t('map.showCommunities')}
          </label>
          {filters.communities && analysis && analysis.communities.communities.length === 0 && (
            <p className="muted map-hint">{t('map.noCommunities')}</p>
          )}
          <fieldset>
            <legend>{t('map.ego')}</legend>
            <label className="map-field">
              <span>{t('map.egoCentre')}</span>
              {/* Made anew when its choices arrive, rather than thousands inserted one by one. */}
              <select
                className="map-ego"
                key={egoChoices.length === 0 ? 'empty' : 'full'}
                onFocus={wantChoices}
                onPointerEnter={wantChoices}
                value={filters.ego?.id ?? ''}
                onChange={(event) => {
                  const { ego: _ego, ...rest } = filters
                  setFilters(
                    event.target.value
                      ? { ...rest, ego: { id: event.target.value, depth: filters.ego?.depth ?? 1 } }
                      : rest,
                  )
                }}
              >
                <option value="">{t('map.egoNone')}</option>
                {egoChoices.length === 0 && egoEntity ? (
                  <option value={egoEntity.id}>{egoEntity.name}</option>
                ) : (
                  egoChoices
                )}
              </select>
            </label>
            {filters.ego && (
              <label className="map-field">
                <span>{t('map.egoDepth')}</span>
                <select
                  value={filters.ego.depth}
                  onChange={(event) =>
                    setFilters({
                      ...filters,
                      ego: { id: filters.ego!.id, depth: event.target.value === '2' ? 2 : 1 },
                    })
                  }
                >
                  <option value="1">{t('map.egoDepthValue', { count: 1 })}</option>
                  <option value="2">{t('map.egoDepthValue', { count: 2 })}</option>
                </select>
              </label>
            )}
          </fieldset>
          <button
            type="button"
            className="button-quiet"
            onClick={() => setFilters({ ...DEFAULT_FILTERS })}
          >
            {t('map.resetFilters')}
          </button>
        </aside>
        <section className="map-stage">
          <div className="map-stage-tools">
            <div className="map-mode" role="radiogroup" aria-label={t('map.mode')}>
              {(['move', 'tie'] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  role="radio"
                  aria-checked={mode === option}
                  onClick={() => setMode(option)}
                >
                  {t(option === 'move' ? 'map.modeMove' : 'map.modeTie')}
                </button>
              ))}
            </div>
            <button type="button" onClick={() => setPending({ kind: 'add' })}>
              {t('map.addEntity')}
            </button>
            <span className="map-spacer" />
            <button
              type="button"
              className="button-quiet"
              onClick={() => canvas.current?.relayout()}
            >
              {t('map.relayout')}
            </button>
            <button
              type="button"
              className="button-quiet"
              aria-label={t('map.zoomOut')}
              onClick={() => canvas.current?.zoomBy(1 / 1.4)}
            >
              −
            </button>
            <button
              type="button"
              className="button-quiet"
              aria-label={t('map.zoomIn')}
              onClick={() => canvas.current?.zoomBy(1.4)}
            >
              +
            </button>
            <button type="button" className="button-quiet" onClick={() => canvas.current?.fit()}>
              {t('map.fit')}
            </button>
          </div>
          <MapCanvas
            handle={canvas}
            graph={graph}
            initial={initial}
            mode={mode}
            selected={selected}
            dark={dark}
            onSelect={setSelected}
            onAddAt={() => setPending({ kind: 'add' })}
            onTie={(from, to) => setPending({ kind: 'tie', from, to })}
            onRename={(id, name) => void rename(id, name)}
            onDelete={(id) => void removeEntity(id)}
            onOpen={(id) => context.navigate('customers', id)}
            groups={groups}
            loading={!data}
            onPinChange={setPinnedIds}
            onDrawn={wantChoices}
          />
          {graph.nodes.length === 0 && data && (
            <div className="map-empty">
              <h2>{t('map.empty')}</h2>
              <p>{t('map.emptyBody')}</p>
            </div>
          )}
          <p id="map-keyboard-help" className="map-help">
            {t('map.keyboardHelp')} {t('map.modeHelp')}
          </p>
        </section>
        <aside
          className="map-panel"
          aria-label={selectedEntity ? t('map.selected') : t('map.suggestions')}
        >
          {selectedEntity ? (
            <SelectedPanel
              entityId={selectedEntity.id}
              name={selectedEntity.name}
              kind={selectedEntity.kind}
              ties={(data?.ties ?? []).filter(
                (tie) => tie.from === selectedEntity.id || tie.to === selectedEntity.id,
              )}
              nameOf={(id) => entitiesById.get(id)?.name ?? '—'}
              onRename={() => canvas.current?.startRename(selectedEntity.id)}
              onDelete={() => void removeEntity(selectedEntity.id)}
              onDeleteTie={(id) => void removeTie(id)}
              onTie={() => setPending({ kind: 'tie', from: selectedEntity.id, to: null })}
              pinned={pinnedIds.has(selectedEntity.id)}
              onUnpin={() => canvas.current?.unpin(selectedEntity.id)}
            />
          ) : (
            <section>
              <h2>{t('map.suggestions')}</h2>
              <p className="muted map-small">{t('map.suggestionsHelp')}</p>
              {suggestions.length === 0 ? (
                <p className="muted map-small">{t('map.noSuggestions')}</p>
              ) : (
                <ul className="map-list">
                  {suggestions.map((suggestion) => (
                    <li key={`${suggestion.a}:${suggestion.b}`}>
                      <span>
                        {entitiesById.get(suggestion.a)?.name} ·{' '}
                        {entitiesById.get(suggestion.b)?.name}
                        <span className="muted map-small">
                          {' '}
                          {t('map.suggestionNotes', { count: suggestion.count })}
                        </span>
                      </span>
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() =>
                          setPending({
                            kind: 'tie',
                            from: suggestion.a,
                            to: suggestion.b,
                            evidence: suggestion.evidence,
                          })
                        }
                      >
                        {t('map.suggestionTie')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </aside>
      </div>
      {pending?.kind === 'add' && (
        <AddEntityDialog
          onCreate={(input) => void addEntity(input)}
          onCancel={() => setPending(null)}
        />
      )}
      {pending?.kind === 'tie' && pendingFrom && (
        <TieDialog
          from={pendingFrom}
          to={pendingTo}
          entities={graph.nodes.map((node) => node.entity)}
          onCreate={(input) => void addTie(pending.from, input, pending.evidence)}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  )
}

function KindSwatch({ kind }: { kind: EntityKind }) {
  const { shape, colour } = KIND_STYLE[kind]
  return (
    <span
      className={`map-swatch map-swatch-${shape}`}
      style={{ color: colour }}
      aria-hidden="true"
    />
  )
}

function FamilySwatch({ family }: { family: TieFamily }) {
  return (
    <span
      className="map-line-swatch"
      style={{ background: FAMILY_COLOUR[family] }}
      aria-hidden="true"
    />
  )
}

function SelectedPanel({
  entityId,
  name,
  kind,
  ties,
  nameOf,
  onRename,
  onDelete,
  onDeleteTie,
  onTie,
  pinned,
  onUnpin,
}: {
  entityId: string
  name: string
  kind: EntityKind
  ties: { id: string; from: string; to: string; type: TieType; strength: number }[]
  nameOf: (id: string) => string
  onRename: () => void
  onDelete: () => void
  onDeleteTie: (id: string) => void
  onTie: () => void
  /** Stays where it was put; `onUnpin` lets it move with the layout again. */
  pinned: boolean
  onUnpin: () => void
}) {
  const { t } = useTranslation()
  const notes = useNotesAbout(entityId)
  return (
    <section data-testid="map-selected">
      <p className="muted map-small">
        <KindSwatch kind={kind} /> {t(`entityKind.${kind}`)}
      </p>
      <h2 className="map-selected-name">{name}</h2>
      <div className="map-panel-actions">
        <a href={hashOf('customers', entityId)}>{t('map.openPage')}</a>
        <button type="button" className="button-quiet" onClick={onRename}>
          {t('map.rename')}
        </button>
        <button type="button" className="button-quiet" onClick={onTie}>
          {t('map.suggestionTie')}
        </button>
        {pinned && (
          <button type="button" className="button-quiet" onClick={onUnpin}>
            {t('map.unpin')}
          </button>
        )}
        <button type="button" className="button-quiet button-quiet-danger" onClick={onDelete}>
          {t('map.delete')}
        </button>
      </div>
      <h3>{t('map.ties')}</h3>
      {ties.length === 0 ? (
        <p className="muted map-small">{t('map.noTies')}</p>
      ) : (
        <ul className="map-list">
          {ties.map((tie) => {
            const type = t(`tieType.${tie.type}`)
            const directed = TIE_TYPES[tie.type].directed
            const outgoing = tie.from === entityId
            const label = !directed
              ? t('map.mutual', { type })
              : outgoing
                ? t('map.outgoing', { type })
                : t('map.incoming', { type })
            return (
              <li key={tie.id}>
                <span>
                  <span className="muted map-small">{label}</span>{' '}
                  {nameOf(outgoing ? tie.to : tie.from)}
                </span>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t('map.deleteTie')}
                  title={t('map.deleteTie')}
                  onClick={() => onDeleteTie(tie.id)}
                >
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <h3>{t('map.notes')}</h3>
      {notes && notes.length === 0 && <p className="muted map-small">{t('map.noNotes')}</p>}
      <ul className="map-notes">
        {notes?.map((note) => (
          <li key={note.id}>
            <time className="muted map-small">{new Date(note.at).toLocaleDateString()}</time>
            <span>{noteLabel(note.text, 120)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
