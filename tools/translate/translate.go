// Package translate reads and writes the gettext PO files that hold an
// article's translations.
//
// Each translation unit of the article (see article.Unit) is one PO entry:
// msgctxt is the unit id ("p12", "p6-lead", "p3-4"), msgid the Chinese text
// and msgstr the translation. Template writes the .pot that Poedit, Weblate
// or msgmerge take; Resolve checks a PO file against the article.
package translate

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/chai2010/gettext-go/po"

	"policysite/tools/article"
)

// Stale is a unit whose translation cannot be used.
type Stale struct {
	ID     string
	Line   int    // line of the entry in the PO file; 0 when it has none
	Reason string // "no entry", "empty msgstr", "fuzzy", "msgid differs from the Chinese text"
}

// Catalog is one loaded PO file.
type Catalog struct {
	File    string
	entries map[string]po.Message
	order   []string // msgctxt in file order
}

var poLine = regexp.MustCompile(`^gettext: line (\d+), (.*)$`)

// Parse parses PO data read from file. An entry without msgctxt, or two
// entries with the same msgctxt, is an error.
func Parse(file string, data []byte) (*Catalog, error) {
	f, err := po.Load(data)
	if err != nil {
		if m := poLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return nil, fmt.Errorf("%s:%d: %s: expected a PO entry (msgctxt, msgid, msgstr)", file, n, m[2])
		}
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	c := &Catalog{File: file, entries: map[string]po.Message{}}
	for _, m := range f.Messages {
		if m.MsgContext == "" {
			return nil, fmt.Errorf("%s:%d: entry %q has no msgctxt: expected the block id as msgctxt", file, m.StartLine, trunc(m.MsgId))
		}
		if prev, dup := c.entries[m.MsgContext]; dup {
			return nil, fmt.Errorf("%s:%d: second entry for block %q (the first is on line %d)", file, m.StartLine, m.MsgContext, prev.StartLine)
		}
		c.entries[m.MsgContext] = m
		c.order = append(c.order, m.MsgContext)
	}
	return c, nil
}

func trunc(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func isFuzzy(m po.Message) bool {
	for _, f := range m.Flags {
		if strings.TrimSpace(f) == "fuzzy" {
			return true
		}
	}
	return false
}

// Resolve matches the catalog against the units of a. It returns the
// translations that can be used (by unit id) and the units that are stale,
// in article order. An entry for a unit the article does not have is an
// error: the PO file belongs to another version of the article.
func (c *Catalog) Resolve(a *article.Article) (map[string]string, []Stale, error) {
	units := a.Units()
	known := make(map[string]bool, len(units))
	for _, u := range units {
		known[u.ID] = true
	}
	for _, id := range c.order {
		if !known[id] {
			m := c.entries[id]
			return nil, nil, fmt.Errorf("%s:%d: entry for block %q, which %s does not have: expected one of the ids in the .pot template", c.File, m.StartLine, id, a.File)
		}
	}
	ok := map[string]string{}
	var stale []Stale
	for _, u := range units {
		m, found := c.entries[u.ID]
		var reason string
		switch {
		case !found:
			reason = "no entry"
		case isFuzzy(m):
			reason = "fuzzy"
		case m.MsgId != u.Text:
			reason = "msgid differs from the Chinese text (" + a.File + ":" + strconv.Itoa(u.Line) + ")"
		case strings.TrimSpace(m.MsgStr) == "":
			reason = "empty msgstr"
		case strings.ContainsAny(m.MsgStr, "\n\r\t") || strings.TrimSpace(m.MsgStr) != m.MsgStr:
			reason = "msgstr has a line break, a tab or surrounding spaces: a block is one trimmed line"
		}
		if reason != "" {
			stale = append(stale, Stale{ID: u.ID, Line: m.StartLine, Reason: reason})
			continue
		}
		ok[u.ID] = m.MsgStr
	}
	return ok, stale, nil
}

// StaleError lists the stale units of a catalog, one per line.
func (c *Catalog) StaleError(stale []Stale) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d stale or missing translation(s):", c.File, len(stale))
	for _, s := range stale {
		if s.Line > 0 {
			fmt.Fprintf(&b, "\n\t%s:%d: %s: %s", c.File, s.Line, s.ID, s.Reason)
		} else {
			fmt.Fprintf(&b, "\n\t%s: %s: %s", c.File, s.ID, s.Reason)
		}
	}
	return fmt.Errorf("%s", b.String())
}

// Template renders the .pot template for a: one entry per unit in reading
// order, with the source line as reference and the unit's kind as an
// extracted comment.
func Template(a *article.Article, sourcePath string) []byte {
	f := &po.File{MimeHeader: po.Header{
		ProjectIdVersion:        a.Slug,
		ContentType:             "text/plain; charset=UTF-8",
		MimeVersion:             "1.0",
		ContentTransferEncoding: "8bit",
	}}
	for _, u := range a.Units() {
		f.Messages = append(f.Messages, po.Message{
			Comment: po.Comment{
				ExtractedComment: describe(u),
				ReferenceFile:    []string{sourcePath},
				ReferenceLine:    []int{u.Line},
			},
			MsgContext: u.ID,
			MsgId:      u.Text,
		})
	}
	// File.Data sorts the entries with a comparator that is not a strict
	// ordering, so the order would change from run to run: write them in
	// reading order with the library's own encoding instead.
	var b bytes.Buffer
	b.WriteString(f.MimeHeader.String())
	for _, m := range f.Messages {
		b.WriteString("\n")
		b.WriteString(m.String())
	}
	return b.Bytes()
}

// describe is the extracted comment shown to translators.
func describe(u article.Unit) string {
	switch {
	case strings.HasSuffix(u.ID, "-lead"):
		return "lead sentence (run-in head) of ¶" + strings.TrimPrefix(u.Ref, "p")
	case u.Kind == article.KindItem:
		return "list item of ¶" + strings.TrimPrefix(u.Ref, "p") + "; keep its ordinal (First, Second, …)"
	case u.Kind == article.KindParagraph:
		return "¶" + strings.TrimPrefix(u.ID, "p")
	}
	return string(u.Kind)
}
