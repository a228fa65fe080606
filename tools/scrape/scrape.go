package scrape

import (
	"fmt"

	"policysite/tools/article"
)

// Parse parses the source text src of the article slug, read from file (the
// name used in error messages), into the Chinese article model.
func Parse(file, slug string, src []byte) (*article.Article, error) {
	lines, err := readLines(file, src)
	if err != nil {
		return nil, err
	}
	p := &parser{file: file, lines: stripFooter(lines)}
	a := &article.Article{Slug: slug, File: file, Lang: "zh"}
	if err := p.header(a); err != nil {
		return nil, err
	}
	if err := p.body(a); err != nil {
		return nil, err
	}
	return a, nil
}

type parser struct {
	file  string
	lines []line
	pos   int // index of the next unread line
	para  int // paragraphs numbered so far
}

// next returns the next non-blank line and advances; ok is false at the end.
func (p *parser) next() (l line, ok bool) {
	for p.pos < len(p.lines) {
		l = p.lines[p.pos]
		p.pos++
		if l.kind != lineBlank {
			return l, true
		}
	}
	return line{}, false
}

// peek returns the next non-blank line without advancing.
func (p *parser) peek() (line, bool) {
	save := p.pos
	l, ok := p.next()
	p.pos = save
	return l, ok
}

// lastLine is the number of the last line, for errors at the end of the file.
func (p *parser) lastLine() int {
	if len(p.lines) == 0 {
		return 1
	}
	return p.lines[len(p.lines)-1].n
}

// oneLine makes a one-line block: one sentence with the block's id.
func oneLine(kind article.Kind, id string, l line, text string) article.Block {
	return article.Block{ID: id, Kind: kind, Line: l.n, Sentences: []article.Sentence{{ID: id, Text: Typography(text)}}}
}

// sentences splits a paragraph's or item's text into sentences with ids.
func sentences(id, text string) []article.Sentence {
	var ss []article.Sentence
	for k, s := range Sentences(text) {
		ss = append(ss, article.Sentence{ID: article.SentenceID(id, k+1), Text: s})
	}
	return ss
}

// header reads the breadcrumb, title, date line and byline.
func (p *parser) header(a *article.Article) error {
	l, ok := p.next()
	if ok && l.kind == lineText && isBreadcrumb(l.text) {
		name := series(l.text)
		if name == "" {
			return errorf(p.file, l.n, "breadcrumb %q ends without a column: expected the column's name after the last \">\" (首页 > … > 栏目)", l.text)
		}
		b := oneLine(article.KindSeries, "series", l, name)
		a.Series = &b
		l, ok = p.next()
	}
	if !ok || l.kind != lineText {
		return errorf(p.file, p.lineOr(l, ok), "expected the title line")
	}
	if dateLine.MatchString(l.text) {
		return errorf(p.file, l.n, "missing title: expected the title line before the date line")
	}
	a.Title = oneLine(article.KindTitle, "title", l, l.text)

	l, ok = p.next()
	if !ok || l.kind != lineText {
		return errorf(p.file, p.lineOr(l, ok), "missing date: expected the date line \"发布日期:YYYY-MM-DD 信息来源:…\" after the title")
	}
	date, source, err := parseDate(p.file, l)
	if err != nil {
		return err
	}
	a.Date = date
	if source != "" {
		b := oneLine(article.KindSource, "source", l, source)
		a.Source = &b
	}

	if l, ok := p.peek(); ok && l.kind == lineText {
		if role, name, ok := splitByline(l.text); ok {
			p.next()
			r := oneLine(article.KindAuthorRole, "author-role", l, role)
			n := oneLine(article.KindAuthorName, "author-name", l, name)
			a.AuthorRole, a.AuthorName = &r, &n
		}
	}
	return nil
}

func (p *parser) lineOr(l line, ok bool) int {
	if ok {
		return l.n
	}
	return p.lastLine()
}

// paragraph makes the next numbered paragraph (or enumeration) from l.
func (p *parser) paragraph(l line, inSection bool) (article.Block, error) {
	p.para++
	id := article.ParagraphID(p.para)
	b := article.Block{ID: id, Kind: article.KindParagraph, N: p.para, Line: l.n}
	text := Typography(l.text)
	if isEnumeration(text) {
		items, msg := splitEnumeration(text)
		if msg != "" {
			return b, errorf(p.file, l.n, "%s", msg)
		}
		b.Kind = article.KindList
		for k, it := range items {
			iid := article.ItemID(p.para, k+1)
			b.Items = append(b.Items, article.Block{ID: iid, Kind: article.KindItem, N: p.para, Line: l.n, Sentences: sentences(iid, it)})
		}
		return b, nil
	}
	b.Sentences = sentences(id, text)
	if inSection {
		ss := make([]string, len(b.Sentences))
		for i, s := range b.Sentences {
			ss[i] = s.Text
		}
		b.HasLead = isLead(ss)
	}
	return b, nil
}

// body reads the opening, the sections and the closing.
//
// After the preamble, a separator line starts either a heading (a text
// line followed by another separator line) or, once there is a section,
// the closing (text after a lone separator line). A section may have no
// paragraph: its heading is then followed directly by the next heading or
// the end.
func (p *parser) body(a *article.Article) error {
	// Preamble: paragraphs and a caption, up to the first separator.
	for {
		l, ok := p.peek()
		if !ok || l.kind == lineSeparator {
			break
		}
		p.next()
		if isCaption(l.text) {
			if a.Caption != nil {
				return errorf(p.file, l.n, "second photo caption %q (the first is on line %d): expected a paragraph", l.text, a.Caption.Line)
			}
			c := oneLine(article.KindCaption, "caption", l, l.text)
			a.Caption = &c
			continue
		}
		b, err := p.paragraph(l, false)
		if err != nil {
			return err
		}
		a.Opening = append(a.Opening, b)
	}

	var cur *article.Section      // section being filled; nil in the closing
	closingAt, closingSep := 0, 0 // lines of the first closing paragraph and of the separator before it
	for {
		l, ok := p.next()
		if !ok {
			return nil
		}
		if l.kind == lineText {
			b, err := p.paragraph(l, cur != nil)
			if err != nil {
				return err
			}
			if closingAt > 0 {
				a.Closing = append(a.Closing, b)
			} else {
				cur.Blocks = append(cur.Blocks, b)
			}
			continue
		}
		// A separator: skip repeats, then a heading (text wrapped in
		// separators) or the start of the closing.
		sep := l
		for {
			n, ok := p.peek()
			if !ok || n.kind != lineSeparator {
				break
			}
			p.next()
		}
		text, ok := p.next()
		if !ok {
			return nil
		}
		after, ok := p.peek()
		if ok && after.kind == lineSeparator {
			if closingAt > 0 {
				return errorf(p.file, closingAt, "paragraph %s follows a lone separator line (line %d), so the closing starts here, but a heading %q follows on line %d: if %s is a heading, the separator line after it is missing", trunc(a.Closing[0].Text("")), closingSep, text.text, text.n, trunc(a.Closing[0].Text("")))
			}
			p.next() // the closing separator
			n := len(a.Sections) + 1
			h := oneLine(article.KindHeading, article.SectionID(n), text, text.text)
			h.N = n
			a.Sections = append(a.Sections, article.Section{Heading: h})
			cur = &a.Sections[len(a.Sections)-1]
			continue
		}
		if len(a.Sections) == 0 {
			return errorf(p.file, text.n, "line %s follows a separator line (line %d) but no separator line follows it: expected a heading wrapped in separator lines before the first section", trunc(text.text), sep.n)
		}
		if closingAt > 0 {
			return errorf(p.file, closingAt, "paragraph %s follows a lone separator line, so the closing starts here, but line %d is another separator line: if it is a heading, the separator line after it is missing", trunc(a.Closing[0].Text("")), sep.n)
		}
		closingAt, closingSep, cur = text.n, sep.n, nil
		b, err := p.paragraph(text, false)
		if err != nil {
			return err
		}
		a.Closing = append(a.Closing, b)
	}
}

// trunc shortens s for an error message.
func trunc(s string) string {
	if r := []rune(s); len(r) > 16 {
		return fmt.Sprintf("%q", string(r[:16])+"…")
	}
	return fmt.Sprintf("%q", s)
}
