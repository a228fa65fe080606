// Package article is the document model shared by every stage of the
// splitter: the scraper fills it from the source text, the translator swaps
// its Chinese texts for English ones, and the emitters write Hugo content and
// data from it.
//
// An Article is language-neutral in shape: the Chinese and the English
// versions of one article are two Article values with the same blocks, the
// same ids and the same order, differing only in their texts. That is what
// keeps the two languages, the parallel page and the search data aligned.
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

// Block is one unit of text with a stable id that is the same in every
// language.
type Block struct {
	ID   string // "title", "s2", "p12", "p3-4", …
	Kind Kind
	// N is the paragraph number (¶N) for paragraphs, lists and their items,
	// and the section number for headings; 0 for metadata blocks.
	N    int
	Line int // 1-based line of the source file the block came from
	// Lead is the run-in head that opens a paragraph (构建现代海洋产业“四梁八柱”。),
	// empty when the paragraph has none. The paragraph reads Lead + Text.
	Lead string
	Text string
	// Items are the entries of a KindList block; its Text is empty.
	Items []Block
	// Pending marks a block whose translation is missing or stale: Text (and
	// Lead) hold the original-language text instead.
	Pending bool
}

// LeadID is the translation-unit id of a paragraph's lead sentence.
func (b *Block) LeadID() string { return b.ID + "-lead" }

// Full is the whole text of the block as a reader sees it: lead, text and,
// for a list, its items in order, joined by sep (see Article.Sep).
func (b *Block) Full(sep string) string {
	var parts []string
	if b.Lead != "" {
		parts = append(parts, b.Lead)
	}
	if b.Text != "" {
		parts = append(parts, b.Text)
	}
	for _, it := range b.Items {
		parts = append(parts, it.Full(sep))
	}
	return strings.Join(parts, sep)
}

// Sep is what separates b's lead from its text, or list items from each
// other: nothing in Chinese (also for a block shown in Chinese because its
// translation is pending), a space in English.
func (a *Article) Sep(b *Block) string {
	if a.Lang == "zh" || b.Pending {
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
	AuthorRole *Block
	AuthorName *Block
	Caption    *Block

	Opening  []Block   // paragraphs before the first section
	Sections []Section // headed sections, in order
	Closing  []Block   // unheaded paragraphs after the last section
}

// Unit is one translatable piece of text: a block, a paragraph's lead or a
// list item.
type Unit struct {
	ID   string
	Kind Kind
	Line int
	Text string
	// Ref is the id of the block the unit belongs to (a lead's paragraph, an
	// item's list); for a block it is the block's own id.
	Ref string
}

// Walk calls fn for every block of the article in reading order, metadata
// first, with the section it belongs to (nil outside sections). List items
// are not visited on their own: they are part of their list.
func (a *Article) Walk(fn func(sec *Section, b *Block)) {
	for _, b := range []*Block{&a.Title, a.Series, a.AuthorRole, a.AuthorName, a.Source, a.Caption} {
		if b != nil {
			fn(nil, b)
		}
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

// Units lists every translatable unit of the article in reading order. A
// paragraph with a lead gives two units, the lead ("p6-lead") first and then
// the rest of the paragraph ("p6"); a list gives one unit per item.
func (a *Article) Units() []Unit {
	var us []Unit
	a.Walk(func(_ *Section, b *Block) {
		if b.Lead != "" {
			us = append(us, Unit{ID: b.LeadID(), Kind: b.Kind, Line: b.Line, Text: b.Lead, Ref: b.ID})
		}
		if b.Kind == KindList {
			for _, it := range b.Items {
				us = append(us, Unit{ID: it.ID, Kind: it.Kind, Line: it.Line, Text: it.Text, Ref: b.ID})
			}
			return
		}
		us = append(us, Unit{ID: b.ID, Kind: b.Kind, Line: b.Line, Text: b.Text, Ref: b.ID})
	})
	return us
}

// Translated returns a deep copy of the article in language lang, each unit's
// text replaced by tr(unit). tr reports false when it has no translation: the
// unit keeps its text and its block is marked Pending.
func (a *Article) Translated(lang string, tr func(u Unit) (string, bool)) *Article {
	c := *a
	c.Lang = lang
	cp := func(b *Block) *Block {
		if b == nil {
			return nil
		}
		nb := *b
		translateBlock(&nb, tr)
		return &nb
	}
	c.Title = *cp(&a.Title)
	c.Series, c.Source, c.Caption = cp(a.Series), cp(a.Source), cp(a.Caption)
	c.AuthorRole, c.AuthorName = cp(a.AuthorRole), cp(a.AuthorName)
	c.Opening = copyBlocks(a.Opening, tr)
	c.Closing = copyBlocks(a.Closing, tr)
	c.Sections = make([]Section, len(a.Sections))
	for i, s := range a.Sections {
		c.Sections[i] = Section{Heading: *cp(&s.Heading), Blocks: copyBlocks(s.Blocks, tr)}
	}
	return &c
}

func copyBlocks(bs []Block, tr func(Unit) (string, bool)) []Block {
	if bs == nil {
		return nil
	}
	out := make([]Block, len(bs))
	for i, b := range bs {
		out[i] = b
		translateBlock(&out[i], tr)
	}
	return out
}

func translateBlock(b *Block, tr func(Unit) (string, bool)) {
	one := func(id string, text string) string {
		s, ok := tr(Unit{ID: id, Kind: b.Kind, Line: b.Line, Text: text, Ref: b.ID})
		if !ok {
			b.Pending = true
			return text
		}
		return s
	}
	if b.Lead != "" {
		b.Lead = one(b.LeadID(), b.Lead)
	}
	if b.Kind == KindList {
		items := make([]Block, len(b.Items))
		for i, it := range b.Items {
			items[i] = it
			s, ok := tr(Unit{ID: it.ID, Kind: it.Kind, Line: it.Line, Text: it.Text, Ref: b.ID})
			if ok {
				items[i].Text = s
			} else {
				items[i].Pending = true
				b.Pending = true
			}
		}
		b.Items = items
		return
	}
	b.Text = one(b.ID, b.Text)
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
