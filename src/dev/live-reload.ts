import type {ServerResponse} from 'node:http'
import type {Diagnostic} from '../diagnostics/report.js'

/** Where the dev server answers its own requests; never a path of the site. */
export const DEV_PREFIX = '/__coursebook/'

/** What the browser is told after each build. */
export type ReloadEvent = {type: 'reload'; paths: string[]} | {type: 'problems'; problems: Diagnostic[]}

/**
 * The script the dev server adds to every HTML page it serves (never to the
 * built files). It listens for build events: reloads the page when it was
 * rewritten, keeping the scroll position, and shows build errors in an overlay
 * that the next good build clears.
 */
export const CLIENT_SCRIPT = `(() => {
  const key = 'coursebook:scroll:' + location.pathname
  const saved = sessionStorage.getItem(key)
  if (saved) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(saved))) }
  const here = decodeURIComponent(location.pathname.replace(/\\/$/, '/index.html')).replace(/^\\//, '')
  const overlay = () => document.getElementById('coursebook-overlay')
  const events = new EventSource('${DEV_PREFIX}events')
  events.onmessage = (message) => {
    const event = JSON.parse(message.data)
    if (event.type === 'reload') {
      if (event.paths.some((p) => here.endsWith(p) || p.endsWith('.css'))) {
        sessionStorage.setItem(key, String(scrollY))
        location.reload()
      }
      return
    }
    overlay()?.remove()
    if (event.problems.length === 0) return
    const box = document.createElement('div')
    box.id = 'coursebook-overlay'
    box.setAttribute('role', 'alert')
    box.style.cssText = 'position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;z-index:99999;background:#2b0a0a;color:#ffe9e9;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;border-radius:8px;box-shadow:0 8px 30px rgba(0,0,0,.4);white-space:pre-wrap'
    const title = document.createElement('strong')
    title.textContent = 'coursebook: the last build has errors; the previous good pages are still served.\\n\\n'
    box.append(title)
    for (const p of event.problems) {
      const line = document.createElement('div')
      const where = [p.file, p.cell !== undefined ? 'cell ' + (p.cell + 1) : '', p.line !== undefined ? p.line + ':' + (p.column ?? 1) : ''].filter(Boolean).join(' › ')
      line.textContent = where + '  ' + p.message + '  [' + p.ruleId + ']' + (p.hint ? '\\n    ' + p.hint : '')
      box.append(line)
    }
    document.body.append(box)
  }
})()
`

/** The open event streams of the browsers watching the site. */
export class ReloadHub {
  private readonly clients = new Set<ServerResponse>()
  private last: ReloadEvent | undefined

  /** Attach a browser's Server-Sent Events request. */
  attach(response: ServerResponse): void {
    response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'})
    response.write(': connected\n\n')
    // A browser that connects while errors are showing sees them at once.
    if (this.last?.type === 'problems') response.write(`data: ${JSON.stringify(this.last)}\n\n`)
    this.clients.add(response)
    response.on('close', () => this.clients.delete(response))
  }

  send(event: ReloadEvent): void {
    this.last = event
    const data = `data: ${JSON.stringify(event)}\n\n`
    for (const client of this.clients) client.write(data)
  }

  close(): void {
    for (const client of this.clients) client.end()
    this.clients.clear()
  }
}
