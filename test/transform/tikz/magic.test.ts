import {describe, expect, it} from 'vitest'
import {parseMagicCell, guessDialect} from '../../../src/transform/tikz/magic.js'
import {splitArgs} from '../../../src/transform/tikz/magic-args.js'

const DRAW = String.raw`\draw (0,0) rectangle (1,1);`
const PICTURE = String.raw`\begin{tikzpicture}
\draw (0,0) rectangle (1,1);
\end{tikzpicture}`
const DOCUMENT = String.raw`\documentclass[tikz]{standalone}
\begin{document}
${PICTURE}
\end{document}`

/** The parts of a parsed cell a test pins: everything but the source. */
function parsed(cell: string, setting?: 'auto' | 'tikzmagic' | 'jupyter-tikz') {
  const result = parseMagicCell(cell, setting)
  if (result.kind !== 'diagram') return result
  const {source: _source, ...spec} = result.spec
  return {dialect: result.dialect, spec, sourceLine: result.sourceLine, assumed: result.assumed, unknown: result.unknown}
}

const base = {packages: [], libraries: [], pgfplotsLibraries: [], preamble: '', tikz: true}

describe('IPython tikzmagic cells (the OU magic, mkrphys, robjstan)', () => {
  it('wraps a bare %%tikz cell in a tikzpicture, with no guess to report', () => {
    expect(parsed(`%%tikz\n${DRAW}`)).toEqual({dialect: 'tikzmagic', spec: {...base, wrap: 'picture'}, sourceLine: 2, assumed: undefined, unknown: []})
  })

  it('reads -l libraries, -p packages, -x preamble and -s scale (OU)', () => {
    const cell = `%%tikz -l calc,arrows.meta -p pgfplots,[siunitx]xcolor -x "\\definecolor{ou}{RGB}{0,0,0}" -s 1.5\n${DRAW}`
    expect(parsed(cell)).toMatchObject({
      dialect: 'tikzmagic',
      spec: {
        wrap: 'picture',
        libraries: ['calc', 'arrows.meta'],
        packages: [{name: 'pgfplots'}, {name: 'xcolor', options: 'siunitx'}],
        preamble: '\\definecolor{ou}{RGB}{0,0,0}',
        displayScale: 1.5,
      },
      assumed: undefined,
    })
  })

  it('reads mkrphys options: --scale is the picture scale, --size a pixel box, -f a format', () => {
    expect(parsed(`%%tikz --scale 2 --size 300,300 -f jpg\n${DRAW}`)).toEqual({
      dialect: 'tikzmagic',
      spec: {...base, wrap: 'picture', pictureScale: 2, size: {width: 300, height: 300}},
      sourceLine: 2,
      assumed: undefined,
      unknown: [],
    })
    expect(parsed(`%%tikz -s 400,400 -sc 1.2 -f png\n${DRAW}`)).toMatchObject({spec: {pictureScale: 1.2, size: {width: 400, height: 400}}})
    expect(parsed(`%%tikz -l arrows,matrix -f svg\n${DRAW}`)).toMatchObject({dialect: 'tikzmagic', spec: {libraries: ['arrows', 'matrix']}, assumed: undefined})
    expect(parsed(`%%tikz -p pgfplots -f svg\n\\begin{axis}\\addplot {x^2};\\end{axis}`)).toMatchObject({dialect: 'tikzmagic', spec: {packages: [{name: 'pgfplots'}], wrap: 'picture'}, assumed: undefined})
  })

  it('takes the code of a one-line %tikz magic from the line itself', () => {
    expect(parseMagicCell(`%tikz ${DRAW}`)).toMatchObject({kind: 'diagram', dialect: 'tikzmagic', sourceLine: 1, spec: {source: DRAW, wrap: 'picture'}})
  })

  it('keeps a cell whose body is already a picture out of a second tikzpicture, and honours --no-wrap', () => {
    expect(parsed(`%%tikz\n${PICTURE}`)).toMatchObject({spec: {wrap: 'document'}})
    expect(parsed(`%%tikz --no-wrap\n\\node {a};`)).toMatchObject({spec: {wrap: 'document'}})
  })

  it('says which magic it assumed when -p could be packages or a preamble', () => {
    expect(parsed(`%%tikz -p pgfplots\n${DRAW}`)).toMatchObject({
      dialect: 'tikzmagic',
      spec: {packages: [{name: 'pgfplots'}]},
      assumed: "read as IPython tikzmagic (the OU's %%tikz): -p could also be jupyter-tikz, where it means something else",
    })
  })

  it('skips a cell whose options need notebook variables', () => {
    expect(parseMagicCell(`%%tikz -x $preamble\n${DRAW}`)).toEqual({kind: 'skip', dialect: 'tikzmagic', reason: 'its options use the notebook variable $preamble'})
  })
})

describe('jupyter-tikz cells', () => {
  it('reads -as=t, -l= libraries and -t= packages', () => {
    expect(parsed(`%%tikz -as=t -l=quotes,angles -t=amsfonts\n${DRAW}`)).toEqual({
      dialect: 'jupyter-tikz',
      spec: {...base, wrap: 'picture', libraries: ['quotes', 'angles'], packages: [{name: 'amsfonts'}]},
      sourceLine: 2,
      assumed: undefined,
      unknown: [],
    })
  })

  it('reads -i, -nt and ignores the output options (-S, -r, --dpi)', () => {
    expect(parsed(`%%tikz -i -t=pgfplots -nt -S=docs/assets/quadratic -r --dpi=150\n\\begin{axis}\\addplot {x};\\end{axis}`)).toEqual({
      dialect: 'jupyter-tikz',
      spec: {...base, wrap: 'picture', packages: [{name: 'pgfplots'}], tikz: false},
      sourceLine: 2,
      assumed: undefined,
      unknown: [],
    })
  })

  it('takes a full document as it is with -as=full-document or -f, and a picture by default', () => {
    expect(parsed(`%%tikz -as=full-document\n${DOCUMENT}`)).toMatchObject({dialect: 'jupyter-tikz', spec: {wrap: 'standalone'}})
    expect(parsed(`%%tikz -f\n${DOCUMENT}`)).toMatchObject({dialect: 'jupyter-tikz', spec: {wrap: 'standalone'}})
    expect(parsed(`%%tikz -sc=0.75\n${PICTURE}`)).toMatchObject({dialect: 'jupyter-tikz', spec: {wrap: 'document', displayScale: 0.75}})
  })

  it('reads -p as the preamble and --pgfplots-libraries', () => {
    expect(parsed(`%%tikz -as=t -nt -t=pgfplots --pgfplots-libraries=statistics\n${DRAW}`)).toMatchObject({spec: {pgfplotsLibraries: ['statistics'], packages: [{name: 'pgfplots'}]}})
    expect(parsed(`%%tikz -p="\\usepackage{xcolor}"\n${PICTURE}`)).toMatchObject({dialect: 'jupyter-tikz', spec: {preamble: '\\usepackage{xcolor}', packages: []}})
    expect(parsed(`%%tikz -p pgfplots\n${PICTURE}`, 'jupyter-tikz')).toMatchObject({dialect: 'jupyter-tikz', spec: {preamble: 'pgfplots'}, assumed: undefined})
  })

  it('skips Jinja templates and variables, draws nothing for --no-compile', () => {
    expect(parseMagicCell(`%%tikz -l=arrows,automata -sc=2\n\\node (v(* i *)) {};`)).toMatchObject({kind: 'skip', dialect: 'jupyter-tikz'})
    expect(parsed(`%%tikz -nj -sc=2\n\\begin{tikzpicture}\\node {(* not jinja *)};\\end{tikzpicture}`)).toMatchObject({dialect: 'jupyter-tikz'})
    expect(parseMagicCell(`%%tikz -p "$preamble" -as=t\n${DRAW}`)).toMatchObject({kind: 'skip', reason: 'its options use the notebook variable $preamble'})
    expect(parseMagicCell('%%tikz -sv=my_preamble --no-compile\n\\usepackage{tikz}')).toEqual({kind: 'none'})
    expect(parseMagicCell('%tikz?')).toEqual({kind: 'none'})
  })
})

describe('itikz and ipython-circuitikz cells', () => {
  it('reads --implicit-pic with libraries, packages and scale', () => {
    expect(parsed(`%%itikz --temp-dir --implicit-pic --tikz-libraries=quotes,angles --tex-packages=amsfonts --scale=2\n${DRAW}`)).toEqual({
      dialect: 'itikz',
      spec: {...base, wrap: 'picture', libraries: ['quotes', 'angles'], packages: [{name: 'amsfonts'}], pictureScale: 2},
      sourceLine: 2,
      assumed: undefined,
      unknown: [],
    })
  })

  it('takes a whole document by default and wraps only with --implicit-standalone', () => {
    expect(parsed(`%%itikz --file-prefix conway-\n\n${DOCUMENT}`)).toMatchObject({dialect: 'itikz', spec: {wrap: 'standalone'}})
    expect(parsed('%%itikz --temp-dir --implicit-standalone --tex-packages=smartdiagram,amsfonts\n\\smartdiagram{a,b}')).toMatchObject({
      spec: {wrap: 'document', packages: [{name: 'smartdiagram'}, {name: 'amsfonts'}]},
    })
    expect(parseMagicCell(`%%itikz --as-jinja --temp-dir\n${DOCUMENT}`)).toMatchObject({kind: 'skip', dialect: 'itikz'})
  })

  it('loads circuitikz for %%circuitikz cells', () => {
    expect(parsed('%%circuitikz filename=squid dpi=125\n\\begin{circuitikz}\\draw (0,0) to[R] (2,0);\\end{circuitikz}')).toMatchObject({
      dialect: 'circuitikz',
      spec: {wrap: 'document', packages: [{name: 'circuitikz'}]},
    })
  })

  it('leaves other code cells alone', () => {
    expect(parseMagicCell('import numpy as np\n%tikz')).toEqual({kind: 'none'})
    expect(parseMagicCell('%%bash\necho hi')).toEqual({kind: 'none'})
  })
})

describe('the dialect guess', () => {
  it('is decided by options only one magic has', () => {
    expect(guessDialect(['-x', 'pre'], 'auto').dialect).toBe('tikzmagic')
    expect(guessDialect(['-as=t'], 'auto').dialect).toBe('jupyter-tikz')
    expect(guessDialect(['-s', 'code.tikz'], 'auto').dialect).toBe('jupyter-tikz')
    expect(guessDialect(['-e', 'utf-8'], 'auto').dialect).toBe('tikzmagic')
    expect(guessDialect([], 'auto')).toEqual({dialect: 'tikzmagic'})
  })

  it('obeys tikz.magic', () => {
    expect(guessDialect(['-as=t'], 'tikzmagic')).toEqual({dialect: 'tikzmagic'})
  })

  it('splits magic lines as IPython does, quotes grouping and backslashes kept', () => {
    expect(splitArgs(`-x "\\usepackage{a} \\usepackage{b}" -l 'calc'  --scale=2`)).toEqual(['-x', '\\usepackage{a} \\usepackage{b}', '-l', 'calc', '--scale=2'])
  })
})
