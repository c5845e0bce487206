import { describe, expect, it, vi } from 'vitest'
import { createQuitBackup, QUIT_BACKUP_TIMEOUT_MS } from '../../../electron/main/quit-backup'
import type { QuitBackupWindow } from '../../../electron/main/quit-backup'
import { BRIDGE_EVENTS } from '../../../src/platform/desktop-bridge'

interface FakeWindow extends QuitBackupWindow {
  sent: string[]
  closes: number
  isClosed: boolean
}

function fakeWindow(id: number): FakeWindow {
  const window: FakeWindow = {
    sent: [],
    closes: 0,
    isClosed: false,
    webContents: {
      id,
      send: (channel) => {
        window.sent.push(channel)
      },
    },
    isDestroyed: () => window.isClosed,
    close: () => {
      window.closes += 1
    },
  }
  return window
}

/** A quit-backup machine over fakes: the app, the main window, a manual clock for the timer. */
function setUp(options: { timeoutMs?: number } = {}) {
  const log: string[] = []
  const timers = new Map<number, { callback: () => void; ms: number }>()
  let nextTimer = 1
  let window: FakeWindow | null = fakeWindow(7)
  const app = { quit: vi.fn() }
  const machine = createQuitBackup({
    app,
    mainWindow: () => window,
    setTimer: (callback, ms) => {
      const handle = nextTimer++
      timers.set(handle, { callback, ms })
      return handle
    },
    clearTimer: (handle) => {
      if (typeof handle === 'number') timers.delete(handle)
    },
    log: (message) => log.push(message),
    ...options,
  })
  const event = () => ({ preventDefault: vi.fn() })
  return {
    machine,
    app,
    log,
    timers,
    event,
    get window(): FakeWindow {
      if (window === null) throw new Error('no main window')
      return window
    },
    replaceWindow(next: FakeWindow | null) {
      window = next
    },
    /** Runs the pending timers, as if their time had come. */
    elapse() {
      const due = [...timers.values()]
      timers.clear()
      for (const { callback } of due) callback()
    },
  }
}

describe('the backup at quit', () => {
  it('waits for the page, then quits once it has answered', () => {
    const { machine, app, window, event, timers, log } = setUp()
    machine.pagePending(7, true)

    const quit = event()
    machine.beforeQuit(quit)
    expect(quit.preventDefault).toHaveBeenCalledOnce()
    expect(window.sent).toEqual([BRIDGE_EVENTS.onFlushBackups])
    expect([...timers.values()].map(({ ms }) => ms)).toEqual([QUIT_BACKUP_TIMEOUT_MS])
    expect(app.quit).not.toHaveBeenCalled()

    machine.pageFlushed(7)
    expect(app.quit).toHaveBeenCalledOnce()
    expect(timers.size).toBe(0)
    expect(log).toEqual([])

    // The real quit that follows, and the window's close during it, go through.
    const again = event()
    machine.beforeQuit(again)
    const close = event()
    machine.windowClose(window, close)
    expect(again.preventDefault).not.toHaveBeenCalled()
    expect(close.preventDefault).not.toHaveBeenCalled()
    expect(window.sent).toHaveLength(1)
  })

  it('quits anyway after the time limit, and says why', () => {
    const { machine, app, event, elapse, log } = setUp({ timeoutMs: 2_000 })
    machine.pagePending(7, true)
    machine.beforeQuit(event())
    expect(app.quit).not.toHaveBeenCalled()

    elapse()
    expect(app.quit).toHaveBeenCalledOnce()
    expect(log).toHaveLength(1)
    expect(log[0]).toMatch(/did not answer within 2000 ms/)

    // A late answer changes nothing.
    machine.pageFlushed(7)
    expect(app.quit).toHaveBeenCalledOnce()
  })

  it('asks the page only once, however many quit requests come during the flush', () => {
    const { machine, app, window, event, timers } = setUp()
    machine.pagePending(7, true)
    const requests = [event(), event(), event()]
    for (const request of requests) machine.beforeQuit(request)
    const close = event()
    machine.windowClose(window, close)

    for (const request of [...requests, close]) expect(request.preventDefault).toHaveBeenCalled()
    expect(window.sent).toEqual([BRIDGE_EVENTS.onFlushBackups])
    expect(timers.size).toBe(1)

    machine.pageFlushed(7)
    machine.pageFlushed(7)
    expect(app.quit).toHaveBeenCalledOnce()
    expect(window.closes).toBe(0)
  })

  it('does not hold a quit when the page says nothing changed since the last backup', () => {
    const { machine, app, window, event, timers } = setUp()
    machine.pagePending(7, true)
    machine.pagePending(7, false)
    const quit = event()
    machine.beforeQuit(quit)
    const close = event()
    machine.windowClose(window, close)
    expect(quit.preventDefault).not.toHaveBeenCalled()
    expect(close.preventDefault).not.toHaveBeenCalled()
    expect(window.sent).toEqual([])
    expect(timers.size).toBe(0)
    expect(app.quit).not.toHaveBeenCalled()
  })

  it('does not wait for a page that never said it had anything (still loading, or crashed)', () => {
    const { machine, window, event } = setUp()
    const quit = event()
    machine.beforeQuit(quit)
    expect(quit.preventDefault).not.toHaveBeenCalled()
    expect(window.sent).toEqual([])
  })

  it('closing the main window (macOS keeps the app) flushes, then closes the window only', () => {
    const { machine, app, window, event, replaceWindow } = setUp()
    machine.pagePending(7, true)
    const close = event()
    machine.windowClose(window, close)
    expect(close.preventDefault).toHaveBeenCalledOnce()
    expect(window.sent).toEqual([BRIDGE_EVENTS.onFlushBackups])

    machine.pageFlushed(7)
    expect(window.closes).toBe(1)
    expect(app.quit).not.toHaveBeenCalled()
    // The close it makes goes through.
    const closeAgain = event()
    machine.windowClose(window, closeAgain)
    expect(closeAgain.preventDefault).not.toHaveBeenCalled()
    window.isClosed = true
    machine.pageGone(7)

    // A new window is a new page: quitting later waits for it in turn.
    const next = fakeWindow(8)
    replaceWindow(next)
    machine.pagePending(8, true)
    const quit = event()
    machine.beforeQuit(quit)
    expect(quit.preventDefault).toHaveBeenCalledOnce()
    expect(next.sent).toEqual([BRIDGE_EVENTS.onFlushBackups])
    machine.pageFlushed(8)
    expect(app.quit).toHaveBeenCalledOnce()
  })

  it('a quit during a close’s flush quits when the page answers', () => {
    const { machine, app, window, event } = setUp()
    machine.pagePending(7, true)
    machine.windowClose(window, event())
    machine.beforeQuit(event())
    machine.pageFlushed(7)
    expect(app.quit).toHaveBeenCalledOnce()
    expect(window.closes).toBe(0)
  })

  it('goes ahead at once when the page goes away during the flush', () => {
    const { machine, app, event, timers, log } = setUp()
    machine.pagePending(7, true)
    machine.beforeQuit(event())
    machine.pageGone(7)
    expect(app.quit).toHaveBeenCalledOnce()
    expect(timers.size).toBe(0)
    expect(log[0]).toMatch(/gone/)
  })

  it('goes ahead at once when the page cannot be reached', () => {
    const { machine, app, window, event } = setUp()
    machine.pagePending(7, true)
    window.webContents.send = () => {
      throw new Error('Object has been destroyed')
    }
    machine.beforeQuit(event())
    expect(app.quit).toHaveBeenCalledOnce()
  })

  it('listens only to the main window’s page', () => {
    const { machine, app, window, event } = setUp()
    machine.pagePending(99, true)
    machine.pagePending(undefined, true)
    const quit = event()
    machine.beforeQuit(quit)
    expect(quit.preventDefault).not.toHaveBeenCalled()

    machine.pagePending(7, true)
    machine.beforeQuit(event())
    machine.pageFlushed(99)
    machine.pageFlushed(undefined)
    expect(app.quit).not.toHaveBeenCalled()
    expect(window.sent).toHaveLength(1)
    machine.pageFlushed(7)
    expect(app.quit).toHaveBeenCalledOnce()
  })

  it('lets a quit through when there is no main window', () => {
    const { machine, event, replaceWindow } = setUp()
    machine.pagePending(7, true)
    replaceWindow(null)
    const quit = event()
    machine.beforeQuit(quit)
    expect(quit.preventDefault).not.toHaveBeenCalled()
  })
})
