package emit

import (
	"strings"
	"testing"
)

// TestParallelRows checks the rows of the parallel page in each language,
// row by row: the label slot, ids on the sentences of the page's language
// only, the lead in <strong>, no sentence ids in the one-line blocks, the
// pending mark on the English side, the separators of each language, and
// text escaped so that it can neither break the markup nor be taken for a
// slot.
func TestParallelRows(t *testing.T) {
	d := &Data{Slug: "a", Blocks: []DataBlock{
		{ID: "title", Kind: "title", Sentences: []DataSentence{{ID: "title", ZH: "标题", EN: "Title"}}},
		{ID: "p1", Kind: "paragraph", HTML: &Pair{}, Lead: &Pair{},
			Sentences: []DataSentence{{ID: "p1.1", ZH: "一是甲。", EN: "First, A."}, {ID: "p1.2", ZH: "乙。", EN: "乙。", Pending: true}}},
		{ID: "p2-1", Kind: "item", Parent: "p2", HTML: &Pair{},
			Sentences: []DataSentence{{ID: "p2-1.1", ZH: "<b>&{label:p1}", EN: `"AT&T" {glossary}`}}},
	}}
	cases := []struct {
		lang string
		want []string
	}{
		{"zh", []string{
			`<tr id="title" class="k-title"><th scope="row"><a href="#title">{label:title}</a></th><td lang="zh-Hans"><span>标题</span></td><td lang="en"><span>Title</span></td></tr>`,
			`<tr id="p1" class="k-paragraph"><th scope="row"><a href="#p1">{label:p1}</a></th><td lang="zh-Hans"><strong id="p1.1">一是甲。</strong><span id="p1.2">乙。</span></td>` +
				`<td lang="en"><strong>First, A.</strong> <span lang="zh-Hans" class="pending">乙。</span></td></tr>`,
			`<tr id="p2-1" class="k-item"><th scope="row"><a href="#p2-1">{label:p2-1}</a></th><td lang="zh-Hans"><span id="p2-1.1">&lt;b&gt;&amp;&#123;label:p1}</span></td>` +
				`<td lang="en"><span>&#34;AT&amp;T&#34; &#123;glossary}</span></td></tr>`,
		}},
		{"en", []string{
			`<tr id="title" class="k-title"><th scope="row"><a href="#title">{label:title}</a></th><td lang="zh-Hans"><span>标题</span></td><td lang="en"><span>Title</span></td></tr>`,
			`<tr id="p1" class="k-paragraph"><th scope="row"><a href="#p1">{label:p1}</a></th><td lang="zh-Hans"><strong>一是甲。</strong><span>乙。</span></td>` +
				`<td lang="en"><strong id="p1.1">First, A.</strong> <span id="p1.2" lang="zh-Hans" class="pending">乙。</span></td></tr>`,
			`<tr id="p2-1" class="k-item"><th scope="row"><a href="#p2-1">{label:p2-1}</a></th><td lang="zh-Hans"><span>&lt;b&gt;&amp;&#123;label:p1}</span></td>` +
				`<td lang="en"><span id="p2-1.1">&#34;AT&amp;T&#34; &#123;glossary}</span></td></tr>`,
		}},
	}
	for _, c := range cases {
		f := ParallelRows(d, c.lang)
		if want := "data/articles/a.parallel." + c.lang + ".html"; f.Path != want {
			t.Errorf("%s: path %s, want %s", c.lang, f.Path, want)
		}
		have := strings.Split(strings.TrimSuffix(string(f.Data), "\n"), "\n")
		if len(have) != len(c.want) {
			t.Fatalf("%s: %d rows, want %d:\n%s", c.lang, len(have), len(c.want), f.Data)
		}
		for i := range have {
			if have[i] != c.want[i] {
				t.Errorf("%s: row %d\n\t%s\nwant\n\t%s", c.lang, i, have[i], c.want[i])
			}
		}
	}
}
