package emit

import (
	"path"
	"strings"
)

// BodyFile is where the text of an article's reading pages in a language
// is written: data/articles/<slug>.body.<lang>.html, beside the article's
// data (mounted as assets, not published).
func BodyFile(slug, lang string) string {
	return path.Join(path.Dir(DataFile(slug)), slug+".body."+lang+".html")
}

// SectionMarks returns the comments around the text of section id (s2) in
// the body: a section page takes what is between them, the article page
// takes the whole body without them. Text never contains "<!--": "<" in
// text is written as "&lt;".
func SectionMarks(id string) (open, close string) {
	return "<!--" + id + "-->", "<!--/" + id + "-->"
}

// PageSlot stands for the URL of the page of section id in the body: the
// heading of section s2 on the article page links "{page:s2}", which the
// template replaces with the section page's URL (the splitter does not
// know where the site is served).
func PageSlot(id string) string { return "{page:" + id + "}" }

// Body renders the text of an article's reading pages in lang: the
// paragraphs, lists and section headings, in order, from the HTML of each
// block (blockHTML):
//
//	paragraph  <p id="p12"><a class="pn" href="#p12">{label:p12}</a>…</p>
//	list       <div class="list"><a class="pn" href="#p3">{label:p3}</a><ol id="p3"><li id="p3-1">…</li>…</ol></div>
//	heading    <h2 id="s2" class="part-h"><span class="part-n">{label:s2}</span> <a href="{page:s2}">…</a></h2>
//
// The text of each section is between its SectionMarks, after its heading.
// The article page shows all of it (layouts/_partials/article-body.html),
// a section page the text between its marks: both from this one file, so
// the two cannot drift apart. The labels are slots (LabelSlot), which the
// pages fill from the one rule for labels (utils/block-label.html), as
// they fill the glossary's URL (GlossaryURL) and the section pages'
// (PageSlot). On a translation's page, a pending block (its translation
// missing) has the class "pending", and a heading whose translation is
// missing is in Chinese and says so with lang.
//
// The body is written here, once per article, rather than by a template
// loop over every block on every page of the article on every build.
func Body(d *Data, lang string) File {
	var s strings.Builder
	s.Grow(1024 * len(d.Blocks))
	list, section := "", ""
	closeList := func() {
		if list != "" {
			s.WriteString("</ol></div>")
			list = ""
		}
	}
	closeSection := func() {
		closeList()
		if section != "" {
			_, end := SectionMarks(section)
			s.WriteString(end)
			section = ""
		}
	}
	// Only a translation's page shows a block as pending: the original is
	// never awaiting its own translation.
	translation := lang != Langs[0]
	pending := func(b *DataBlock) string {
		if b.Pending && translation {
			return ` class="pending"`
		}
		return ""
	}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind != "paragraph" && b.Kind != "item" && b.Kind != "heading" {
			continue
		}
		if b.Kind == "heading" || b.Section != section {
			closeSection()
		}
		if b.Parent != list {
			closeList()
		}
		if b.Kind == "heading" {
			s.WriteString("\n" + `<h2 id="` + b.ID + `" class="part-h"`)
			if translation && len(b.Sentences) > 0 && b.Sentences[0].Pending {
				s.WriteString(` lang="` + HTMLLang(Langs[0]) + `"`)
			}
			text := b.Text.ZH
			if lang != Langs[0] {
				text = b.Text.EN
			}
			s.WriteString(`><span class="part-n">` + LabelSlot(b.ID) + `</span> <a href="` + PageSlot(b.ID) + `">` +
				escapeText(text) + "</a></h2>")
			open, _ := SectionMarks(b.ID)
			s.WriteString(open)
			section = b.ID
			continue
		}
		if section == "" && b.Section != "" {
			open, _ := SectionMarks(b.Section)
			s.WriteString(open)
			section = b.Section
		}
		html := ""
		if b.HTML != nil {
			html = b.HTML.ZH
			if lang != Langs[0] {
				html = b.HTML.EN
			}
		}
		if b.Parent != "" {
			if list == "" {
				s.WriteString(`<div class="list"><a class="pn" href="#` + b.Parent + `">` + LabelSlot(b.Parent) + `</a><ol id="` + b.Parent + `">`)
				list = b.Parent
			}
			s.WriteString(`<li id="` + b.ID + `"` + pending(b) + ">" + html + "</li>")
			continue
		}
		s.WriteString("\n" + `<p id="` + b.ID + `"` + pending(b) + `><a class="pn" href="#` + b.ID + `">` + LabelSlot(b.ID) + "</a>" + html + "</p>")
	}
	closeSection()
	s.WriteString("\n")
	return File{Path: BodyFile(d.Slug, lang), Data: []byte(s.String())}
}
