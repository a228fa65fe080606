// stem.js: the Porter (1980) stem of an English word, from the vendored npm
// package "stemmer" (assets/js/vendor/stemmer). Only words of three or more
// letters a–z are stemmed; anything else (2022, covid19, zhōushān) is its
// own stem, as in the Go ground truth (tools/searchtest).
import { stemmer } from "../vendor/stemmer/index.js";

const stems = new Map();

// stem returns the stem of a lower-case word.
export function stem(word) {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^[a-z]{3,}$/.test(word) ? stemmer(word) : word;
    stems.set(word, s);
  }
  return s;
}
