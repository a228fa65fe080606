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
	type term struct{ id, s string }
	terms := make([]term, 0, len(g.Terms))
	for _, t := range g.Terms {
		s := t.EN
		if lang == "zh" {
			s = t.ZH
		}
		if s != "" {
			terms = append(terms, term{t.ID, s})
		}
	}
	sort.SliceStable(terms, func(i, j int) bool {
		return utf8.RuneCountInString(terms[i].s) > utf8.RuneCountInString(terms[j].s)
	})
	folded := make([]string, len(texts))
	for i, t := range texts {
		folded[i] = t
		if lang != "zh" {
			if l := strings.ToLower(t); len(l) == len(t) {
				folded[i] = l
			}
		}
	}
	var marks []Mark
	overlaps := func(i, start, end int) bool {
		for _, m := range marks {
			if m.Text == i && start < m.End && m.Start < end {
				return true
			}
		}
		return false
	}
	for _, t := range terms {
		needle := t.s
		if lang != "zh" {
			needle = strings.ToLower(needle)
		}
	search:
		for i, text := range folded {
			for from := 0; ; {
				k := strings.Index(text[from:], needle)
				if k < 0 {
					break
				}
				start, end := from+k, from+k+len(needle)
				from = start + 1
				if lang != "zh" && !wordBoundary(texts[i], start, end) {
					continue
				}
				if overlaps(i, start, end) {
					continue
				}
				marks = append(marks, Mark{Term: t.id, Text: i, Start: start, End: end})
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
