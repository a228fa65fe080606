package translate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"policysite/tools/article"
	"policysite/tools/sitetest"
)

// small is a title and two paragraphs (the second with a lead), to test
// the PO plumbing on its own.
func small() *article.Article {
	one := func(id, text string) []article.Sentence { return []article.Sentence{{ID: id, Text: text}} }
	return &article.Article{
		Slug: "s", File: "zh.txt", Lang: "zh", Date: "2022-07-15",
		Title: article.Block{ID: "title", Kind: article.KindTitle, Line: 1, Sentences: one("title", "标题")},
		Opening: []article.Block{
			{ID: "p1", Kind: article.KindParagraph, N: 1, Line: 3, Sentences: one("p1.1", "第一段。")},
			{ID: "p2", Kind: article.KindParagraph, N: 2, Line: 5, HasLead: true,
				Sentences: []article.Sentence{{ID: "p2.1", Text: "导语。"}, {ID: "p2.2", Text: "正文“引号”\\和\"直引号\"。"}}},
		},
	}
}

const header = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"

func entry(id, msgid, msgstr string) string {
	return "msgctxt " + quote(id) + "\nmsgid " + quote(msgid) + "\nmsgstr " + quote(msgstr) + "\n\n"
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		po    string
		ok    map[string]string // id → translation
		stale []string          // "id:line: reason" prefixes
	}{
		{"complete", header +
			entry("title", "标题", "Title") + entry("p1.1", "第一段。", "First.") +
			entry("p2.1", "导语。", "Lead.") + entry("p2.2", "正文“引号”\\和\"直引号\"。", `Body “quoted” \ "straight".`),
			map[string]string{"title": "Title", "p1.1": "First.", "p2.1": "Lead.", "p2.2": `Body “quoted” \ "straight".`}, nil},
		{"missing, empty, fuzzy, changed", header +
			"msgctxt \"title\"\nmsgid \"标题\"\nmsgstr \"\"\n\n" +
			"#, fuzzy\nmsgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First.\"\n\n" +
			"msgctxt \"p2.2\"\nmsgid \"旧的正文。\"\nmsgstr \"Old body.\"\n",
			nil, []string{"title:4: empty msgstr", "p1.1:9: fuzzy", "p2.1:0: no entry", "p2.2:13: msgid differs from the Chinese text (zh.txt:5)"}},
		{"multi-line strings (msgmerge)", header +
			"msgctxt \"p1.1\"\nmsgid \"\"\n\"第一\"\n\"段。\"\nmsgstr \"\"\n\"First \"\n\"part.\"\n",
			map[string]string{"p1.1": "First part."}, []string{"title:0", "p2.1:0", "p2.2:0"}},
		{"no file", "", nil, []string{"title:0: no entry", "p1.1:0", "p2.1:0", "p2.2:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data []byte
			if tt.po != "" {
				data = []byte(tt.po)
			}
			c, err := Parse("en.po", data)
			if err != nil {
				t.Fatal(err)
			}
			ok, stale, err := c.Resolve(small())
			if err != nil {
				t.Fatal(err)
			}
			if len(ok) != len(tt.ok) {
				t.Errorf("translated %v, want %v", ok, tt.ok)
			}
			for id, want := range tt.ok {
				if ok[id] != want {
					t.Errorf("%s = %q, want %q", id, ok[id], want)
				}
			}
			if len(stale) != len(tt.stale) {
				t.Fatalf("stale = %+v, want %d", stale, len(tt.stale))
			}
			for i, s := range stale {
				have := s.ID + ":" + strconv.Itoa(s.Line) + ": " + s.Reason
				if !strings.HasPrefix(have, tt.stale[i]) {
					t.Errorf("stale[%d] = %q, want prefix %q", i, have, tt.stale[i])
				}
			}
			if len(stale) > 0 {
				msg := c.StaleError(stale).Error()
				for _, s := range stale {
					if !strings.Contains(msg, s.ID+": "+s.Reason) {
						t.Errorf("StaleError does not name %s:\n%s", s.ID, msg)
					}
				}
			}
		})
	}
}

// TestParseErrors: every kind of bad PO input gets its exact message, at
// the right line (and column where it helps).
func TestParseErrors(t *testing.T) {
	tests := []struct{ name, po, want string }{
		{"unknown sentence", header + entry("p9.1", "不存在", "Nothing"), "en.po:4: entry for \"p9.1\", which zh.txt does not have: expected one of the sentence ids in the .pot template (run msgmerge to update the file)"},
		{"no msgctxt", header + "msgid \"标题\"\nmsgstr \"Title\"\n", "en.po:4: entry \"标题\" has no msgctxt: expected the sentence id (msgctxt \"p12.3\") from the .pot template"},
		{"duplicate", header + entry("p1.1", "第一段。", "A") + entry("p1.1", "第一段。", "B"), "en.po:8: second entry for \"p1.1\" (the first is on line 4): expected one entry per sentence"},
		{"no msgid", header + "msgctxt \"p1.1\"\nmsgstr \"First.\"\n", "en.po:4: entry \"p1.1\" has no msgid: expected msgctxt, msgid and msgstr"},
		{"no msgstr", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\n\nmsgctxt \"title\"\nmsgid \"标题\"\nmsgstr \"T\"\n", "en.po:4: entry \"p1.1\" has no msgstr: expected msgstr after msgid"},
		{"plural", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgid_plural \"第一段。\"\nmsgstr[0] \"First.\"\nmsgstr[1] \"Firsts.\"\n", "en.po:4: plural entry (msgid_plural) \"p1.1\": expected one msgstr per entry; a translation unit has a single form"},
		{"undefined escape", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First \\q.\"\n", "en.po:6:15: undefined escape \\q: expected \\\\ for a backslash, \\\" for a quote, or one of \\n \\t \\r \\b \\f \\v \\a"},
		{"unclosed string", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\nmsgstr \"First.\"\n", "en.po:5:7: string is not closed: expected a closing quote on the same line"},
		{"text after the string", header + "msgctxt \"p1.1\" x\nmsgid \"第一段。\"\nmsgstr \"First.\"\n", "en.po:4:16: text \"x\" after the closing quote: expected the end of the line"},
		{"unknown keyword", header + "msgctx \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First.\"\n", "en.po:4:1: unknown keyword \"msgctx\": expected msgctxt, msgid, msgstr or a comment starting with #"},
		{"string without keyword", "\"loose\"\n" + header, "en.po:1:1: string without a keyword: expected msgctxt, msgid or msgstr before it"},
		{"line break in msgstr", header + entry("p1.1", "第一段。", "First\nline."), "en.po:4: msgstr of \"p1.1\" contains a line break (\\n): expected one line of text with no control characters"},
		{"surrounding space", header + entry("p1.1", "第一段。", " First."), "en.po:4: msgstr of \"p1.1\" starts or ends with white space: expected trimmed text (the site joins sentences with one space)"},
		{"BOM is fine, line numbers count from it", "\uFEFF" + header + "msgctxt \"p1.1\" x\n", "en.po:4:16: text \"x\" after the closing quote: expected the end of the line"},
		{"invalid UTF-8", header + "msgctxt \"p1.1\"\nmsgid \"\xe7\xac\"\n", "en.po:5:8: invalid UTF-8 (byte 0xE7 at byte offset 83): expected UTF-8 text"},
		{"UTF-16", "\xff\xfem\x00s\x00g\x00", "en.po: file is UTF-16 text: expected UTF-8 (save it as \"UTF-8\" in the editor)"},
		{"other charset", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", "en.po: header declares charset=iso-8859-1: expected charset=UTF-8 (the file must be UTF-8)"},
		{"second header", header + header, "en.po:4: second header entry (msgid \"\"): expected one header, at the top"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("en.po", []byte(tt.po))
			if err == nil {
				_, _, err = c.Resolve(small())
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n\t%v\nwant\n\t%s", err, tt.want)
			}
		})
	}
}

// TestEscapes: every escape gettext defines decodes to its character.
func TestEscapes(t *testing.T) {
	po := header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"a\\\\b\\\"c\\101\\x42\\?\"\n"
	_, es, err := ParsePO("en.po", []byte(po))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Str != `a\b"cAB?` {
		t.Errorf("entries %+v, want msgstr a\\b\"cAB?", es)
	}
}

// TestTemplateRoundTrip: the .pot lists every sentence in reading order,
// parses back to the same ids and texts, all untranslated, and GNU msgfmt
// accepts it.
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
	if have := strings.Join(c.Order(), " "); have != strings.Join(ids, " ") {
		t.Errorf("template order %q, want %q", have, strings.Join(ids, " "))
	}
	_, stale, err := c.Resolve(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != len(ids) {
		t.Errorf("%d stale, want all %d", len(stale), len(ids))
	}
	for _, s := range stale {
		if s.Reason != "empty msgstr" {
			t.Errorf("%s: %s, want empty msgstr (msgid must round-trip)", s.ID, s.Reason)
		}
	}
	for _, want := range []string{"#: source/s/zh.txt:5\nmsgctxt \"p2.1\"", "#. ¶2, sentence 1 of 2; the lead", `msgid "正文“引号”\\和\"直引号\"。"`} {
		if !strings.Contains(string(pot), want) {
			t.Errorf("template lacks %q:\n%s", want, pot)
		}
	}
	msgfmt(t, "messages.pot", pot)
}

// msgfmt checks data with GNU msgfmt --check, the reference for the PO
// format, when it is installed.
func msgfmt(t *testing.T, name string, data []byte) {
	t.Helper()
	bin, err := exec.LookPath("msgfmt")
	sitetest.Require(t, err == nil, "GNU msgfmt", "apt-get install gettext")
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--check", "-o", os.DevNull, p).CombinedOutput(); err != nil {
		t.Errorf("msgfmt --check %s: %v\n%s", name, err, out)
	}
}

// TestAgreesWithMsgfmt: what this reader refuses, GNU msgfmt refuses too,
// and what it accepts, msgfmt accepts: the syntax is gettext's, not ours.
func TestAgreesWithMsgfmt(t *testing.T) {
	bin, err := exec.LookPath("msgfmt")
	sitetest.Require(t, err == nil, "GNU msgfmt", "apt-get install gettext")
	cases := map[string]bool{ // PO text → valid
		header + entry("p1.1", "第一段。", "First."):                                   true,
		header + "msgctxt \"p1.1\"\nmsgid \"a\"\nmsgstr \"\\q\"\n":                 false,
		header + "msgctxt \"p1.1\"\nmsgid \"a\nmsgstr \"b\"\n":                     false,
		header + "msgctxt \"p1.1\"\nmsgid \"a\"\nmsgstr \"b\" c\n":                 false,
		header + "msgctx \"p1.1\"\nmsgid \"a\"\nmsgstr \"b\"\n":                    false,
		header + "msgctxt \"p1.1\"\nmsgid \"\"\n\"a\"\nmsgstr \"\"\n\"b\"\n":       true,
		header + "msgctxt \"p1.1\"\nmsgid \"a\\x41\\101\\\\\\\"\"\nmsgstr \"b\"\n": true,
		header + "#~ msgctxt \"old\"\n#~ msgid \"x\"\n#~ msgstr \"y\"\n":           true,
		header + "\"continued\"\n":                                                 true, // a string continues the last keyword, even after a blank line
		"\"loose\"\n" + header:                                                     false,
	}
	for po, valid := range cases {
		p := filepath.Join(t.TempDir(), "x.po")
		if err := os.WriteFile(p, []byte(po), 0o644); err != nil {
			t.Fatal(err)
		}
		out, gerr := exec.Command(bin, "-o", os.DevNull, p).CombinedOutput()
		_, _, err := ParsePO("x.po", []byte(po))
		if (gerr == nil) != valid {
			t.Errorf("msgfmt on %q: %v %s, want valid=%v (fix the case)", po, gerr, out, valid)
		}
		if (err == nil) != valid {
			t.Errorf("ParsePO on %q: %v, want valid=%v", po, err, valid)
		}
	}
}

// FuzzParsePO: any input gives entries or an error with a position, never a
// panic; entries re-encoded with quote parse back to themselves.
func FuzzParsePO(f *testing.F) {
	f.Add([]byte(header + entry("p1.1", "第一段。", "First \"quoted\" \\ back.")))
	f.Add([]byte(header + "#, fuzzy\nmsgctxt \"p1.1\"\nmsgid \"\"\n\"a\"\nmsgstr \"\\x41\\101\"\n"))
	f.Add([]byte("msgid \"x\"\nmsgid_plural \"y\"\nmsgstr[0] \"a\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, es, err := ParsePO("f.po", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.po") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		var b strings.Builder
		b.WriteString(header)
		for _, e := range es {
			if e.HasCtx {
				b.WriteString("msgctxt " + quote(e.Context) + "\n")
			}
			b.WriteString("msgid " + quote(e.ID) + "\nmsgstr " + quote(e.Str) + "\n\n")
		}
		_, again, err := ParsePO("g.po", []byte(b.String()))
		if err != nil {
			t.Fatalf("re-encoded entries do not parse: %v\n%s", err, b.String())
		}
		if len(again) != len(es) {
			t.Fatalf("%d entries, %d after re-encoding", len(es), len(again))
		}
		for i := range es {
			if again[i].Context != es[i].Context || again[i].ID != es[i].ID || again[i].Str != es[i].Str {
				t.Fatalf("entry %d changed: %+v → %+v", i, es[i], again[i])
			}
		}
	})
}

// TestMsgmerge: a translation updated with GNU msgmerge after the Chinese
// changed reads back here with the changed sentence fuzzy (stale) and the
// others as they were: the files round-trip through the gettext tools.
func TestMsgmerge(t *testing.T) {
	bin, err := exec.LookPath("msgmerge")
	sitetest.Require(t, err == nil, "GNU msgmerge", "apt-get install gettext")
	dir := t.TempDir()
	old := small()
	po := header + entry("title", "标题", "Title") + entry("p1.1", "舟山坚持以人民为中心的发展思想。", "First.") +
		entry("p2.1", "导语。", "Lead.") + entry("p2.2", old.Opening[1].Sentences[1].Text, "Body.")
	changed := small()
	// An editor's typical fix: one character of a long sentence.
	changed.Opening[0].Sentences[0].Text = "舟山始终坚持以人民为中心的发展思想。"
	if err := os.WriteFile(filepath.Join(dir, "en.po"), []byte(po), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "messages.pot"), Template(changed, "source/s/zh.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--quiet", "-U", "--backup=off", filepath.Join(dir, "en.po"), filepath.Join(dir, "messages.pot")).CombinedOutput(); err != nil {
		t.Fatalf("msgmerge: %v\n%s", err, out)
	}
	merged, err := os.ReadFile(filepath.Join(dir, "en.po"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("en.po", merged)
	if err != nil {
		t.Fatalf("%v\n%s", err, merged)
	}
	ok, stale, err := c.Resolve(changed)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != 1 || stale[0].ID != "p1.1" || stale[0].Reason != "fuzzy" {
		t.Errorf("stale after msgmerge: %+v, want p1.1 fuzzy\n%s", stale, merged)
	}
	if ok["title"] != "Title" || ok["p2.1"] != "Lead." || ok["p2.2"] != "Body." {
		t.Errorf("translations after msgmerge: %v", ok)
	}
}
