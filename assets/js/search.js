// search.js runs the site search on the search page (layouts/search.html).
//
// Data (Hugo output format "searchdata", same build as the pages):
//   /<lang>/search.json         manifest: article pages, other languages,
//                               glossary and t2s URLs (fetched on demand)
//   /<lang>/<slug>/search.json  one shard per article: blocks {i,n,s,t}
// A query loads the manifest and the shards of the languages it searches.
//
// Matching rules (mirrored by the Go tests in tools/searchtest):
//   Chinese data: the text is folded to letters and digits only (punctuation
//     and spaces removed, lower case, traditional→simplified) with a map back
//     to the original offsets; each space-separated query term, folded the
//     same way, must occur as a substring of the block.
//   English data: words are runs of letters/digits, lower-cased and stemmed
//     (Porter 1980). Each query word must match a word of the block with the
//     same stem; "quoted words" must occur consecutively. Only when a word
//     has no such match anywhere: the last word, still being typed, matches
//     as a prefix; a word of 5+ letters matches words one edit away.
//   Pinyin: a Latin-letter query that finds nothing in a language is looked
//     up in the glossary by its pinyin (tone marks and spaces dropped) and
//     replaced by the term (zh) or its English name (en).
(() => {
  'use strict';
  const form = document.getElementById('search-form');
  if (!form) return;
  const input = document.getElementById('search-q');
  const both = document.getElementById('search-both');
  const status = document.getElementById('search-status');
  const out = document.getElementById('search-results');
  const D = form.dataset;
  const LANG = D.lang;

  // ---- Porter stemmer -------------------------------------------------
  // The classic Porter (1980) algorithm (tartarus.org/martin/PorterStemmer),
  // in the shape of its well-known JavaScript port. Chosen over Snowball
  // English because it is short (~1 KB minified), fully specified and easy
  // to mirror exactly in the Go tests' independent ground truth.
  const S2 = { ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al', entli: 'ent', eli: 'e', ousli: 'ous', ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al', iveness: 'ive', fulness: 'ful', ousness: 'ous', aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log' };
  const S3 = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };
  const c = '[^aeiou]', v = '[aeiouy]', C = c + '[^aeiouy]*', V = v + '[aeiou]*';
  const mgr0 = new RegExp('^(' + C + ')?' + V + C);
  const meq1 = new RegExp('^(' + C + ')?' + V + C + '(' + V + ')?$');
  const mgr1 = new RegExp('^(' + C + ')?' + V + C + V + C);
  const sv = new RegExp('^(' + C + ')?' + v);
  const cvc = new RegExp('^' + C + v + '[^aeiouwxy]$');
  const stemCache = new Map();
  function stem(word) {
    let w = word;
    if (w.length < 3 || !/^[a-z]+$/.test(w)) return w;
    const hit = stemCache.get(w);
    if (hit) return hit;
    let m;
    const y = w[0] === 'y';
    if (y) w = 'Y' + w.slice(1);
    if ((m = /^(.+?)(ss|i)es$/.exec(w))) w = m[1] + m[2];
    else if ((m = /^(.+?)([^s])s$/.exec(w))) w = m[1] + m[2];
    if ((m = /^(.+?)eed$/.exec(w))) {
      if (mgr0.test(m[1])) w = w.slice(0, -1);
    } else if ((m = /^(.+?)(ed|ing)$/.exec(w)) && sv.test(m[1])) {
      w = m[1];
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (cvc.test(w)) w += 'e';
    }
    if ((m = /^(.+?)y$/.exec(w)) && sv.test(m[1])) w = m[1] + 'i';
    if ((m = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/.exec(w)) && mgr0.test(m[1])) w = m[1] + S2[m[2]];
    if ((m = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/.exec(w)) && mgr0.test(m[1])) w = m[1] + S3[m[2]];
    if ((m = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/.exec(w))) {
      if (mgr1.test(m[1])) w = m[1];
    } else if ((m = /^(.+?)(s|t)(ion)$/.exec(w)) && mgr1.test(m[1] + m[2])) w = m[1] + m[2];
    if ((m = /^(.+?)e$/.exec(w)) && (mgr1.test(m[1]) || (meq1.test(m[1]) && !cvc.test(m[1])))) w = m[1];
    if (/ll$/.test(w) && mgr1.test(w)) w = w.slice(0, -1);
    if (y) w = 'y' + w.slice(1);
    stemCache.set(word, w);
    return w;
  }

  // ---- folding ------------------------------------------------------------
  let t2s = null; // traditional→simplified map, loaded on demand
  const KEEP_RE = /[\p{L}\p{N}]/u;
  const keepCache = new Map();
  const KEEP = { test: (ch) => { let k = keepCache.get(ch); if (k === undefined) keepCache.set(ch, (k = KEEP_RE.test(ch))); return k; } };
  const HAN = /\p{Script=Han}/u;
  const fold1 = (ch) => {
    const l = ch.toLowerCase();
    const s = l.length === ch.length ? l : ch;
    return (t2s && t2s[s]) || s;
  };
  // foldZh returns the text with only letters and digits, and the original
  // [start, end) UTF-16 offsets of each kept UTF-16 unit.
  function foldZh(text) {
    let norm = '';
    const starts = [], ends = [];
    let i = 0;
    for (const ch of text) {
      if (KEEP.test(ch)) {
        const f = fold1(ch);
        for (let k = 0; k < f.length; k++) { starts.push(i); ends.push(i + ch.length); }
        norm += f;
      }
      i += ch.length;
    }
    return { norm, starts, ends };
  }
  const foldQuery = (s) => foldZh(s).norm;
  const WORD = /[\p{L}\p{N}]+/gu;
  function words(text) {
    const r = [];
    for (const m of text.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      r.push({ w, s: stem(w), a: m.index, b: m.index + m[0].length });
    }
    return r;
  }
  const pinyinKey = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

  // ---- data -----------------------------------------------------------------
  const fetched = new Map();
  const bytes = { n: 0 };
  function get(url) {
    if (!fetched.has(url)) {
      fetched.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error(r.status + ' ' + url);
        return r.json();
      }));
    }
    return fetched.get(url);
  }
  const manifests = new Map();
  async function manifest(lang) {
    if (!manifests.has(lang)) {
      const own = await get(D.index);
      manifests.set(own.l, own);
      if (lang !== own.l) manifests.set(lang, await get(own.m[lang]));
    }
    return manifests.get(lang);
  }
  // langState loads the shards of a language in batches, in manifest order
  // (a large archive shows its first results before the last shard arrives):
  // {shards: loaded so far, complete, first: promise of the first batch,
  //  next(): promise of the next batch}.
  // Batches grow 1, 2, 4 … 32 shards: one round trip for a small site, few
  // for a large one, and a first result after one small shard when it hits.
  const batchSize = (i) => Math.min(32, i + 1);
  const langs = new Map();
  function langState(lang) {
    if (!langs.has(lang)) {
      const st = { shards: [], complete: false, waiters: [] };
      st.next = () => (st.complete ? Promise.resolve() : new Promise((r) => st.waiters.push(r)));
      const wake = () => { const w = st.waiters; st.waiters = []; w.forEach((r) => r()); };
      st.first = manifest(lang).then(async (m) => {
        const load = (u) => get(u + 'search.json').then((sh) => {
          sh.lang = lang;
          sh.byId = new Map();
          sh.b.forEach((b, k) => { b.k = k; b.sh = sh; sh.byId.set(b.i, b); });
          return sh;
        });
        let i = 0;
        const batch = async () => {
          const n = batchSize(i);
          const got = await Promise.all(m.a.slice(i, i + n).map(load));
          i += n;
          st.shards.push(...got);
          st.complete = i >= m.a.length;
          wake();
        };
        await batch();
        (async () => { while (!st.complete) await batch(); })().catch((e) => { st.error = e; st.complete = true; wake(); });
      });
      langs.set(lang, st);
    }
    return langs.get(lang);
  }
  function other(lang) {
    const m = manifests.get(LANG);
    return Object.keys(m.m).filter((l) => l !== lang);
  }
  let glossary = null;
  async function loadGlossary() {
    if (!glossary) {
      const m = await manifest(LANG);
      glossary = (await get(m.g)).map((line) => {
        const [py, zh, en] = line.split('|');
        return { key: pinyinKey(py), zh, en };
      });
    }
    return glossary;
  }
  async function loadT2S() {
    if (!t2s) {
      const m = await manifest(LANG);
      t2s = await get(m.c);
      for (const sh of langState('zh').shards) for (const b of sh.b) b.z = null;
    }
  }

  // ---- matching -------------------------------------------------------------
  // parse splits a query into terms: {text, phrase}.
  function parse(q) {
    const terms = [];
    for (const m of q.matchAll(/"([^"]*)"?|(\S+)/g)) {
      const t = (m[1] !== undefined ? m[1] : m[2]).trim();
      if (t) terms.push({ text: t, phrase: m[1] !== undefined });
    }
    return terms;
  }
  // zhSearch returns [{b, ranges, score}] for blocks containing every term.
  function zhSearch(shards, terms) {
    const qs = terms.map((t) => foldQuery(t.text)).filter(Boolean);
    if (!qs.length) return [];
    const hits = [];
    for (const sh of shards) for (const b of sh.b) {
      const z = b.z || (b.z = foldZh(b.t));
      const ranges = [];
      let ok = true;
      for (const q of qs) {
        let at = z.norm.indexOf(q), found = false;
        while (at >= 0) {
          found = true;
          ranges.push([z.starts[at], z.ends[at + q.length - 1]]);
          at = z.norm.indexOf(q, at + q.length);
        }
        if (!found) { ok = false; break; }
      }
      if (ok) hits.push({ b, ranges, score: ranges.length });
    }
    return hits;
  }
  function osa1(a, b) { // edit distance (with adjacent transpositions) ≤ 1
    if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  // resolve returns the set of vocabulary words a query word matches, with a weight.
  function resolve(vocab, w, last) {
    const s = stem(w);
    let set = new Set(), weight = 3;
    for (const [word, st] of vocab) if (st === s) set.add(word);
    if (!set.size && last) {
      weight = 1;
      for (const word of vocab.keys()) if (word.startsWith(w)) set.add(word);
    }
    if (!set.size && w.length >= 5) {
      weight = 1;
      const stems = new Set();
      for (const [word, st] of vocab) if (osa1(w, word)) stems.add(st);
      for (const [word, st] of vocab) if (stems.has(st)) set.add(word);
    }
    return { set, weight };
  }
  // vocabulary (word → stem) of the loaded shards of a language, kept on
  // the shards array and extended as batches arrive (a query on a large
  // archive would otherwise walk every word of every block to build it).
  function vocabOf(shards) {
    const v = shards.vocab || (shards.vocab = { map: new Map(), n: 0 });
    for (; v.n < shards.length; v.n++) for (const b of shards[v.n].b) {
      b.w = b.w || words(b.t);
      for (const t of b.w) v.map.set(t.w, t.s);
    }
    return v.map;
  }
  function enSearch(shards, terms, typing) {
    const vocab = vocabOf(shards);
    const groups = []; // each: [{set, weight}] (several for a phrase)
    terms.forEach((t, k) => {
      const ws = words(t.text).map((x) => x.w);
      const last = typing && k === terms.length - 1 && !t.phrase;
      const rs = ws.map((w, j) => resolve(vocab, w, last && j === ws.length - 1));
      if (t.phrase) groups.push(rs);
      else rs.forEach((r) => groups.push([r]));
    });
    if (!groups.length) return [];
    const hits = [];
    for (const sh of shards) for (const b of sh.b) {
      const ranges = [];
      let score = 0, ok = true;
      for (const g of groups) {
        let found = 0;
        for (let i = 0; i + g.length <= b.w.length; i++) {
          let j = 0;
          while (j < g.length && g[j].set.has(b.w[i + j].w)) j++;
          if (j === g.length) {
            found++;
            ranges.push([b.w[i].a, b.w[i + g.length - 1].b]);
            score += g[0].weight * g.length;
          }
        }
        if (!found) { ok = false; break; }
      }
      if (ok) {
        if (b.i === 'title' || /^s\d+$/.test(b.i)) score *= 2;
        hits.push({ b, ranges, score: score / Math.sqrt(1 + b.w.length / 50) });
      }
    }
    return hits;
  }
  const LATIN = /^[\p{Script=Latin}\s'’-]+$/u;
  // searchLang runs the query over one language; returns {hits, note}.
  async function searchLang(lang, q, typing) {
    const shards = langState(lang).shards;
    const terms = parse(q);
    const run = (ts) => (lang === 'zh' ? zhSearch(shards, ts) : enSearch(shards, ts, typing));
    let hits = run(terms);
    let note = '';
    if (!hits.length && lang === 'zh' && HAN.test(q) && !t2s) {
      await loadT2S();
      hits = run(terms);
    }
    if (!hits.length && LATIN.test(q)) {
      const key = pinyinKey(q);
      const g = key.length >= 2 && (await loadGlossary()).find((e) => e.key === key);
      if (g) {
        const to = lang === 'zh' ? g.zh : g.en;
        hits = run(lang === 'zh' ? [{ text: to }] : parse(to));
        note = to;
      }
    }
    return { hits, note };
  }

  // ---- rendering ------------------------------------------------------------
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    for (const kid of kids) if (kid != null) e.append(kid);
    return e;
  };
  const fmt = (s, o) => s.replace(/\{(\w+)\}/g, (_, k) => (k in o ? o[k] : ''));
  // blockURL links a block on its section page (a heading: the page itself),
  // or on the whole-article page.
  function blockURL(b) {
    const sec = b.s && b.sh.s[b.s];
    if (sec && sec[1] && b.i === b.s) return sec[1];
    return ((sec && sec[1]) || b.sh.u) + '#' + b.i;
  }
  function pageTitle(b) {
    const sec = b.s && b.sh.s[b.s];
    return sec && sec[1] ? sec[0] : b.sh.t;
  }
  // snippet shows windows around every match, each match in a <mark>.
  function snippet(text, ranges, lang) {
    const ctx = lang === 'zh' ? 28 : 70;
    const rs = ranges.slice().sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const r of rs) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    }
    const frag = document.createDocumentFragment();
    if (!merged.length) {
      frag.append(text.length > ctx * 4 ? text.slice(0, ctx * 4) + '…' : text);
      return frag;
    }
    const wins = [];
    for (const r of merged) {
      let a = Math.max(0, r[0] - ctx), z = Math.min(text.length, r[1] + ctx);
      if (lang !== 'zh') {
        while (a > 0 && !/\s/.test(text[a - 1])) a--;
        while (z < text.length && !/\s/.test(text[z])) z++;
      }
      const w = wins[wins.length - 1];
      if (w && a <= w.z) { w.z = Math.max(w.z, z); w.r.push(r); } else wins.push({ a, z, r: [r] });
    }
    for (const w of wins) {
      if (w.a > 0) frag.append('…');
      let at = w.a;
      for (const r of w.r) {
        frag.append(text.slice(at, r[0]), el('mark', null, text.slice(r[0], r[1])));
        at = r[1];
      }
      frag.append(text.slice(at, w.z));
      if (w.z < text.length) frag.append('…');
    }
    return frag;
  }
  const label = (b) => (/^s\d+$/.test(b.i) ? '§ ' + b.n : b.n ? fmt(D.tPara, { n: b.n }) : '');
  // Rendering is paged: a query on a large archive can hit thousands of
  // blocks, so the list shows the first PAGE hits (in display order: pages
  // by score, blocks in text order) and a "show more" button renders the
  // next PAGE. The status always announces the total. Snippets are built
  // only for the hits rendered.
  // PAGE is data-page-size (50), read at each render so tests can lower it.
  const PAGE = () => +D.pageSize || 50;
  let view = null; // {order: [{p, r}], shown, group, list: its <ol>, button}
  function hitItem(r) {
    const b = r.b;
    const link = el('a', { class: 'search-hit-link', href: blockURL(b), 'data-id': b.i, lang: b.sh.lang },
      label(b) ? el('span', { class: 'search-para' }, label(b)) : null, ' ',
      el('span', { class: 'search-snippet' }, snippet(b.t, r.ranges, b.sh.lang)));
    const li = el('li', { class: 'search-hit', lang: b.sh.lang }, link);
    if (r.aligned) {
      const a = r.aligned;
      li.append(el('p', { class: 'search-aligned', lang: a.b.sh.lang },
        el('span', { class: 'search-lang' }, a.b.sh.lang === 'zh' ? D.tZh : D.tEn), ' ',
        el('a', { href: blockURL(a.b), 'data-id': a.b.i }, snippet(a.b.t, a.ranges, a.b.sh.lang))));
    }
    return li;
  }
  // more renders the next PAGE hits of the view, continuing the last group
  // when a page's hits straddle two batches; returns the first new link.
  function more() {
    const v = view;
    const frag = document.createDocumentFragment();
    const stop = Math.min(v.order.length, v.shown + PAGE());
    let first = null;
    for (; v.shown < stop; v.shown++) {
      const { p, r } = v.order[v.shown];
      if (v.group !== p) {
        v.group = p;
        v.list = el('ol', { class: 'search-hits' });
        frag.append(el('section', { class: 'search-group', lang: p.lang },
          el('h2', null, el('a', { href: p.url }, p.title)), v.list));
      }
      const li = hitItem(r);
      first = first || li.firstChild;
      v.list.append(li);
    }
    v.button.remove();
    out.append(frag);
    const left = v.order.length - v.shown;
    if (left > 0) {
      v.button.textContent = fmt(D.tMore, { k: Math.min(PAGE(), left), shown: v.shown, n: v.order.length });
      out.append(v.button);
    }
    return first;
  }
  function render(results, q) {
    out.replaceChildren();
    view = null;
    if (!q) { status.textContent = ''; return; }
    const pages = new Map();
    for (const r of results) {
      const url = blockURL(r.b).split('#')[0];
      if (!pages.has(url)) pages.set(url, { url, title: pageTitle(r.b), lang: r.b.sh.lang, hits: [], score: 0, k: r.b.k });
      const p = pages.get(url);
      p.hits.push(r);
      p.score = Math.max(p.score, r.score);
    }
    const n = results.length;
    status.textContent = n ? fmt(D.tCount, { n, pages: pages.size }) : D.tNone;
    if (results.note) out.append(el('p', { class: 'search-note' }, fmt(D.tPinyin, { q, term: results.note })));
    const sorted = [...pages.values()].sort((x, y) => y.score - x.score || (x.lang === LANG ? 0 : 1) - (y.lang === LANG ? 0 : 1) || x.k - y.k);
    const order = [];
    for (const p of sorted) {
      p.hits.sort((x, y) => x.b.k - y.b.k);
      for (const r of p.hits) order.push({ p, r });
    }
    const button = el('button', { type: 'button', class: 'search-more' });
    button.addEventListener('click', () => {
      const first = more();
      if (first) first.focus();
    });
    view = { order, shown: 0, group: null, list: null, button };
    more();
  }

  // ---- driving ----------------------------------------------------------------
  let seq = 0;
  async function run(q, typing) {
    const my = ++seq;
    const query = q.trim();
    const root = document.documentElement.dataset;
    if (!query) { render([], ''); return; }
    status.textContent = D.tLoading;
    try {
      await manifest(LANG);
      const ls = both.checked ? [LANG, ...other(LANG)] : [LANG];
      const states = ls.map(langState);
      await Promise.all(states.map((st) => st.first));
      let shown = false;
      for (;;) {
        if (my !== seq) return;
        const complete = states.every((st) => st.complete);
        const results = await searchAll(ls, query, typing);
        if (my !== seq) return;
        // Render the first results at once, then the whole set when complete.
        if ((results.length && !shown) || complete) {
          render(results, query);
          if (!complete) status.textContent += ' ' + D.tLoading;
          if (results.length && !shown) { shown = true; root.searchFirstMs = String(performance.now()); }
        }
        if (complete) break;
        await Promise.race(states.map((st) => st.next()));
      }
      const err = states.find((st) => st.error);
      if (err) throw err.error;
      // For tests and benchmarks: which query the results show, when done.
      root.searchQ = query;
      root.searchDone = String(my);
    } catch (e) {
      if (my === seq) status.textContent = D.tError;
      throw e;
    }
  }
  // searchAll searches the loaded shards of the languages ls and merges the
  // hits: one result per block, the page's language leading; with "both
  // languages", each result carries its aligned block in the other language.
  async function searchAll(ls, query, typing) {
    const per = await Promise.all(ls.map((l) => searchLang(l, query, typing)));
    const slug = (sh) => sh.u.split('/').slice(-2).join('/');
    const byKey = new Map();
    const results = [];
    for (const { hits } of per) {
      for (const h of hits) {
        const key = slug(h.b.sh) + '#' + h.b.i;
        const seen = byKey.get(key);
        if (seen) { seen.aligned = h; continue; }
        byKey.set(key, h);
        results.push(h);
      }
    }
    results.note = per.map((p) => p.note).filter(Boolean).join(' · ');
    if (ls.length > 1) {
      for (const r of results) {
        if (r.aligned) continue;
        const ol = ls.find((l) => l !== r.b.sh.lang);
        const sh = langState(ol).shards.find((s) => slug(s) === slug(r.b.sh));
        const ab = sh && sh.byId.get(r.b.i);
        if (ab) r.aligned = { b: ab, ranges: [] };
      }
    }
    return results;
  }
  let urlTimer = 0;
  function updateURL() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const u = new URL(location.href);
      const q = input.value.trim();
      if (q) u.searchParams.set('q', q); else u.searchParams.delete('q');
      if (both.checked) u.searchParams.set('both', '1'); else u.searchParams.delete('both');
      history.replaceState(null, '', u);
    }, 250);
  }
  let inputTimer = 0;
  input.addEventListener('input', () => {
    clearTimeout(inputTimer);
    inputTimer = setTimeout(() => run(input.value, !/\s$/.test(input.value)), 40);
    updateURL();
  });
  both.addEventListener('change', () => { run(input.value, false); updateURL(); });
  form.addEventListener('submit', (e) => { e.preventDefault(); run(input.value, false); updateURL(); });

  // Keyboard: "/" focuses the box; arrows move through results; Escape returns.
  const links = () => [...out.querySelectorAll('a.search-hit-link')];
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const editing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === '/' && !editing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Escape') return;
    const ls = links();
    const i = ls.indexOf(t);
    if (e.key === 'Escape' && i >= 0) { input.focus(); return; }
    if (t === input && e.key === 'ArrowDown' && ls.length) { e.preventDefault(); ls[0].focus(); return; }
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') ls[Math.min(i + 1, ls.length - 1)].focus();
    else if (i === 0) input.focus();
    else ls[i - 1].focus();
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  both.checked = params.get('both') === '1';
  // Load the search data when there is a query, or as soon as the reader
  // turns to the box: a visit without a search fetches nothing more than
  // any other page.
  if (input.value.trim()) run(input.value, false);
  else input.addEventListener('focus', () => { manifest(LANG).catch(() => {}); }, { once: true });
})();
