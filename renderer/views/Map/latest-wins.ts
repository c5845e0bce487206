/**
 * When to ask the drawing worker for a picture: at most one drawing in flight, and when the map
 * changed meanwhile, exactly one more once it is answered, made from the state of that moment.
 * Changes in between are folded into that one, so a busy worker never falls behind a queue of
 * pictures nobody will see. Pure bookkeeping, no timers and no messages.
 */
export class LatestWins {
  private asked = 0
  private inFlight: number | null = null
  private wanted = false
  private shown = 0

  /**
   * The map changed. Returns the version to ask for now, or null when a drawing is in flight
   * (the newest state will be asked for when it is answered).
   */
  change(): number | null {
    if (this.inFlight !== null) {
      this.wanted = true
      return null
    }
    this.wanted = false
    this.asked += 1
    this.inFlight = this.asked
    return this.asked
  }

  /**
   * A drawing came back. `show` is false for an answer that is older than what is shown or that
   * was forgotten (`forget`); `next` is the version to ask for now, when the map changed since.
   */
  answer(version: number): { show: boolean; next: number | null } {
    const show = version > this.shown && version <= this.asked
    if (show) this.shown = version
    if (version === this.inFlight) this.inFlight = null
    const next = this.wanted && this.inFlight === null ? this.change() : null
    return { show, next }
  }

  /** Whether a drawing is being made. */
  get busy(): boolean {
    return this.inFlight !== null
  }

  /**
   * The worker went away (or was replaced): nothing is in flight any more and any late answer is
   * dropped. The next change asks again.
   */
  forget(): void {
    this.inFlight = null
    this.wanted = false
    this.shown = this.asked
  }
}
