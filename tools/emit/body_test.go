package emit

import (
	"strings"
	"testing"
)

// TestBody checks the text of an article's reading pages in each
// language: the opening outside the section marks, each heading with its
// label and page slots before its section's marks, a list opened with its
// label and closed before the next block (and before its section's end
// mark), an empty section, the closing after the last section, the pending
// marks (on the translation's page only), and the heading's text escaped so that it can be neither markup
// nor a slot.
func TestBody(t *testing.T) {
	d := &Data{Slug: "a", Blocks: []DataBlock{
		{ID: "title", Kind: "title", Sentences: []DataSentence{{ID: "title", ZH: "标题", EN: "Title"}}},
		{ID: "p1", Kind: "paragraph", HTML: &Pair{"<span id=\"p1.1\">开头。</span>", "<span id=\"p1.1\">Opening.</span>"}},
		{ID: "caption", Kind: "caption", Sentences: []DataSentence{{ID: "caption", ZH: "图", EN: "Photo"}}},
		{ID: "s1", Kind: "heading", Section: "s1", Text: Pair{"一<b>{page:s1}", "One <b>{page:s1}"},
			Sentences: []DataSentence{{ID: "s1", ZH: "一", EN: "One"}}},
		{ID: "p2", Kind: "paragraph", Section: "s1", HTML: &Pair{"甲", "A"}, Pending: true},
		{ID: "p3-1", Kind: "item", Section: "s1", Parent: "p3", HTML: &Pair{"一是", "First"}},
		{ID: "p3-2", Kind: "item", Section: "s1", Parent: "p3", HTML: &Pair{"二是", "Second"}},
		{ID: "s2", Kind: "heading", Section: "s2", Text: Pair{"二", "二"},
			Sentences: []DataSentence{{ID: "s2", ZH: "二", EN: "二", Pending: true}}},
		{ID: "s3", Kind: "heading", Section: "s3", Text: Pair{"三", "Three"}, Sentences: []DataSentence{{ID: "s3"}}},
		{ID: "p4-1", Kind: "item", Section: "s3", Parent: "p4", HTML: &Pair{"乙", "B"}},
		{ID: "p5", Kind: "paragraph", HTML: &Pair{"结尾", "Closing"}},
	}}
	cases := []struct {
		lang string
		want string
	}{
		{"zh", "\n" + `<p id="p1"><a class="pn" href="#p1">{label:p1}</a><span id="p1.1">开头。</span></p>` +
			"\n" + `<h2 id="s1" class="part-h"><span class="part-n">{label:s1}</span> <a href="{page:s1}">一&lt;b&gt;&#123;page:s1}</a></h2><!--s1-->` +
			"\n" + `<p id="p2"><a class="pn" href="#p2">{label:p2}</a>甲</p>` +
			`<div class="list"><a class="pn" href="#p3">{label:p3}</a><ol id="p3"><li id="p3-1">一是</li><li id="p3-2">二是</li></ol></div><!--/s1-->` +
			"\n" + `<h2 id="s2" class="part-h"><span class="part-n">{label:s2}</span> <a href="{page:s2}">二</a></h2><!--s2--><!--/s2-->` +
			"\n" + `<h2 id="s3" class="part-h"><span class="part-n">{label:s3}</span> <a href="{page:s3}">三</a></h2><!--s3-->` +
			`<div class="list"><a class="pn" href="#p4">{label:p4}</a><ol id="p4"><li id="p4-1">乙</li></ol></div><!--/s3-->` +
			"\n" + `<p id="p5"><a class="pn" href="#p5">{label:p5}</a>结尾</p>` + "\n"},
		{"en", "\n" + `<p id="p1"><a class="pn" href="#p1">{label:p1}</a><span id="p1.1">Opening.</span></p>` +
			"\n" + `<h2 id="s1" class="part-h"><span class="part-n">{label:s1}</span> <a href="{page:s1}">One &lt;b&gt;&#123;page:s1}</a></h2><!--s1-->` +
			"\n" + `<p id="p2" class="pending"><a class="pn" href="#p2">{label:p2}</a>A</p>` +
			`<div class="list"><a class="pn" href="#p3">{label:p3}</a><ol id="p3"><li id="p3-1">First</li><li id="p3-2">Second</li></ol></div><!--/s1-->` +
			"\n" + `<h2 id="s2" class="part-h" lang="zh-Hans"><span class="part-n">{label:s2}</span> <a href="{page:s2}">二</a></h2><!--s2--><!--/s2-->` +
			"\n" + `<h2 id="s3" class="part-h"><span class="part-n">{label:s3}</span> <a href="{page:s3}">Three</a></h2><!--s3-->` +
			`<div class="list"><a class="pn" href="#p4">{label:p4}</a><ol id="p4"><li id="p4-1">B</li></ol></div><!--/s3-->` +
			"\n" + `<p id="p5"><a class="pn" href="#p5">{label:p5}</a>Closing</p>` + "\n"},
	}
	for _, c := range cases {
		f := Body(d, c.lang)
		if want := "data/articles/a.body." + c.lang + ".html"; f.Path != want {
			t.Errorf("%s: path %s, want %s", c.lang, f.Path, want)
		}
		if have := string(f.Data); have != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.lang, strings.ReplaceAll(have, "><", ">\n\t<"), strings.ReplaceAll(c.want, "><", ">\n\t<"))
		}
	}
}
