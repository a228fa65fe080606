// citation.js: the citations of a passage of an article, as pure functions
// (no DOM), tested with Node (citation.test.js).
//
// formatCitations(input) returns the citations a reader can copy from the
// ¶ menu of a page: GB/T 7714-2015, a Chicago note and a Chicago
// bibliography entry. Each comes as runs of text with their language, so
// that the page sets English inside Chinese in a Latin font and Chinese
// inside English in a CJK font:
//
//   input = {
//     lang: "zh" | "en",          the page: the Chinese original or our translation
//     cite: {
//       author:      {zh, en},    the original's author ("" when unknown)
//       title:       {zh, en},    the original's title and our translation's
//       publication: {zh, en},    where the original appeared: 今日浙江 / Zhejiang Today ("" when unknown)
//       site:        {zh, en},    this site's title per language: the translator and publisher
//       date: "YYYY-MM-DD",       the original's publication date
//       year: 2026,               the year of the translation
//       pinyin: {title, publication}   optional romanized forms (Chicago uses them when given)
//     },
//     url: "https://…/#p12.3",    the page with the passage's anchor
//     where: {para: "12", item: "", sentence: "3", to: ""},
//     accessed: "YYYY-MM-DD",     the day the citation is copied
//   }
//   → [{id, label, lang, parts: [{text, lang}]}]   lang is "zh-Hans" or "en"
//
// Every optional field may be an empty string: its element is left out
// with its punctuation, never written as "undefined", "null" or "[]".
//
// # Which pattern each citation follows
//
// GB/T 7714-2015 (信息与文献 参考文献著录规则). Punctuation as in the
// standard's examples: half-width ". , : [ ]" with a space after, dates
// YYYY-MM-DD (8.4.4), the entry ends with "." even after a URL (7.2).
//
//   The original (Chinese page): an article in a serial, consulted online,
//   4.4 连续出版物中的析出文献 with type code [J/OL]:
//     何中伟. 打造“两个先行”舟山标志性成果[J/OL]. 今日浙江, 2022: 第12段[2026-03-01]. https://…/zh/zhoushan-two-firsts/#p12.
//   Pattern 4.4.2: 析出文献主要责任者. 析出文献题名[J/OL]. 连续出版物题名, 年,
//   卷(期): 页码[引用日期]. 获取和访问路径. Example 4.4.2 [3] (李炳穆.
//   韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12[2013-10-25].
//   http://www.docin.com/p-400265742.html.) cites a journal article at a
//   copy on another site, as we reproduce the article here. We know the year
//   and day, not the volume or issue, so only the year stands (8.8.2): no
//   number is made up. The page is not paginated: the passage goes in the
//   引文页码 position, after ":" (7.2, 10.1.3), written "按实际情况" as 8.5
//   allows for 序2-3 or 扉页: 第12段, 第12段第3句, 第3段第6项, ranges 第3-5段
//   ("-" between 起讫序号, 7.2). Without a publication the page is cited
//   as an electronic resource (4.6, [EB/OL]) published by this site.
//
//   The translation (English page): an electronic resource, 4.6 [EB/OL],
//   recorded in its own language (6.1: 原则上用信息资源本身的语种著录),
//   with the translator as 其他责任者 after the title as 4.1 places it
//   (example 4.1.2 [2]: 哈里森, 沃尔德伦. 经济数学与金融数学[M]. 谢远涛, 译.
//   北京: …), "trans" being the English for 译; this site is translator and
//   publisher, and the year is the translation's. Without a place, the
//   publisher and year come as in 8.4.1.3 example 3 (Open University Press,
//   2011: 105[2014-06-16]. http://…):
//     HE Zhongwei. Delivering …: translation of 打造…成果 (今日浙江, 2022-07-15)[EB/OL]. Chinese Policy Texts in English, trans. Chinese Policy Texts in English, 2026: para. 12[2026-03-01]. https://…/en/zhoushan-two-firsts/#p12.
//   The original's title, publication and date follow the title as other
//   title information (其他题名信息, after a colon, 4.1 and 8.2), so that
//   the entry names what the translation is of.
//   The author is filed under the original author, as the standard files
//   every translation (4.1.2 [2], and 10.1.3's 罗杰斯 … 潘惠霞, 等译); the
//   romanized name has the surname in capitals (8.1.1: 依据 GB/T 28039,
//   姓全大写; example 10: LI Jianning).
//
// Chicago Manual of Style, 17th edition, notes and bibliography (ch. 14).
// Month Day, Year dates; "para." locators for a text without pages
// (14.22); access dates "accessed …" in notes and "Accessed …." in
// bibliographies, before the URL (14.12); commas and periods inside closing
// quotation marks, single quotation marks inside double (6.9). Section
// numbers not checked against the Manual itself are the ones the rules are
// usually cited by; the wording of the rules comes from Chicago's own Q&A
// and the Chicago guides of university libraries for Chinese sources.
//
//   The original (for English-language writers citing the Chinese): a
//   periodical article cited by its date, as Chicago cites magazines (we
//   know the day, not the volume or issue). The author's name in pinyin,
//   family name first and never inverted, followed by characters; the title
//   in characters (after its romanization when the data has one: then the
//   characters follow the quoted pinyin) with an English translation in
//   brackets; since our translation is published, its title is given as
//   printed, headline style (11.6: a published translation's title is
//   capitalized headline-style, an unpublished gloss sentence-style); the
//   magazine's characters with its English name in brackets, in roman
//   (characters are not italicized). Chicago's treatment of Chinese sources
//   (11.83, 14.97; Chicago's Q&A: original language, transliteration, "an
//   English translation of the title in brackets"). The page data has no
//   pinyin for titles: the romanized forms appear once it provides them.
//     Note: He Zhongwei 何中伟, “打造‘两个先行’舟山标志性成果” [Delivering …], 今日浙江 [Zhejiang Today], July 15, 2022, para. 12, accessed March 1, 2026, https://…/zh/zhoushan-two-firsts/#p12.
//     Bibliography: He Zhongwei 何中伟. “打造‘两个先行’舟山标志性成果” [Delivering …]. 今日浙江 [Zhejiang Today], July 15, 2022. Accessed March 1, 2026. https://…/zh/zhoushan-two-firsts/.
//
//   The translation: a translated work, "trans." and the translator after
//   the title in the note, "Translated by" in the bibliography (14.88–14.92,
//   e.g. Lahiri, In Other Words, trans. Ann Goldstein); it is web
//   content, so the site's title and the year follow; the original is named
//   after it with "originally published as".
//     Note: He Zhongwei, “Delivering Zhoushan’s Landmark Achievements in the ‘Two Firsts,’” trans. Chinese Policy Texts in English, Chinese Policy Texts in English, 2026, para. 12, accessed March 1, 2026, https://…/en/zhoushan-two-firsts/#p12; originally published as “打造‘两个先行’舟山标志性成果,” 今日浙江 [Zhejiang Today], July 15, 2022.
//     Bibliography: He Zhongwei. “Delivering … the ‘Two Firsts.’” Translated by Chinese Policy Texts in English. Chinese Policy Texts in English, 2026. Accessed March 1, 2026. https://…/en/zhoushan-two-firsts/. Originally published as “打造‘两个先行’舟山标志性成果,” 今日浙江 [Zhejiang Today], July 15, 2022.
//
//   A bibliography lists the work, not a passage: its entries carry no
//   locator and the page's URL without the anchor. Notes and GB/T entries
//   (引文参考文献) cite the passage and its anchor.

export const ZH = "zh-Hans";
export const EN = "en";

const HAN = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;
const LATIN = /[A-Za-z\u00C0-\u024F]/;
const LATIN_WORD = /[A-Za-z0-9\u00C0-\u024F]/;

// runs splits a field into runs of text in context (the citation's
// language) and runs in the other script. In a Chinese citation an English
// run goes from a Latin letter to the last Latin letter or digit before the
// next Chinese character: "何中伟 (He Zhongwei)" sets "He Zhongwei" apart.
// In an English citation a Chinese run is Chinese characters with the
// digits and quotation marks between them ("打造‘两个先行’舟山标志性成果"),
// and a closing mark it opened; spaces and other punctuation stay English.
export function runs(text, context) {
  const chars = [...String(text || "")];
  const out = [];
  const english = context !== EN;
  const starts = english ? LATIN : HAN;
  const inside = english ? (c) => !HAN.test(c) : (c) => HAN.test(c) || /[0-9‘’“”·]/.test(c);
  const ends = english ? LATIN_WORD : HAN;
  let from = 0;
  let i = 0;
  while (i < chars.length) {
    if (!starts.test(chars[i])) {
      i++;
      continue;
    }
    let last = i;
    for (let j = i + 1; j < chars.length && inside(chars[j]); j++) {
      if (ends.test(chars[j])) last = j;
    }
    if (!english) {
      // A closing quotation mark goes with the Chinese text that opened it.
      let open = 0;
      for (let k = i; k <= last; k++) open += chars[k] === "“" || chars[k] === "‘" ? 1 : chars[k] === "”" || chars[k] === "’" ? -1 : 0;
      while (open > 0 && (chars[last + 1] === "”" || chars[last + 1] === "’")) {
        last++;
        open--;
      }
    }
    if (i > from) out.push({ text: chars.slice(from, i).join(""), lang: context });
    out.push({ text: chars.slice(i, last + 1).join(""), lang: english ? EN : ZH });
    from = i = last + 1;
  }
  if (from < chars.length) out.push({ text: chars.slice(from).join(""), lang: context });
  return out;
}

// Line collects the runs of one citation. Elements are joined by sep,
// which writes nothing at the start of a line and drops a mark the text
// already ends with ("Jr." + ". " gives "Jr. "). In an English line
// (american), a comma or period that follows a closing quotation mark goes
// inside it: “… the ‘Two Firsts,’” (Chicago 6.9).
class Line {
  constructor(lang, american = false) {
    this.lang = lang;
    this.american = american;
    this.parts = [];
  }
  // text adds s as it is, in lang (the line's language by default).
  text(s, lang = this.lang) {
    if (!s) return this;
    const last = this.parts[this.parts.length - 1];
    if (last && last.lang === lang) last.text += s;
    else this.parts.push({ text: s, lang });
    return this;
  }
  // field adds a value from the data, split by script.
  field(s) {
    for (const r of runs(s, this.lang)) this.text(r.text, r.lang);
    return this;
  }
  empty() {
    return this.parts.length === 0;
  }
  toString() {
    return this.parts.map((p) => p.text).join("");
  }
  // sep adds the punctuation between two elements.
  sep(s) {
    if (this.empty() || !s) return this;
    const end = this.toString();
    const mark = s[0];
    if ((mark === "." && /[.?!。？！][’”'"]*$/.test(end)) || (mark === "," && /,[’”'"]*$/.test(end))) {
      return this.text(s.slice(1));
    }
    if (this.american && (mark === "." || mark === ",")) {
      const last = this.parts[this.parts.length - 1];
      const q = /[’”]+$/.exec(last.text);
      if (q) {
        if (!/[?!][’”]*$/.test(end)) last.text = last.text.slice(0, q.index) + mark + q[0];
        return this.text(s.slice(1));
      }
    }
    return this.text(s);
  }
  // end closes the citation with a period.
  end() {
    this.sep(".");
    const last = this.parts[this.parts.length - 1];
    if (last) last.text = last.text.trimEnd();
    return this;
  }
}

function has(s) {
  return (typeof s === "string" && s.trim() !== "") || (typeof s === "number" && isFinite(s));
}

function str(s) {
  return has(s) ? String(s).trim() : "";
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// parseDate reads YYYY-MM-DD; it returns null for anything else.
function parseDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(iso));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { y, mo, d, iso: m[0] };
}

// longDate is Chicago's "July 15, 2022" ("" for a malformed date).
export function longDate(iso) {
  const d = parseDate(iso);
  return d ? `${MONTHS[d.mo - 1]} ${d.d}, ${d.y}` : "";
}

// locator writes where the passage is. In Chinese (GB/T for the original):
// 第12段, 第12段第3句, 第3段第6项, 第3段第6项第2句, 第3-5段. In English:
// para. 12, para. 12, sentence 3, para. 3, item 6, paras. 3–5, with dash
// "-" for GB/T (7.2) and "–" for Chicago.
export function locator(w, lang, dash = "–") {
  if (!w || !has(w.para)) return "";
  const para = str(w.para);
  const to = str(w.to);
  const item = str(w.item);
  const sentence = str(w.sentence);
  if (lang === ZH) {
    if (to) return `第${para}-${to}段`;
    return `第${para}段` + (item ? `第${item}项` : "") + (sentence ? `第${sentence}句` : "");
  }
  if (to) return `paras. ${para}${dash}${to}`;
  return `para. ${para}` + (item ? `, item ${item}` : "") + (sentence ? `, sentence ${sentence}` : "");
}

// gbName writes a romanized Chinese name for GB/T 7714 (8.1.1): the
// surname, the first word of a pinyin name, in capitals: HE Zhongwei.
export function gbName(name) {
  const n = str(name);
  if (!n || HAN.test(n)) return n;
  const [family, ...given] = n.split(/\s+/);
  return [family.toUpperCase(), ...given].join(" ");
}

// quoted puts a title in Chicago's double quotation marks, its own double
// marks turned single.
function quoted(title) {
  return "“" + str(title).replace(/“/g, "‘").replace(/”/g, "’") + "”";
}

function noAnchor(url) {
  return str(url).split("#")[0];
}

// gb is the GB/T 7714-2015 entry (see the top of this file).
function gb(input) {
  const { cite } = input;
  const original = input.lang !== "en";
  const L = new Line(original ? ZH : EN);
  const pick = (v) => (original ? v.zh || v.en : v.en || v.zh);
  const site = original ? cite.site.zh || cite.site.en : cite.site.en || cite.site.zh;
  const publication = cite.publication.zh;
  const d = parseDate(cite.date);
  L.field(original ? cite.author.zh : gbName(cite.author.en));
  L.sep(". ").field(pick(cite.title));
  if (!original && cite.title.zh) {
    // What it translates, as 其他题名信息 after a colon (4.1, 8.2): the
    // original's title, and where and when it appeared.
    L.text(": translation of ", EN).field(cite.title.zh);
    const where = [publication, d ? d.iso : ""].filter(Boolean);
    if (where.length) L.text(" (", EN).field(where.join(", ")).text(")", EN);
  }
  L.text("[").text(original && publication ? "J/OL" : "EB/OL", EN).text("]");
  let year;
  if (original) {
    if (publication || site) L.sep(". ").field(publication || site);
    year = d ? String(d.y) : "";
  } else {
    if (site) L.sep(". ").field(site).sep(", ").text("trans").sep(". ").field(site);
    year = cite.year;
  }
  if (year) L.sep(L.toString().endsWith("]") ? ". " : ", ").text(year);
  const loc = locator(input.where, original ? ZH : EN, "-");
  if (loc) L.sep(": ").field(loc);
  const accessed = parseDate(input.accessed);
  if (accessed) L.text("[").text(accessed.iso).text("]");
  if (input.url) L.sep(". ").text(input.url, EN);
  return L.end();
}

// chineseTitle adds the original's title to an English citation: quoted,
// after its pinyin when there is one, with our translation's title in
// brackets when bracket is set.
function chineseTitle(L, cite, bracket) {
  const { zh, en } = cite.title;
  const pinyin = cite.pinyin.title;
  if (pinyin) L.text(quoted(pinyin)).text(zh ? " " : "").field(zh);
  else if (zh) L.field(quoted(zh));
  else if (en) return L.field(quoted(en));
  if (bracket && en) L.text(" [").field(en).text("]");
  return L;
}

// venue adds the original's periodical to an English citation: pinyin and
// characters, or characters and the English name in brackets; it reports
// whether there was one.
function venue(L, cite) {
  const { zh, en } = cite.publication;
  const pinyin = cite.pinyin.publication;
  if (pinyin) L.field(pinyin).text(zh ? " " : "").field(zh);
  else if (zh) L.field(zh).text(en ? " [" : "").field(en).text(en ? "]" : "");
  else L.field(en);
  return Boolean(pinyin || zh || en);
}

function chicagoAuthor(cite, withCharacters) {
  const { zh, en } = cite.author;
  return withCharacters ? [en, zh].filter(Boolean).join(" ") : en || zh;
}

// chicagoOriginal cites the Chinese original (see the top of this file).
function chicagoOriginal(input, note) {
  const { cite } = input;
  const L = new Line(EN, true);
  const between = note ? ", " : ". ";
  L.field(chicagoAuthor(cite, true));
  L.sep(between);
  chineseTitle(L, cite, true);
  // Without a periodical, the original is cited as this site's page.
  const { zh, en } = cite.publication;
  const inVenue = Boolean(cite.pinyin.publication || zh || en || cite.site.en);
  if (inVenue) {
    L.sep(between);
    if (!venue(L, cite)) L.field(cite.site.en);
  }
  const date = longDate(cite.date);
  if (date) L.sep(inVenue ? ", " : between).text(date);
  if (note) {
    const loc = locator(input.where, EN);
    if (loc) L.sep(", ").text(loc);
  }
  const accessed = longDate(input.accessed);
  if (accessed) L.sep(between).text(note ? `accessed ${accessed}` : `Accessed ${accessed}`);
  if (input.url) L.sep(between).text(note ? input.url : noAnchor(input.url), EN);
  return L.end();
}

// originallyPublished names the original at the end of a translation's
// citation: originally published as “打造…,” 今日浙江 [Zhejiang Today], July 15, 2022.
function originallyPublished(L, cite, capital) {
  const hasTitle = Boolean(cite.title.zh || cite.pinyin.title);
  const hasVenue = Boolean(cite.publication.zh || cite.publication.en || cite.pinyin.publication);
  const date = longDate(cite.date);
  L.text(capital ? "Originally published" : "originally published");
  if (hasTitle) {
    L.text(" as ");
    chineseTitle(L, cite, false);
  }
  if (hasVenue) {
    if (hasTitle) L.sep(", ");
    else L.text(" in ");
    venue(L, cite);
  }
  if (date) {
    if (hasTitle || hasVenue) L.sep(", ");
    else L.text(" ");
    L.text(date);
  }
}

// chicagoTranslation cites our English translation (see the top).
function chicagoTranslation(input, note) {
  const { cite } = input;
  const L = new Line(EN, true);
  const between = note ? ", " : ". ";
  const site = cite.site.en || cite.site.zh;
  L.field(chicagoAuthor(cite, false));
  L.sep(between).field(quoted(cite.title.en || cite.title.zh));
  if (site) {
    L.sep(between).text(note ? "trans. " : "Translated by ").field(site);
    L.sep(between).field(site);
  }
  if (cite.year) L.sep(site ? ", " : between).text(cite.year);
  if (note) {
    const loc = locator(input.where, EN);
    if (loc) L.sep(", ").text(loc);
  }
  const accessed = longDate(input.accessed);
  if (accessed) L.sep(between).text(note ? `accessed ${accessed}` : `Accessed ${accessed}`);
  if (input.url) L.sep(between).text(note ? input.url : noAnchor(input.url), EN);
  if (cite.title.zh || cite.pinyin.title || cite.publication.zh || cite.publication.en || cite.pinyin.publication || cite.date) {
    L.sep(note ? "; " : ". ");
    originallyPublished(L, cite, !note);
  }
  return L.end();
}

// normalized gives every field of the input a string value, so that the
// functions above read cite.author.zh and the like without checks.
function normalized(input) {
  const i = input || {};
  const c = i.cite || {};
  const pair = (v) => ({ zh: str(v && v.zh), en: str(v && v.en) });
  return {
    lang: i.lang === "en" ? "en" : "zh",
    url: str(i.url),
    where: i.where || {},
    accessed: str(i.accessed),
    cite: {
      author: pair(c.author),
      title: pair(c.title),
      publication: pair(c.publication),
      site: pair(c.site),
      date: str(c.date),
      year: str(c.year),
      pinyin: { title: str(c.pinyin && c.pinyin.title), publication: str(c.pinyin && c.pinyin.publication) },
    },
  };
}

export function formatCitations(raw) {
  const input = normalized(raw);
  const translation = input.lang === "en";
  const gbLine = gb(input);
  const note = translation ? chicagoTranslation(input, true) : chicagoOriginal(input, true);
  const bib = translation ? chicagoTranslation(input, false) : chicagoOriginal(input, false);
  return [
    { id: "gb", label: "citeGB", lang: gbLine.lang, parts: gbLine.parts },
    { id: "chicago-note", label: "citeChicagoNote", lang: EN, parts: note.parts },
    { id: "chicago-bib", label: "citeChicagoBib", lang: EN, parts: bib.parts },
  ];
}
