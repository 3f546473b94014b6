import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, resolve} from 'node:path'
import type {Code, Root, RootContent} from 'mdast'
import type {Node, Parent} from 'unist'
import type {MystDirective} from '../../pipeline/types.js'
import {origin, report, type DirectiveHandler} from './context.js'

/**
 * `{include} path`: the Markdown of another file, parsed and put where the
 * directive is (its directives converted too). The path is relative to the
 * file holding the directive (`/path` to the content folder). Options:
 * `:start-line:`/`:end-line:` (0-based, end excluded, as docutils counts),
 * `:start-after:`/`:end-before:` (text markers), `:literal:` (the text as
 * a code block) and `:code: language`. The file is a dependency of the page
 * whether or not it exists. A missing file, one outside the content folder,
 * and a file that includes itself (directly or through others: the message
 * names the chain) are reported and left out. Included content takes the
 * directive's position: its own lines are in another file.
 */
export const includeDirective: DirectiveHandler = (directive, context) => {
  const target = directive.args.trim()
  if (!target) {
    report(context, 'include-missing', '{include} needs the path of the file to include', directive)
    return []
  }
  const from = context.chain.at(-1) ?? context.file.path
  const path = target.startsWith('/') ? join(context.options.contentPath, target) : resolve(dirname(from), target)
  if (!inside(context.options.contentPath, path)) {
    report(context, 'path-outside-content', `{include} "${target}" points outside the content folder and is not included`, directive)
    return []
  }
  context.file.data.coursebook?.dependencies.push(path)
  if (!existsSync(path) || !statSync(path).isFile()) {
    report(context, 'include-missing', `{include} "${target}" does not exist`, directive)
    return []
  }
  if (context.chain.includes(path)) {
    const names = [...context.chain.slice(context.chain.indexOf(path)), path].map((file) => relative(context.options.contentPath, file).split('\\').join('/'))
    report(context, 'include-cycle', `{include} "${target}" would include a file into itself: ${names.join(' → ')}; it is left out`, directive)
    return []
  }
  const text = selectLines(readFileSync(path, 'utf8'), directive)
  if ('literal' in directive.options || 'code' in directive.options) {
    const code: Code = {type: 'code', lang: directive.options.code?.trim() || null, meta: null, value: text.replace(/\n$/, ''), ...origin(directive)}
    return [code]
  }
  const root: Root = {type: 'root', children: context.options.parseMarkdown(withoutFrontMatter(text))}
  stamp(root, directive)
  context.options.sanitize?.(root)
  context.chain.push(path)
  try {
    context.transform(root)
  } finally {
    context.chain.pop()
  }
  return root.children as RootContent[]
}

function inside(folder: string, path: string): boolean {
  let real = path
  try {
    real = realpathSync(path)
  } catch {
    // A missing file is checked by where it would be.
  }
  let base = folder
  try {
    base = realpathSync(folder)
  } catch {
    // Keep the folder as given.
  }
  const rel = relative(base, real)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The part of the file the line and marker options select. */
function selectLines(text: string, directive: MystDirective): string {
  const {options} = directive
  let lines = text.split('\n')
  const start = Number.parseInt(options['start-line'] ?? '', 10)
  const end = Number.parseInt(options['end-line'] ?? '', 10)
  if (Number.isFinite(start) || Number.isFinite(end)) lines = lines.slice(Number.isFinite(start) ? start : 0, Number.isFinite(end) ? end : undefined)
  let selected = lines.join('\n')
  const after = options['start-after']
  if (after) {
    const at = selected.indexOf(after)
    if (at >= 0) selected = selected.slice(at + after.length)
  }
  const before = options['end-before']
  if (before) {
    const at = selected.indexOf(before)
    if (at >= 0) selected = selected.slice(0, at)
  }
  return selected
}

/** The text with a leading YAML front matter block blanked out (an included page's metadata is not content). */
function withoutFrontMatter(text: string): string {
  if (!/^---[ \t]*\r?\n/.test(text)) return text
  const lines = text.split('\n')
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*\r?$/.test(line))
  if (end < 0) return text
  return [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n')
}

/** Give every included node the directive's position and notebook cell. */
function stamp(node: Node, directive: MystDirective): void {
  const at = directive.position
  if (at) node.position = {start: {...at.start}, end: {...at.end}}
  else delete node.position
  const cell = directive.data?.cell
  if (cell !== undefined) node.data = {...node.data, cell} as Node['data']
  for (const child of (node as Parent).children ?? []) stamp(child, directive)
}
