// search.js: the search page's script (layouts/_partials/page-script.html),
// bundled with its modules by Hugo's js.Build; the search is in search/:
//
//   ui.js            the page: box, status, address, title, language switch,
//                    keyboard; runs queries
//   results-view.js  the list of results, rendered in slices
//   data.js          the search data in the page and the files it names, loaded once
//   plan.js          which languages a query searches, and for what
//   glossary.js      the glossary terms a query names (pinyin, either language)
//   engine.js        a plan run over the loaded articles, in slices
//   chinese.js       Chinese matching (folded substrings)
//   english.js       English matching (words, stems, prefixes, one typo)
//   fold.js          the forms of text compared: folded Chinese, words, pinyin
//   stem.js          Porter stems (vendor/stemmer)
//   query.js         a query's terms
//   results.js       one result per block across languages
//   rank.js          the order of results, grouped by page
//   snippet.js       excerpts around the matches
//   hit-url.js       result links naming the texts matched (?hl=), marked on arrival
//   format.js        UI text: placeholders and plural forms
//   schedule.js      long work in short tasks
import { init } from "./search/ui.js";

init();
