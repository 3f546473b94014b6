import type {Link, Parent, RootContent, Text} from 'mdast'
import type {CellData} from '../../pipeline/types.js'

/**
 * The node types the course transform adds besides `courseActivity` and
 * `courseReveal` (declared in `pipeline/types.ts`): interactive questions,
 * media players and boxes. Every part that holds Markdown is a child, so
 * later transforms (links, math, highlighting) reach it.
 */

/** What an interactive question asks for. */
export type InteractionKind = 'single-choice' | 'multiple-choice' | 'free-response'

/** The answer box of a free-response question, as the OU schema names its sizes. */
export type FreeResponseSize = 'single line' | 'paragraph' | 'long' | 'formatted'

/**
 * An interactive question (`ou-interaction`): the prompt as leading
 * children, then one `courseChoice` per option (none for a free response),
 * then any `courseReveal` (answer, discussion) it carries.
 */
export interface CourseInteraction extends Parent {
  type: 'courseInteraction'
  kind: InteractionKind
  /** Unique on the page (`interaction-1`, or the label): names the form fields. */
  id: string
  label?: string
  /** For a free response: how much room the answer gets. */
  size?: FreeResponseSize
  children: Array<RootContent | CourseChoice>
  data?: CellData
}

/** One option of a choice question: its text, then (optionally) a `courseFeedback` shown when it is picked. */
export interface CourseChoice extends Parent {
  type: 'courseChoice'
  correct: boolean
  children: Array<RootContent | CourseFeedback>
  data?: CellData
}

/** Feedback on one option of a choice question. */
export interface CourseFeedback extends Parent {
  type: 'courseFeedback'
  children: RootContent[]
  data?: CellData
}

export type MediaKind = 'audio' | 'video' | 'html5' | 'mol3d' | 'youtube'

/** What a child of a `courseMedia` node is for (set on `data.mediaRole`). */
export type MediaRole = 'file' | 'transcript' | 'caption'

/**
 * A media item: an audio or video player, an HTML5 package, a 3Dmol.js
 * molecule or a YouTube video. Its children are, in order: a `link` with
 * `data.mediaRole: 'file'` to the file (resolved and copied by the links
 * stage like any link, so a missing file is reported there) or to the
 * outside page; optionally a `link` with role `transcript`; optionally a
 * caption `paragraph` with role `caption`; then the description blocks. The
 * links stage may replace a refused link by its text.
 */
export interface CourseMedia extends Parent {
  type: 'courseMedia'
  kind: MediaKind
  /** The file, video id or molecule query as written. */
  source: string
  label?: string
  /** As given (`600`, `80%`). */
  width?: string
  height?: string
  /** For a molecule: the 3Dmol.js style (JSON) and background colour, as given. */
  style?: string
  background?: string
  children: Array<RootContent | Link | Text>
  data?: CellData
}

export type BoxKind = 'where-next' | 'warning' | 'student' | 'tutor'

/**
 * A titled box: "Where next?", a warning, a place for the student's own
 * answer, or content for tutors only (`audience: 'tutor'`, removed from a
 * student build).
 */
export interface CourseBox extends Parent {
  type: 'courseBox'
  kind: BoxKind
  title?: string
  audience?: 'tutor'
  children: RootContent[]
  data?: CellData
}

declare module 'mdast' {
  interface Data {
    /** On a child of a `courseMedia` node: what it is for. */
    mediaRole?: MediaRole
  }
  interface RootContentMap {
    courseInteraction: CourseInteraction
    courseChoice: CourseChoice
    courseFeedback: CourseFeedback
    courseMedia: CourseMedia
    courseBox: CourseBox
  }
  interface BlockContentMap {
    courseInteraction: CourseInteraction
    courseMedia: CourseMedia
    courseBox: CourseBox
  }
}
