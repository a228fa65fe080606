// fold.js: the forms of text that the search compares.
//
// Chinese is compared on its letters and digits only: punctuation and
// spaces are dropped, letters lower-cased, traditional characters mapped to
// simplified ones (when the map has been loaded). foldChinese keeps, for
// every folded character, where it came from, so that a match in the
// folded text is highlighted on the original characters.
// English is compared word by word: a word is a run of letters and digits,
// lower-cased. Both compare the full-width forms of Latin letters and
// digits (ｚｈｏｕｓｈａｎ, １０) as the letters and digits themselves.

const letterOrDigit = /[\p{L}\p{N}]/u;

// halfwidth returns s with the full-width forms of ASCII (ＡＢＣ，１２３, as
// Chinese input methods type them) as ASCII: one UTF-16 unit for one, so
// that offsets into s stay offsets into the text.
const fullwidth = /[\uFF01-\uFF5E]/g;
export function halfwidth(s) {
  return s.replace(fullwidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
const han = /\p{Script=Han}/u;
const latin = /\p{Script=Latin}/u;
const kept = new Map(); // character → whether it is a letter or digit

function keep(ch) {
  let k = kept.get(ch);
  if (k === undefined) {
    k = letterOrDigit.test(ch);
    kept.set(ch, k);
  }
  return k;
}

// foldChinese returns {folded, starts, ends}: the folded text, and for each
// of its UTF-16 units the [start, end) offsets of the original character.
// t2s is the traditional→simplified map, or null.
export function foldChinese(text, t2s) {
  let folded = "";
  const starts = [];
  const ends = [];
  let at = 0;
  for (const ch of halfwidth(text)) {
    if (keep(ch)) {
      const lower = ch.toLowerCase();
      let f = lower.length === ch.length ? lower : ch;
      if (t2s && t2s[f]) f = t2s[f];
      for (let k = 0; k < f.length; k++) {
        starts.push(at);
        ends.push(at + ch.length);
      }
      folded += f;
    }
    at += ch.length;
  }
  return { folded, starts, ends };
}

// words returns the words of text: [{word (lower case), start, end}].
export function words(text) {
  const out = [];
  for (const m of halfwidth(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// pinyinKey returns the letters a–z of s, lower-cased, without tone marks
// or spaces, and v as u: "Gòngtóng fùyù" → "gongtongfuyu", "zhànlüè" and
// "zhanlve" (as pinyin keyboards type ü) → "zhanlue".
export function pinyinKey(s) {
  return pinyinBreaks(s).key;
}

// pinyinBreaks returns the pinyin key of s (pinyinKey) and the offsets in
// it where s marks a syllable boundary: an apostrophe (xi'an: xi|an, as
// pinyin writes it before a, o, e), and with words also a space or other
// separator between words (the glossary's pinyin: píng’ān zhōushān →
// pinganzhoushan, boundaries at 4 and 7).
export function pinyinBreaks(s, withWords = false) {
  const sep = withWords ? /['’‘`＇\s,;，、-]/ : /['’‘`＇]/;
  let key = "";
  const breaks = new Set();
  for (const c of halfwidth(s).toLowerCase().normalize("NFD")) {
    if (c >= "a" && c <= "z") key += c === "v" ? "u" : c;
    else if (sep.test(c) && key) breaks.add(key.length);
  }
  breaks.delete(key.length);
  return { key, breaks };
}

// writtenIn returns the language a query is written in: "zh" when it has a
// Han character, "en" when it has a Latin letter, "" otherwise (digits,
// punctuation).
export function writtenIn(query) {
  query = halfwidth(query);
  if (han.test(query)) return "zh";
  if (latin.test(query)) return "en";
  return "";
}
