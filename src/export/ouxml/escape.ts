/**
 * Text safety for OU-XML. xml-js escapes `&`, `<` and `>` in text (so `]]>`
 * cannot close anything) but has two habits this module works around: it
 * turns an existing `&amp;` in text back into `&` before escaping, and it
 * escapes only `"` in attribute values.
 */

// Characters XML 1.0 forbids anywhere, even as character references (C0
// controls other than tab, newline and carriage return, U+FFFE, U+FFFF and
// unpaired surrogates), and the controls it discourages (DEL and the C1
// controls), which no reader can see either.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const NEEDS_ESCAPE = /[&<>\t\n\r]/
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/

/** Text with the characters XML 1.0 forbids or discourages removed, and which they were. Line ends become `\n`. */
export function cleanText(text: string): {text: string; dropped: string[]} {
  const dropped: string[] = []
  if (!NEEDS_CLEANING.test(text)) return {text, dropped}
  const cleaned = text.replace(/\r\n?/g, '\n').replace(FORBIDDEN, (char) => {
    dropped.push(char)
    return ''
  })
  return {text: cleaned, dropped}
}

/** How a dropped character is named in a message: `U+001B`. */
export function describeChar(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Text as xml-js must be given it so that it comes out as `text`: xml-js
 * replaces `&amp;` by `&` before escaping every `&`, so each `&` that starts
 * `amp;` is given to it as `&amp;` (which it turns back into that `&`).
 */
export function textForXmlJs(text: string): string {
  return text.includes('&amp;') ? text.replace(/&(?=amp;)/g, '&amp;') : text
}

/**
 * An attribute value escaped for xml-js, which itself escapes only `"`:
 * `&`, `<` and `>` become entities and tab, newline and carriage return
 * character references (so that attribute-value normalisation keeps them).
 */
export function attributeForXmlJs(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}
