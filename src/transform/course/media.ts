import type {Link, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {MystDirective} from '../../pipeline/types.js'
import {emit} from '../../diagnostics/message.js'
import {isSafeUrl} from '../trust.js'
import type {CourseMedia, MediaKind, MediaRole} from './nodes.js'
import {option, origin, unquote} from './tree.js'

/** Directive names that make a media item, and the kind each makes. */
export const MEDIA_DIRECTIVES: Readonly<Record<string, MediaKind>> = {
  'ou-audio': 'audio',
  'ou-video': 'video',
  'ou-html5': 'html5',
  'ou-mol3d': 'mol3d',
  youtube: 'youtube',
}

/**
 * A media directive → `courseMedia`. The argument is the file (relative to
 * the page, or a URL), the YouTube video (id or URL) or the molecule query
 * (`pdb:1ubq`); a YouTube video's `source` is its id. As in sphinxcontrib-ou-xml-tags, the body's first paragraph
 * is the caption and the rest the description. Options: `:width:`,
 * `:height:`, `:name:`/`:label:`, `:transcript:` (a file), and for a
 * molecule `:style:` and `:background:`. With no argument, the body is kept
 * as ordinary content and a `media-source-missing` warning names the directive.
 */
export function mediaFrom(node: MystDirective, kind: MediaKind, file: VFile): CourseMedia | RootContent[] {
  const written = node.args.trim()
  const source = kind === 'youtube' ? youtubeId(written) : written
  if (!source) {
    emit(file, 'media-source-missing', `{${node.name}} names no ${kind === 'youtube' ? 'video' : kind === 'mol3d' ? 'molecule' : 'file'}; its text is shown as ordinary content`, {node, stage: 'course'})
    return node.children
  }
  // Only files and http(s) URLs: this runs after an untrusted page was sanitised, so nothing else may reach a src or href.
  const unsafe = [kind === 'youtube' || kind === 'mol3d' ? '' : source, option(node, 'transcript') ?? ''].find((url) => !isSafeUrl(url))
  if (unsafe !== undefined) {
    emit(file, 'media-source-missing', `{${node.name}} names "${unsafe}", which is neither a file nor an http(s) URL; its text is shown as ordinary content`, {node, stage: 'course'})
    return node.children
  }
  const media: CourseMedia = {type: 'courseMedia', kind, source, children: [], ...origin(node)}
  const label = option(node, 'label', 'name')
  if (label) media.label = label
  const width = option(node, 'width')
  const height = option(node, 'height')
  if (width) media.width = width
  if (height) media.height = height
  if (kind === 'mol3d') {
    const style = unquote(option(node, 'style'))
    const background = unquote(option(node, 'background'))
    if (style) media.style = style
    if (background) media.background = background
  }
  media.children.push(link(node, sourceUrl(kind, source), linkText(kind, source), 'file'))
  const transcript = option(node, 'transcript')
  if (transcript) media.children.push(link(node, transcript, 'Transcript', 'transcript'))
  const [first, ...rest] = node.children
  if (first?.type === 'paragraph') {
    first.data = {...first.data, mediaRole: 'caption'}
    media.children.push(first, ...rest)
  } else media.children.push(...node.children)
  return media
}

/** The id of a YouTube video given as an id or as a watch, short or embed URL. */
export function youtubeId(source: string): string {
  const match = /(?:youtu\.be\/|[?&]v=|\/embed\/|\/shorts\/)([\w-]{6,})/.exec(source)
  return match ? match[1]! : source.trim()
}

/** What the file link points to: the file as written; YouTube's watch page; the 3Dmol.js viewer for a molecule. */
function sourceUrl(kind: MediaKind, source: string): string {
  if (kind === 'youtube') return `https://www.youtube.com/watch?v=${encodeURIComponent(source)}`
  if (kind === 'mol3d') {
    const [scheme, id] = source.includes(':') ? [source.slice(0, source.indexOf(':')), source.slice(source.indexOf(':') + 1)] : ['pdb', source]
    const key = ['pdb', 'cid', 'url'].includes(scheme.toLowerCase()) ? scheme.toLowerCase() : 'pdb'
    return `https://3dmol.csb.pitt.edu/viewer.html?${key}=${encodeURIComponent(id)}`
  }
  return source
}

function linkText(kind: MediaKind, source: string): string {
  const name = source.split(/[?#]/)[0]!.split('/').pop() || source
  switch (kind) {
    case 'audio':
      return `Download the audio (${name})`
    case 'video':
      return `Download the video (${name})`
    case 'html5':
      return `Download the interactive content (${name})`
    case 'mol3d':
      return `Open the molecule ${source} in the 3Dmol.js viewer`
    case 'youtube':
      return 'Watch on YouTube'
  }
}

function link(node: MystDirective, url: string, text: string, role: MediaRole): Link {
  return {type: 'link', url, children: [{type: 'text', value: text}], position: node.position, data: {...origin(node).data, mediaRole: role}}
}
