/**
 * One timer for many deadlines: armed for the earliest one asked for, it runs `fire` then, and
 * `fire` arms it again for whatever is still pending. Unref'd: it never keeps a process alive.
 */
export class DeadlineTimer {
  private timer?: ReturnType<typeof setTimeout>
  private at = 0
  private readonly fire: () => void

  constructor (fire: () => void) {
    this.fire = fire
  }

  /** Makes sure `fire` runs no later than `at` (a later deadline than the armed one changes nothing) */
  arm (at: number): void {
    if (this.timer != null && this.at <= at) return
    clearTimeout(this.timer)
    this.at = at
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.fire()
    }, Math.max(0, at - Date.now()))
    this.timer.unref?.()
  }

  clear (): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
