/** One phase of a build and the wall time it took, in milliseconds. */
export interface PhaseTiming {
  phase: string
  ms: number
}

/**
 * Times a build's phases back to back: each `lap` closes the phase running
 * since the previous lap (or since the timer was made). For `--timings` and
 * the benchmark, so a slow build says where its time went.
 */
export class PhaseTimer {
  readonly phases: PhaseTiming[] = []
  #last = performance.now()

  lap(phase: string): void {
    const now = performance.now()
    this.phases.push({phase, ms: now - this.#last})
    this.#last = now
  }
}
