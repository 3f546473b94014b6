/**
 * The rebuild queue of `coursebook dev`: file events arrive one by one, builds
 * take time. Events that arrive while a build runs are coalesced into exactly
 * one follow-up build with all their paths; a burst of events (an editor that
 * writes a temp file and renames it) is batched for `settleMs` first.
 */
export interface BuildQueue {
  /** Record a changed path; a build starts once events settle, or after the running one. */
  push(path: string): void
  /** Resolves when no build is running or pending. */
  idle(): Promise<void>
}

export interface QueueOptions {
  /** Runs one build for a batch of changed paths. Its errors are the caller's to report; the queue carries on. */
  build(paths: ReadonlySet<string>): Promise<void>
  /** Quiet time before a batch starts. */
  settleMs?: number
  /** Timer functions, replaceable in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export function createBuildQueue(options: QueueOptions): BuildQueue {
  const settleMs = options.settleMs ?? 15
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout))
  let pending = new Set<string>()
  let timer: unknown
  let running: Promise<void> | undefined
  let waiters: Array<() => void> = []

  const settle = () => {
    if (running || pending.size > 0 || timer !== undefined) return
    for (const resolve of waiters) resolve()
    waiters = []
  }

  const start = () => {
    timer = undefined
    if (running || pending.size === 0) return settle()
    const batch = pending
    pending = new Set()
    running = options
      .build(batch)
      .catch(() => undefined)
      .then(() => {
        running = undefined
        // Whatever arrived meanwhile becomes one follow-up build.
        if (pending.size > 0) start()
        else settle()
      })
  }

  return {
    push(path) {
      pending.add(path)
      if (running) return
      if (timer !== undefined) clearTimer(timer)
      timer = setTimer(start, settleMs)
    },
    idle() {
      if (!running && pending.size === 0 && timer === undefined) return Promise.resolve()
      return new Promise((resolve) => waiters.push(resolve))
    },
  }
}
