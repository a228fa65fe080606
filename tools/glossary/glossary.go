// Package glossary reads the bilingual glossary (data/glossary.toml) and
// finds where its terms occur in an article.
package glossary

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"

	toml "github.com/pelletier/go-toml/v2"

	"policysite/tools/article"
	"policysite/tools/textfile"
)

// Term is one glossary entry. The block ids where it occurs are not stored
// in the file: Occurrences computes them.
type Term struct {
	ID     string   `toml:"id"`
	ZH     string   `toml:"zh"`
	Pinyin string   `toml:"pinyin"`
	EN     string   `toml:"en"`
	Also   []string `toml:"also"`
	NoteEN string   `toml:"note_en"`
	NoteZH string   `toml:"note_zh"`
	Kind   string   `toml:"kind"`
	// Attested says where the English rendering is used (publication or
	// official site, and year); Coined, when no source uses it, why we
	// chose it. Exactly one of them is set.
	Attested string `toml:"attested"`
	Coined   string `toml:"coined"`

	line int // line of the term's [[term]] header in the file
}

// Line is the line of the term's [[term]] header in its file (0 if unknown).
func (t *Term) Line() int { return t.line }

// Glossary is the whole file.
type Glossary struct {
	Terms []Term `toml:"term"`

	once     sync.Once
	matchers map[string]*matcher // by language (matcherFor)
}

// MaxBytes is the largest glossary file Load accepts (1 MiB; the glossary
// has 85 terms in 50 KB).
const MaxBytes = 1 << 20

// Kinds are the kinds a term can have.
var Kinds = []string{"concept", "event", "formula", "institution", "place", "programme", "slogan"}

// idPattern is what a term id looks like: it becomes a URL fragment
// (glossary/#two-firsts) and a link destination in the generated pages.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// Load reads a glossary file. A missing file is an error: without it every
// glossary link would silently disappear from the site.
func Load(path string) (*Glossary, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s: no glossary file: expected the bilingual glossary (an empty file, or [[term]] tables)", path)
	}
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse parses glossary TOML read from file and validates every term: the
// id is a lowercase slug; id, zh, pinyin, en, kind, note_en and note_zh
// are non-blank; kind is one of Kinds; exactly one of attested and coined
// is given; no id and no Chinese term occurs twice.
func Parse(file string, data []byte) (*Glossary, error) {
	text, err := textfile.Decode(file, data, MaxBytes)
	if err != nil {
		return nil, err
	}
	var g Glossary
	dec := toml.NewDecoder(strings.NewReader(text)).DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		var se *toml.StrictMissingError
		if errors.As(err, &se) && len(se.Errors) > 0 {
			row, col := se.Errors[0].Position()
			return nil, textfile.Errorf(file, row, col, "unknown field %s: expected one of id, zh, pinyin, en, also, note_en, note_zh, kind, attested, coined", strings.Join(se.Errors[0].Key(), "."))
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, textfile.Errorf(file, row, col, "%s", de.Error())
		}
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	lines := termLines(text)
	if len(lines) == len(g.Terms) {
		for i := range g.Terms {
			g.Terms[i].line = lines[i]
		}
	}
	ids, zhs := map[string]int{}, map[string]int{}
	for i := range g.Terms {
		t := &g.Terms[i]
		at := func(format string, args ...any) error {
			name := t.ID
			if name == "" {
				name = t.ZH
			}
			msg := fmt.Sprintf("term %d (%q): ", i+1, name) + fmt.Sprintf(format, args...)
			return textfile.Errorf(file, t.line, 0, "%s", msg)
		}
		for _, f := range []struct{ name, v string }{{"id", t.ID}, {"zh", t.ZH}, {"pinyin", t.Pinyin}, {"en", t.EN}, {"kind", t.Kind}, {"note_en", t.NoteEN}, {"note_zh", t.NoteZH}} {
			if strings.TrimSpace(f.v) == "" {
				return nil, at("%s is missing or blank: expected id, zh, pinyin, en, kind, note_en and note_zh", f.name)
			}
			if f.v != strings.TrimSpace(f.v) {
				return nil, at("%s %q starts or ends with white space", f.name, f.v)
			}
		}
		if !idPattern.MatchString(t.ID) {
			return nil, at("id %q is not a lowercase slug: expected lowercase letters, digits and single hyphens (two-firsts)", t.ID)
		}
		if !slices.Contains(Kinds, t.Kind) {
			return nil, at("kind %q: expected one of %s", t.Kind, strings.Join(Kinds, ", "))
		}
		if (strings.TrimSpace(t.Attested) == "") == (strings.TrimSpace(t.Coined) == "") {
			return nil, at("expected exactly one of attested (where the English rendering is used: publication or site, year) and coined (why we chose it)")
		}
		for _, a := range t.Also {
			if strings.TrimSpace(a) == "" {
				return nil, at("also has a blank rendering")
			}
		}
		if prev, dup := ids[t.ID]; dup {
			return nil, at("id %q is used twice (the first is term %d)", t.ID, prev)
		}
		if prev, dup := zhs[t.ZH]; dup {
			return nil, at("Chinese term %q occurs twice (the first is term %d): expected one entry per term", t.ZH, prev)
		}
		ids[t.ID], zhs[t.ZH] = i+1, i+1
	}
	return &g, nil
}

// termLines returns the line of every [[term]] header, in order.
func termLines(text string) []int {
	var out []int
	for i, l := range strings.Split(text, "\n") {
		if termHeader.MatchString(l) {
			out = append(out, i+1)
		}
	}
	return out
}

var termHeader = regexp.MustCompile(`^\s*\[\[\s*term\s*\]\]`)

// In returns the ids of the terms whose Chinese occurs in zh, in glossary
// order.
func (g *Glossary) In(zh string) []string {
	m := g.matcherFor("zh")
	var found []bool
	m.scan(zh, false, func(k, _, _ int) {
		if found == nil {
			found = make([]bool, len(g.Terms))
		}
		found[m.term[k]] = true
	})
	var ids []string
	for i, ok := range found {
		if ok {
			ids = append(ids, g.Terms[i].ID)
		}
	}
	return ids
}

// Occurrences maps each term id to the ids of the blocks of the Chinese
// article zh that contain it, in reading order. List items count on their
// own. Terms that do not occur are absent.
func (g *Glossary) Occurrences(zh *article.Article) map[string][]string {
	occ := map[string][]string{}
	add := func(id, text string) {
		for _, t := range g.In(text) {
			occ[t] = append(occ[t], id)
		}
	}
	zh.Walk(func(_ *article.Section, b *article.Block) {
		if b.Kind == article.KindList {
			for _, it := range b.Items {
				add(it.ID, it.Text(""))
			}
			return
		}
		add(b.ID, b.Full(""))
	})
	return occ
}
