package emit

import (
	"strings"

	"policysite/tools/article"
	"policysite/tools/glossary"
)

// GlossaryURL stands for the URL of the glossary page in the HTML the
// splitter writes: the link of a term is href="{glossary}#term-id". The
// site's templates put the page's glossary URL in its place (the splitter
// does not know where the site is served).
const GlossaryURL = "{glossary}"

// Glossary finds the glossary terms to link.
type Glossary interface {
	FirstOccurrences(lang string, texts []string) []glossary.Mark
}

// blockHTML renders the inner HTML of one paragraph or list item in the
// article's language: every sentence is an element carrying its id (the
// lead a <strong>, the others a <span>), and the marked glossary terms are
// links. A pending sentence (shown in the original language while its
// translation is missing) carries the original's lang and the class
// "pending". Sentences are separated as the language separates them:
// nothing in Chinese, one space in English.
func blockHTML(a *article.Article, b *article.Block, marks map[string][]glossary.Mark) string {
	var s strings.Builder
	sentencesHTML(&s, a, b, marks)
	return s.String()
}

func sentencesHTML(s *strings.Builder, a *article.Article, b *article.Block, marks map[string][]glossary.Mark) {
	for i, sn := range b.Sentences {
		if i > 0 {
			s.WriteString(a.Sep())
		}
		tag := "span"
		if i == 0 && b.HasLead {
			tag = "strong"
		}
		s.WriteString("<" + tag + ` id="` + sn.ID + `"`)
		if sn.Pending && a.Lang != Langs[0] {
			s.WriteString(` lang="` + HTMLLang(Langs[0]) + `" class="pending"`)
		}
		s.WriteString(">")
		pos := 0
		for _, m := range marks[sn.ID] {
			s.WriteString(escapeText(sn.Text[pos:m.Start]))
			s.WriteString(`<a class="term" href="` + GlossaryURL + "#" + m.Term + `">`)
			s.WriteString(escapeText(sn.Text[m.Start:m.End]))
			s.WriteString("</a>")
			pos = m.End
		}
		s.WriteString(escapeText(sn.Text[pos:]))
		s.WriteString("</" + tag + ">")
	}
}

// termMarks finds the glossary terms to link in an article: the first
// occurrence of each term in each part of the text (the opening, each
// section, the closing), so that an article page and a section page mark
// the same words. The marks are keyed by sentence id. Pending sentences of
// a translation are in the other language and hold no marks.
func termMarks(a *article.Article, g Glossary) map[string][]glossary.Mark {
	marks := map[string][]glossary.Mark{}
	part := func(blocks []article.Block) {
		var ids, texts []string
		add := func(b *article.Block) {
			for _, sn := range b.Sentences {
				ids = append(ids, sn.ID)
				if sn.Pending && a.Lang != Langs[0] {
					texts = append(texts, "")
				} else {
					texts = append(texts, sn.Text)
				}
			}
		}
		for i := range blocks {
			add(&blocks[i])
			for k := range blocks[i].Items {
				add(&blocks[i].Items[k])
			}
		}
		for _, m := range g.FirstOccurrences(a.Lang, texts) {
			marks[ids[m.Text]] = append(marks[ids[m.Text]], m)
		}
	}
	part(a.Opening)
	for i := range a.Sections {
		part(a.Sections[i].Blocks)
	}
	part(a.Closing)
	return marks
}
