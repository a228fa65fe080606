// Package emit renders an article, in both its languages, as Hugo content
// files and as the data file that the parallel page, the aligned downloads
// and the search index are built from.
//
// Every file is rendered in memory; writing is the caller's business, so
// that nothing is written unless everything rendered.
package emit

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	toml "github.com/pelletier/go-toml/v2"

	"policysite/tools/article"
	"policysite/tools/glossary"
)

// File is one rendered output file, its path relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Langs are the site's languages, the source language first.
var Langs = []string{"zh", "en"}

// HTMLLang is the value of the lang attribute for a language.
func HTMLLang(lang string) string {
	if lang == "zh" {
		return "zh-Hans"
	}
	return lang
}

// ContentDir is the folder the splitter owns for an article in a language.
func ContentDir(lang, slug string) string { return path.Join("content", lang, slug) }

// SectionFile is the content file of section n (1-based).
func SectionFile(n int) string { return fmt.Sprintf("section-%d.md", n) }

// frontMatter is the front matter of every emitted page; params only carry
// what a page of that kind has.
type frontMatter struct {
	Title          string         `toml:"title"`
	Date           toml.LocalDate `toml:"date"`
	Weight         int            `toml:"weight,omitempty"`
	TranslationKey string         `toml:"translationKey"`
	Layout         string         `toml:"layout,omitempty"`
	Params         params         `toml:"params"`
}

type params struct {
	Kind    string  `toml:"kind"` // article, section, parallel
	Article string  `toml:"article"`
	Series  string  `toml:"series,omitempty"`
	Source  string  `toml:"source,omitempty"`
	Caption string  `toml:"caption,omitempty"`
	Author  *author `toml:"author,omitempty"`
	Section string  `toml:"section,omitempty"` // section id, s1…
	Leads   []lead  `toml:"leads,omitempty"`
	// Terms are the glossary terms linked on the page, in reading order.
	Terms []string `toml:"terms,omitempty"`
	// Pending lists the blocks shown in the original language because their
	// translation is missing or stale.
	Pending []string `toml:"pending,omitempty"`
}

type author struct {
	Role string `toml:"role"`
	Name string `toml:"name"`
}

type lead struct {
	ID   string `toml:"id"`
	Text string `toml:"text"`
}

// Glossary finds the glossary terms to link on a page.
type Glossary interface {
	FirstOccurrences(lang string, texts []string) []glossary.Mark
}

// item is one piece of a page's body: a heading, a block, or the break
// before the closing.
type item struct {
	heading *article.Block
	block   *article.Block
	rule    bool
}

// Content renders the Hugo content files of one language version of an
// article: the article page (metadata and the whole text: opening, every
// section under its heading, closing), one page per section, and the
// parallel-text page. The first occurrence of each glossary term on a page
// links to its glossary entry.
func Content(a *article.Article, g Glossary) ([]File, error) {
	var date toml.LocalDate
	if err := date.UnmarshalText([]byte(a.Date)); err != nil {
		return nil, fmt.Errorf("%s: date %q: %v", a.File, a.Date, err)
	}
	dir := ContentDir(a.Lang, a.Slug)
	base := func(title string) frontMatter {
		return frontMatter{Title: title, Date: date, Params: params{Article: a.Slug}}
	}
	var files []File
	add := func(name string, fm frontMatter, body []item) error {
		for _, it := range body {
			if it.block != nil && it.block.Pending {
				fm.Params.Pending = append(fm.Params.Pending, it.block.ID)
			}
		}
		data, err := page(fm, a, g, body)
		if err != nil {
			return fmt.Errorf("%s: %v", path.Join(dir, name), err)
		}
		files = append(files, File{Path: path.Join(dir, name), Data: data})
		return nil
	}
	blocks := func(bs []article.Block) []item {
		var items []item
		for i := range bs {
			items = append(items, item{block: &bs[i]})
		}
		return items
	}

	fm := base(a.Title.Text)
	fm.TranslationKey = a.Slug
	fm.Params.Kind = "article"
	fm.Params.Series = text(a.Series)
	fm.Params.Source = text(a.Source)
	fm.Params.Caption = text(a.Caption)
	if a.AuthorRole != nil || a.AuthorName != nil {
		fm.Params.Author = &author{Role: text(a.AuthorRole), Name: text(a.AuthorName)}
	}
	for _, b := range []*article.Block{&a.Title, a.Series, a.Source, a.Caption, a.AuthorRole, a.AuthorName} {
		if b != nil && b.Pending {
			fm.Params.Pending = append(fm.Params.Pending, b.ID)
		}
	}
	whole := blocks(a.Opening)
	for i := range a.Sections {
		s := &a.Sections[i]
		if s.Heading.Pending {
			fm.Params.Pending = append(fm.Params.Pending, s.ID())
		}
		whole = append(whole, item{heading: &s.Heading})
		whole = append(whole, blocks(s.Blocks)...)
	}
	if len(a.Closing) > 0 {
		whole = append(whole, item{rule: true})
		whole = append(whole, blocks(a.Closing)...)
	}
	if err := add("_index.md", fm, whole); err != nil {
		return nil, err
	}

	for i, s := range a.Sections {
		fm := base(s.Heading.Text)
		fm.Weight = i + 1
		fm.TranslationKey = a.Slug + "/" + s.ID()
		fm.Params.Kind = "section"
		fm.Params.Section = s.ID()
		if s.Heading.Pending {
			fm.Params.Pending = []string{s.ID()}
		}
		for _, b := range s.Blocks {
			if b.Lead != "" {
				fm.Params.Leads = append(fm.Params.Leads, lead{ID: b.ID, Text: b.Lead})
			}
		}
		if err := add(SectionFile(i+1), fm, blocks(s.Blocks)); err != nil {
			return nil, err
		}
	}

	fm = base(a.Title.Text)
	fm.Weight = len(a.Sections) + 1
	fm.TranslationKey = a.Slug + "/parallel"
	fm.Layout = "parallel"
	fm.Params.Kind = "parallel"
	if err := add("parallel.md", fm, nil); err != nil {
		return nil, err
	}
	return files, nil
}

func text(b *article.Block) string {
	if b == nil {
		return ""
	}
	return b.Text
}

// texts lists the texts of a block that can hold glossary links, in
// reading order: lead, text, list items. A block shown in the original
// language because its translation is pending holds none.
func texts(a *article.Article, b *article.Block) []string {
	if b.Pending && a.Lang != Langs[0] {
		n := 2 + len(b.Items)
		return make([]string, n)
	}
	ts := []string{b.Lead, b.Text}
	for _, it := range b.Items {
		ts = append(ts, it.Text)
	}
	return ts
}

// page renders front matter and body as one Markdown file.
func page(fm frontMatter, a *article.Article, g Glossary, body []item) ([]byte, error) {
	var all []string
	for _, it := range body {
		if it.block != nil {
			all = append(all, texts(a, it.block)...)
		}
	}
	links := &linker{byText: map[int][]glossary.Mark{}}
	for _, m := range g.FirstOccurrences(a.Lang, all) {
		links.byText[m.Text] = append(links.byText[m.Text], m)
		fm.Params.Terms = append(fm.Params.Terms, m.Term)
	}
	var buf bytes.Buffer
	fmb, err := toml.Marshal(fm)
	if err != nil {
		return nil, err
	}
	buf.WriteString("+++\n")
	buf.Write(fmb)
	buf.WriteString("+++\n")
	for _, it := range body {
		buf.WriteString("\n")
		switch {
		case it.heading != nil:
			fmt.Fprintf(&buf, "## %s {#%s}\n", Escape(it.heading.Text), it.heading.ID)
		case it.rule:
			buf.WriteString("***\n")
		default:
			buf.WriteString(markdown(a, it.block, links))
		}
	}
	return buf.Bytes(), nil
}

// GlossaryScheme starts the destination of a glossary link in the emitted
// Markdown ([两个先行](glossary:two-firsts)); the link render hook turns it
// into a link to the term's entry on the glossary page.
const GlossaryScheme = "glossary:"

// linker escapes a page's texts in order, turning the marked glossary
// terms into links.
type linker struct {
	byText map[int][]glossary.Mark
	next   int
}

func (l *linker) text(s string) string {
	i := l.next
	l.next++
	var b strings.Builder
	pos := 0
	for _, m := range l.byText[i] {
		b.WriteString(Escape(s[pos:m.Start]))
		b.WriteString("[" + Escape(s[m.Start:m.End]) + "](" + GlossaryScheme + m.Term + ")")
		pos = m.End
	}
	b.WriteString(Escape(s[pos:]))
	return b.String()
}

// Markdown renders one block as Markdown without glossary links.
func Markdown(a *article.Article, b *article.Block) string {
	return markdown(a, b, &linker{})
}

// markdown renders one block as Markdown, its id (and, for a block whose
// translation is pending, its class and language) as a block attribute.
// It takes the block's texts from l in the order texts lists them.
func markdown(a *article.Article, b *article.Block, l *linker) string {
	attrs := func(id string, pending bool) string {
		if pending && a.Lang != Langs[0] {
			return fmt.Sprintf("{#%s .pending lang=%q}", id, HTMLLang(Langs[0]))
		}
		return "{#" + id + "}"
	}
	lead, txt := l.text(b.Lead), l.text(b.Text)
	var s strings.Builder
	switch b.Kind {
	case article.KindList:
		for k, it := range b.Items {
			if k > 0 {
				s.WriteString("\n")
			}
			// The attribute line continues the item's paragraph: indent it
			// to the item's content, past the marker ("1. ", "10. ").
			marker := fmt.Sprintf("%d. ", k+1)
			fmt.Fprintf(&s, "%s%s\n%s%s\n", marker, l.text(it.Text), strings.Repeat(" ", len(marker)), attrs(it.ID, it.Pending))
		}
		s.WriteString(attrs(b.ID, false) + "\n")
	default:
		if b.Lead != "" {
			// The lead is bold, as in print. In Chinese nothing separates
			// it from the text, and ** followed by a letter would not close
			// the emphasis: an escaped space (goldmark's CJK extension,
			// escapedSpace) closes it and renders as nothing.
			sep := " "
			if a.Sep(b) == "" {
				sep = `\ `
			}
			s.WriteString("**" + lead + "**" + sep)
		}
		s.WriteString(txt + "\n")
		s.WriteString(attrs(b.ID, b.Pending) + "\n")
	}
	return s.String()
}
