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
		{"header after an entry", entry("p1.1", "第一段。", "First.") + header, "en.po:5: header entry (msgid \"\") after other entries: expected it at the top"},
		{"string after a comment", header + entry("p1.1", "第一段。", "First.") + "# note\n\"more\"\n", "en.po:9:1: string without a keyword: expected msgctxt, msgid or msgstr before it"},
		{"empty msgid", header + entry("p1.1", "", "First."), "en.po:4: entry \"p1.1\" has an empty msgid: expected the Chinese sentence"},
		{"msgstr alone", "msgstr \"First.\"\n", "en.po:1: entry on line 1 has no msgid: expected msgctxt, msgid and msgstr"},
		{"msgstr after the header", header + "msgstr \"First.\"\n", "en.po:4:1: second msgstr in the entry of line 1"},
		{"second msgstr", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"A\"\nmsgstr \"B\"\n", "en.po:7:1: second msgstr in the entry of line 4"},
		{"plural without msgctxt", header + "msgid \"第一段。\"\nmsgid_plural \"第一段。\"\nmsgstr[0] \"A\"\n", "en.po:4: plural entry (msgid_plural) \"第一段。\": expected one msgstr per entry; a translation unit has a single form"},
		{"msgid_plural alone", "msgid_plural \"x\"\n", "en.po:1:1: msgid_plural without msgid"},
		{"msgstr[0] alone", "msgstr[0] \"x\"\n", "en.po:1:1: msgstr[0] without msgid"},
		{"bad plural index", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr[x] \"A\"\n", "en.po:6:1: bad plural index in \"msgstr[x]\""},
		{"keyword without a string", header + "msgctxt \"p1.1\"\nmsgid\n", "en.po:5:6: msgid without a string: expected msgid \"…\""},
		{"keyword and blanks without a string", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \t \n", "en.po:6:10: msgstr without a string: expected msgstr \"…\""},
		{"keyword and text", header + "msgctxt \"p1.1\"\nmsgid 第一段\n", "en.po:5:7: msgid without a string: expected msgid \"…\""},
		{"indented keyword", header + "  msgctxt\t\"p1.1\" x\n", "en.po:4:18: text \"x\" after the closing quote: expected the end of the line"},
		{"long unknown keyword", header + "abcdefghijklmnopqrstuvwxyz \"x\"\n", "en.po:4:1: unknown keyword \"abcdefghijklmnopqrst…\": expected msgctxt, msgid, msgstr or a comment starting with #"},
		{"msgid of 20 characters", header + "msgid \"一二三四五六七八九十一二三四五六七八九十\"\nmsgstr \"x\"\n", "en.po:4: entry \"一二三四五六七八九十一二三四五六七八九十\" has no msgctxt: expected the sentence id (msgctxt \"p12.3\") from the .pot template"},
		{"msgid of 21 characters", header + "msgid \"一二三四五六七八九十一二三四五六七八九十一\"\nmsgstr \"x\"\n", "en.po:4: entry \"一二三四五六七八九十一二三四五六七八九十…\" has no msgctxt: expected the sentence id (msgctxt \"p12.3\") from the .pot template"},
		{"backslash at the end", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First\\\n", "en.po:6:14: backslash at the end of the line: expected an escape (\\\\, \\\", \\n, …) and a closing quote"},
		{"unclosed after an octal escape", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First\\101\n", "en.po:6:8: string is not closed: expected a closing quote on the same line"},
		{"unclosed after a short octal escape", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First\\1\n", "en.po:6:8: string is not closed: expected a closing quote on the same line"},
		{"unclosed after a hexadecimal escape", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First\\x41\n", "en.po:6:8: string is not closed: expected a closing quote on the same line"},
		{"tab in msgstr", header + entry("p1.1", "第一段。", "First\tpart."), "en.po:4: msgstr of \"p1.1\" contains a tab (\\t): expected one line of text with no control characters"},
		{"carriage return in msgstr", header + entry("p1.1", "第一段。", "First\rpart."), "en.po:4: msgstr of \"p1.1\" contains a carriage return (\\r): expected one line of text with no control characters"},
		{"other control character in msgstr", header + entry("p1.1", "第一段。", "First\x07part."), "en.po:4: msgstr of \"p1.1\" contains U+0007: expected one line of text with no control characters"},
		{"paragraph separator in msgstr", header + "msgctxt \"p1.1\"\nmsgid \"第一段。\"\nmsgstr \"First\\342\\200\\251part.\"\n", "en.po:4: msgstr of \"p1.1\" contains U+2029: expected one line of text with no control characters"},
		{"trailing space", header + entry("p1.1", "第一段。", "First. "), "en.po:4: msgstr of \"p1.1\" starts or ends with white space: expected trimmed text (the site joins sentences with one space)"},
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

// TestEscapes: every escape gettext defines decodes to its character, and
// an escape it does not define, or out of range, is an error at the
// backslash.
func TestEscapes(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{`a\\b\"c\101\x42\?`, `a\b"cAB?`, ""},
		{`\n\t\b\r\f\v\a`, "\n\t\b\r\f\v\a", ""},
		{`\0\7\77\077\1011`, "\x00\x07?" + "?" + "A1", ""}, // at most three octal digits
		{`\303\251\xc3\xA9`, "éé", ""},
		{`\x0\x9\x4a\x4F`, "\x00\x09JO", ""},
		{`\x414`, "", `en.po:1:9: hexadecimal escape out of range`}, // as many hexadecimal digits as follow
		{`\377`, "", `en.po:1:8: string escapes make invalid UTF-8: expected UTF-8 text`},
		{`\xff`, "", `en.po:1:8: string escapes make invalid UTF-8: expected UTF-8 text`},
		{`\400`, "", `en.po:1:9: octal escape out of range`},
		{`\x100`, "", `en.po:1:9: hexadecimal escape out of range`},
		{`\xg`, "", `en.po:1:9: \x without hexadecimal digits`},
		{`\x`, "", `en.po:1:9: \x without hexadecimal digits`},
		{`\8`, "", `en.po:1:9: undefined escape \8: expected \\ for a backslash, \" for a quote, or one of \n \t \r \b \f \v \a`},
		{`\/`, "", `en.po:1:9: undefined escape \/: expected \\ for a backslash, \" for a quote, or one of \n \t \r \b \f \v \a`},
		{`x\中`, "", `en.po:1:10: undefined escape \中: expected \\ for a backslash, \" for a quote, or one of \n \t \r \b \f \v \a`},
	}
	for _, tt := range tests {
		_, es, err := ParsePO("en.po", []byte("msgstr \""+tt.in+"\"\nmsgctxt \"p1.1\"\nmsgid \"x\"\n"))
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		_, es, err = ParsePO("en.po", []byte("msgctxt \"p1.1\"\nmsgid \"x\"\nmsgstr \""+tt.in+"\"\n"))
		if err != nil || len(es) != 1 || es[0].Str != tt.want {
			t.Errorf("%s: %+v, %v; want msgstr %q", tt.in, es, err, tt.want)
		}
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
		header + entry("p1.1", "a", "b") + "# note\n\"c\"\n":                       false, // after a comment, a string continues nothing
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

// TestTemplate compares a whole template with what translators get: the
// header, and for each sentence where it stands, its source line, its id
// and its text.
func TestTemplate(t *testing.T) {
	one := func(id, text string) []article.Sentence { return []article.Sentence{{ID: id, Text: text}} }
	a := &article.Article{Slug: "s", File: "zh.txt", Lang: "zh", Date: "2022-07-15",
		Title:  article.Block{ID: "title", Kind: article.KindTitle, Line: 1, Sentences: one("title", "标题")},
		Source: &article.Block{ID: "source", Kind: article.KindSource, Line: 2, Sentences: one("source", "《杂志》")},
		Sections: []article.Section{{
			Heading: article.Block{ID: "s1", Kind: article.KindHeading, N: 1, Line: 4, Sentences: one("s1", "一")},
			Blocks: []article.Block{
				{ID: "p1", Kind: article.KindParagraph, N: 1, Line: 6, HasLead: true,
					Sentences: []article.Sentence{{ID: "p1.1", Text: "导语。"}, {ID: "p1.2", Text: "第一行\n第二行。"}}},
				{ID: "p2", Kind: article.KindList, N: 2, Line: 8, Items: []article.Block{
					{ID: "p2-1", Kind: article.KindItem, N: 2, Line: 8, Sentences: one("p2-1.1", "一是甲；")},
					{ID: "p2-10", Kind: article.KindItem, N: 2, Line: 8,
						Sentences: []article.Sentence{{ID: "p2-10.1", Text: "十是乙。"}, {ID: "p2-10.2", Text: "乙二。"}}},
				}},
			},
		}},
	}
	want := `# Translation template of s, generated by go run ./tools/split from source/s/zh.txt.
# One entry per sentence: msgctxt is the sentence id, msgid the Chinese sentence.
msgid ""
msgstr ""
"Project-Id-Version: s\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2022-07-15 00:00+0800\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
"Language-Team: LANGUAGE <LL@li.org>\n"
"Language: \n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"

#. title
#: source/s/zh.txt:1
msgctxt "title"
msgid "标题"
msgstr ""

#. source
#: source/s/zh.txt:2
msgctxt "source"
msgid "《杂志》"
msgstr ""

#. heading
#: source/s/zh.txt:4
msgctxt "s1"
msgid "一"
msgstr ""

#. ¶1, sentence 1 of 2; the lead (run-in head, set in bold)
#: source/s/zh.txt:6
msgctxt "p1.1"
msgid "导语。"
msgstr ""

#. ¶1, sentence 2 of 2
#: source/s/zh.txt:6
msgctxt "p1.2"
msgid ""
"第一行\n"
"第二行。"
msgstr ""

#. ¶2, list item 1, sentence 1 of 1; keep the item's ordinal (First, Second, …)
#: source/s/zh.txt:8
msgctxt "p2-1.1"
msgid "一是甲；"
msgstr ""

#. ¶2, list item 10, sentence 1 of 2; keep the item's ordinal (First, Second, …)
#: source/s/zh.txt:8
msgctxt "p2-10.1"
msgid "十是乙。"
msgstr ""

#. ¶2, list item 10, sentence 2 of 2
#: source/s/zh.txt:8
msgctxt "p2-10.2"
msgid "乙二。"
msgstr ""
`
	if have := string(Template(a, "source/s/zh.txt")); have != want {
		t.Errorf("template\n%s\nwant\n%s", have, want)
	}
}

// TestStaleError: one line per stale unit, with the entry's line when the
// PO file has one.
func TestStaleError(t *testing.T) {
	c := &Catalog{File: "en.po"}
	err := c.StaleError([]Stale{{ID: "title", Line: 4, Reason: "empty msgstr"}, {ID: "p2.1", Reason: "no entry"}, {ID: "p2.2", Line: 1, Reason: "fuzzy"}})
	want := "en.po: 3 stale or missing translation(s):\n\ten.po:4: title: empty msgstr\n\ten.po: p2.1: no entry\n\ten.po:1: p2.2: fuzzy"
	if err.Error() != want {
		t.Errorf("StaleError:\n%s\nwant\n%s", err, want)
	}
}
