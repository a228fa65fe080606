// glossary.js: the glossary page. The filter box (glossary/filter.js) and
// the language switch that keeps the entry being read (site/place.js).
import { init as initPlace } from "./site/place.js";
import { init as initFilter } from "./glossary/filter.js";

initPlace();
initFilter();
