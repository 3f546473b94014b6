import type {Link, Nodes, Paragraph} from 'mdast'
import type {CourseMedia} from '../../../transform/course/nodes.js'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'
import {fit} from '../content-model.js'
import {childId} from '../ids.js'
import {pageAssetPath} from '../../../pipeline/asset-path.js'
import {isExternal, packaged, packageUrl, sitePathOf} from './shared.js'

/**
 * `courseMedia` → `MediaContent` as the OU toolchain writes it: `type`
 * `audio` or `video` with the file (packaged like images, after
 * `ouxml.mediaPathPrefix`), `html5` for an HTML5 package and for a
 * molecule (a package made here, drawing it with 3Dmol.js in the VLE),
 * `oembed` for a YouTube video (`https://youtu.be/<id>`). The caption is
 * the `Caption`, the rest the `Description`, and a transcript file a link
 * in it. A file that is missing (already reported) leaves the caption and
 * description as paragraphs.
 */
export function courseMediaHandler(state: State, node: CourseMedia): XmlNode[] {
  const kids = Array.isArray(node.children) ? node.children : []
  const role = (child: (typeof kids)[number]) => child.data?.mediaRole
  const file = kids.find((child): child is Link => child.type === 'link' && role(child) === 'file')
  const transcript = kids.find((child): child is Link => child.type === 'link' && role(child) === 'transcript')
  const caption = kids.find((child): child is Paragraph => child.type === 'paragraph' && role(child) === 'caption')
  const description = state.flow(kids.filter((child) => role(child) === undefined && child.type !== 'text') as Nodes[], node)
  if (transcript) description.push(...state.flow([{type: 'paragraph', children: [transcript]}], node))
  const src = mediaSrc(state, node, file)
  if (!src) return [...(caption ? state.flow([caption], node) : []), ...description]
  const type = node.kind === 'youtube' ? 'oembed' : node.kind === 'mol3d' ? 'html5' : node.kind
  const sized = node.kind !== 'audio' && node.kind !== 'youtube'
  const width = sized ? node.width ?? (node.kind === 'video' ? undefined : '*') : undefined
  const height = sized ? node.height ?? (node.kind === 'video' ? undefined : '400') : undefined
  const parts: XmlElement[] = []
  if (caption) parts.push(state.element('Caption', {}, state.titleContent(caption), caption))
  const described = fit(state, 'Description', description)
  if (described.length > 0) parts.push(state.element('Description', {}, described))
  const id = node.label ? state.ids.unique(childId(state.sessionId, node.label)) : undefined
  return [state.element('MediaContent', {type, src, width, height, id}, parts, node)]
}

function mediaSrc(state: State, node: CourseMedia, file: Link | undefined): string | undefined {
  if (node.kind === 'youtube') return `https://youtu.be/${encodeURIComponent(node.source)}`
  if (node.kind === 'mol3d') return moleculePackage(state, node)
  if (!file) return undefined
  if (isExternal(file.url)) return file.url
  const site = sitePathOf(state, file.url)
  return site ? packaged(state, site, state.options.mediaPathPrefix) : undefined
}

/** A molecule as an HTML5 package: a page that loads 3Dmol.js (the VLE is online) and draws the query with the given style. */
function moleculePackage(state: State, node: CourseMedia): string {
  const settings = JSON.stringify({query: node.source, style: node.style ?? '{"stick":{}}', background: node.background ?? '0xffffff'}).replace(/</g, '\\u003c')
  const html = `<div id="viewer" style="position:relative;width:100%;height:100vh"></div>
<script src="https://3Dmol.org/build/3Dmol-min.js"></script>
<script>
const settings = ${settings};
const viewer = $3Dmol.createViewer('viewer', {backgroundColor: settings.background});
let style = {};
try { style = JSON.parse(settings.style); } catch (error) { style = {stick: {}}; }
$3Dmol.download(settings.query, viewer, {}, () => { viewer.setStyle({}, style); viewer.zoomTo(); viewer.render(); });
</script>`
  const {outPath} = pageAssetPath(state.page.outPath, new TextEncoder().encode(html), 'zip')
  if (!state.packages.some((p) => p.path === outPath)) state.packages.push({path: outPath, html, title: `Molecule ${node.source}`})
  return packageUrl(state.options.mediaPathPrefix, outPath)
}
