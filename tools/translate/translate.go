// Package translate reads and writes the gettext PO files that hold an
// article's translations.
//
// Each translation unit of the article is one sentence (see article.Unit)
// and one PO entry: msgctxt is the sentence id ("p12.3", "p3-4.1", "title"),
// msgid the Chinese sentence and msgstr its translation (one or two English
// sentences). Template writes the .pot that msginit, msgmerge, Poedit or
// Weblate take; Parse and Resolve check a PO file against the article.
package translate

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"policysite/tools/article"
	"policysite/tools/textfile"
)

// Stale is a unit whose translation cannot be used yet.
type Stale struct {
	ID     string
	Line   int    // line of the entry in the PO file; 0 when it has none
	Reason string // "no entry", "empty msgstr", "fuzzy", "msgid differs from the Chinese text (…)"
}

// Catalog is one loaded PO file.
type Catalog struct {
	File    string
	entries map[string]Entry
	order   []string // msgctxt in file order
}

// Parse parses PO data read from file; data may be nil (no file yet: every
// unit is then stale). An entry without msgctxt, or two entries with the
// same msgctxt, is an error.
func Parse(file string, data []byte) (*Catalog, error) {
	c := &Catalog{File: file, entries: map[string]Entry{}}
	if data == nil {
		return c, nil
	}
	_, entries, err := ParsePO(file, data)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.HasCtx {
			return nil, textfile.Errorf(file, e.Line, 0, "entry %q has no msgctxt: expected the sentence id (msgctxt \"p12.3\") from the .pot template", truncate(e.ID))
		}
		if prev, dup := c.entries[e.Context]; dup {
			return nil, textfile.Errorf(file, e.Line, 0, "second entry for %q (the first is on line %d): expected one entry per sentence", e.Context, prev.Line)
		}
		c.entries[e.Context] = e
		c.order = append(c.order, e.Context)
	}
	return c, nil
}

// Order returns the msgctxt of every entry in file order.
func (c *Catalog) Order() []string { return c.order }

// Resolve matches the catalog against the units of a. It returns the
// translations that can be used (by unit id) and the units that are stale,
// in article order. An entry for a unit the article does not have is an
// error (the PO file belongs to another version of the article), and so is
// a msgstr that is not one line of trimmed text.
func (c *Catalog) Resolve(a *article.Article) (map[string]string, []Stale, error) {
	units := a.Units()
	known := make(map[string]bool, len(units))
	for _, u := range units {
		known[u.ID] = true
	}
	for _, id := range c.order {
		if !known[id] {
			e := c.entries[id]
			return nil, nil, textfile.Errorf(c.File, e.Line, 0, "entry for %q, which %s does not have: expected one of the sentence ids in the .pot template (run msgmerge to update the file)", id, a.File)
		}
	}
	ok := map[string]string{}
	var stale []Stale
	for _, u := range units {
		e, found := c.entries[u.ID]
		var reason string
		switch {
		case !found:
			reason = "no entry"
		case e.Fuzzy():
			reason = "fuzzy"
		case e.ID != u.Text:
			reason = "msgid differs from the Chinese text (" + a.File + ":" + strconv.Itoa(u.Line) + ")"
		case strings.TrimSpace(e.Str) == "":
			reason = "empty msgstr"
		}
		if reason != "" {
			stale = append(stale, Stale{ID: u.ID, Line: e.Line, Reason: reason})
			continue
		}
		if err := checkMsgstr(c.File, e); err != nil {
			return nil, nil, err
		}
		ok[u.ID] = e.Str
	}
	return ok, stale, nil
}

// checkMsgstr refuses a translation that is not one line of trimmed text.
func checkMsgstr(file string, e Entry) error {
	if e.Str != strings.TrimSpace(e.Str) {
		return textfile.Errorf(file, e.Line, 0, "msgstr of %q starts or ends with white space: expected trimmed text (the site joins sentences with one space)", e.Context)
	}
	for _, r := range e.Str {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return textfile.Errorf(file, e.Line, 0, "msgstr of %q contains %s: expected one line of text with no control characters", e.Context, controlName(r))
		}
	}
	return nil
}

func controlName(r rune) string {
	switch r {
	case '\n':
		return "a line break (\\n)"
	case '\t':
		return "a tab (\\t)"
	case '\r':
		return "a carriage return (\\r)"
	}
	return fmt.Sprintf("U+%04X", r)
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

// Template renders the .pot template for a: one entry per sentence in
// reading order, with the source line as reference and where the sentence
// stands as an extracted comment for translators.
func Template(a *article.Article, sourcePath string) []byte {
	var b strings.Builder
	b.WriteString("# Translation template of " + a.Slug + ", generated by go run ./tools/split from " + sourcePath + ".\n")
	b.WriteString("# One entry per sentence: msgctxt is the sentence id, msgid the Chinese sentence.\n")
	writeString(&b, "msgid", "")
	writeString(&b, "msgstr", "Project-Id-Version: "+a.Slug+"\n"+
		"Report-Msgid-Bugs-To: \n"+
		"POT-Creation-Date: "+a.Date+" 00:00+0800\n"+
		"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"+
		"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"+
		"Language-Team: LANGUAGE <LL@li.org>\n"+
		"Language: \n"+
		"MIME-Version: 1.0\n"+
		"Content-Type: text/plain; charset=UTF-8\n"+
		"Content-Transfer-Encoding: 8bit\n")
	units := a.Units()
	count := map[string]int{}
	for _, u := range units {
		count[u.Block]++
	}
	for _, u := range units {
		b.WriteString("\n#. " + describe(u, count[u.Block]) + "\n")
		fmt.Fprintf(&b, "#: %s:%d\n", sourcePath, u.Line)
		writeString(&b, "msgctxt", u.ID)
		writeString(&b, "msgid", u.Text)
		writeString(&b, "msgstr", "")
	}
	return []byte(b.String())
}

// describe is the extracted comment shown to translators: where the
// sentence stands.
func describe(u article.Unit, of int) string {
	where := ""
	switch u.Kind {
	case article.KindParagraph:
		where = "¶" + strings.TrimPrefix(u.Block, "p")
	case article.KindItem:
		where = "¶" + strings.TrimPrefix(u.Para, "p") + ", list item " + u.Block[strings.LastIndex(u.Block, "-")+1:]
	default:
		return string(u.Kind)
	}
	s := fmt.Sprintf("%s, sentence %d of %d", where, u.Index, of)
	switch {
	case u.Lead:
		s += "; the lead (run-in head, set in bold)"
	case u.Kind == article.KindItem && u.Index == 1:
		s += "; keep the item's ordinal (First, Second, …)"
	}
	return s
}
