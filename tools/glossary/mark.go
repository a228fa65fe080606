package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	terms := g.byLength(lang)
	english := lang != "zh"
	folded := make([]string, len(texts))
	for i, t := range texts {
		folded[i] = t
		if english {
			if l := strings.ToLower(t); len(l) == len(t) {
				folded[i] = l
			}
		}
	}
	var marks []Mark
	claimed := map[int][]Mark{} // marks by text, to check overlaps
	overlaps := func(i, start, end int) bool {
		for _, m := range claimed[i] {
			if start < m.End && m.Start < end {
				return true
			}
		}
		return false
	}
	for _, t := range terms {
	search:
		for i, text := range folded {
			for from := 0; ; {
				k := strings.Index(text[from:], t.needle)
				if k < 0 {
					break
				}
				start, end := from+k, from+k+len(t.needle)
				from = start + 1
				if english && !wordBoundary(texts[i], start, end) {
					continue
				}
				if overlaps(i, start, end) {
					continue
				}
				m := Mark{Term: t.id, Text: i, Start: start, End: end}
				marks = append(marks, m)
				claimed[i] = append(claimed[i], m)
				break search
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

// byLength returns the terms in language lang, longest first, made once
// per glossary and language.
func (g *Glossary) byLength(lang string) []needle {
	g.once.Do(func() {
		g.sorted = map[string][]needle{}
		for _, l := range []string{"zh", "en"} {
			var ts []needle
			for _, t := range g.Terms {
				s := t.EN
				if l == "zh" {
					s = t.ZH
				} else {
					s = strings.ToLower(s)
				}
				if s != "" {
					ts = append(ts, needle{t.ID, s})
				}
			}
			sort.SliceStable(ts, func(i, j int) bool {
				return utf8.RuneCountInString(ts[i].needle) > utf8.RuneCountInString(ts[j].needle)
			})
			g.sorted[l] = ts
		}
	})
	if lang != "zh" {
		lang = "en"
	}
	return g.sorted[lang]
}

// wordBoundary reports whether text[start:end] is not part of a longer word.
func wordBoundary(text string, start, end int) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	return true
}
