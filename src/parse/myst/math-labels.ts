import {eachLineOutsideCode} from './fences.js'

/** A MyST equation label written after display math, by the line it is on (1-based). */
export type MathLabels = Map<number, {label: string; oneLine: boolean}>

// `$$ x $$ (label)` on one line, and `$$ (label)` closing a block.
const ONE_LINE = /^([ \t>]*\$\$.*\S.*\$\$)[ \t]*\(([^()\s]+)\)[ \t]*$/
const CLOSING = /^([ \t>]*\$\$)[ \t]*\(([^()\s]+)\)[ \t]*$/

/**
 * Take MyST equation labels (`$$ (label)`) off display math, line for line:
 * the Markdown parser would not see the `$$` as closing the block
 * otherwise. The labels are returned by line, for `attachMathLabels`. Code
 * fences are left alone.
 */
export function takeMathLabels(source: string): {text: string; labels: MathLabels} {
  const labels: MathLabels = new Map()
  const lines = source.split('\n')
  eachLineOutsideCode(lines, (i) => {
    const match = ONE_LINE.exec(lines[i]!) ?? CLOSING.exec(lines[i]!)
    if (!match) return undefined
    labels.set(i + 1, {label: match[2]!, oneLine: match[1]!.trim() !== '$$'})
    lines[i] = match[1]!
    return i
  })
  return {text: lines.join('\n'), labels}
}
