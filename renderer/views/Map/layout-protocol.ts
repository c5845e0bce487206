/** Messages between the map page and the layout worker. Positions travel as transferred buffers. */
export type LayoutRequest =
  | {
      type: 'start'
      /** Increases with every start; replies carry it so stale ones are dropped. */
      run: number
      radii: Float32Array
      links: Int32Array
      weights: Float32Array
      initial: Float32Array
      pinned: Uint8Array
      /** Group (community) index per node, −1 for none; absent when no group is drawn. */
      groups?: Int32Array
      /** Steps between two posts of positions. */
      ticksPerPost?: number
    }
  | { type: 'pin'; index: number; x: number; y: number }
  | { type: 'unpin'; index: number }
  | { type: 'reheat'; alpha?: number }
  | { type: 'stop' }

export interface LayoutReply {
  type: 'positions'
  run: number
  /** [x0, y0, x1, y1…] in map units. */
  positions: Float32Array
  alpha: number
  settled: boolean
  /** Milliseconds since the run started. */
  elapsed: number
}
