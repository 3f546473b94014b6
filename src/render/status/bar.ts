import {html, type SafeHtml} from '../layout/html.js'

/**
 * A progress bar as inline SVG: `value` against `target`, filled in the
 * accent colour up to the target and in the "over" colour past it (the bar
 * then spans the value, with a tick where the target is). The SVG is
 * decoration; `text` beside it says the same in words. Colours come from the
 * theme's CSS (`.status-bar-*`).
 */
export function progressBar(value: number, target: number, text: string): SafeHtml {
  const over = value > target
  const scale = Math.max(value, target, 1)
  const fill = round((value / scale) * 100)
  const tick = over ? html`<line class="status-bar-target" x1="${round((target / scale) * 100)}" x2="${round((target / scale) * 100)}" y1="0" y2="10"/>` : ''
  return html`<span class="status-progress status-progress-${over ? 'over' : 'under'}"><svg class="status-bar" aria-hidden="true" focusable="false" viewBox="0 0 100 10" width="120" height="10" preserveAspectRatio="none"><rect class="status-bar-track" width="100" height="10" rx="2"/><rect class="status-bar-fill" width="${fill}" height="10" rx="2"/>${tick}</svg> <span class="status-progress-text">${text}</span></span>`
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
