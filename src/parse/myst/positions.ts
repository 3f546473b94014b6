import type {Node, Parent, Point} from 'unist'

/**
 * Move the positions of parsed content by `lines` lines, and by `columns`
 * columns (for content that was indented in the source). Points shared
 * between nodes are moved once. Offsets are dropped: they would count
 * from the start of a fragment, not of the file.
 */
export function shiftPositions(nodes: readonly Node[], lines: number, columns: number): void {
  if (lines === 0 && columns === 0) return
  const seen = new Set<Point>()
  const move = (point: Point) => {
    if (seen.has(point)) return
    seen.add(point)
    point.line += lines
    point.column += columns
    delete point.offset
  }
  const walk = (node: Node) => {
    if (node.position) {
      move(node.position.start)
      move(node.position.end)
    }
    for (const child of (node as Parent).children ?? []) walk(child)
  }
  for (const node of nodes) walk(node)
}
