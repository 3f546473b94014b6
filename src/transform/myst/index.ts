import type {Parent, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {MystDirective} from '../../pipeline/types.js'
import {dropdown, kindAdmonition, titledAdmonition} from './admonitions.js'
import {asideDirective, divDirective, quoteDirective} from './blocks.js'
import {codeDirective, mathDirective, mermaidDirective, tikzDirective} from './code.js'
import {report, type DirectiveHandler, type MystContext, type MystOptions} from './context.js'
import {figureDirective, imageDirective} from './figures.js'
import {glossaryDirective} from './glossary.js'
import {includeDirective} from './include.js'
import {convertRole} from './roles.js'
import {listTableDirective, tableDirective} from './tables.js'

export type {MystOptions} from './context.js'
export {mystLeftoversTransform} from './leftovers.js'

/**
 * The generic MyST directives, by name. Directives not listed here (the
 * OU ones, exercises, unknown ones) are left in the tree for the transforms
 * that run after this one, and for `mystLeftoversTransform`.
 */
const DIRECTIVES: Readonly<Record<string, DirectiveHandler>> = {
  note: kindAdmonition,
  tip: kindAdmonition,
  hint: kindAdmonition,
  warning: kindAdmonition,
  important: kindAdmonition,
  caution: kindAdmonition,
  attention: kindAdmonition,
  danger: kindAdmonition,
  error: kindAdmonition,
  seealso: kindAdmonition,
  admonition: titledAdmonition,
  dropdown,
  figure: figureDirective,
  image: imageDirective,
  table: tableDirective,
  'list-table': listTableDirective,
  code: codeDirective,
  'code-block': codeDirective,
  sourcecode: codeDirective,
  'code-cell': codeDirective,
  math: mathDirective,
  mermaid: mermaidDirective,
  tikz: tikzDirective,
  include: includeDirective,
  glossary: glossaryDirective,
  epigraph: quoteDirective,
  'pull-quote': quoteDirective,
  highlights: quoteDirective,
  margin: asideDirective,
  sidebar: asideDirective,
  div: divDirective,
}

/**
 * Turn the generic MyST directives and roles into the nodes the renderers
 * know: admonitions and dropdowns (shaped as the `:::note` admonitions
 * are), figures, tables and code listings (`courseFigure`), images, code,
 * math, TikZ fences (for the TikZ transform), included files, glossaries, quotes, asides and divs; and the roles
 * into formatting, math, links and `crossReference` nodes. Inner directives
 * are converted before the ones around them. `mystTarget` nodes stay.
 */
export function mystTransform(tree: Root, file: VFile, options: MystOptions): void {
  const context: MystContext = {
    file,
    options,
    chain: file.path ? [file.path] : [],
    transform: (content) => convertDirectives(content, context),
  }
  convertDirectives(tree, context)
}

/** Convert the known directives (inner ones first) and roles among the descendants of `parent`, in one walk. */
function convertDirectives(parent: Parent, context: MystContext): void {
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i]!
    if ('children' in child) convertDirectives(child, context)
    if (child.type === 'mystRole') {
      const replacement = convertRole(child)
      if (!replacement) continue
      parent.children.splice(i, 1, ...(replacement as never[]))
      i += replacement.length - 1
      continue
    }
    if (child.type !== 'mystDirective') continue
    reportOptionsError(child, context)
    const handler = Object.hasOwn(DIRECTIVES, child.name) ? DIRECTIVES[child.name]! : undefined
    const replacement = handler?.(child, context)
    if (!replacement) continue
    parent.children.splice(i, 1, ...(replacement as RootContent[] as never[]))
    i += replacement.length - 1
  }
}

function reportOptionsError(directive: MystDirective, context: MystContext): void {
  const error = directive.data?.mystOptionsError
  if (!error) return
  report(context, 'directive-option-invalid', `The options of {${directive.name}} are not valid YAML (${error}); it is rendered without them`, directive)
  delete directive.data!.mystOptionsError
}
