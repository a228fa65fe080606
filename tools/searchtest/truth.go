// Package searchtest checks the site search (assets/js/search/) in headless
// Chromium against ground truth computed here, independently of the page's
// code, from the aligned article data (data/articles/*.json) and the
// glossary, with the rules the search promises (README.md, Search):
//
//   - A query searches the language it is written in: Chinese when it has a
//     Han character, English when it has a Latin letter, otherwise the
//     page's language; with "both languages" the other one too.
//   - Chinese: text and query terms keep only letters and digits, lower
//     case; the query is converted traditional→simplified with OpenCC;
//     every space-separated term must be a substring of the block.
//   - English: words are runs of letters and digits, lower case, with Porter
//     stems (github.com/blevesearch/go-porterstemmer, checked word for word
//     against the page's stemmer by TestStemmersAgree). Each query word
//     matches the words of the first tier that has any in the language's
//     text: the same word or stem; else (3+ letters) the words it or its
//     stem begins; else (5+ letters) the words it or its stem is one edit
//     from, or (4 letters) two neighbouring letters swapped from. "Quoted
//     words" must match in a row.
//   - Full-width Latin letters and digits (ｚｈｏｕｓｈａｎ) are the letters
//     and digits themselves, in text and queries alike.
//   - Glossary: the terms a query names (as a whole: the Chinese term, its
//     pinyin without tones or spaces, or an English rendering word by word
//     by stem, pinyin with v for ü; when none, the terms it is part of: 2+
//     Chinese characters in the term, or 3+ letters whose words, not all
//     function words (the, and, of…), occur in a row in a rendering, or
//     that begin the pinyin, or (4+ letters) begin it at a later word; when
//     none, for a Latin query, the terms it is a rendering of word for word
//     with the typos English words forgive) are searched for in both
//     languages: the term in Chinese, each rendering as a phrase in English.
//   - A query with terms written in both (舟山 port) searches each term in
//     its language (a term of neither, such as a number, in the page's) and
//     finds the blocks that match all of them, each in its language; it
//     names no glossary term.
//
// A block of an article is one result whatever the languages it matched
// in; its link is in the page's language when it matched there.
package searchtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
	"github.com/longbridgeapp/opencc"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Block is one block of the aligned model, in one language.
type Block struct {
	Lang, Article, ID, Section, Text string
	// Page is the section page the block is shown on ("section-2"), or ""
	// when it is shown only on the whole-article page.
	Page string
	N    int
	// Sentences are the block's sentences in both languages, aligned:
	// [{zh, en}], one per sentence id.
	Sentences []map[string]string
}

// Corpus is the site's search ground truth: blocks per language, glossary.
type Corpus struct {
	Blocks   map[string][]Block // by language
	Glossary []Term
	t2s      *opencc.OpenCC
}

// Term is a glossary entry: the Chinese term, its pinyin, its English
// rendering and other renderings.
type Term struct {
	Pinyin, Zh, En string
	Also           []string
}

// LoadCorpus reads data/articles/*.json and data/glossary.toml under root.
func LoadCorpus(root string) (*Corpus, error) {
	c := &Corpus{Blocks: map[string][]Block{}}
	files, err := filepath.Glob(filepath.Join(root, "data", "articles", "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var art struct {
			Slug     string `json:"slug"`
			Sections []struct {
				ID   string `json:"id"`
				Page string `json:"page"`
			} `json:"sections"`
			Blocks []struct {
				ID        string              `json:"id"`
				N         int                 `json:"n"`
				Section   string              `json:"section"`
				Text      map[string]string   `json:"text"`
				Sentences []map[string]string `json:"sentences"`
			} `json:"blocks"`
		}
		if err := json.Unmarshal(b, &art); err != nil {
			return nil, err
		}
		pages := map[string]string{}
		for _, s := range art.Sections {
			pages[s.ID] = s.Page
		}
		for _, bl := range art.Blocks {
			for lang, text := range bl.Text {
				if text != "" {
					c.Blocks[lang] = append(c.Blocks[lang], Block{Lang: lang, Article: art.Slug, ID: bl.ID, Section: bl.Section, Page: pages[bl.Section], Text: text, N: bl.N, Sentences: bl.Sentences})
				}
			}
		}
	}
	g, err := os.ReadFile(filepath.Join(root, "data", "glossary.toml"))
	if err != nil {
		return nil, err
	}
	var gl struct {
		Term []Term `toml:"term"`
	}
	if err := toml.Unmarshal(g, &gl); err != nil {
		return nil, err
	}
	c.Glossary = gl.Term
	if c.t2s, err = opencc.New("t2s"); err != nil {
		return nil, err
	}
	return c, nil
}

// FoldZh keeps letters and digits, lower-cased, full-width forms as ASCII.
func FoldZh(s string) string {
	var b strings.Builder
	for _, r := range width.Fold.String(s) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Words returns the lower-cased words of s, full-width forms as ASCII.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(width.Fold.String(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// PinyinKey drops tone marks, spaces and anything but a–z, and writes v
// (ü on pinyin keyboards) as u.
func PinyinKey(s string) string {
	key, _ := pinyinBreaks(s, false)
	return key
}

// pinyinBreaks returns PinyinKey(s) and the offsets in it where s marks a
// syllable boundary: an apostrophe, and with words also a space or other
// separator between words.
func pinyinBreaks(s string, withWords bool) (string, map[int]bool) {
	seps := "'’‘`＇"
	if withWords {
		seps += " \t\n,;，、-"
	}
	var b strings.Builder
	breaks := map[int]bool{}
	for _, r := range norm.NFD.String(strings.ToLower(width.Fold.String(s))) {
		if r == 'v' {
			r = 'u'
		}
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case strings.ContainsRune(seps, r) && b.Len() > 0:
			breaks[b.Len()] = true
		}
	}
	delete(breaks, b.Len())
	return b.String(), breaks
}

// fits reports whether every boundary of want is one of have.
func fits(want, have map[int]bool) bool {
	for b := range want {
		if !have[b] {
			return false
		}
	}
	return true
}

// invisible drops the characters that show nothing (soft hyphen,
// zero-width space and joiners, word joiner, byte order mark), which the
// search does not search for.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// possessive is an English possessive ending, dropped before a query is
// compared with the glossary (replace with "${1}": the character after it).
var possessive = possessiveRE

// functionWords name no glossary term on their own.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an and as at by for from in into is it its of on or the to with") {
		functionWords[w] = true
	}
}

// Stem is the Porter stem of a lower-case word as the search computes it:
// words of three or more letters a–z are stemmed, anything else is its own
// stem.
func Stem(w string) string {
	if len(w) < 3 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
		return w
	}
	return porterstemmer.StemString(w)
}

// Hit is a block a query must find, with the languages it matches in.
type Hit struct {
	Article, ID string
	Langs       map[string]bool
	// Primary is the language the result links to: the page's language
	// when the block matched in it, the other otherwise.
	Primary string
}

// Expect returns the ids of the blocks a query on the search page of
// pageLang must find (without "both languages"), sorted.
func (c *Corpus) Expect(pageLang, q string) []string {
	var ids []string
	for _, h := range c.ExpectHits(pageLang, q, false) {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids
}

// ExpectHits returns the blocks a query must find, by article and id.
func (c *Corpus) ExpectHits(pageLang, q string, both bool) []Hit {
	q = invisible.Replace(q)
	if split := splitByLanguage(q, pageLang); split != nil {
		in := map[string]map[string]bool{}
		for lang, sq := range split {
			in[lang] = map[string]bool{}
			for _, b := range c.match(lang, sq) {
				in[lang][b.Article+"#"+b.ID] = true
			}
		}
		var out []Hit
		for _, b := range c.Blocks[pageLang] {
			if k := b.Article + "#" + b.ID; in["zh"][k] && in["en"][k] {
				out = append(out, Hit{Article: b.Article, ID: b.ID, Langs: map[string]bool{"zh": true, "en": true}, Primary: pageLang})
			}
		}
		return out
	}
	plan := c.Plan(pageLang, q, both)
	hits := map[string]*Hit{}
	var order []string
	for _, lang := range []string{"zh", "en"} {
		for _, b := range c.matchAny(lang, plan[lang]) {
			k := b.Article + "#" + b.ID
			h := hits[k]
			if h == nil {
				h = &Hit{Article: b.Article, ID: b.ID, Langs: map[string]bool{}}
				hits[k] = h
				order = append(order, k)
			}
			h.Langs[lang] = true
		}
	}
	var out []Hit
	for _, k := range order {
		h := hits[k]
		h.Primary = pageLang
		if !h.Langs[pageLang] {
			for l := range h.Langs {
				h.Primary = l
			}
		}
		out = append(out, *h)
	}
	return out
}

// ExpectBlocks returns the blocks, in the language each result links to,
// that a query on the search page of pageLang must find.
func (c *Corpus) ExpectBlocks(pageLang, q string) []Block {
	var out []Block
	for _, h := range c.ExpectHits(pageLang, q, false) {
		for _, b := range c.Blocks[h.Primary] {
			if b.Article == h.Article && b.ID == h.ID {
				out = append(out, b)
			}
		}
	}
	return out
}

// WrittenIn returns "zh" for a query with a Han character, "en" for one
// with a Latin letter, "" otherwise.
func WrittenIn(q string) string {
	latin := false
	for _, r := range q {
		if unicode.Is(unicode.Han, r) {
			return "zh"
		}
		latin = latin || unicode.Is(unicode.Latin, r)
	}
	if latin {
		return "en"
	}
	return ""
}

// splitByLanguage returns, for a query with terms written in both
// languages, the query of each language's terms; nil otherwise.
func splitByLanguage(q, pageLang string) map[string]string {
	parts := map[string][]string{}
	for _, t := range terms(q) {
		lang := WrittenIn(t.Text)
		if lang == "" {
			lang = pageLang
		}
		text := t.Text
		if t.Phrase {
			text = `"` + text + `"`
		}
		parts[lang] = append(parts[lang], text)
	}
	zh, en := false, false
	for _, t := range terms(q) {
		zh = zh || WrittenIn(t.Text) == "zh"
		en = en || WrittenIn(t.Text) == "en"
	}
	if !zh || !en {
		return nil
	}
	return map[string]string{"zh": strings.Join(parts["zh"], " "), "en": strings.Join(parts["en"], " ")}
}

// Plan returns, per language, the alternative queries a query searches it
// for (see the package doc).
func (c *Corpus) Plan(pageLang, q string, both bool) map[string][]string {
	q = invisible.Replace(q)
	plan := map[string][]string{}
	own := WrittenIn(q)
	if own == "" {
		own = pageLang
	}
	plan[own] = append(plan[own], q)
	if both {
		for _, l := range []string{"zh", "en"} {
			if l != own {
				plan[l] = append(plan[l], q)
			}
		}
	}
	for _, t := range c.Named(q) {
		plan["zh"] = append(plan["zh"], `"`+t.Zh+`"`)
		for _, r := range append([]string{t.En}, t.Also...) {
			plan["en"] = append(plan["en"], `"`+r+`"`)
		}
	}
	return plan
}

// Named returns the glossary terms a query names.
func (c *Corpus) Named(q string) []Term {
	q = invisible.Replace(q)
	var exact, part []Term
	if WrittenIn(q) == "zh" {
		conv, _ := c.t2s.Convert(q)
		fq := FoldZh(conv)
		for _, t := range c.Glossary {
			switch ft := FoldZh(t.Zh); {
			case ft == fq:
				exact = append(exact, t)
			case len([]rune(fq)) >= 2 && strings.Contains(ft, fq):
				part = append(part, t)
			}
		}
	} else {
		q = possessive.ReplaceAllString(q, "${1}") // Zhoushan’s: not pinyin
		// An apostrophe marks a syllable boundary the term's pinyin must
		// mark too: xi'an is not the xian of xiānxíng.
		key, breaks := pinyinBreaks(q, false)
		qs := stems(q)
		if len(qs) == 0 {
			return nil
		}
		content := slices.ContainsFunc(Words(q), func(w string) bool { return !functionWords[w] })
		for _, t := range c.Glossary {
			tkey, tbreaks := pinyinBreaks(t.Pinyin, true)
			pinyin := strings.HasPrefix(tkey, key) && fits(breaks, tbreaks)
			isExact, isPart := pinyin && tkey == key, false
			for _, r := range append([]string{t.En}, t.Also...) {
				rs := stems(r)
				if inRow(rs, qs) {
					isPart = isPart || content
					isExact = isExact || len(rs) == len(qs)
				}
			}
			isPart = isPart || pinyin
			if syl := strings.FieldsFunc(t.Pinyin, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;，、", r) }); len(key) >= 4 {
				for i := 1; i < len(syl); i++ {
					later, lbreaks := pinyinBreaks(strings.Join(syl[i:], " "), true)
					isPart = isPart || strings.HasPrefix(later, key) && fits(breaks, lbreaks)
				}
			}
			switch {
			case isExact:
				exact = append(exact, t)
			case len(key) >= 3 && isPart:
				part = append(part, t)
			}
		}
	}
	if len(exact) > 0 {
		return exact
	}
	if len(part) > 0 || WrittenIn(q) == "zh" {
		return part
	}
	qw := Words(q)
	near := func(a, b string) bool {
		n := len([]rune(a))
		return a == b || n >= 5 && oneEdit(a, b) || n == 4 && swap(a, b)
	}
	var typo []Term
	for _, t := range c.Glossary {
		for _, r := range append([]string{t.En}, t.Also...) {
			rw := Words(r)
			ok := len(rw) == len(qw)
			for i := 0; ok && i < len(rw); i++ {
				ok = near(qw[i], rw[i])
			}
			if ok {
				typo = append(typo, t)
				break
			}
		}
	}
	return typo
}

func stems(s string) []string {
	var out []string
	for _, w := range Words(s) {
		out = append(out, Stem(w))
	}
	return out
}

func inRow(hay, needle []string) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// matchAny returns the blocks of lang that match any of the queries.
func (c *Corpus) matchAny(lang string, queries []string) []Block {
	seen := map[string]bool{}
	for _, q := range queries {
		for _, b := range c.match(lang, q) {
			seen[b.Article+"#"+b.ID] = true
		}
	}
	var out []Block
	for _, b := range c.Blocks[lang] {
		if seen[b.Article+"#"+b.ID] {
			out = append(out, b)
		}
	}
	return out
}

// quotes open and close phrases: straight, curly, full-width, corner
// brackets, any of them opening and any closing.
const quotes = "\"“”＂「」"

// terms splits a query into its terms: words separated by spaces, or
// "quoted words" as one term.
func terms(q string) (out []struct {
	Text   string
	Phrase bool
}) {
	for len(q) > 0 {
		q = strings.TrimLeft(q, " \t\n")
		if q == "" {
			break
		}
		var t string
		r, size := utf8.DecodeRuneInString(q)
		phrase := strings.ContainsRune(quotes, r)
		if phrase {
			q = q[size:]
			i := strings.IndexAny(q, quotes)
			if i < 0 {
				i = len(q)
			}
			t, q = q[:i], q[i:]
			if q != "" {
				_, n := utf8.DecodeRuneInString(q)
				q = q[n:]
			}
		} else {
			i := strings.IndexAny(q, " \t\n"+quotes)
			if i < 0 {
				i = len(q)
			}
			t, q = q[:i], q[i:]
		}
		if phrase {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, struct {
					Text   string
					Phrase bool
				}{t, true})
			}
			continue
		}
		// Outside quotes: Han and Latin runs typed together are terms of
		// their own, a possessive ends a word, and hyphenated words are
		// a phrase.
		for _, part := range splitScripts(t) {
			part = strings.TrimSpace(possessiveRE.ReplaceAllString(part, "${1}"))
			if part != "" {
				out = append(out, struct {
					Text   string
					Phrase bool
				}{part, joinedRE.MatchString(part)})
			}
		}
	}
	return out
}

var (
	// possessiveRE: ’s (any apostrophe a keyboard types, full-width s too)
	// not followed by a letter or digit.
	possessiveRE = regexp.MustCompile("(?i)['’‘`＇][sｓ]([^\\p{L}\\p{N}]|$)")
	// joinedRE: words joined by a hyphen, a dash or an apostrophe.
	joinedRE = regexp.MustCompile("^[\\p{L}\\p{N}]+(?:[-‐‑－–—'’‘`＇][\\p{L}\\p{N}]+)+$")
)

// splitScripts cuts s where a run with Latin letters meets Han characters;
// digits and punctuation stay with the run they are typed in.
func splitScripts(s string) []string {
	var runs []string
	start := 0
	for i, r := range s {
		if i > start && unicode.Is(unicode.Han, r) != hanRune(s[start:]) {
			runs = append(runs, s[start:i])
			start = i
		}
	}
	runs = append(runs, s[start:])
	var out []string
	last := ""
	for _, run := range runs {
		kind := "han"
		if strings.IndexFunc(run, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) >= 0 {
			kind = "latin"
		}
		if kind == last {
			out[len(out)-1] += run
		} else {
			out = append(out, run)
		}
		last = kind
	}
	return out
}

// hanRune reports whether s starts with a Han character.
func hanRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

func (c *Corpus) match(lang, q string) []Block {
	var ids []Block
	if lang == "zh" {
		conv, _ := c.t2s.Convert(q)
		var folded []string
		for _, t := range terms(conv) {
			if f := FoldZh(t.Text); f != "" {
				folded = append(folded, f)
			}
		}
		if len(folded) == 0 {
			return nil
		}
	next:
		for _, b := range c.Blocks[lang] {
			text := FoldZh(b.Text)
			for _, t := range folded {
				if !strings.Contains(text, t) {
					continue next
				}
			}
			ids = append(ids, b)
		}
		return ids
	}
	// English.
	vocab := map[string]string{}
	for _, b := range c.Blocks[lang] {
		for _, w := range Words(b.Text) {
			vocab[w] = Stem(w)
		}
	}
	var groups [][]map[string]bool // per term, per word: the words it matches
	for _, t := range terms(q) {
		var g []map[string]bool
		for _, w := range Words(t.Text) {
			g = append(g, matchingWords(vocab, w))
		}
		if len(g) == 0 {
			continue
		}
		if t.Phrase {
			groups = append(groups, g)
		} else {
			for _, m := range g {
				groups = append(groups, []map[string]bool{m})
			}
		}
	}
	if len(groups) == 0 {
		return nil
	}
blocks:
	for _, b := range c.Blocks[lang] {
		words := Words(b.Text)
		for _, g := range groups {
			found := false
			for i := 0; i+len(g) <= len(words) && !found; i++ {
				found = true
				for j, m := range g {
					if !m[words[i+j]] {
						found = false
						break
					}
				}
			}
			if !found {
				continue blocks
			}
		}
		ids = append(ids, b)
	}
	return ids
}

// matchingWords returns the words of vocab (word → stem) that the query
// word w matches: the first tier with any (see the package doc).
func matchingWords(vocab map[string]string, w string) map[string]bool {
	s := Stem(w)
	tiers := []func(v, vs string) bool{
		func(v, vs string) bool { return v == w || vs == s },
		func(v, vs string) bool { return len(w) >= 3 && (strings.HasPrefix(v, w) || strings.HasPrefix(vs, s)) },
		func(v, vs string) bool { return len([]rune(w)) >= 5 && (oneEdit(w, v) || oneEdit(s, vs)) },
		func(v, vs string) bool { return len([]rune(w)) == 4 && (swap(w, v) || swap(s, vs)) },
	}
	for _, tier := range tiers {
		set := map[string]bool{}
		for v, vs := range vocab {
			if tier(v, vs) {
				set[v] = true
			}
		}
		if len(set) > 0 {
			return set
		}
	}
	return nil
}

// swap reports whether a and b differ by two neighbouring letters swapped.
func swap(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) || a == b {
		return false
	}
	i := 0
	for ra[i] == rb[i] {
		i++
	}
	return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or adjacent transposition.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > 1 || d < -1 {
		return false
	}
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	switch {
	case len(ra) == len(rb):
		if string(ra[i+1:]) == string(rb[i+1:]) {
			return true
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
	case len(ra) > len(rb):
		return string(ra[i+1:]) == string(rb[i:])
	default:
		return string(ra[i:]) == string(rb[i+1:])
	}
}
