package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"
)

// Mark is one occurrence of a term to link: bytes [Start, End) of text
// number Text of the slice given to FirstOccurrences.
type Mark struct {
	Term       string
	Text       int
	Start, End int
}

// FirstOccurrences finds, in texts read in order (the blocks of one page),
// the first occurrence of each glossary term in language lang: the Chinese
// term for "zh", the English rendering otherwise (case-insensitive, on word
// boundaries). Longer terms claim their text first, so 海岛共同富裕 is not also
// marked as 共同富裕; a shorter term takes its first occurrence outside every
// claimed span. The marks come back in reading order.
func (g *Glossary) FirstOccurrences(lang string, texts []string) []Mark {
	m := g.matcherFor(lang)
	english := lang != "zh"
	// Every occurrence of every term, per term, in reading order.
	occ := make([][]Mark, len(m.needles))
	for i, text := range texts {
		m.scan(text, english, func(k, start, end int) {
			occ[k] = append(occ[k], Mark{Term: m.needles[k].id, Text: i, Start: start, End: end})
		})
	}
	var marks []Mark
	claimed := map[int][]Mark{} // marks by text, to check overlaps
	overlaps := func(o Mark) bool {
		for _, c := range claimed[o.Text] {
			if o.Start < c.End && c.Start < o.End {
				return true
			}
		}
		return false
	}
	// Longest terms first (needles are sorted so): each takes its first
	// occurrence that no longer term has claimed.
	for k := range m.needles {
		for _, o := range occ[k] {
			if !overlaps(o) {
				marks = append(marks, o)
				claimed[o.Text] = append(claimed[o.Text], o)
				break
			}
		}
	}
	sort.Slice(marks, func(a, b int) bool {
		if marks[a].Text != marks[b].Text {
			return marks[a].Text < marks[b].Text
		}
		return marks[a].Start < marks[b].Start
	})
	return marks
}

// needle is a term to look for: its id and the text to find (the Chinese,
// or the English rendering lower-cased).
type needle struct{ id, needle string }

// matcher finds every term in a text in one pass over its bytes, with an
// Aho–Corasick automaton of all the terms: one table look-up a byte,
// however many terms the glossary has.
type matcher struct {
	needles []needle // longest first
	term    []int    // needle → index of its term in the glossary
	ac      *ahocorasick.Automaton
}

// scan calls fn for every occurrence of every term in text (English:
// ignoring case, on word boundaries), overlapping ones included. The
// occurrences of one term come in order of position.
func (m *matcher) scan(text string, english bool, fn func(k, start, end int)) {
	if m.ac == nil || text == "" {
		return
	}
	hay := text
	if english {
		if l := lower(text); len(l) == len(text) {
			hay = l
		}
	}
	for _, o := range m.ac.FindAllOverlapping([]byte(hay)) {
		if english && !wordBoundary(text, o.Start, o.End) {
			continue
		}
		fn(o.PatternID, o.Start, o.End)
	}
}

// lower is strings.ToLower, quicker on text that is mostly ASCII with a
// few other characters (curly quotes, dashes), as English translations
// are: strings.ToLower maps such text a rune at a time through a function.
func lower(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r || r == utf8.RuneError {
			b = utf8.AppendRune(b, l)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// matcherFor returns the matcher of language lang, made once per glossary.
func (g *Glossary) matcherFor(lang string) *matcher {
	g.once.Do(func() {
		g.matchers = map[string]*matcher{}
		for _, l := range []string{"zh", "en"} {
			m := &matcher{}
			for i, t := range g.Terms {
				s := t.EN
				if l == "zh" {
					s = t.ZH
				} else {
					s = strings.ToLower(s)
				}
				if s != "" {
					m.needles = append(m.needles, needle{t.ID, s})
					m.term = append(m.term, i)
				}
			}
			sort.Stable(byLength{m})
			if len(m.needles) > 0 {
				b := ahocorasick.NewBuilder()
				for _, n := range m.needles {
					b.AddPattern([]byte(n.needle))
				}
				ac, err := b.Build()
				if err != nil {
					panic(err) // only for no pattern or an empty one, excluded above
				}
				m.ac = ac
			}
			g.matchers[l] = m
		}
	})
	if lang != "zh" {
		lang = "en"
	}
	return g.matchers[lang]
}

// byLength sorts a matcher's needles longest first, keeping the
// glossary's order among needles of one length.
type byLength struct{ m *matcher }

func (b byLength) Len() int { return len(b.m.needles) }
func (b byLength) Less(i, j int) bool {
	return utf8.RuneCountInString(b.m.needles[i].needle) > utf8.RuneCountInString(b.m.needles[j].needle)
}
func (b byLength) Swap(i, j int) {
	b.m.needles[i], b.m.needles[j] = b.m.needles[j], b.m.needles[i]
	b.m.term[i], b.m.term[j] = b.m.term[j], b.m.term[i]
}

// wordBoundary reports whether text[start:end] is not part of a longer word:
// neither the rune before it nor the rune after it is a letter or a digit.
// At either end of text there is no such rune, and the decoders return
// utf8.RuneError, which is neither.
func wordBoundary(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return !inWord(before) && !inWord(after)
}

// inWord reports whether r is part of a word.
func inWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
