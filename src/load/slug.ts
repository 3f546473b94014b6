/**
 * Turn a file or folder name into a URL slug: lower case, accents folded,
 * every run of characters other than letters and digits made one hyphen.
 * Real course files have spaces, dots and parentheses in their names
 * (`03.1 The model (optional).ipynb` → `03-1-the-model-optional`).
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return slug || 'page'
}

/** `week-01-getting-started` → `Week 01 getting started`: a readable fallback title. */
export function humanise(name: string): string {
  const words = name.replace(/\.(ipynb|md)$/i, '').replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Compare names the way people number files: `week-2` before `week-10`. */
export const byNaturalOrder = new Intl.Collator('en', {numeric: true, sensitivity: 'base'}).compare
