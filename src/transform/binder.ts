/** The Binder link builders, kept under their first name; the launch links live in `transform/launch/`. */
export {binderUrl} from './launch/urls.js'
export {repositoryPath} from './launch/repository.js'
export {wantsLaunchLink} from './launch/links.js'
