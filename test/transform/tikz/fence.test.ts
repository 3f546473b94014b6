import {describe, expect, it} from 'vitest'
import {parseFence, parseAttributes, isTikzFence} from '../../../src/transform/tikz/fence.js'
import {buildDocument} from '../../../src/transform/tikz/document.js'
import {emptySpec, wrapFor} from '../../../src/transform/tikz/spec.js'
import {parseTexLog} from '../../../src/transform/tikz/tex-log.js'

describe('tikz fences', () => {
  it('reads the options on the fence line', () => {
    const fence = parseFence('\\draw (0,0) -- (1,1);', 'alt="A line, rising" caption=\'Figure 1\' scale=1.5 libraries=calc,patterns packages=pgfplots,[americanvoltages]circuitikz preamble="\\definecolor{ou}{RGB}{0,0,0}"')
    expect(fence).toEqual({
      spec: {
        source: '\\draw (0,0) -- (1,1);',
        wrap: 'picture',
        libraries: ['calc', 'patterns'],
        packages: [{name: 'pgfplots'}, {name: 'circuitikz', options: 'americanvoltages'}],
        pgfplotsLibraries: [],
        preamble: '\\definecolor{ou}{RGB}{0,0,0}',
        tikz: true,
        displayScale: 1.5,
      },
      sourceLine: 1,
      unknown: [],
      alt: 'A line, rising',
      caption: 'Figure 1',
    })
  })

  it('accepts directive-style braces, MyST option lines and comment lines, the fence line winning', () => {
    expect(parseAttributes('{alt="x \\"quoted\\"" width=3}')).toEqual([['alt', 'x "quoted"'], ['width', '3']])
    const myst = parseFence(':alt: From MyST\n:caption: Cap\n% alt: From a comment\n\\draw (0,0) circle (1);', null)
    expect(myst).toMatchObject({alt: 'From MyST', caption: 'Cap', sourceLine: 3, spec: {source: '% alt: From a comment\n\\draw (0,0) circle (1);'}})
    expect(parseFence('% alt: From a comment\n% caption: Also\n\\draw (0,0) circle (1);', 'alt=Fence')).toMatchObject({alt: 'Fence', caption: 'Also'})
    expect(parseFence('\\draw (0,0) circle (1);', 'alt=x colour=red').unknown).toEqual(['colour'])
    expect([isTikzFence('tikz'), isTikzFence('{tikz}'), isTikzFence('latex')]).toEqual([true, true, false])
  })

  it('tells bare commands, picture environments and standalone documents apart', () => {
    expect(wrapFor('\\draw (0,0) -- (1,1);')).toBe('picture')
    expect(wrapFor('% \\begin{tikzpicture} in a comment\n\\draw (0,0) -- (1,1);')).toBe('picture')
    expect(wrapFor('\\begin{circuitikz}\\draw (0,0) to[R] (1,0);\\end{circuitikz}')).toBe('document')
    expect(wrapFor('\\documentclass[tikz]{standalone}\n\\begin{document}\n\\tikz\\draw (0,0)--(1,1);\n\\end{document}')).toBe('standalone')
  })
})

describe('the TeX documents the engines get', () => {
  const spec = {...emptySpec('\\draw (0,0) -- (1,1);\n\\begin{axis}\\end{axis}', 'picture' as const), libraries: ['calc'], pictureScale: 2}

  it('for tikzjax: the preamble (format preloaded), the hatching fix, implied packages, the wrapped source', () => {
    const document = buildDocument(spec, 'tikzjax', '\\definecolor{ou}{RGB}{1,2,3}')
    expect(document.text.split('\n')).toEqual([
      '\\makeatletter\\def\\pgf@sys@svg@make@defs#1#2{\\pgfsys@invoke{<defs>#2</defs>}}\\def\\pgf@sys@svg@ref@defs#1{}\\makeatother',
      '\\usepackage{pgfplots}',
      '\\usetikzlibrary{calc}',
      '\\definecolor{ou}{RGB}{1,2,3}',
      '\\begin{document}',
      '\\begin{tikzpicture}[scale=2]',
      '\\draw (0,0) -- (1,1);',
      '\\begin{axis}\\end{axis}',
      '\\end{tikzpicture}',
      '\\end{document}',
      '',
    ])
    expect(document.sourceLine).toBe(7)
  })

  it('for latex: a standalone document with the dvisvgm driver', () => {
    const document = buildDocument(spec, 'latex')
    expect(document.text.split('\n').slice(0, 5)).toEqual(['\\def\\pgfsysdriver{pgfsys-dvisvgm.def}', '\\documentclass{standalone}', '\\usepackage{tikz}', '\\usepackage{pgfplots}', '\\usetikzlibrary{calc}'])
    expect(document.text.split('\n')[document.sourceLine - 1]).toBe('\\draw (0,0) -- (1,1);')
  })

  it('keeps a standalone document line for line, its \\documentclass blanked (tikzjax) or moved up (latex)', () => {
    const source = '\\documentclass[tikz,border=2pt]{standalone}\n\\usepackage[utf8]{inputenc}\n\\begin{document}\n\\tikz\\draw (0,0)--(1,1);\n\\end{document}'
    const tikzjax = buildDocument(emptySpec(source, 'standalone'), 'tikzjax')
    const lines = tikzjax.text.split('\n')
    expect(lines.slice(tikzjax.sourceLine - 1, tikzjax.sourceLine + 4)).toEqual(['', '', '\\begin{document}', '\\tikz\\draw (0,0)--(1,1);', '\\end{document}'])
    const latex = buildDocument(emptySpec(source, 'standalone'), 'latex', '\\usetikzlibrary{calc}')
    expect(latex.text.split('\n').slice(0, 4)).toEqual(['\\def\\pgfsysdriver{pgfsys-dvisvgm.def}\\documentclass[tikz,border=2pt]{standalone}', '\\usetikzlibrary{calc}', '', '\\usepackage[utf8]{inputenc}'])
    expect(latex.sourceLine).toBe(3)
  })
})

describe('reading the TeX log', () => {
  it("finds TeX's first error line and its input line", () => {
    const log = [
      'This is e-TeX, Version 3.14159265-2.6 (preloaded format=latex 2022.5.1)',
      '(input.tex',
      '! Package tikz Error: Giving up on this path. Did you forget a semicolon?.',
      'See the tikz package documentation for explanation.',
      'l.4 \\draw',
      '          (0,0) circle (1);',
      '! Emergency stop.',
    ].join('\n')
    expect(parseTexLog(log)).toEqual({message: 'Package tikz Error: Giving up on this path. Did you forget a semicolon?.', line: 4})
    expect(parseTexLog('Output written on input.dvi (1 page).')).toBeUndefined()
  })

  it('names the package or library behind a missing file', () => {
    expect(parseTexLog("! LaTeX Error: File `siunitx.sty' not found.\n\nl.1 \\usepackage{siunitx}")?.missing).toEqual({kind: 'package', name: 'siunitx'})
    expect(parseTexLog("! I can't find file `pgflibrarypgfplots.fillbetween.code.tex'.\nl.2 ...")?.missing).toEqual({kind: 'pgfplots library', name: 'fillbetween'})
    expect(parseTexLog("! LaTeX Error: File `tikzlibraryfoo.code.tex' not found.")?.missing).toEqual({kind: 'tikz library', name: 'foo'})
    expect(parseTexLog("! Package tikz Error: I did not find the tikz library 'bar'. I looked for files named tikzlibrarybar.code.pgf")?.missing).toEqual({kind: 'tikz library', name: 'bar'})
  })

  it('joins an error message TeX wrapped at 79 columns', () => {
    const message = "Package pgfkeys Error: I do not know the key '/tikz/colour' and I am going to ignore it. Perhaps you misspelled it."
    const wrapped = `! ${message}`.match(/.{1,79}/g)!.join('\n')
    expect(parseTexLog(`${wrapped}\n\nSee the pgfkeys package documentation for explanation.\nl.3 x`)).toEqual({message, line: 3})
  })
})
