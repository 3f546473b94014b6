import type {InlineCode, Link, PhrasingContent, Text} from 'mdast'
import type {InlineMath} from 'mdast-util-math'
import type {CrossReference, CrossReferenceKind, MystRole} from '../../pipeline/types.js'

type RoleHandler = (role: MystRole) => PhrasingContent[]

// `text <target>`: a role's explicit title.
const EXPLICIT = /^([\s\S]*?)\s*<([^<>]+)>$/
// `HTML (HyperText Markup Language)`.
const ABBREVIATION = /^([\s\S]*?)\s*\(([^()]*)\)\s*$/

const REFERENCES: readonly CrossReferenceKind[] = ['ref', 'numref', 'eq', 'doc', 'term']

/**
 * The generic MyST roles, by name. Roles not listed here are left for the
 * transforms that run later, and for `mystLeftoversTransform`.
 */
const ROLES: Readonly<Record<string, RoleHandler>> = {
  subscript: (role) => wrapped('sub', role),
  superscript: (role) => wrapped('sup', role),
  abbr: abbreviation,
  math: (role) => [{type: 'inlineMath', value: role.value, ...at(role)} as InlineMath as PhrasingContent],
  kbd: (role) => [{type: 'inlineCode', value: role.value, data: {...role.data, hName: 'kbd'}, ...position(role)} as InlineCode],
  code: (role) => [{type: 'inlineCode', value: role.value, ...at(role)}],
  guilabel: (role) => [{type: 'text', value: role.value.replace(/&(?=\S)/g, ''), data: {...role.data, hName: 'span', hProperties: {className: ['guilabel']}}, ...position(role)} as Text],
  download,
  ...Object.fromEntries(REFERENCES.map((kind) => [kind, (role: MystRole) => [crossReference(kind, role)]])),
}

/** Roles left in the tree as `mystRole` on purpose: the renderers draw them. */
export const RENDERED_ROLES: ReadonlySet<string> = new Set(['sub', 'sup'])

/** What a known `mystRole` stands for, or undefined for a role left to later transforms (or to the renderers). */
export function convertRole(role: MystRole): PhrasingContent[] | undefined {
  if (RENDERED_ROLES.has(role.name)) return undefined
  return Object.hasOwn(ROLES, role.name) ? ROLES[role.name]!(role) : undefined
}

/**
 * `{sub}`/`{sup}` (and their long names): kept as a `mystRole` named `sub`
 * or `sup`, which the HTML and OU-XML renderers draw as subscript and
 * superscript (both formats have them), while plain-text uses (heading ids,
 * captions quoted by references) read just the text.
 */
function wrapped(tag: 'sub' | 'sup', role: MystRole): PhrasingContent[] {
  return [{...role, name: tag}]
}

/** `{abbr}`: `<abbr title="expansion">short</abbr>` on the website; the short form as text elsewhere. */
function abbreviation(role: MystRole): PhrasingContent[] {
  const match = ABBREVIATION.exec(role.value)
  const short = match?.[1]?.trim() || role.value
  const text: Text = {type: 'text', value: short, data: {...role.data, hName: 'abbr', hProperties: match?.[2]?.trim() ? {title: match[2].trim()} : {}}, ...position(role)}
  return [text]
}

/** `{download}`: a link to the file (the links transform copies it into the site and reports a missing one). */
function download(role: MystRole): PhrasingContent[] {
  const {text, target} = explicit(role.value)
  const link: Link = {type: 'link', url: target, children: [{type: 'text', value: text || target.split('/').pop() || target, ...at(role)}], ...at(role)}
  link.data = {...link.data, hProperties: {download: true}}
  return [link]
}

/** `{ref}`, `{numref}`, `{eq}`, `{doc}`, `{term}`: a reference for the numbering step to resolve, with its explicit text as children. */
function crossReference(kind: CrossReferenceKind, role: MystRole): CrossReference {
  const {text, target} = explicit(role.value)
  const node: CrossReference = {type: 'crossReference', kind, target, children: text ? [{type: 'text', value: text, ...at(role)}] : [], ...at(role)}
  return node
}

/** `text <target>` → both; a bare `target` has no text. */
function explicit(value: string): {text: string; target: string} {
  const match = EXPLICIT.exec(value.trim())
  if (match && match[2]!.trim()) return {text: match[1]!.trim(), target: match[2]!.trim()}
  return {text: '', target: value.trim()}
}

/** Position and cell of the role, for a node made from it. */
function at(role: MystRole): {position?: MystRole['position']; data?: MystRole['data']} {
  return {...position(role), ...(role.data?.cell !== undefined && {data: {cell: role.data.cell}})}
}

function position(role: MystRole): {position?: MystRole['position']} {
  return role.position ? {position: role.position} : {}
}
