import {createServer, type Server} from 'node:http'
import {readFile, stat} from 'node:fs/promises'
import {extname, join, normalize, resolve, sep} from 'node:path'
import {CLIENT_SCRIPT, DEV_PREFIX, type ReloadHub} from './live-reload.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.ipynb': 'application/x-ipynb+json', '.xml': 'application/xml', '.zip': 'application/zip', '.txt': 'text/plain; charset=utf-8',
}

/**
 * Resolve a request path to a file inside `root`, or undefined when it would
 * leave it: percent-encoded dots and slashes, backslashes and NUL bytes are
 * all decoded and checked before the file system is asked.
 */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const relativePath = normalize(decoded).replace(/^([/\\])+/, '')
  if (relativePath.split(/[/\\]/).includes('..')) return undefined
  const base = resolve(root)
  const path = resolve(base, relativePath)
  return path === base || path.startsWith(base + sep) ? path : undefined
}

export interface DevServerOptions {
  root: string
  hub: ReloadHub
  port: number
  host: string
}

/**
 * The dev server: serves only the built site in `root`, adds the live-reload
 * script to HTML pages, and streams build events at `/__coursebook/events`.
 */
export function startDevServer(options: DevServerOptions): Promise<Server> {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === `${DEV_PREFIX}events`) return options.hub.attach(response)
    if (url.pathname === `${DEV_PREFIX}live.js`) {
      response.writeHead(200, {'content-type': TYPES['.js']!, 'cache-control': 'no-store'})
      return response.end(CLIENT_SCRIPT)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, {allow: 'GET, HEAD'})
      return response.end()
    }
    let path = resolveRequestPath(options.root, url.pathname)
    if (!path) {
      response.writeHead(403, {'content-type': TYPES['.txt']!})
      return response.end('Forbidden')
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html')
      let body: Buffer | string = await readFile(path)
      const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
      if (type.startsWith('text/html')) body = injectClient(body.toString('utf8'))
      response.writeHead(200, {'content-type': type, 'cache-control': 'no-store'})
      response.end(request.method === 'HEAD' ? undefined : body)
    } catch {
      response.writeHead(404, {'content-type': TYPES['.txt']!})
      response.end('Not found')
    }
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolvePromise(server))
  })
}

function injectClient(html: string): string {
  const tag = `<script src="${DEV_PREFIX}live.js" defer></script>`
  const at = html.lastIndexOf('</body>')
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at)
}
