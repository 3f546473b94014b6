/**
 * A bounded in-memory memo for pure, deterministic renders (KaTeX, shiki)
 * that recur within and across pages: `$x$`, a shared import cell. When it
 * holds `maxEntries` it is emptied rather than evicting one by one, which
 * keeps it cheap and keeps memory flat in a long `dev` session.
 */
export class Memo<V> {
  private readonly entries = new Map<string, V>()

  constructor(private readonly maxEntries: number) {}

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key)
    if (hit !== undefined) return hit
    const value = compute()
    if (this.entries.size >= this.maxEntries) this.entries.clear()
    this.entries.set(key, value)
    return value
  }
}
