import {parsePackages, splitList, emptySpec, wrapFor, type TikzSpec} from './spec.js'
import {stringOf, valueOf, type OptionDef, type ParsedArgs} from './magic-args.js'

/** The `%%tikz`-style magics coursebook reads. */
export type Dialect = 'tikzmagic' | 'jupyter-tikz' | 'itikz' | 'circuitikz'

/** What a magic cell amounts to: a diagram, or a reason it cannot be drawn at build time. */
export type DialectResult = {spec: TikzSpec} | {skip: string} | {none: true}

const opt = (key: string, ...names: string[]): OptionDef => ({key, names, takesValue: true})
const flag = (key: string, ...names: string[]): OptionDef => ({key, names, takesValue: false})

/**
 * IPython tikzmagic and its forks: the OU's ipython_magic_tikz and robjstan's
 * (`-s` is the image scale), mkrphys's (`-s` is the pixel size `w,h`, `-sc`
 * the tikzpicture scale). In all of them `-p` lists packages, `-x` is
 * preamble, `-l` lists libraries, and the cell is wrapped in a tikzpicture
 * (the OU's `--no-wrap` turns that off).
 */
export const tikzmagicOptions: readonly OptionDef[] = [
  opt('libraries', '-l', '--library', '--tikz_libraries'),
  opt('packages', '-p', '--package', '--latex_packages'),
  opt('preamble', '-x', '--preamble', '--latex_preamble'),
  opt('pictureScale', '-sc', '--scale'),
  opt('sizeOrScale', '-s', '--size'),
  opt('format', '-f', '--format'),
  opt('encoding', '-e', '--encoding'),
  opt('save', '-S', '--save'),
  opt('border', '-b', '--border'),
  flag('noWrap', '--no-wrap'),
]

/** lucaslrodri/jupyter-tikz: `-p` is the whole preamble, `-t` the packages, `-as` the input type, `-sc` a `\scalebox`. */
export const jupyterTikzOptions: readonly OptionDef[] = [
  opt('inputType', '-as', '--input-type'),
  flag('implicitPic', '-i', '--implicit-pic'),
  flag('fullDocument', '-f', '--full-document'),
  opt('preamble', '-p', '--latex-preamble'),
  opt('packages', '-t', '--tex-packages'),
  flag('noTikz', '-nt', '--no-tikz'),
  opt('libraries', '-l', '--tikz-libraries'),
  opt('pgfplotsLibraries', '-lp', '-pl', '--pgfplots-libraries'),
  flag('jinja', '-j', '--use-jinja', '--as-jinja', '-pj', '--print-jinja'),
  flag('noJinja', '-nj', '--no-jinja'),
  flag('printTex', '-pt', '--print-tex'),
  opt('scale', '-sc', '--scale'),
  flag('rasterize', '-r', '--rasterize'),
  opt('dpi', '-d', '--dpi'),
  flag('fullError', '-e', '--full-err'),
  opt('texProgram', '-tp', '--tex-program'),
  opt('texArgs', '-ta', '--tex-args'),
  flag('noCompile', '-nc', '--no-compile'),
  opt('saveTex', '-s', '-st', '--save-tex', '--save-text', '--save-tikz'),
  opt('savePdf', '-sp', '--save-pdf'),
  opt('saveImage', '-S', '--save-image'),
  opt('saveVar', '-sv', '--save-var'),
  flag('gray', '-g', '--gray'),
  flag('keepTemp', '-k', '--keep-temp'),
]

/** jbn/itikz (`%%itikz`): a whole document unless `--implicit-pic` / `--implicit-standalone` / `--template`. */
export const itikzOptions: readonly OptionDef[] = [
  flag('implicitPic', '--implicit-pic'),
  flag('implicitStandalone', '--implicit-standalone'),
  opt('template', '--template'),
  opt('scale', '--scale'),
  opt('libraries', '--tikz-libraries'),
  opt('packages', '--tex-packages'),
  flag('jinja', '--as-jinja', '--print-jinja'),
  flag('help', '-h', '--help'),
  flag('tempDir', '--temp-dir'),
  opt('filePrefix', '--file-prefix'),
  opt('keepFile', '--keep-file'),
  opt('texProgram', '--tex-program'),
  opt('nexec', '--nexec'),
  flag('ignored', '--use-xetex', '--use-dvi', '--crop', '--rasterize', '--debug', '--full-error'),
]

/** jrjohansson/ipython-circuitikz: `key=value` words (filename, dpi) that do not change the drawing. */
export const circuitikzOptions: readonly OptionDef[] = []

// jupyter-tikz's Jinja delimiters: (* expression *), (** statement **), (~ comment ~), and {% raw %} blocks.
const JINJA = /\(\*\*?[^\n]*?\*\*?\)|\(~[^\n]*?~\)|\{%-?\s*(?:end)?raw\b/

/** Turn parsed magic arguments and the cell body into a spec, by dialect. */
export function dialectSpec(dialect: Dialect, args: ParsedArgs, body: string): DialectResult {
  switch (dialect) {
    case 'tikzmagic':
      return tikzmagicSpec(args, body)
    case 'jupyter-tikz':
      return jupyterTikzSpec(args, body)
    case 'itikz':
      return itikzSpec(args, body)
    case 'circuitikz':
      return {spec: {...emptySpec(body, wrapFor(body)), packages: [{name: 'circuitikz'}]}}
  }
}

function tikzmagicSpec(args: ParsedArgs, body: string): DialectResult {
  const spec = emptySpec(body, valueOf(args, 'noWrap') ? 'document' : 'picture')
  if (wrapFor(body) !== 'picture') spec.wrap = wrapFor(body)
  spec.libraries = splitList(stringOf(args, 'libraries') ?? '')
  spec.packages = parsePackages(stringOf(args, 'packages') ?? '')
  spec.preamble = stringOf(args, 'preamble') ?? ''
  const pictureScale = numberOf(stringOf(args, 'pictureScale'))
  if (pictureScale !== undefined) spec.pictureScale = pictureScale
  const sizeOrScale = stringOf(args, 'sizeOrScale')
  const size = /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(sizeOrScale ?? '')
  if (size) spec.size = {width: Number(size[1]), height: Number(size[2])}
  else if (numberOf(sizeOrScale) !== undefined) spec.displayScale = numberOf(sizeOrScale)
  return {spec}
}

function jupyterTikzSpec(args: ParsedArgs, body: string): DialectResult {
  if (valueOf(args, 'noCompile')) return {none: true}
  if (args.positionals.length > 0) return {skip: `it draws the notebook variable "${args.positionals[0]}"`}
  if (valueOf(args, 'jinja') || (!valueOf(args, 'noJinja') && JINJA.test(body))) return {skip: 'it is a Jinja template filled from the notebook\'s variables'}
  const inputType = inputTypeOf(stringOf(args, 'inputType'), args)
  if (!inputType) return {skip: `its input type "${stringOf(args, 'inputType')}" is not one jupyter-tikz knows`}
  const spec = emptySpec(body, inputType === 'tikzpicture' ? 'picture' : inputType === 'full-document' ? 'standalone' : 'document')
  if (spec.wrap === 'document' && wrapFor(body) === 'standalone') spec.wrap = 'standalone'
  spec.preamble = stringOf(args, 'preamble') ?? ''
  spec.packages = splitList(stringOf(args, 'packages') ?? '').map((name) => ({name}))
  spec.libraries = splitList(stringOf(args, 'libraries') ?? '')
  spec.pgfplotsLibraries = splitList(stringOf(args, 'pgfplotsLibraries') ?? '')
  spec.tikz = !valueOf(args, 'noTikz')
  const scale = numberOf(stringOf(args, 'scale'))
  if (scale !== undefined) spec.displayScale = scale
  return {spec}
}

function inputTypeOf(value: string | undefined, args: ParsedArgs): string | undefined {
  if (valueOf(args, 'implicitPic')) return 'tikzpicture'
  if (valueOf(args, 'fullDocument')) return 'full-document'
  const wanted = (value ?? 'standalone-document').toLowerCase()
  // jupyter-tikz accepts any prefix: `-as=t`, `-as=f`.
  return ['full-document', 'standalone-document', 'tikzpicture'].find((type) => wanted && type.startsWith(wanted))
}

function itikzSpec(args: ParsedArgs, body: string): DialectResult {
  if (valueOf(args, 'help')) return {none: true}
  if (args.positionals.length > 0) return {skip: `it draws the notebook variable "${args.positionals[0]}"`}
  if (valueOf(args, 'jinja')) return {skip: 'it is a Jinja template filled from the notebook\'s variables'}
  const template = valueOf(args, 'implicitPic') ? 'pic' : valueOf(args, 'implicitStandalone') ? 'standalone' : stringOf(args, 'template')
  const wrap = template === 'pic' ? 'picture' : template === 'standalone' || template === 'article' ? 'document' : 'standalone'
  const spec = emptySpec(body, wrap === 'standalone' ? wrapFor(body) : wrap)
  spec.packages = parsePackages(stringOf(args, 'packages') ?? '')
  spec.libraries = splitList(stringOf(args, 'libraries') ?? '')
  const scale = numberOf(stringOf(args, 'scale'))
  if (scale !== undefined && spec.wrap === 'picture') spec.pictureScale = scale
  return {spec}
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d*\.?\d+\s*$/.test(value)) return undefined
  const number = Number(value)
  return number > 0 ? number : undefined
}
