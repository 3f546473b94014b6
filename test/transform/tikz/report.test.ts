import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {Code} from 'mdast'
import type {NotebookCodeCell} from '../../../src/pipeline/types.js'
import {reportRender, reportSkip, reportSource} from '../../../src/transform/tikz/report.js'
import {parseFence} from '../../../src/transform/tikz/fence.js'
import {parseMagicCell} from '../../../src/transform/tikz/magic.js'
import type {Found} from '../../../src/transform/tikz/sources.js'
import type {RenderResult} from '../../../src/transform/tikz/render.js'

/** Every TikZ message, pinned word for word, without rendering anything. */
const source = '\\draw (0,0) -- (1,1);\n\\node {\\SI{3}{m}};'
const node: Code = {type: 'code', lang: 'tikz', value: source, position: {start: {line: 10, column: 1}, end: {line: 13, column: 4}}}

function fence(meta = 'alt=x'): Exclude<Found, {kind: 'skip'}> {
  return {...parseFence(source, meta), kind: 'fence', node, parent: {children: [node]}, index: 0}
}

function cell(text: string): Exclude<Found, {kind: 'skip'}> {
  const parsed = parseMagicCell(text)
  if (parsed.kind !== 'diagram') throw new Error('not a diagram')
  const codeCell = {type: 'notebookCodeCell', index: 4, source: text, data: {cell: 4}} as unknown as NotebookCodeCell
  const {kind: _, ...rest} = parsed
  return {...rest, kind: 'cell', node: codeCell}
}

function messages(run: (file: VFile) => unknown) {
  const file = new VFile({path: 'page.md'})
  const shown = run(file)
  return {shown, messages: file.messages.map((m) => [m.ruleId, m.reason, m.line, m.cell ?? null, m.fatal])}
}

const done = (result: Partial<Extract<RenderResult, {kind: 'done'}>>): RenderResult => ({kind: 'done', cached: false, engine: 'tikzjax', ...result})

describe('TikZ diagnostics', () => {
  it('a TeX error: its first error line and the offending source line, placed in the page', () => {
    const result = done({error: {message: 'Undefined control sequence.', line: 2}})
    expect(messages((file) => reportRender(file, fence(), result, 60_000))).toEqual({
      shown: 'TikZ diagram could not be rendered: Undefined control sequence. (line 2: \\node {\\SI{3}{m}};)',
      messages: [['tikz-render-failed', 'TikZ diagram could not be rendered: Undefined control sequence. (line 2: \\node {\\SI{3}{m}};)', 12, null, false]],
    })
  })

  it('a package the engine lacks, named, with the engine in the message', () => {
    const tikzjax = done({error: {message: "LaTeX Error: File `siunitx.sty' not found.", missing: {kind: 'package', name: 'siunitx'}}})
    expect(messages((file) => reportRender(file, fence(), tikzjax, 60_000)).messages).toEqual([
      ['tikz-package-missing', 'TikZ diagram needs the package "siunitx", which the built-in tikzjax engine does not have', 11, null, false],
    ])
    const latex = done({engine: 'latex', error: {message: '', line: 1, missing: {kind: 'tikz library', name: 'foo'}}})
    expect(messages((file) => reportRender(file, fence(), latex, 60_000)).messages[0]![1]).toBe(
      'TikZ diagram needs the tikz library "foo", which this TeX installation does not have (line 1: \\draw (0,0) -- (1,1);)',
    )
  })

  it('a timeout, a crash, and the hatching fallbacks', () => {
    expect(messages((file) => reportRender(file, fence(), {kind: 'timeout', engine: 'tikzjax'}, 1500)).messages).toEqual([
      ['tikz-timeout', 'TikZ diagram took longer than 1.5 s to render and was stopped', 11, null, false],
    ])
    expect(messages((file) => reportRender(file, fence(), {kind: 'crash', engine: 'latex', message: 'dvisvgm failed: boom'}, 1500)).messages[0]![1]).toBe(
      'TikZ diagram could not be rendered: dvisvgm failed: boom',
    )
    expect(messages((file) => reportRender(file, fence(), done({svg: '<svg/>', patternFallback: true}), 1)).messages).toEqual([
      ['tikz-pattern-fallback', 'node-tikzjax leaves hatching (pattern fills) undefined in this diagram; it was drawn with latex instead', 11, null, undefined],
    ])
    expect(messages((file) => reportRender(file, fence(), done({svg: '<svg/>', dangling: ['pgfpat3']}), 1)).messages[0]![1]).toBe(
      'TikZ diagram refers to fills the tikzjax engine did not write (pgfpat3); those areas may show blank',
    )
  })

  it('no alt text, unknown options, a guessed dialect and a skipped cell', () => {
    expect(messages((file) => reportSource(file, fence('colour=red'))).messages).toEqual([
      ['tikz-option-unknown', 'Ignored "colour": tikz fences have no option of that name', 10, null, false],
      ['tikz-no-alt', 'TikZ diagram has no alt text or caption, so screen readers cannot describe it; add alt="…" on the fence line', 10, null, false],
    ])
    expect(messages((file) => reportSource(file, cell('%%tikz -p pgfplots\n\\draw (0,0) -- (1,1);'))).messages).toEqual([
      ['tikz-dialect-assumed', "%%tikz cell read as IPython tikzmagic (the OU's %%tikz): -p could also be jupyter-tikz, where it means something else", 1, 4, undefined],
      ['tikz-no-alt', 'TikZ diagram has no alt text or caption, so screen readers cannot describe it; add a "% alt: …" comment line', 1, 4, false],
    ])
    const skip = {kind: 'skip' as const, node: {type: 'notebookCodeCell', index: 2, data: {cell: 2}} as unknown as NotebookCodeCell, dialect: 'jupyter-tikz' as const, reason: 'its options use the notebook variable $preamble'}
    expect(messages((file) => reportSkip(file, skip)).messages).toEqual([
      ['tikz-skipped', 'TikZ cell not rendered at build time: its options use the notebook variable $preamble; the outputs saved in the notebook are shown', undefined, 2, undefined],
    ])
  })
})
