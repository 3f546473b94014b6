import type {Node, Parent} from 'unist'

/**
 * Jupyter typesets a bare `\begin{align}…\end{align}` in a Markdown cell, but
 * Markdown does not know it: remark-math ignores it and `\\` collapses to `\`.
 * This wraps such environments in `$$` fences before Markdown parsing so they
 * reach KaTeX intact. Fenced code and existing `$$` blocks are left alone.
 */
const MATH_ENVIRONMENTS = new Set([
  'equation', 'align', 'gather', 'multline', 'eqnarray', 'alignat', 'flalign',
  'equation*', 'align*', 'gather*', 'multline*', 'eqnarray*', 'alignat*', 'flalign*',
])

const BEGIN = /^(\s*)\\begin\{([a-zA-Z]+\*?)\}/
const FENCE = /^\s*(```|~~~)/

export function protectMathEnvironments(source: string): string {
  return protectWithLineMap(source).text
}

/**
 * As `protectMathEnvironments`, also returning the 1-based lines of the output
 * that were inserted (the `$$` fences), so positions can be mapped back.
 */
export function protectWithLineMap(source: string): {text: string; inserted: number[]} {
  const inserted: number[] = []
  if (!source.includes('\\begin{')) return {text: source, inserted}
  const lines = source.split('\n')
  const out: string[] = []
  let fence: string | undefined
  let inDollars = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const fenceMatch = FENCE.exec(line)
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]
      else if (line.trim().startsWith(fence)) fence = undefined
      out.push(line)
      continue
    }
    if (fence) {
      out.push(line)
      continue
    }
    if (line.trim().startsWith('$$')) {
      // A `$$` line opens a block unless it also closes on the same line (`$$x$$`).
      const rest = line.trim().slice(2)
      if (!(rest.length > 0 && rest.trimEnd().endsWith('$$'))) inDollars = !inDollars
      out.push(line)
      continue
    }
    const begin = inDollars ? null : BEGIN.exec(line)
    if (!begin || !MATH_ENVIRONMENTS.has(begin[2]!)) {
      out.push(line)
      continue
    }
    const indent = begin[1]!
    const end = `\\end{${begin[2]}}`
    let last = i
    while (last < lines.length && !lines[last]!.includes(end)) last++
    if (last === lines.length) {
      // Unterminated: leave it to KaTeX to report, rather than swallowing the rest of the cell.
      out.push(line)
      continue
    }
    inserted.push(out.length + 1)
    out.push(`${indent}$$`, ...lines.slice(i, last + 1))
    inserted.push(out.length + 1)
    out.push(`${indent}$$`)
    i = last
  }
  return {text: out.join('\n'), inserted}
}

/** Move positions of a tree parsed from protected text back to the author's lines. */
export function unmapLines(tree: Node, inserted: readonly number[]): void {
  if (inserted.length === 0) return
  const original = (line: number) => {
    let before = 0
    while (before < inserted.length && inserted[before]! < line) before++
    return line - before
  }
  const seen = new Set<object>()
  const walk = (node: Node) => {
    const position = node.position
    // A math block whose `$$` fence was inserted here starts on its `\begin` line, not the line before.
    if (position && inserted.includes(position.start.line) && node.type === 'math') {
      node.data = {...node.data, fenceInserted: true} as Node['data']
    }
    // Points may be shared between nodes; each is moved once.
    for (const point of position ? [position.start, position.end] : []) {
      if (seen.has(point)) continue
      seen.add(point)
      point.line = original(point.line)
    }
    for (const child of (node as Parent).children ?? []) walk(child)
  }
  walk(tree)
}
