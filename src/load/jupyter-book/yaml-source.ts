import {LineCounter, isMap, isScalar, parseDocument} from 'yaml'

/** A line and column in a YAML file, both 1-based. */
export interface SourcePoint {
  line: number
  column: number
}

/** A parsed YAML file that can say where each of its values and keys is written. */
export interface YamlSource {
  /** The file as plain data (undefined when it could not be parsed). */
  data: unknown
  /** The first syntax error, with its place, when the text is not valid YAML. */
  error?: {message: string; at?: SourcePoint}
  /** Where the value at `path` starts; falls back to the nearest enclosing value that exists. */
  locate(path: ReadonlyArray<PropertyKey>): SourcePoint | undefined
  /** Where the key `key` of the mapping at `path` is written. */
  locateKey(path: ReadonlyArray<PropertyKey>, key: string): SourcePoint | undefined
}

/**
 * Parse YAML keeping the document, so that problems found later (by a schema,
 * by resolving files) can be reported at their line. Duplicate keys are a
 * syntax error, as in PyYAML-based tools they silently lose a value.
 */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false})
  const point = (offset: number | undefined): SourcePoint | undefined => {
    if (offset === undefined) return undefined
    const {line, col} = lineCounter.linePos(offset)
    return {line, column: col}
  }
  const first = doc.errors[0]
  if (first) {
    const message = first.message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '')
    return {data: undefined, error: {message, at: point(first.pos[0])}, locate: () => undefined, locateKey: () => undefined}
  }
  const nodeAt = (path: ReadonlyArray<PropertyKey>) => (path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true))
  return {
    data: doc.toJS({maxAliasCount: 100}),
    locate(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = nodeAt(path.slice(0, depth)) as {range?: [number, number, number]} | undefined
        if (node?.range) return point(node.range[0])
      }
      return undefined
    },
    locateKey(path, key) {
      const map = nodeAt(path)
      if (isMap(map)) {
        const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
        const range = (pair?.key as {range?: [number, number, number]} | undefined)?.range
        if (range) return point(range[0])
      }
      return this.locate(path)
    },
  }
}
