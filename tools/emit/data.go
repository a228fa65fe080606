package emit

import (
	"bytes"
	"encoding/json"
	"path"
	"slices"
	"strings"

	"policysite/tools/article"
	"policysite/tools/glossary"
)

// DataFile is the path of an article's data file. The site mounts
// data/articles as assets/articles (config.toml), so that a template loads
// one article's data when it renders that article's pages instead of Hugo
// loading every article's data for every page.
func DataFile(slug string) string { return path.Join("data", "articles", slug+".json") }

// Pair is a text in both languages.
type Pair struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// DataSentence is one sentence (translation unit) in both languages.
type DataSentence struct {
	ID      string `json:"id"`
	ZH      string `json:"zh"`
	EN      string `json:"en"`
	Pending bool   `json:"pending,omitempty"` // en is the Chinese, awaiting translation
}

// DataBlock is one aligned block: what the pages render, what the
// parallel page shows as a row, what the downloads list and what the
// search indexes.
type DataBlock struct {
	ID        string         `json:"id"`
	Kind      string         `json:"kind"`
	N         int            `json:"n,omitempty"`       // ¶ number; section number for headings
	Section   string         `json:"section,omitempty"` // s1…; empty outside sections
	Parent    string         `json:"parent,omitempty"`  // the list of an item
	Line      int            `json:"line"`              // line in the source file
	Text      Pair           `json:"text"`              // the whole block, lead included
	Lead      *Pair          `json:"lead,omitempty"`    // the lead sentence, when the block has one
	Sentences []DataSentence `json:"sentences"`
	// HTML is the inner HTML of a paragraph or list item in each language
	// (see blockHTML); glossary links point at GlossaryURL. It is not in
	// the data file: the pages read it from the body and parallel files the
	// splitter writes from it (Body, ParallelRows).
	HTML    *Pair    `json:"-"`
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
	Blocks   []DataBlock         `json:"blocks,omitempty"`
	Terms    map[string][]string `json:"terms"` // term id → block ids, reading order
	Pending  []string            `json:"pending,omitempty"`
}

// Terms finds the glossary terms in an article.
type Terms interface {
	Glossary
	In(zh string) []string
}

// Aligned builds the aligned data of an article from its Chinese and
// English versions, which must have the same shape (en is zh translated).
// Its Terms are the glossary's Occurrences in zh, gathered from the
// blocks' terms (each block's text is searched once).
func Aligned(zh, en *article.Article, sourceFile string, g Terms) *Data {
	d := &Data{Slug: zh.Slug, Date: zh.Date, Source: sourceFile, Terms: map[string][]string{}}
	zmarks, emarks := termMarks(zh, g), termMarks(en, g)
	var ens []*article.Block
	en.Walk(func(_ *article.Section, b *article.Block) { ens = append(ens, b) })
	i := 0
	add := func(sec *article.Section, z, e *article.Block, parent string) {
		db := DataBlock{ID: z.ID, Kind: string(z.Kind), N: z.N, Parent: parent, Line: z.Line,
			Text:  Pair{z.Full(zh.Sep()), e.Full(en.Sep())},
			Terms: g.In(z.Full("")), Pending: e.Pending}
		if sec != nil {
			db.Section = sec.ID()
		}
		if z.HasLead {
			db.Lead = &Pair{z.Lead(), e.Lead()}
		}
		for k, s := range z.Sentences {
			es := e.Sentences[k]
			db.Sentences = append(db.Sentences, DataSentence{ID: s.ID, ZH: s.Text, EN: es.Text, Pending: es.Pending})
		}
		if !article.OneLine(z.Kind) {
			db.HTML = &Pair{blockHTML(zh, z, zmarks), blockHTML(en, e, emarks)}
		}
		for _, t := range db.Terms {
			d.Terms[t] = append(d.Terms[t], db.ID)
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
			Heading: Pair{s.Heading.Text(""), en.Sections[k].Heading.Text(" ")},
			Page:    strings.TrimSuffix(SectionFile(k+1), ".md")})
	}
	return d
}

// ArticleData renders the data file of an article (see Aligned).
//
// The blocks are written one a line: the file stays readable in a diff,
// and compact JSON is quicker to write and to read for Hugo than indented.
func ArticleData(d *Data) File {
	blocks := d.Blocks
	c := *d
	c.Blocks = nil
	head := bytes.TrimSpace(marshal(c, ""))
	var b bytes.Buffer
	b.Grow(len(head) + 1024*len(blocks))
	b.Write(head[:len(head)-1]) // without the closing brace
	b.WriteString(`,"blocks":[`)
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n")
		b.Write(bytes.TrimSpace(marshal(bl, "")))
	}
	b.WriteString("\n]}\n")
	return File{Path: DataFile(d.Slug), Data: b.Bytes()}
}

// marshal encodes v as JSON with indent, without escaping <, > and & (the
// files are data, not HTML to inline).
func marshal(v any, indent string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		panic(err) // only plain strings, ints, bools and maps of them
	}
	return b.Bytes()
}

var _ Terms = (*glossary.Glossary)(nil)

// TermIndexFile is where the glossary page finds where each term occurs:
// data/articles/_terms.json (a slug cannot start with "_"). Only the
// glossary page reads it, so it is kept with the article data (loaded on
// demand) rather than in data/ (loaded for every page).
const TermIndexFile = "data/articles/_terms.json"

// MaxTermArticles bounds the articles listed per term, newest first: the
// glossary page lists where a term occurs in the latest articles and
// counts the rest (search finds them).
const MaxTermArticles = 10

// TermUses is where one term occurs: the number of articles, and the
// newest of them (at most MaxTermArticles) with the blocks that contain it.
type TermUses struct {
	Count    int          `json:"count"`
	Articles []TermUsesIn `json:"articles"`
}

// TermUsesIn is one article's blocks containing a term: [block id, page]
// pairs, where page is the section page the block is read on ("section-2")
// or "" for the article page.
type TermUsesIn struct {
	Slug   string      `json:"slug"`
	Blocks [][2]string `json:"blocks"`
}

// TermIndex renders TermIndexFile from the data of every article.
func TermIndex(all []*Data) File {
	sorted := slices.Clone(all)
	slices.SortStableFunc(sorted, func(a, b *Data) int {
		if c := strings.Compare(b.Date, a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	index := map[string]*TermUses{}
	for _, d := range sorted {
		page := map[string]string{}
		for _, s := range d.Sections {
			page[s.ID] = s.Page
		}
		section := map[string]string{}
		for _, b := range d.Blocks {
			section[b.ID] = page[b.Section]
		}
		for term, ids := range d.Terms {
			u := index[term]
			if u == nil {
				u = &TermUses{Articles: []TermUsesIn{}}
				index[term] = u
			}
			u.Count++
			if len(u.Articles) < MaxTermArticles {
				in := TermUsesIn{Slug: d.Slug}
				for _, id := range ids {
					in.Blocks = append(in.Blocks, [2]string{id, section[id]})
				}
				u.Articles = append(u.Articles, in)
			}
		}
	}
	return File{Path: TermIndexFile, Data: marshal(index, " ")}
}
