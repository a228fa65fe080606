package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"policysite/tools/article"
	"policysite/tools/glossary"
)

// The translation's consistency rules, sentence by sentence: every Chinese
// sentence has one English unit; English holds no Chinese; a glossary term
// in a sentence's Chinese has its rendering in that sentence's English;
// Arabic numbers carry over.
func TestTranslationConsistency(t *testing.T) {
	out := render(t)
	g, err := glossary.Load(filepath.Join(root, glossaryFile))
	if err != nil {
		t.Fatal(err)
	}
	number := regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)(亿|万)?`)
	for i, slug := range out.Articles {
		zh, en := out.Models[i].ZH, out.Models[i].EN
		t.Run(slug, func(t *testing.T) {
			zu, eu := zh.Units(), en.Units()
			if len(zu) != len(eu) {
				t.Fatalf("%d Chinese units, %d English", len(zu), len(eu))
			}
			for k := range zu {
				if eu[k].Pending {
					t.Errorf("%s: translation pending", eu[k].ID)
				}
				z, e := zu[k], eu[k]
				if z.ID != e.ID {
					t.Fatalf("unit %d: %s vs %s", k, z.ID, e.ID)
				}
				if strings.TrimSpace(e.Text) == "" || e.Text == z.Text {
					t.Errorf("%s: no English", e.ID)
				}
				for _, r := range e.Text {
					if unicode.Is(unicode.Han, r) {
						t.Errorf("%s: Chinese character %q in the English %q", e.ID, r, e.Text)
						break
					}
				}
				lower := strings.ToLower(e.Text)
				for _, id := range g.In(z.Text) {
					term := termByID(g, id)
					if !strings.Contains(lower, strings.ToLower(term.EN)) {
						t.Errorf("%s: Chinese has %s (%s) but the English lacks %q:\n\t%s", e.ID, term.ZH, id, term.EN, e.Text)
					}
				}
				for _, m := range number.FindAllStringSubmatch(z.Text, -1) {
					want := englishNumber(m[1], m[2])
					found := regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(want) + `($|[^0-9])`).MatchString(e.Text)
					if word := numberWord(want); word != "" && regexp.MustCompile(`(?i)\b`+word+`\b`).MatchString(e.Text) {
						found = true // spelled out, as house style does for one to ten
					}
					if !found {
						t.Errorf("%s: number %s of the Chinese (%q in English) is missing from the English %q", e.ID, m[0], want, e.Text)
					}
				}
			}
		})
	}
}

func termByID(g *glossary.Glossary, id string) glossary.Term {
	for _, t := range g.Terms {
		if t.ID == id {
			return t
		}
	}
	return glossary.Term{}
}

// TestListItems: the enumeration has ten items in both languages, each in
// order (一是 … 十是 / First … Tenth).
func TestListItems(t *testing.T) {
	out := render(t)
	ordinals := []string{"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"}
	for _, v := range out.Models {
		if v.ZH.Slug != "zhoushan-two-firsts" {
			continue
		}
		list := v.EN.Sections[0].Blocks[1]
		if list.Kind != article.KindList || len(list.Items) != 10 {
			t.Fatalf("English p3 has %d items, want 10", len(list.Items))
		}
		for k, it := range list.Items {
			if text := it.Text(" "); !strings.HasPrefix(text, ordinals[k]+",") {
				t.Errorf("%s = %q, want it to start with %q", it.ID, text, ordinals[k]+",")
			}
		}
	}
}

// TestGlossary: at least 40 complete entries, each occurring in the article.
func TestGlossary(t *testing.T) {
	g, err := glossary.Load(filepath.Join(root, glossaryFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) < 40 {
		t.Errorf("%d glossary terms, want at least 40", len(g.Terms))
	}
	out := render(t)
	occ := g.Occurrences(out.Models[0].ZH)
	kinds := map[string]bool{"slogan": true, "formula": true, "programme": true, "institution": true, "place": true, "concept": true, "event": true}
	toned := regexp.MustCompile(`[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]`)
	for _, term := range g.Terms {
		if term.Pinyin == "" || term.NoteEN == "" || term.NoteZH == "" {
			t.Errorf("%s: missing pinyin or notes", term.ID)
		}
		if !toned.MatchString(term.Pinyin) {
			t.Errorf("%s: pinyin %q has no tone marks", term.ID, term.Pinyin)
		}
		if !kinds[term.Kind] {
			t.Errorf("%s: kind %q", term.ID, term.Kind)
		}
		if len(occ[term.ID]) == 0 {
			t.Errorf("%s (%s) occurs in no block", term.ID, term.ZH)
		}
	}
}

// englishNumber is how an Arabic number of the Chinese reads in English:
// the same digits, except that the Chinese magnitudes 亿 (10⁸) and 万 (10⁴)
// become millions and thousands (1亿 → "100 million", 3万 → "30 thousand").
func englishNumber(digits, magnitude string) string {
	n, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return digits
	}
	switch magnitude {
	case "亿":
		return strconv.FormatFloat(n*100, 'f', -1, 64) + " million"
	case "万":
		return strconv.FormatFloat(n*10, 'f', -1, 64) + " thousand"
	}
	return digits
}

// TestSentenceAlignment: each block's Chinese text is exactly the
// concatenation of its sentences, each sentence has one English unit with
// the same id, and the English block is its units joined by spaces.
func TestSentenceAlignment(t *testing.T) {
	out := render(t)
	for i, v := range out.Models {
		d := out.Data[i]
		t.Run(v.ZH.Slug, func(t *testing.T) {
			if len(d.Blocks) == 0 {
				t.Fatal("no blocks")
			}
			seen := map[string]bool{}
			for _, b := range d.Blocks {
				if len(b.Sentences) == 0 {
					t.Errorf("%s: no sentences", b.ID)
					continue
				}
				var zh, en []string
				for _, s := range b.Sentences {
					if seen[s.ID] {
						t.Errorf("sentence id %s twice", s.ID)
					}
					seen[s.ID] = true
					if s.ZH == "" || s.EN == "" {
						t.Errorf("%s: empty sentence %q / %q", s.ID, s.ZH, s.EN)
					}
					zh, en = append(zh, s.ZH), append(en, s.EN)
				}
				if have := strings.Join(zh, ""); have != b.Text.ZH {
					t.Errorf("%s: sentences join to %q, block is %q", b.ID, have, b.Text.ZH)
				}
				if have := strings.Join(en, " "); have != b.Text.EN {
					t.Errorf("%s: English units join to %q, block is %q", b.ID, have, b.Text.EN)
				}
			}
			units := v.ZH.Units()
			if len(units) != len(seen) {
				t.Errorf("%d units in the model, %d sentences in the data", len(units), len(seen))
			}
			for _, u := range units {
				if !seen[u.ID] {
					t.Errorf("unit %s not in the data", u.ID)
				}
			}
		})
	}
}

// numberWord is how house style spells out the numbers one to ten; "" for
// other numbers, which stay in digits.
func numberWord(digits string) string {
	words := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n >= len(words) {
		return ""
	}
	return words[n]
}
