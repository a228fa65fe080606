package emit

import (
	"html"
	"path"
	"strings"
)

// ParallelFile is where the rows of an article's parallel page in a
// language are written: data/articles/<slug>.parallel.<lang>.html, beside
// the article's data (mounted as assets, not published).
func ParallelFile(slug, lang string) string {
	return path.Join(path.Dir(DataFile(slug)), slug+".parallel."+lang+".html")
}

// LabelSlot stands for a block's label in the parallel rows: the row of
// block p12 is labelled "{label:p12}", which the parallel page replaces
// with the label utils/block-label.html gives (¶12, Part 2, Title…), the
// one rule for block labels, in the page's language. Text never contains
// one: "{" in text is written as a character reference (see escapeText).
func LabelSlot(id string) string { return "{label:" + id + "}" }

// ParallelRows renders the table rows of the parallel page in lang, one
// row per block, from the aligned data: the block's label, then a cell per
// language with its sentences in order. The sentences of the page's
// language carry their ids (p12.3); in the other cell they carry none,
// since an id names one element of a page. A lead sentence is a <strong>,
// others a <span>; the one-line blocks (title, byline…) have no sentence
// ids. A pending English sentence (the Chinese, awaiting its translation)
// says so with lang and class. Sentences are separated as each language
// separates them. The text is plain: the glossary links are on the reading
// pages.
//
// The rows are written here, once per article, rather than by a template
// loop over every sentence of both languages on every build: that loop
// was a fifth of the site's build time.
func ParallelRows(d *Data, lang string) File {
	var s strings.Builder
	s.Grow(512 * len(d.Blocks))
	for _, b := range d.Blocks {
		s.WriteString(`<tr id="` + b.ID + `" class="k-` + b.Kind + `">`)
		s.WriteString(`<th scope="row"><a href="#` + b.ID + `">` + LabelSlot(b.ID) + `</a></th>`)
		for _, l := range Langs {
			s.WriteString(`<td lang="` + HTMLLang(l) + `">`)
			for k, sn := range b.Sentences {
				if k > 0 && l != Langs[0] {
					s.WriteString(" ")
				}
				tag := "span"
				if b.HTML != nil && k == 0 && b.Lead != nil {
					tag = "strong"
				}
				s.WriteString("<" + tag)
				if b.HTML != nil && l == lang {
					s.WriteString(` id="` + sn.ID + `"`)
				}
				text := sn.ZH
				if l != Langs[0] {
					text = sn.EN
					if sn.Pending {
						s.WriteString(` lang="` + HTMLLang(Langs[0]) + `" class="pending"`)
					}
				}
				s.WriteString(">" + escapeText(text) + "</" + tag + ">")
			}
			s.WriteString("</td>")
		}
		s.WriteString("</tr>\n")
	}
	return File{Path: ParallelFile(d.Slug, lang), Data: []byte(s.String())}
}

// escapeText escapes text for HTML, and "{" too, so that no text can be
// mistaken for a slot the templates fill in ({glossary}, {label:…}).
func escapeText(text string) string {
	return strings.ReplaceAll(html.EscapeString(text), "{", "&#123;")
}
