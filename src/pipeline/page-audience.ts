import type {ResolvedConfig} from '../config/schema.js'

type Audience = ResolvedConfig['audience']

/** Who sees what: a tutor build shows everything a student build does, a team build everything. */
const RANK: Record<Audience, number> = {student: 0, tutor: 1, team: 2}

/**
 * Whether a page belongs in a build for `audience`. A page (or a unit, whose
 * metadata its pages inherit) can say `audience: tutor` or `audience: team`
 * in its front matter to be left out of builds for a wider audience: tutor
 * notes, or the course team's own checklist. Any other value, or none, is a
 * page for everyone.
 */
export function pageVisibleTo(meta: Readonly<Record<string, unknown>>, audience: Audience): boolean {
  const wanted = meta.audience
  if (typeof wanted !== 'string' || !(wanted in RANK)) return true
  return RANK[audience] >= RANK[wanted as Audience]
}
