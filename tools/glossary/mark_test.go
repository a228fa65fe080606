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
	}}
	zh := []string{"建设海岛共同富裕样板", "共同富裕先行，强港", "港口"}
	want := []Mark{
		{Term: "island-cp", Text: 0, Start: 6, End: 24},
		{Term: "cp", Text: 1, Start: 0, End: 12},
		{Term: "port", Text: 1, Start: 24, End: 27},
	}
	if have := g.FirstOccurrences("zh", zh); !reflect.DeepEqual(have, want) {
		t.Errorf("zh: %+v\nwant %+v", have, want)
	}
	en := []string{"Support the Common Prosperity of all", "a port; ports"}
	want = []Mark{
		{Term: "cp", Text: 0, Start: 12, End: 29},
		{Term: "port", Text: 1, Start: 2, End: 6}, // not inside "Support"
	}
	if have := g.FirstOccurrences("en", en); !reflect.DeepEqual(have, want) {
		t.Errorf("en: %+v\nwant %+v", have, want)
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
