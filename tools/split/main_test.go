package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// TestRun is the end-to-end test of the command: it writes, -check then
// passes, and a second run writes nothing and changes no byte.
func TestRun(t *testing.T) {
	dir := site(t, base)
	// -check lists the files folder by folder (the generated folders last),
	// each folder's files in order, its marker after them.
	want := `split: stale: source/a/messages.pot: missing
split: stale: data/articles/_terms.json: missing
split: stale: data/articles/a.body.en.html: missing
split: stale: data/articles/a.body.zh.html: missing
split: stale: data/articles/a.json: missing
split: stale: data/articles/a.parallel.en.html: missing
split: stale: data/articles/a.parallel.zh.html: missing
split: stale: data/articles/.split-generated: missing
split: stale: content/zh/a/_index.md: missing
split: stale: content/zh/a/blocks.csv: missing
split: stale: content/zh/a/blocks.json: missing
split: stale: content/zh/a/parallel.md: missing
split: stale: content/zh/a/section-1.md: missing
split: stale: content/zh/a/.split-generated: missing
split: stale: content/en/a/_index.md: missing
split: stale: content/en/a/parallel.md: missing
split: stale: content/en/a/section-1.md: missing
split: stale: content/en/a/.split-generated: missing
split: 18 file(s) stale: run go run ./tools/split and commit the result
`
	if code, _, stderr := split(dir, "-check"); code != 1 || stderr != want {
		t.Fatalf("-check before writing: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if code, stdout, stderr := split(dir); code != 0 || stdout != "split: 1 article(s), 18 file(s) written or removed\n" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	for _, f := range []string{"content/zh/a/_index.md", "content/en/a/section-1.md", "content/zh/a/parallel.md", "content/zh/a/blocks.csv",
		"content/zh/a/" + Marker, "content/en/a/" + Marker, "data/articles/a.json", "data/articles/a.parallel.zh.html", "data/articles/a.parallel.en.html", "data/articles/a.body.zh.html", "data/articles/a.body.en.html", "data/articles/_terms.json", "data/articles/" + Marker, "source/a/messages.pot"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if code, _, stderr := split(dir, "-check"); code != 0 {
		t.Fatalf("-check after writing: exit %d, stderr:\n%s", code, stderr)
	}
	before := snapshot(t, dir)
	if code, stdout, stderr := split(dir); code != 0 || !strings.Contains(stdout, " 0 file(s)") {
		t.Fatalf("second run: exit %d %q %s", code, stdout, stderr)
	}
	sameTree(t, before, snapshot(t, dir))
}

// TestUsage: -h prints the manual; an unknown flag or an argument is a
// usage error (exit 2).
func TestUsage(t *testing.T) {
	var o, e strings.Builder
	if code := run([]string{"-h"}, &o, &e); code != 0 || !strings.Contains(e.String(), "Split turns the scraped articles") || !strings.Contains(e.String(), "-allow-pending") {
		t.Errorf("-h: exit %d, output:\n%s", code, e.String())
	}
	if code := run([]string{"-nope"}, &o, &e); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code := run([]string{"extra"}, &o, &e); code != 2 {
		t.Errorf("argument: exit %d, want 2", code)
	}
}

// TestBadInput: every kind of bad input an editor can make is refused
// with its exact message, exit 1, and a tree that is byte for byte as it
// was, with nothing written outside it.
func TestBadInput(t *testing.T) {
	rm := func(name string) txtar.File { return txtar.File{Name: name} }
	zh := txtar.Parse([]byte(base)).Files
	var baseZH, basePO string
	for _, f := range zh {
		switch f.Name {
		case "source/a/zh.txt":
			baseZH = string(f.Data)
		case "source/a/en.po":
			basePO = string(f.Data)
		}
	}
	tests := []struct {
		name  string
		edits []txtar.File
		want  string // the whole of stderr
	}{
		{"long folder name", []txtar.File{file("source/"+strings.Repeat("a", 251)+"/zh.txt", baseZH)},
			"split: source/" + strings.Repeat("a", 251) + ": folder name \"" + strings.Repeat("a", 251) + "\" is not a valid slug: it has 251 characters, more than 80\n"},
		{"folder named like a site page", []txtar.File{file("source/glossary/zh.txt", baseZH)},
			"split: source/glossary: slug \"glossary\" is taken by the site's page content/zh/glossary.md: choose another folder name\n"},
		{"folder named search", []txtar.File{file("source/search/zh.txt", baseZH)},
			"split: source/search: slug \"search\" is taken by the site's page content/zh/search.md: choose another folder name\n"},
		{"folders with one URL", []txtar.File{file("source/A-B/zh.txt", baseZH), file("source/a b/zh.txt", baseZH), file("source/a-b/zh.txt", baseZH)},
			"split: source/A-B: folder name \"A-B\" is not a valid slug: expected lowercase ASCII letters, digits and single hyphens (like zhoushan-two-firsts)\n" +
				"split: source/a b and source/A-B would be published at one URL (/zh/a-b/): rename one of them\n" +
				"split: source/a-b and source/A-B would be published at one URL (/zh/a-b/): rename one of them\n"},
		{"hidden folder", []txtar.File{file("source/.draft/zh.txt", baseZH)},
			"split: source/.draft: folder name \".draft\" is not a valid slug: it starts with a dot, and Hugo does not publish such folders\n"},
		{"no zh.txt", []txtar.File{file("source/b/en.po", basePO)},
			"split: source/b: no zh.txt: expected the scraped article source/b/zh.txt (to remove an article, remove its whole folder)\n"},
		{"a file in source/", []txtar.File{file("source/zh.txt", baseZH)},
			"split: source/zh.txt: a file directly in source/: expected a folder source/<slug>/ holding zh.txt\n"},
		{"no glossary", []txtar.File{rm("data/glossary.toml")},
			"split: data/glossary.toml: no glossary file: expected the bilingual glossary (an empty file, or [[term]] tables)\n"},
		{"glossary id with spaces", []txtar.File{file("data/glossary.toml", strings.Replace(glossaryOf(t), `id = "port"`, `id = "strong port"`, 1))},
			"split: data/glossary.toml:11: term 2 (\"strong port\"): id \"strong port\" is not a lowercase slug: expected lowercase letters, digits and single hyphens (two-firsts)\n"},
		{"glossary id with markup", []txtar.File{file("data/glossary.toml", strings.Replace(glossaryOf(t), `id = "port"`, `id = "port\"><b>"`, 1))},
			"split: data/glossary.toml:11: term 2 (\"port\\\"><b>\"): id \"port\\\"><b>\" is not a lowercase slug: expected lowercase letters, digits and single hyphens (two-firsts)\n"},
		{"glossary duplicate Chinese", []txtar.File{file("data/glossary.toml", strings.Replace(glossaryOf(t), `zh = "强港"`, `zh = "两个先行"`, 1))},
			"split: data/glossary.toml:11: term 2 (\"port\"): Chinese term \"两个先行\" occurs twice (the first is term 1): expected one entry per term\n"},
		{"control character", []txtar.File{file("source/a/zh.txt", strings.Replace(baseZH, "结语。", "结\x0c语。", 1))},
			"split: source/a/zh.txt:23:2: control character U+000C: expected text (delete the character)\n"},
		{"UTF-16 source", []txtar.File{file("source/a/zh.txt", "\xff\xfe\x07h\x98\x98")},
			"split: source/a/zh.txt: file is UTF-16 text: expected UTF-8 (save it as \"UTF-8\" in the editor)\n"},
		{"CR-only line ends", []txtar.File{file("source/a/zh.txt", strings.ReplaceAll(baseZH, "\n", "\r"))},
			"split: source/a/zh.txt:1:8: carriage return (U+000D) without a line feed: expected LF or CRLF line ends (old Mac line ends are not supported)\n"},
		{"second BOM", []txtar.File{file("source/a/zh.txt", "\uFEFF"+strings.Replace(baseZH, "结语。", "\uFEFF结语。", 1))},
			"split: source/a/zh.txt:23:1: byte order mark (U+FEFF) in the middle of the file: expected it only at the very start, once (was a file pasted into another?)\n"},
		{"comma before an item", []txtar.File{file("source/a/zh.txt", strings.Replace(baseZH, "二是乙;三是丙", "二是乙,三是丙", 1))},
			"split: source/a/zh.txt:19: item 三是 follows \"，\" (character 9 of the paragraph): expected \"；\" before each item of the enumeration\n"},
		{"missing separator line", []txtar.File{file("source/a/zh.txt", strings.Replace(baseZH, "一,小标题\n\n  \n", "一,小标题\n", 1))},
			"split: source/a/zh.txt:13: line \"一,小标题\" follows a separator line (line 11) but no separator line follows it: expected a heading wrapped in separator lines before the first section\n"},
		{"invalid UTF-8 in en.po", []txtar.File{file("source/a/en.po", strings.Replace(basePO, "Closing.", "Clos\xe9ing.", 1))},
			"split: source/a/en.po:51:13: invalid UTF-8 (byte 0xE9 at byte offset 762): expected UTF-8 text\n"},
		{"undefined PO escape", []txtar.File{file("source/a/en.po", strings.Replace(basePO, "Closing.", `Clos\qing.`, 1))},
			"split: source/a/en.po:51:13: undefined escape \\q: expected \\\\ for a backslash, \\\" for a quote, or one of \\n \\t \\r \\b \\f \\v \\a\n"},
		{"PO syntax error", []txtar.File{file("source/a/en.po", strings.Replace(basePO, "msgid \"结语。\"", "msgid \"结语。", 1))},
			"split: source/a/en.po:50:7: string is not closed: expected a closing quote on the same line\n"},
		{"BOM in en.po", []txtar.File{file("source/a/en.po", "\uFEFF"+strings.Replace(basePO, "msgid \"结语。\"", "msgid \"结语。", 1))},
			"split: source/a/en.po:50:7: string is not closed: expected a closing quote on the same line\n"},
		{"missing msgid", []txtar.File{file("source/a/en.po", strings.Replace(basePO, "msgid \"结语。\"\n", "", 1))},
			"split: source/a/en.po:49: entry \"p4.1\" has no msgid: expected msgctxt, msgid and msgstr\n"},
		{"plural entry", []txtar.File{file("source/a/en.po", strings.Replace(basePO, "msgstr \"Closing.\"", "msgid_plural \"结语。\"\nmsgstr[0] \"Closing.\"\nmsgstr[1] \"Closings.\"", 1))},
			"split: source/a/en.po:49: plural entry (msgid_plural) \"p4.1\": expected one msgstr per entry; a translation unit has a single form\n"},
		{"unknown sentence", []txtar.File{file("source/a/en.po", basePO+"\nmsgctxt \"p9.1\"\nmsgid \"无\"\nmsgstr \"None\"\n")},
			"split: source/a/en.po:53: entry for \"p9.1\", which source/a/zh.txt does not have: expected one of the sentence ids in the .pot template (run msgmerge to update the file)\n"},
		{"stale translation", []txtar.File{file("source/a/zh.txt", strings.Replace(baseZH, "结语。", "新的结语。", 1))},
			"split: source/a/en.po: 1 stale or missing translation(s):\nsplit: \tsource/a/en.po:49: p4.1: msgid differs from the Chinese text (source/a/zh.txt:23)\nsplit: (run with -allow-pending to publish them as \"translation pending\")\n"},
		{"a file split did not write", []txtar.File{file("content/zh/a/"+Marker, "_index.md\n"), file("content/zh/a/notes.md", "mine")},
			"split: content/zh/a/notes.md: not written by split, in a folder split generates: move it elsewhere (split neither removes nor keeps files it did not write)\n"},
		{"a path in a marker", []txtar.File{file("content/zh/a/"+Marker, "# written by split\n_index.md\n../x\n")},
			"split: content/zh/a/" + Marker + ":3: \"../x\" is not a file name: expected one generated file name per line\n"},
		{"a folder split did not create", []txtar.File{file("content/zh/a/_index.md", "mine")},
			"split: source/a: slug \"a\" is taken by the site's page content/zh/a: choose another folder name\n"},
		{"a data folder split did not create", []txtar.File{file("data/articles/x.json", "{}")},
			"split: data/articles: folder exists but split did not create it (no " + Marker + " file in it): move it away, or choose another slug\n"},
	}
	// Cases where article a, which is good, may be staged before the bad
	// article fails (and is then undone, which the snapshots check).
	staged := map[string]bool{"no zh.txt": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t, base, tt.edits...)
			parent := snapshot(t, filepath.Dir(dir))
			before := snapshot(t, dir)
			code, _, stderr := split(dir)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stderr != tt.want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, tt.want)
			}
			sameTree(t, before, snapshot(t, dir))
			sameTree(t, parent, snapshot(t, filepath.Dir(dir)))
			if !staged[tt.name] {
				noChange(t, dir)
			}
		})
	}
}

// noChange checks that split, run again on dir, fails without making a
// single change, not even one it would undo: an article is staged only
// when nothing is wrong with it or its folders.
func noChange(t *testing.T, dir string) {
	t.Helper()
	count := &faultFS{}
	if _, err := Split(Options{Root: dir}, count, io.Discard); err == nil {
		t.Error("no error")
	}
	if count.changes > 0 {
		t.Errorf("%d change(s) made and undone: expected none", count.changes)
	}
}

func glossaryOf(t *testing.T) string {
	for _, f := range txtar.Parse([]byte(base)).Files {
		if f.Name == "data/glossary.toml" {
			return string(f.Data)
		}
	}
	t.Fatal("no glossary in base")
	return ""
}

// TestSymlinks: split never writes or removes through a symbolic link, and
// leaves the link and what it points at as they were.
func TestSymlinks(t *testing.T) {
	for _, link := range []string{"content/zh/a", "content/en", "data/articles"} {
		t.Run(link, func(t *testing.T) {
			dir := site(t, base)
			outside := t.TempDir()
			if err := os.WriteFile(filepath.Join(outside, "keep.txt"), []byte("keep"), 0o644); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, filepath.FromSlash(link))
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, p); err != nil {
				t.Fatal(err)
			}
			before, beforeOut := snapshot(t, dir), snapshot(t, outside)
			code, _, stderr := split(dir)
			if code != 1 || !strings.Contains(stderr, link+": a symbolic link: split does not write through links") {
				t.Errorf("exit %d, stderr:\n%s", code, stderr)
			}
			sameTree(t, before, snapshot(t, dir))
			sameTree(t, beforeOut, snapshot(t, outside))
			noChange(t, dir)
		})
	}
}

// TestOrphans: when an article's folder goes away, split removes what it
// generated for it (and -check reports it first); a folder it generated
// that holds a file it did not write is left alone, with an error.
func TestOrphans(t *testing.T) {
	dir := site(t, base, file("source/b/zh.txt", "标题二\n发布日期:2022-08-01\n段落。\n"))
	if code, _, stderr := split(dir, "-allow-pending"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := os.RemoveAll(filepath.Join(dir, "source", "b")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := split(dir, "-check")
	for _, want := range []string{"content/zh/b/_index.md: orphan: its article's source is gone", "content/en/b/" + Marker + ": orphan", "data/articles/b.json: no longer generated"} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("-check: exit %d, want %q in:\n%s", code, want, stderr)
		}
	}
	before := snapshot(t, dir)
	code, stdout, stderr := split(dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The count split prints is the number of files it wrote or removed.
	files := 0
	after := snapshot(t, dir)
	for p, v := range before {
		if !strings.HasSuffix(p, "/") && after[p] != v {
			files++
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && !strings.HasSuffix(p, "/") {
			files++
		}
	}
	if want := fmt.Sprintf("split: 1 article(s), %d file(s) written or removed\n", files); files < 10 || stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	for _, gone := range []string{"content/zh/b", "content/en/b", "data/articles/b.json"} {
		if _, err := os.Lstat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
			t.Errorf("%s still there (%v)", gone, err)
		}
	}
	if code, _, stderr := split(dir, "-check"); code != 0 {
		t.Errorf("-check after removing: exit %d: %s", code, stderr)
	}

	// A file split did not write keeps its folder, and split says so.
	dir = site(t, base, file("source/b/zh.txt", "标题二\n发布日期:2022-08-01\n段落。\n"))
	if code, _, stderr := split(dir, "-allow-pending"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	os.RemoveAll(filepath.Join(dir, "source", "b"))
	os.WriteFile(filepath.Join(dir, "content", "zh", "b", "mine.md"), []byte("mine"), 0o644)
	before = snapshot(t, dir)
	code, _, stderr = split(dir)
	if code != 1 || !strings.Contains(stderr, "content/zh/b/mine.md: not written by split, in the folder of an article whose source is gone") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	sameTree(t, before, snapshot(t, dir))
}

// TestAccepted: inputs that look odd but are valid give a site: optional
// parts missing, a date in the future (published as dated, with a
// warning), a translation that starts with "=" (neutralised in the CSV).
func TestAccepted(t *testing.T) {
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	dir := site(t, base,
		file("source/b/zh.txt", "标题二\n发布日期:2030-01-01\n段落。\n"),
		file("source/a/en.po", strings.Replace(poOf(t), `msgstr "Closing."`, `msgstr "=HYPERLINK(\"http://x\")"`, 1)))
	var warn strings.Builder
	out, err := Split(Options{Root: dir, AllowPending: true, Today: today, Keep: true, Check: true}, osFS{}, &warn)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(warn.String(), "split: warning: source/b/zh.txt: publication date 2030-01-01 is in the future; the site publishes it as dated (buildFuture in config.toml)") {
		t.Errorf("no future-date warning:\n%s", warn.String())
	}
	var csvData []byte
	for _, f := range out.Files {
		if f.Path == "content/zh/a/blocks.csv" {
			csvData = f.Data
		}
	}
	if !strings.HasPrefix(string(csvData), "\uFEFF") {
		t.Error("blocks.csv has no UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(csvData), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if r[0] == "p4.1" {
			found = true
			if r[7] != `'=HYPERLINK("http://x")` {
				t.Errorf("formula cell = %q, want it neutralised with a leading apostrophe", r[7])
			}
		}
	}
	if !found {
		t.Error("no row p4.1 in blocks.csv")
	}
}

func poOf(t *testing.T) string {
	for _, f := range txtar.Parse([]byte(base)).Files {
		if f.Name == "source/a/en.po" {
			return string(f.Data)
		}
	}
	t.Fatal("no en.po in base")
	return ""
}

// TestCheckOrder: -check lists the translation templates in the order of
// their folders, whatever order the articles finish rendering in.
func TestCheckOrder(t *testing.T) {
	dir := site(t, base,
		file("source/c/zh.txt", "标题三\n发布日期:2022-09-01\n段落三。\n"),
		file("source/b/zh.txt", "标题二\n发布日期:2022-08-01\n段落。\n"))
	code, _, stderr := split(dir, "-check", "-allow-pending")
	if code != 1 {
		t.Fatalf("-check: exit %d, want 1:\n%s", code, stderr)
	}
	var pots []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasSuffix(l, "/messages.pot: missing") {
			pots = append(pots, l)
		}
	}
	want := []string{
		"split: stale: source/a/messages.pot: missing",
		"split: stale: source/b/messages.pot: missing",
		"split: stale: source/c/messages.pot: missing",
	}
	if strings.Join(pots, "\n") != strings.Join(want, "\n") {
		t.Errorf("-check lists the templates as\n%s\nwant\n%s\nall:\n%s", strings.Join(pots, "\n"), strings.Join(want, "\n"), stderr)
	}
}
