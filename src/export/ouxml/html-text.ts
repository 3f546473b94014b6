/**
 * Just enough HTML text handling for the export: tags stripped and the
 * common character references decoded. (Full HTML parsing is not needed:
 * only tables and short fragments are read.)
 */
const NAMED: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', times: '×', ndash: '–', mdash: '—', hellip: '…', copy: '©'}

/** Decode `&amp;`, `&#39;`, `&#x27;` and a few common named references; unknown ones are left as written. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref.toLowerCase()] ?? whole
  })
}

/** The text of an HTML fragment: `<style>` and `<script>` with their content, comments and tags removed (`<br>` and block ends become spaces). */
export function stripTags(html: string): string {
  return html
    // Markdown may cut a block off before the closing tag: an unclosed one runs to the end.
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
}
