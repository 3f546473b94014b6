import type {CacheStore} from './store.js'

/**
 * One remembered result per slot (a document's zip, the search index), with
 * a digest of the inputs it was made from. A rebuild whose inputs did not
 * change takes the result from memory (`coursebook dev`) or from the build
 * cache (across builds) instead of making it again. One entry per slot, so
 * neither memory nor the cache grows with edits.
 */
const remembered = new Map<string, {inputs: string; value: Uint8Array}>()

/** The result for `slot`, made by `make` only when `inputs` (a hex digest) differ from those it was last made from. */
export async function rememberInSlot(slot: string, inputs: string, make: () => Uint8Array | Promise<Uint8Array>, store?: CacheStore): Promise<Uint8Array> {
  const inMemory = remembered.get(slot)
  if (inMemory?.inputs === inputs) return inMemory.value
  // Stored as the inputs digest followed by the result.
  const stored = await store?.get(slot)
  if (stored && stored.subarray(0, inputs.length).toString('latin1') === inputs) {
    const value = new Uint8Array(stored.subarray(inputs.length))
    remembered.set(slot, {inputs, value})
    return value
  }
  const value = await make()
  remembered.set(slot, {inputs, value})
  await store?.set(slot, Buffer.concat([Buffer.from(inputs, 'latin1'), value])).catch(() => undefined)
  return value
}

/** Drop the results held in memory (the build cache keeps its copies), as a new process starts. */
export function forgetSlots(): void {
  remembered.clear()
}
