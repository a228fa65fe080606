package glossary

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestFirstOccurrences(t *testing.T) {
	g := &Glossary{Terms: []Term{
		{ID: "cp", ZH: "共同富裕", EN: "common prosperity"},
		{ID: "island-cp", ZH: "海岛共同富裕", EN: "common prosperity for islands"},
		{ID: "port", ZH: "港", EN: "port"},
		{ID: "two-firsts", ZH: "两个先行", EN: "Two Firsts"},
		{ID: "5g", ZH: "5G网络", EN: "5G network"},
		{ID: "none", ZH: "", EN: ""}, // a term without a rendering is never marked
	}}
	tests := []struct {
		name  string
		lang  string
		texts []string
		want  []Mark
	}{
		{"longer terms first, then the first occurrence outside them", "zh",
			[]string{"建设海岛共同富裕样板", "共同富裕先行，强港", "港口"},
			[]Mark{{"island-cp", 0, 6, 24}, {"cp", 1, 0, 12}, {"port", 1, 24, 27}}},
		{"marks come back in reading order", "zh",
			[]string{"港", "两个先行"},
			[]Mark{{"port", 0, 0, 3}, {"two-firsts", 1, 0, 12}}},
		{"in one text, by position", "zh",
			[]string{"港与两个先行"},
			[]Mark{{"port", 0, 0, 3}, {"two-firsts", 0, 6, 18}}},
		{"a term right after another", "zh",
			[]string{"两个先行港"},
			[]Mark{{"two-firsts", 0, 0, 12}, {"port", 0, 12, 15}}},
		{"a term right before another", "zh",
			[]string{"港两个先行"},
			[]Mark{{"port", 0, 0, 3}, {"two-firsts", 0, 3, 15}}},
		{"Chinese is matched as it is", "zh",
			[]string{"5g网络", "建设5G网络"},
			[]Mark{{"5g", 1, 6, 14}}},
		{"English: any case, the rendering's capitals too", "en",
			[]string{"Support the Common Prosperity of all", "the two firsts"},
			[]Mark{{"cp", 0, 12, 29}, {"two-firsts", 1, 4, 14}}},
		{"English: not inside a word, on either side", "en",
			[]string{"Support ports", "portal, passport and port"},
			[]Mark{{"port", 1, 21, 25}}},
		{"English: digits are part of a word", "en",
			[]string{"a 25G network, 5G networks, 5G network"},
			[]Mark{{"5g", 0, 28, 38}}},
		{"English: at the very start and end of a text", "en",
			[]string{"port"},
			[]Mark{{"port", 0, 0, 4}}},
		{"English: the longer rendering claims its text", "en",
			[]string{"common prosperity for islands and common prosperity"},
			[]Mark{{"island-cp", 0, 0, 29}, {"cp", 0, 34, 51}}},
		{"nothing to mark", "en", []string{"", "nothing here"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if have := g.FirstOccurrences(tt.lang, tt.texts); !reflect.DeepEqual(have, tt.want) {
				t.Errorf("%s %q:\n\t%+v\nwant\n\t%+v", tt.lang, tt.texts, have, tt.want)
			}
		})
	}
}

// TestFirstOccurrencesTies: of two terms of one length that overlap, the
// one listed first in the glossary claims the text.
func TestFirstOccurrencesTies(t *testing.T) {
	ab := Term{ID: "ab", ZH: "甲乙", EN: "alpha beta"}
	bc := Term{ID: "bc", ZH: "乙丙", EN: "beta gamma"}
	tests := []struct {
		terms []Term
		lang  string
		text  string
		want  []Mark
	}{
		{[]Term{ab, bc}, "zh", "甲乙丙", []Mark{{"ab", 0, 0, 6}}},
		{[]Term{bc, ab}, "zh", "甲乙丙", []Mark{{"bc", 0, 3, 9}}},
		{[]Term{ab, bc}, "en", "alpha beta gamma", []Mark{{"ab", 0, 0, 10}}},
		{[]Term{bc, ab}, "en", "alpha beta gamma", []Mark{{"bc", 0, 6, 16}}},
	}
	for _, tt := range tests {
		g := &Glossary{Terms: tt.terms}
		if have := g.FirstOccurrences(tt.lang, []string{tt.text}); !reflect.DeepEqual(have, tt.want) {
			t.Errorf("%s first: %+v, want %+v", tt.terms[0].ID, have, tt.want)
		}
	}
}

// naiveScan is scan written the slow, obvious way, as the reference: every
// term compared at every byte of the text.
func naiveScan(m *matcher, text string, english bool) [][3]int {
	hay := text
	if english {
		if l := strings.ToLower(text); len(l) == len(text) {
			hay = l
		}
	}
	var out [][3]int
	for k, n := range m.needles {
		for i := 0; i+len(n.needle) <= len(hay); i++ {
			if hay[i:i+len(n.needle)] == n.needle && (!english || wordBoundary(text, i, i+len(n.needle))) {
				out = append(out, [3]int{k, i, i + len(n.needle)})
			}
		}
	}
	return out
}

// TestScan: the automaton finds exactly what comparing every term at every
// position finds (overlapping occurrences, terms inside longer terms,
// repeated terms, case, word boundaries), on texts made of pieces of the
// site's glossary terms.
func TestScan(t *testing.T) {
	g, err := Load(filepath.Join("..", "..", "data", "glossary.toml"))
	if err != nil {
		t.Fatal(err)
	}
	g.Terms = append(g.Terms, Term{ID: "dup-en", ZH: "重复", EN: g.Terms[0].EN}, Term{ID: "short", ZH: "岛", EN: "is"})
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lang := range []string{"zh", "en"} {
		m := g.matcherFor(lang)
		var pieces []string
		for _, n := range m.needles {
			r := []rune(n.needle)
			pieces = append(pieces, n.needle, string(r[:len(r)/2]), string(r[len(r)/2:]))
		}
		pieces = append(pieces, " ", "，", "a", "Ä", "İ", "-", "的", "\u00a0")
		for i := 0; i < 2000; i++ {
			var b strings.Builder
			for n := rng.IntN(12); n >= 0; n-- {
				p := pieces[rng.IntN(len(pieces))]
				if rng.IntN(3) == 0 {
					p = strings.ToUpper(p)
				}
				b.WriteString(p)
			}
			text := b.String()
			var have [][3]int
			m.scan(text, lang != "zh", func(k, start, end int) { have = append(have, [3]int{k, start, end}) })
			sort.Slice(have, func(i, j int) bool {
				if have[i][0] != have[j][0] {
					return have[i][0] < have[j][0]
				}
				return have[i][1] < have[j][1]
			})
			if want := naiveScan(m, text, lang != "zh"); !reflect.DeepEqual(have, want) {
				t.Fatalf("%s %q:\nhave %v\nwant %v", lang, text, have, want)
			}
		}
	}
}

// TestScanEmpty: an empty glossary finds nothing.
func TestScanEmpty(t *testing.T) {
	g := &Glossary{}
	if marks := g.FirstOccurrences("zh", []string{"两个先行"}); len(marks) != 0 {
		t.Errorf("marks %v", marks)
	}
	if ids := g.In("两个先行"); len(ids) != 0 {
		t.Errorf("ids %v", ids)
	}
}

// TestLower: lower is strings.ToLower, byte for byte, on every kind of
// text: ASCII, other scripts, letters whose lower case is longer or
// shorter, U+FFFD, and bytes that are not UTF-8.
func TestLower(t *testing.T) {
	pieces := []string{"A", "z", " ", "Two Firsts", "“", "’", "—", "两个先行", "İ", "Ä", "ẞ", "K", "Σ", "\uFFFD", "\xff", "\xe4\xb8", "é"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := rng.IntN(10); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if have, want := lower(s), strings.ToLower(s); have != want {
			t.Fatalf("lower(%q) = %q, want %q", s, have, want)
		}
	}
}
