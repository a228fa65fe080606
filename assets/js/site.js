// site.js: every page that has no other script. The language switch keeps
// the reader's place (site/place.js).
import { init as initPlace } from "./site/place.js";

initPlace();
