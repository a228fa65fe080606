// Package emit renders an article, in both its languages, as the files the
// Hugo site is built from:
//
//   - content pages (front matter only: the article page, one page per
//     section and the parallel page, in each language), Content;
//   - the aligned data the site's templates render the text from: every
//     block and sentence in both languages, with the HTML of each block
//     (sentence elements with their ids, glossary links), ArticleData;
//   - the aligned downloads readers get (blocks.json, blocks.csv),
//     Downloads.
//
// Every file is rendered in memory; writing is the caller's business, so
// that nothing is written unless everything rendered.
package emit

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

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
	// Description is the article's first paragraph as plain text, for
	// feeds and the page's meta description. (Not Hugo's "summary", which
	// Hugo renders as Markdown: the text must stay as it is.)
	Description string `toml:"description,omitempty"`
	Params      params `toml:"params"`
}

type params struct {
	Kind    string `toml:"kind"` // article, section, parallel
	Article string `toml:"article"`
	Series  string `toml:"series,omitempty"`
	// Source is the source line's publication (《今日浙江》杂志);
	// Publication its title alone (今日浙江), for citations.
	Source      string  `toml:"source,omitempty"`
	Publication string  `toml:"publication,omitempty"`
	Caption     string  `toml:"caption,omitempty"`
	Author      *author `toml:"author,omitempty"`
	Section     string  `toml:"section,omitempty"` // section id, s1…
	// Pending lists the blocks shown (in part) in the original language
	// because their translation is missing or stale.
	Pending []string `toml:"pending,omitempty"`
}

type author struct {
	Role string `toml:"role,omitempty"`
	Name string `toml:"name,omitempty"`
}

// bookTitle finds a publication's title in 《》.
var bookTitle = regexp.MustCompile(`《([^》]+)》`)

// Publication returns the title of the publication an article first
// appeared in: the text in 《》 of its source line (《今日浙江》杂志 →
// 今日浙江), or the whole source line when it has none; "" without one.
// The English source line is its translation as it stands.
func Publication(a *article.Article) string {
	if a.Source == nil {
		return ""
	}
	s := a.Source.Text("")
	if a.Lang == Langs[0] && !a.Source.Pending {
		if m := bookTitle.FindStringSubmatch(s); m != nil {
			return m[1]
		}
	}
	return s
}

// maxSummaryRunes bounds the summary of a page.
const maxSummaryRunes = 400

// summary is the article's first paragraph (the opening's, else the first
// of the body), cut after a sentence when it is long.
func summary(a *article.Article) string {
	ps := a.Paragraphs()
	if len(ps) == 0 {
		return ""
	}
	b := ps[0]
	if b.Kind == article.KindList {
		return b.Full(a.Sep())
	}
	var s strings.Builder
	for i, sn := range b.Sentences {
		if i > 0 && utf8.RuneCountInString(s.String())+utf8.RuneCountInString(sn.Text) > maxSummaryRunes {
			break
		}
		if i > 0 {
			s.WriteString(a.Sep())
		}
		s.WriteString(sn.Text)
	}
	return s.String()
}

// Content renders the Hugo content files of one language version of an
// article: the article page, one page per section and the parallel-text
// page. They hold front matter only: the templates render the text from
// the article's data (ArticleData), so the text is stored once.
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
	add := func(name string, fm frontMatter) error {
		data, err := page(fm)
		if err != nil {
			return fmt.Errorf("%s: %v", path.Join(dir, name), err)
		}
		files = append(files, File{Path: path.Join(dir, name), Data: data})
		return nil
	}
	text := func(b *article.Block) string {
		if b == nil {
			return ""
		}
		return b.Text(a.Sep())
	}

	fm := base(PageTitle(a))
	fm.TranslationKey = a.Slug
	fm.Description = summary(a)
	fm.Params.Kind = "article"
	fm.Params.Series = text(a.Series)
	fm.Params.Source = text(a.Source)
	fm.Params.Publication = Publication(a)
	fm.Params.Caption = text(a.Caption)
	if a.AuthorRole != nil || a.AuthorName != nil {
		fm.Params.Author = &author{Role: text(a.AuthorRole), Name: text(a.AuthorName)}
	}
	a.Walk(func(_ *article.Section, b *article.Block) {
		if b.Pending {
			fm.Params.Pending = append(fm.Params.Pending, b.ID)
		}
	})
	if err := add("_index.md", fm); err != nil {
		return nil, err
	}

	for i := range a.Sections {
		s := &a.Sections[i]
		fm := base(SectionTitle(a, s))
		fm.Weight = i + 1
		fm.TranslationKey = a.Slug + "/" + s.ID()
		fm.Params.Kind = "section"
		fm.Params.Section = s.ID()
		if s.Heading.Pending {
			fm.Params.Pending = append(fm.Params.Pending, s.ID())
		}
		for _, b := range s.Blocks {
			if b.Pending {
				fm.Params.Pending = append(fm.Params.Pending, b.ID)
			}
		}
		if err := add(SectionFile(i+1), fm); err != nil {
			return nil, err
		}
	}

	fm = base(PageTitle(a))
	fm.Weight = len(a.Sections) + 1
	fm.TranslationKey = a.Slug + "/parallel"
	fm.Layout = "parallel"
	fm.Params.Kind = "parallel"
	if err := add("parallel.md", fm); err != nil {
		return nil, err
	}
	return files, nil
}

// PageTitle is the title of an article's page (and of its parallel page)
// in the article's language: its title, sentences joined as the language
// joins them.
func PageTitle(a *article.Article) string { return a.Title.Text(a.Sep()) }

// SectionTitle is the title of the page of section s of a.
func SectionTitle(a *article.Article, s *article.Section) string { return s.Heading.Text(a.Sep()) }

// page renders front matter as a content file.
func page(fm frontMatter) ([]byte, error) {
	var buf bytes.Buffer
	fmb, err := toml.Marshal(fm)
	if err != nil {
		return nil, err
	}
	buf.WriteString("+++\n")
	buf.Write(fmb)
	buf.WriteString("+++\n")
	return buf.Bytes(), nil
}
