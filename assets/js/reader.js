// reader.js: article, section and parallel pages. Each module does one job:
// the switch keeps the place (site/place.js), reading views (views.js),
// per-paragraph reveal (reveal.js), sentence alignment (align.js), the ¶
// menu with links and citations (cite.js), glossary popovers and how terms
// are marked (glossary-popover.js, terms.js), and what a search result
// opened the page at (found.js).
import { init as initPlace, arrival } from "./site/place.js";
import { init as initReveal } from "./reader/reveal.js";
import { init as initViews } from "./reader/views.js";
import { init as initAlign, quiet } from "./reader/align.js";
import { init as initCite } from "./reader/cite.js";
import { init as initGlossary } from "./reader/glossary-popover.js";
import { init as initTerms } from "./reader/terms.js";
import { init as initFound } from "./reader/found.js";

// Each module starts on its own: one that fails (reported, as any error
// is) leaves the others working.
function start(init) {
  try {
    init();
  } catch (e) {
    (globalThis.reportError || console.error)(e);
  }
}

start(initPlace); // first: it puts a page opened by the switch at the reader's place
start(() => quiet(!!arrival()));
start(initReveal);
start(initAlign);
start(initCite);
start(initGlossary);
start(initTerms);
start(initViews);
start(initFound); // last: it marks text in the page as the views left it
