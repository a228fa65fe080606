// Package searchtest checks the site search (assets/js/search.js) in
// headless Chromium against ground truth computed here, independently of the
// page's code, from the aligned article data (data/articles/*.json) and the
// glossary, with the rules the search promises:
//
//   - Chinese: text and query terms keep only letters and digits, lower case;
//     the query is converted traditional→simplified with OpenCC; every
//     space-separated term must be a substring of the block.
//   - English: words are runs of letters and digits, lower case, Porter
//     stems; every query word must match a word with the same stem or, when
//     no word in the language has that stem, a word one edit away (5+
//     letters).
//   - Pinyin: a Latin query with no result whose letters (tone marks and
//     spaces dropped) equal a glossary term's pinyin searches for that term
//     (zh) or its English name (en).
package searchtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/unicode/norm"
)

// Block is one block of the aligned model, in one language.
type Block struct {
	Article, ID, Section, Text string
	// Page is the section page the block is shown on ("section-2"), or ""
	// when it is shown only on the whole-article page.
	Page string
	N    int
}

// Corpus is the site's search ground truth: blocks per language, glossary.
type Corpus struct {
	Blocks   map[string][]Block // by language
	Glossary []Term
	t2s      *opencc.OpenCC
}

// Term is a glossary entry.
type Term struct{ Pinyin, Zh, En string }

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
				ID      string            `json:"id"`
				N       int               `json:"n"`
				Section string            `json:"section"`
				Text    map[string]string `json:"text"`
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
					c.Blocks[lang] = append(c.Blocks[lang], Block{Article: art.Slug, ID: bl.ID, Section: bl.Section, Page: pages[bl.Section], Text: text, N: bl.N})
				}
			}
		}
	}
	g, err := os.ReadFile(filepath.Join(root, "data", "glossary.toml"))
	if err != nil {
		return nil, err
	}
	var gl struct {
		Term []struct{ Pinyin, Zh, En string } `toml:"term"`
	}
	if err := toml.Unmarshal(g, &gl); err != nil {
		return nil, err
	}
	for _, t := range gl.Term {
		c.Glossary = append(c.Glossary, Term(t))
	}
	if c.t2s, err = opencc.New("t2s"); err != nil {
		return nil, err
	}
	return c, nil
}

// FoldZh keeps letters and digits, lower-cased.
func FoldZh(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Words returns the lower-cased words of s.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// PinyinKey drops tone marks, spaces and anything but a–z.
func PinyinKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Expect returns the ids of the blocks of lang a query must find.
func (c *Corpus) Expect(lang, q string) []string {
	var ids []string
	for _, b := range c.ExpectBlocks(lang, q) {
		ids = append(ids, b.ID)
	}
	return ids
}

// ExpectBlocks returns the blocks of lang a query must find.
func (c *Corpus) ExpectBlocks(lang, q string) []Block {
	ids := c.match(lang, q)
	if len(ids) == 0 && isLatin(q) {
		key := PinyinKey(q)
		for _, t := range c.Glossary {
			if key != "" && PinyinKey(t.Pinyin) == key {
				if lang == "zh" {
					return c.match(lang, t.Zh)
				}
				return c.match(lang, t.En)
			}
		}
	}
	return ids
}

func isLatin(q string) bool {
	for _, r := range q {
		if !unicode.Is(unicode.Latin, r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Mn, r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return strings.TrimSpace(q) != ""
}

func (c *Corpus) match(lang, q string) []Block {
	var ids []Block
	if lang == "zh" {
		conv, _ := c.t2s.Convert(q)
		var terms []string
		for _, f := range strings.Fields(conv) {
			if t := FoldZh(f); t != "" {
				terms = append(terms, t)
			}
		}
		if len(terms) == 0 {
			return nil
		}
	next:
		for _, b := range c.Blocks[lang] {
			text := FoldZh(b.Text)
			for _, t := range terms {
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
	var sets []map[string]bool
	for _, w := range Words(q) {
		set := map[string]bool{}
		s := Stem(w)
		for v, vs := range vocab {
			if vs == s {
				set[v] = true
			}
		}
		if len(set) == 0 && len([]rune(w)) >= 5 {
			stems := map[string]bool{}
			for v, vs := range vocab {
				if oneEdit(w, v) {
					stems[vs] = true
				}
			}
			for v, vs := range vocab {
				if stems[vs] {
					set[v] = true
				}
			}
		}
		sets = append(sets, set)
	}
	if len(sets) == 0 {
		return nil
	}
blocks:
	for _, b := range c.Blocks[lang] {
		words := map[string]bool{}
		for _, w := range Words(b.Text) {
			words[w] = true
		}
		for _, set := range sets {
			ok := false
			for w := range set {
				if words[w] {
					ok = true
					break
				}
			}
			if !ok {
				continue blocks
			}
		}
		ids = append(ids, b)
	}
	return ids
}

// oneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or adjacent transposition.
func oneEdit(a, b string) bool {
	if a == b {
		return true
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
