// Package article is the document model shared by every stage of the
// splitter: the scraper fills it from the source text, the translator swaps
// its Chinese sentences for English ones, and the emitters write Hugo content
// and data from it.
//
// An Article is language-neutral in shape: the Chinese and the English
// versions of one article are two Article values with the same blocks, the
// same sentences, the same ids and the same order, differing only in their
// texts. That is what keeps the two languages, the parallel page, the
// downloads and the search data aligned.
//
// # Blocks and sentences
//
// Every block's text is a sequence of sentences, the translation units.
// Paragraphs and list items are split into sentences (see package scrape);
// their sentence ids add the sentence's number to the block id: p12.3 is the
// third sentence of ¶12, p3-4.1 the first sentence of item 4 of the list ¶3.
// One-line blocks (title, series, byline, source, caption, headings) are one
// sentence each, with the block's own id (title, s2). A paragraph's lead (its
// run-in head) is its first sentence.
package article

import (
	"fmt"
	"strings"
)

// Kind says what a block is.
type Kind string

// The kinds of block.
const (
	KindTitle      Kind = "title"
	KindSeries     Kind = "series"      // the CMS column (breadcrumb), not body text
	KindAuthorRole Kind = "author-role" // the byline's office
	KindAuthorName Kind = "author-name"
	KindSource     Kind = "source"    // the publication the article first appeared in
	KindCaption    Kind = "caption"   // a photo caption whose photo is not in the source
	KindHeading    Kind = "heading"   // a section heading
	KindParagraph  Kind = "paragraph" // a body paragraph, possibly opening with a lead
	KindList       Kind = "list"      // an inline enumeration (一是…；二是…), split into items
	KindItem       Kind = "item"      // one item of a list
)

// Sentence is one translation unit: a sentence of a paragraph or list item,
// or the whole text of a one-line block.
type Sentence struct {
	ID   string // "p12.3", "p3-4.1"; a one-line block's own id ("title", "s2")
	Text string
	// Pending marks a sentence of a translated article whose translation is
	// missing or stale: Text holds the original-language sentence.
	Pending bool
}

// Block is one unit of text with a stable id that is the same in every
// language.
type Block struct {
	ID   string // "title", "s2", "p12", "p3-4", …
	Kind Kind
	// N is the paragraph number (¶N) for paragraphs, lists and their items,
	// and the section number for headings; 0 for metadata blocks.
	N    int
	Line int // 1-based line of the source file the block came from
	// Sentences make up the block's text, in order; a list has none (its
	// items have them).
	Sentences []Sentence
	// HasLead says that the first sentence is the paragraph's lead, the
	// run-in head set in bold (构建现代海洋产业“四梁八柱”。).
	HasLead bool
	// Items are the entries of a KindList block.
	Items []Block
	// Pending marks a block at least one of whose sentences (or items'
	// sentences) is pending.
	Pending bool
}

// SentenceID is the id of sentence k (1-based) of block id.
func SentenceID(block string, k int) string { return fmt.Sprintf("%s.%d", block, k) }

// OneLine reports whether blocks of kind k are a single sentence carrying
// the block's id.
func OneLine(k Kind) bool {
	switch k {
	case KindParagraph, KindList, KindItem:
		return false
	}
	return true
}

// Lead returns the paragraph's lead sentence, or "".
func (b *Block) Lead() string {
	if !b.HasLead || len(b.Sentences) == 0 {
		return ""
	}
	return b.Sentences[0].Text
}

// Text is the block's own text: its sentences joined by sep (see
// Article.Sep); a list's items are not included (see Full).
func (b *Block) Text(sep string) string {
	switch len(b.Sentences) {
	case 0:
		return ""
	case 1:
		return b.Sentences[0].Text
	}
	parts := make([]string, len(b.Sentences))
	for i, s := range b.Sentences {
		parts[i] = s.Text
	}
	return strings.Join(parts, sep)
}

// Rest is the text after the lead: the whole text when there is no lead.
func (b *Block) Rest(sep string) string {
	if !b.HasLead {
		return b.Text(sep)
	}
	c := *b
	c.Sentences, c.HasLead = b.Sentences[1:], false
	return c.Text(sep)
}

// Full is the whole text of the block as a reader sees it: its sentences
// and, for a list, its items' texts in order, joined by sep.
func (b *Block) Full(sep string) string {
	if b.Kind != KindList {
		return b.Text(sep)
	}
	parts := make([]string, len(b.Items))
	for i := range b.Items {
		parts[i] = b.Items[i].Text(sep)
	}
	return strings.Join(parts, sep)
}

// Sep is what separates two sentences of a block in the article's language:
// nothing in Chinese, a space in English.
func (a *Article) Sep() string {
	if a.Lang == "zh" {
		return ""
	}
	return " "
}

// Section is a headed part of the article body.
type Section struct {
	Heading Block
	Blocks  []Block
}

// ID is the section's id, the same as its heading's ("s2").
func (s *Section) ID() string { return s.Heading.ID }

// Article is one article of the archive.
type Article struct {
	Slug string // folder name under source/, used in URLs and data keys
	File string // source file, for messages
	Lang string // "zh" or "en"

	Date string // publication date, YYYY-MM-DD

	Title      Block
	Series     *Block // nil when the source has no breadcrumb
	Source     *Block // nil when the source names no publication
	AuthorRole *Block // nil when the source has no byline
	AuthorName *Block
	Caption    *Block // nil when the source has no photo caption

	Opening  []Block   // paragraphs before the first section
	Sections []Section // headed sections, in order
	Closing  []Block   // unheaded paragraphs after the last section
}

// Unit is one translatable sentence with where it comes from.
type Unit struct {
	Sentence
	Kind Kind // the kind of the block the sentence belongs to
	Line int  // the block's source line
	// Block is the id of the block the sentence belongs to (an item's id
	// for a sentence of a list item); Para is the paragraph's (the list's
	// id for an item), "" outside paragraphs.
	Block, Para string
	// Lead says that the sentence is its paragraph's lead.
	Lead bool
	// Index is the sentence's 1-based position in its block.
	Index int
}

// Walk calls fn for every block of the article in reading order, metadata
// first, with the section it belongs to (nil outside sections). List items
// are not visited on their own: they are part of their list.
func (a *Article) Walk(fn func(sec *Section, b *Block)) {
	for _, b := range a.Meta() {
		fn(nil, b)
	}
	for i := range a.Opening {
		fn(nil, &a.Opening[i])
	}
	for si := range a.Sections {
		s := &a.Sections[si]
		fn(s, &s.Heading)
		for i := range s.Blocks {
			fn(s, &s.Blocks[i])
		}
	}
	for i := range a.Closing {
		fn(nil, &a.Closing[i])
	}
}

// Meta returns the metadata blocks the article has, in reading order:
// title, series, byline, source, caption.
func (a *Article) Meta() []*Block {
	var bs []*Block
	for _, b := range []*Block{&a.Title, a.Series, a.AuthorRole, a.AuthorName, a.Source, a.Caption} {
		if b != nil {
			bs = append(bs, b)
		}
	}
	return bs
}

// Units lists every sentence of the article in reading order, list items'
// sentences in their list's place.
func (a *Article) Units() []Unit {
	var us []Unit
	add := func(b *Block, para string) {
		for i, s := range b.Sentences {
			us = append(us, Unit{Sentence: s, Kind: b.Kind, Line: b.Line, Block: b.ID, Para: para,
				Lead: i == 0 && b.HasLead, Index: i + 1})
		}
	}
	a.Walk(func(_ *Section, b *Block) {
		para := ""
		if b.N > 0 && b.Kind != KindHeading {
			para = b.ID
		}
		add(b, para)
		for i := range b.Items {
			add(&b.Items[i], b.ID)
		}
	})
	return us
}

// Translated returns a deep copy of the article in language lang, each
// sentence's text replaced by tr(unit). tr reports false when it has no
// translation: the sentence keeps its text and is marked Pending, and so
// are its block and, for an item, its list.
func (a *Article) Translated(lang string, tr func(u Unit) (string, bool)) *Article {
	units := map[string]Unit{}
	for _, u := range a.Units() {
		units[u.ID] = u
	}
	c := *a
	c.Lang = lang
	var block func(b *Block) Block
	block = func(b *Block) Block {
		nb := *b
		nb.Sentences = make([]Sentence, len(b.Sentences))
		for i, s := range b.Sentences {
			nb.Sentences[i] = s
			if t, ok := tr(units[s.ID]); ok {
				nb.Sentences[i].Text = t
			} else {
				nb.Sentences[i].Pending = true
				nb.Pending = true
			}
		}
		if b.Items != nil {
			nb.Items = make([]Block, len(b.Items))
			for i := range b.Items {
				nb.Items[i] = block(&b.Items[i])
				if nb.Items[i].Pending {
					nb.Pending = true
				}
			}
		}
		return nb
	}
	opt := func(b *Block) *Block {
		if b == nil {
			return nil
		}
		nb := block(b)
		return &nb
	}
	blocks := func(bs []Block) []Block {
		if bs == nil {
			return nil
		}
		out := make([]Block, len(bs))
		for i := range bs {
			out[i] = block(&bs[i])
		}
		return out
	}
	c.Title = block(&a.Title)
	c.Series, c.Source, c.Caption = opt(a.Series), opt(a.Source), opt(a.Caption)
	c.AuthorRole, c.AuthorName = opt(a.AuthorRole), opt(a.AuthorName)
	c.Opening, c.Closing = blocks(a.Opening), blocks(a.Closing)
	c.Sections = make([]Section, len(a.Sections))
	for i, s := range a.Sections {
		c.Sections[i] = Section{Heading: block(&s.Heading), Blocks: blocks(s.Blocks)}
	}
	return &c
}

// Paragraphs returns every numbered block (paragraphs and lists) in order.
func (a *Article) Paragraphs() []*Block {
	var ps []*Block
	a.Walk(func(_ *Section, b *Block) {
		if b.N > 0 && b.Kind != KindHeading {
			ps = append(ps, b)
		}
	})
	return ps
}

// ParagraphID is the id of paragraph n.
func ParagraphID(n int) string { return fmt.Sprintf("p%d", n) }

// ItemID is the id of item k (1-based) of list paragraph n.
func ItemID(n, k int) string { return fmt.Sprintf("p%d-%d", n, k) }

// SectionID is the id of section n (1-based).
func SectionID(n int) string { return fmt.Sprintf("s%d", n) }
