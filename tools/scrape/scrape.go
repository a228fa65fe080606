package scrape

import (
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

func block(kind article.Kind, id string, l line) article.Block {
	return article.Block{ID: id, Kind: kind, Line: l.n, Text: Typography(l.text)}
}

// header reads the breadcrumb, title, date line and byline.
func (p *parser) header(a *article.Article) error {
	l, ok := p.next()
	if ok && l.kind == lineText && isBreadcrumb(l.text) {
		b := block(article.KindSeries, "series", l)
		b.Text = Typography(series(l.text))
		a.Series = &b
		l, ok = p.next()
	}
	if !ok || l.kind != lineText {
		return errorf(p.file, p.lineOr(l, ok), "expected the title line")
	}
	if dateLine.MatchString(l.text) {
		return errorf(p.file, l.n, "missing title: expected the title line before the date line")
	}
	a.Title = block(article.KindTitle, "title", l)

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
		b := block(article.KindSource, "source", l)
		b.Text = Typography(source)
		a.Source = &b
	}

	if l, ok := p.peek(); ok && l.kind == lineText {
		if role, name, ok := splitByline(l.text); ok {
			p.next()
			r := block(article.KindAuthorRole, "author-role", l)
			r.Text = Typography(role)
			n := block(article.KindAuthorName, "author-name", l)
			n.Text = Typography(name)
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
	b := block(article.KindParagraph, article.ParagraphID(p.para), l)
	b.N = p.para
	if isEnumeration(b.Text) {
		items, msg := splitEnumeration(b.Text)
		if msg != "" {
			return b, errorf(p.file, l.n, "%s", msg)
		}
		b.Kind, b.Text = article.KindList, ""
		for k, it := range items {
			b.Items = append(b.Items, article.Block{ID: article.ItemID(p.para, k+1), Kind: article.KindItem, N: p.para, Line: l.n, Text: it})
		}
		return b, nil
	}
	if inSection {
		b.Lead, b.Text = splitLead(b.Text)
	}
	return b, nil
}

// body reads the opening, the sections and the closing.
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
			c := block(article.KindCaption, "caption", l)
			a.Caption = &c
			continue
		}
		b, err := p.paragraph(l, false)
		if err != nil {
			return err
		}
		a.Opening = append(a.Opening, b)
	}

	var cur *article.Section // section being filled; nil in the closing
	closing := false
	checkFilled := func() error {
		if cur != nil && len(cur.Blocks) == 0 {
			return errorf(p.file, cur.Heading.Line, "section %q has no paragraph: expected at least one paragraph after its heading", cur.Heading.Text)
		}
		return nil
	}
	for {
		l, ok := p.next()
		if !ok {
			return checkFilled()
		}
		if l.kind == lineText {
			b, err := p.paragraph(l, cur != nil)
			if err != nil {
				return err
			}
			if closing {
				a.Closing = append(a.Closing, b)
			} else {
				cur.Blocks = append(cur.Blocks, b)
			}
			continue
		}
		// A separator: skip repeats, then a heading (text wrapped in
		// separators) or the start of the closing.
		for {
			n, ok := p.peek()
			if !ok || n.kind != lineSeparator {
				break
			}
			p.next()
		}
		text, ok := p.next()
		if !ok {
			return checkFilled()
		}
		after, ok := p.peek()
		if ok && after.kind == lineSeparator {
			if closing {
				return errorf(p.file, text.n, "heading %q after the closing paragraphs: expected the end of the article", text.text)
			}
			if cur != nil && len(cur.Blocks) == 0 {
				return errorf(p.file, text.n, "two headings in a row: heading %q follows heading %q (line %d) with no paragraph between them", text.text, cur.Heading.Text, cur.Heading.Line)
			}
			p.next() // the closing separator
			n := len(a.Sections) + 1
			h := block(article.KindHeading, article.SectionID(n), text)
			h.N = n
			a.Sections = append(a.Sections, article.Section{Heading: h})
			cur = &a.Sections[len(a.Sections)-1]
			continue
		}
		if len(a.Sections) == 0 {
			return errorf(p.file, text.n, "paragraph after a lone separator line before any section: expected a heading wrapped in separator lines")
		}
		if err := checkFilled(); err != nil {
			return err
		}
		if closing {
			return errorf(p.file, text.n, "separator line inside the closing paragraphs: expected the end of the article")
		}
		closing, cur = true, nil
		b, err := p.paragraph(text, false)
		if err != nil {
			return err
		}
		a.Closing = append(a.Closing, b)
	}
}
