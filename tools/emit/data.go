package emit

import (
	"encoding/json"
	"path"

	"policysite/tools/article"
)

// DataFile is the path of an article's data file, read by Hugo templates
// as site.Data.articles.<slug>.
func DataFile(slug string) string { return path.Join("data", "articles", slug+".json") }

// Pair is a text in both languages.
type Pair struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// DataBlock is one aligned block: what the parallel page shows as a row,
// what the downloads list and what the search indexes.
type DataBlock struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	N       int      `json:"n,omitempty"`       // ¶ number; section number for headings
	Section string   `json:"section,omitempty"` // s1…; empty outside sections
	Parent  string   `json:"parent,omitempty"`  // the list of an item
	Line    int      `json:"line"`              // line in the source file
	Text    Pair     `json:"text"`              // the whole block, lead included
	Lead    *Pair    `json:"lead,omitempty"`
	Terms   []string `json:"terms,omitempty"` // glossary term ids the Chinese contains
	Pending bool     `json:"pending,omitempty"`
}

// DataSection is one section of the article.
type DataSection struct {
	ID      string `json:"id"`
	N       int    `json:"n"`
	Heading Pair   `json:"heading"`
	Page    string `json:"page"` // content file name without extension
}

// Data is the whole data file of an article.
type Data struct {
	Slug     string              `json:"slug"`
	Date     string              `json:"date"`
	Source   string              `json:"source"` // the source file, relative to the site root
	Sections []DataSection       `json:"sections"`
	Blocks   []DataBlock         `json:"blocks"`
	Terms    map[string][]string `json:"terms"` // term id → block ids, reading order
	Pending  []string            `json:"pending,omitempty"`
}

// Terms finds the glossary terms in a Chinese text.
type Terms interface {
	In(zh string) []string
	Occurrences(zh *article.Article) map[string][]string
}

// ArticleData renders the data file of an article from its Chinese and
// English versions, which must have the same shape (en is zh translated).
func ArticleData(zh, en *article.Article, sourceFile string, terms Terms) File {
	d := Data{Slug: zh.Slug, Date: zh.Date, Source: sourceFile, Terms: terms.Occurrences(zh)}
	var ens []*article.Block
	en.Walk(func(_ *article.Section, b *article.Block) { ens = append(ens, b) })
	i := 0
	add := func(sec *article.Section, z, e *article.Block, parent string) {
		db := DataBlock{ID: z.ID, Kind: string(z.Kind), N: z.N, Parent: parent, Line: z.Line,
			Text:  Pair{z.Full(zh.Sep(z)), e.Full(en.Sep(e))},
			Terms: terms.In(z.Full(zh.Sep(z))), Pending: e.Pending}
		if sec != nil {
			db.Section = sec.ID()
		}
		if z.Lead != "" {
			db.Lead = &Pair{z.Lead, e.Lead}
		}
		if db.Pending {
			d.Pending = append(d.Pending, db.ID)
		}
		d.Blocks = append(d.Blocks, db)
	}
	zh.Walk(func(sec *article.Section, z *article.Block) {
		e := ens[i]
		i++
		if z.Kind == article.KindList {
			for k := range z.Items {
				add(sec, &z.Items[k], &e.Items[k], z.ID)
			}
			return
		}
		add(sec, z, e, "")
	})
	for k, s := range zh.Sections {
		d.Sections = append(d.Sections, DataSection{ID: s.ID(), N: s.Heading.N,
			Heading: Pair{s.Heading.Text, en.Sections[k].Heading.Text},
			Page:    SectionFile(k + 1)[:len(SectionFile(k+1))-len(".md")]})
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		panic(err) // only plain strings, ints and maps of them
	}
	return File{Path: DataFile(zh.Slug), Data: append(b, '\n')}
}
