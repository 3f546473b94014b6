import type {RootContent} from 'mdast'
// Loads mdast-util-math's node types so `math` is RootContent.
import type {} from 'mdast-util-math'

/**
 * The content of a `text/latex` output. A value that is one formula as a
 * whole (`$$…$$`, `\[…\]`, `$…$`) becomes one `math` node of the inner TeX;
 * a bare `\begin{env}…\end{env}` becomes one `math` node of the whole value,
 * since KaTeX renders environments itself. Anything else (prose with inline
 * math, as some libraries emit) goes through `parseMarkdown`.
 */
export function latexContent(value: string, parseMarkdown: (source: string) => RootContent[]): RootContent[] {
  const tex = value.trim()
  const inner = wrappedFormula(tex)
  if (inner !== undefined) return [{type: 'math', value: inner}]
  if (isEnvironment(tex)) return [{type: 'math', value: tex}]
  return tex ? parseMarkdown(value) : []
}

function wrappedFormula(tex: string): string | undefined {
  for (const [open, close] of [['$$', '$$'], ['\\[', '\\]'], ['$', '$']] as const) {
    if (tex.length < open.length + close.length || !tex.startsWith(open) || !tex.endsWith(close)) continue
    const inner = tex.slice(open.length, tex.length - close.length)
    // `$a$ and $b$` starts and ends with `$` but is not one formula.
    if (open === '$$' ? inner.includes('$$') : open === '$' ? inner.includes('$') : inner.includes('\\]')) continue
    if (inner.trim()) return inner.trim()
  }
  return undefined
}

function isEnvironment(tex: string): boolean {
  const match = /^\\begin\{([^}]+)\}/.exec(tex)
  if (!match) return false
  const end = `\\end{${match[1]}}`
  return tex.endsWith(end) && tex.indexOf(end) === tex.length - end.length
}
