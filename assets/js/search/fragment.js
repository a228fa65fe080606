// fragment.js: links that open a result at its match. A block's URL
// (…/section-2/#p6) gets a text fragment, …#p6:~:text=…, with which the
// browser scrolls to the match and highlights it; browsers without text
// fragments, or a text that cannot be found, open the block as before.
// The match is preceded by a few words of its context (text=prefix-,match)
// so that the browser finds this occurrence, not an earlier one elsewhere
// on the page: in Chinese from the last punctuation mark before the match
// (at most 12 characters), in English up to four words.

const encode = (s) => encodeURIComponent(s).replace(/-/g, "%2D");

// withTextFragment returns url with a text fragment for text[start:end].
export function withTextFragment(url, text, start, end, lang) {
  const match = text.slice(start, end).trim();
  if (!match) return url;
  let from = start;
  if (lang === "zh") {
    while (from > 0 && start - from < 12 && /[\p{L}\p{N}]/u.test(text[from - 1])) from--;
  } else {
    const before = text.slice(0, start).match(/(?:\S+\s+){0,4}$/);
    from = start - (before ? before[0].length : 0);
  }
  const prefix = text.slice(from, start).trim();
  return url + ":~:text=" + (prefix ? encode(prefix) + "-," : "") + encode(match);
}
