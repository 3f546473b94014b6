/**
 * A toc `glob:` pattern as a regular expression over forward-slash paths,
 * as Sphinx matches document names: `*` and `?` stay within one folder,
 * `**` crosses folders, `[abc]` and `[!abc]` are character classes.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        source += '.*'
        i++
      } else source += '[^/]*'
    } else if (char === '?') source += '[^/]'
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close === -1) source += '\\['
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\')
        source += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`
        i = close
      }
    } else source += char.replace(/[.+^${}()|\\\]]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}
