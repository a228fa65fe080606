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
	Build          *build         `toml:"build,omitempty"`
	Params         params         `toml:"params"`
}

type build struct {
	Render string `toml:"render"`
	List   string `toml:"list"`
}

type params struct {
	Kind    string  `toml:"kind"` // article, section, closing, parallel
	Article string  `toml:"article"`
	Series  string  `toml:"series,omitempty"`
	Source  string  `toml:"source,omitempty"`
	Caption string  `toml:"caption,omitempty"`
	Author  *author `toml:"author,omitempty"`
	Section string  `toml:"section,omitempty"` // section id, s1…
	Leads   []lead  `toml:"leads,omitempty"`
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

// Content renders the Hugo content files of one language version of an
// article: the article page (metadata and opening), one page per section,
// the closing (listed with the article, not rendered on its own) and the
// parallel-text page.
func Content(a *article.Article) ([]File, error) {
	var date toml.LocalDate
	if err := date.UnmarshalText([]byte(a.Date)); err != nil {
		return nil, fmt.Errorf("%s: date %q: %v", a.File, a.Date, err)
	}
	dir := ContentDir(a.Lang, a.Slug)
	base := func(title string) frontMatter {
		return frontMatter{Title: title, Date: date, Params: params{Article: a.Slug}}
	}
	var files []File
	add := func(name string, fm frontMatter, blocks []article.Block) error {
		var pending []string
		for _, b := range blocks {
			if b.Pending {
				pending = append(pending, b.ID)
			}
		}
		fm.Params.Pending = append(fm.Params.Pending, pending...)
		data, err := page(fm, a, blocks)
		if err != nil {
			return fmt.Errorf("%s: %v", path.Join(dir, name), err)
		}
		files = append(files, File{Path: path.Join(dir, name), Data: data})
		return nil
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
	if err := add("_index.md", fm, a.Opening); err != nil {
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
		if err := add(SectionFile(i+1), fm, s.Blocks); err != nil {
			return nil, err
		}
	}

	if len(a.Closing) > 0 {
		fm := base(a.Title.Text)
		fm.Weight = len(a.Sections) + 1
		fm.TranslationKey = a.Slug + "/closing"
		fm.Build = &build{Render: "never", List: "local"}
		fm.Params.Kind = "closing"
		if err := add("closing.md", fm, a.Closing); err != nil {
			return nil, err
		}
	}

	fm = base(a.Title.Text)
	fm.Weight = len(a.Sections) + 2
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

// page renders front matter and blocks as one Markdown file.
func page(fm frontMatter, a *article.Article, blocks []article.Block) ([]byte, error) {
	var buf bytes.Buffer
	fmb, err := toml.Marshal(fm)
	if err != nil {
		return nil, err
	}
	buf.WriteString("+++\n")
	buf.Write(fmb)
	buf.WriteString("+++\n")
	for _, b := range blocks {
		buf.WriteString("\n")
		buf.WriteString(Markdown(a, &b))
	}
	return buf.Bytes(), nil
}

// Markdown renders one block as Markdown, its id (and, for a block whose
// translation is pending, its class and language) as a block attribute.
func Markdown(a *article.Article, b *article.Block) string {
	attrs := func(id string, pending bool) string {
		if pending && a.Lang != Langs[0] {
			return fmt.Sprintf("{#%s .pending lang=%q}", id, HTMLLang(Langs[0]))
		}
		return "{#" + id + "}"
	}
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
			fmt.Fprintf(&s, "%s%s\n%s%s\n", marker, Escape(it.Text), strings.Repeat(" ", len(marker)), attrs(it.ID, it.Pending))
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
			s.WriteString("**" + Escape(b.Lead) + "**" + sep)
		}
		s.WriteString(Escape(b.Text) + "\n")
		s.WriteString(attrs(b.ID, b.Pending) + "\n")
	}
	return s.String()
}
