package translate

import (
	"strconv"
	"strings"
	"testing"

	"policysite/tools/article"
)

// small is a two-block article to test the PO plumbing on its own.
func small() *article.Article {
	return &article.Article{
		Slug: "s", File: "zh.txt", Lang: "zh", Date: "2022-07-15",
		Title: article.Block{ID: "title", Kind: article.KindTitle, Line: 1, Text: "标题"},
		Opening: []article.Block{
			{ID: "p1", Kind: article.KindParagraph, N: 1, Line: 3, Text: "第一段。"},
			{ID: "p2", Kind: article.KindParagraph, N: 2, Line: 5, Lead: "导语。", Text: "正文。"},
		},
	}
}

const header = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"

func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		po    string
		ok    []string // ids translated
		stale []string // "id: reason" prefixes
	}{
		{"complete", header +
			"msgctxt \"title\"\nmsgid \"标题\"\nmsgstr \"Title\"\n\n" +
			"msgctxt \"p1\"\nmsgid \"第一段。\"\nmsgstr \"First.\"\n\n" +
			"msgctxt \"p2-lead\"\nmsgid \"导语。\"\nmsgstr \"Lead.\"\n\n" +
			"msgctxt \"p2\"\nmsgid \"正文。\"\nmsgstr \"Body.\"\n",
			[]string{"title", "p1", "p2-lead", "p2"}, nil},
		{"missing, empty, fuzzy, changed", header +
			"msgctxt \"title\"\nmsgid \"标题\"\nmsgstr \"\"\n\n" +
			"#, fuzzy\nmsgctxt \"p1\"\nmsgid \"第一段。\"\nmsgstr \"First.\"\n\n" +
			"msgctxt \"p2\"\nmsgid \"旧的正文。\"\nmsgstr \"Old body.\"\n",
			nil, []string{"title:4: empty msgstr", "p1:8: fuzzy", "p2-lead:0: no entry", "p2:13: msgid differs from the Chinese text (zh.txt:5)"}},
		{"line break in msgstr", header +
			"msgctxt \"p1\"\nmsgid \"第一段。\"\nmsgstr \"\"\n\"First\\n\"\n\"line.\"\n",
			nil, []string{"title:0: no entry", "p1:4: msgstr has a line break", "p2-lead:0", "p2:0"}},
		{"no file", "", nil, []string{"title:0: no entry", "p1:0", "p2-lead:0", "p2:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("en.po", []byte(tt.po))
			if err != nil {
				t.Fatal(err)
			}
			ok, stale, err := c.Resolve(small())
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range tt.ok {
				if ok[id] == "" {
					t.Errorf("%s not translated", id)
				}
			}
			if len(stale) != len(tt.stale) {
				t.Fatalf("stale = %+v, want %d", stale, len(tt.stale))
			}
			for i, s := range stale {
				have := s.ID + ":" + itoa(s.Line) + ": " + s.Reason
				if !strings.HasPrefix(have, tt.stale[i]) {
					t.Errorf("stale[%d] = %q, want prefix %q", i, have, tt.stale[i])
				}
			}
			if len(stale) > 0 {
				msg := c.StaleError(stale).Error()
				for _, s := range stale {
					if !strings.Contains(msg, s.ID+": ") {
						t.Errorf("StaleError does not name %s:\n%s", s.ID, msg)
					}
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, po, want string }{
		{"unknown block", header + "msgctxt \"p99\"\nmsgid \"不存在\"\nmsgstr \"Nothing\"\n", "en.po:4: entry for block \"p99\", which zh.txt does not have"},
		{"no msgctxt", header + "msgid \"标题\"\nmsgstr \"Title\"\n", "en.po:4: entry \"标题\" has no msgctxt"},
		{"duplicate", header + "msgctxt \"p1\"\nmsgid \"第一段。\"\nmsgstr \"A\"\n\nmsgctxt \"p1\"\nmsgid \"第一段。\"\nmsgstr \"B\"\n", "en.po:8: second entry for block \"p1\" (the first is on line 4)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("en.po", []byte(tt.po))
			if err == nil {
				_, _, err = c.Resolve(small())
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestTemplateRoundTrip: the .pot lists every unit in reading order and
// parses back to the same ids and texts, all untranslated.
func TestTemplateRoundTrip(t *testing.T) {
	a := small()
	pot := Template(a, "source/s/zh.txt")
	c, err := Parse("messages.pot", pot)
	if err != nil {
		t.Fatalf("%v\n%s", err, pot)
	}
	var ids []string
	for _, u := range a.Units() {
		ids = append(ids, u.ID)
	}
	if have := strings.Join(c.order, " "); have != strings.Join(ids, " ") {
		t.Errorf("template order %q, want %q", have, strings.Join(ids, " "))
	}
	_, stale, err := c.Resolve(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stale {
		if s.Reason != "empty msgstr" {
			t.Errorf("%s: %s, want empty msgstr (msgid must round-trip)", s.ID, s.Reason)
		}
	}
	if !strings.Contains(string(pot), "#: source/s/zh.txt:5\n#, ") && !strings.Contains(string(pot), "#: source/s/zh.txt:5\n") {
		t.Errorf("template lacks the source reference:\n%s", pot)
	}
}
