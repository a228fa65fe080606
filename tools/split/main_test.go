package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins every file split emits for the seed article: the Chinese
// and English pages, the data file and the .pot, in one txtar archive.
func TestGolden(t *testing.T) {
	out := render(t)
	ar := &txtar.Archive{Comment: []byte("Output of go run ./tools/split for the site's sources; refresh with go test ./tools/split -update.\n")}
	for _, f := range out.Files {
		ar.Files = append(ar.Files, txtar.File{Name: f.Path, Data: f.Data})
	}
	golden := filepath.Join("testdata", "golden.txtar")
	have := txtar.Format(ar)
	if *update {
		if err := os.WriteFile(golden, have, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./tools/split -update)", err)
	}
	wa := txtar.Parse(want)
	wantFiles := map[string][]byte{}
	for _, f := range wa.Files {
		wantFiles[f.Name] = f.Data
	}
	for _, f := range ar.Files {
		w, ok := wantFiles[f.Name]
		if !ok {
			t.Errorf("%s: not in the golden file", f.Name)
			continue
		}
		delete(wantFiles, f.Name)
		if !bytes.Equal(w, f.Data) {
			t.Errorf("%s differs from the golden file:\n%s", f.Name, lineDiff(string(w), string(f.Data)))
		}
	}
	for name := range wantFiles {
		t.Errorf("%s: in the golden file but no longer emitted", name)
	}
}

// lineDiff shows the first differing line of want and have.
func lineDiff(want, have string) string {
	w, h := strings.Split(want, "\n"), strings.Split(have, "\n")
	for i := 0; i < len(w) || i < len(h); i++ {
		var wl, hl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(h) {
			hl = h[i]
		}
		if wl != hl {
			return "line " + itoa(i+1) + ":\n\twant: " + wl + "\n\thave: " + hl
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// site makes a site root in a temp dir holding the files of a txtar
// archive, and returns its path.
func site(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[rel] = string(b)
		}
		return err
	})
	return m
}

const okArticle = `-- source/a/zh.txt --
首页 > 栏目

标题

发布日期:2022-07-15 信息来源: 《杂志》

职务  姓名

开头。

  

一,小标题

  

第一段。

-- source/a/en.po --
msgctxt "title"
msgid "标题"
msgstr "Title"

msgctxt "series"
msgid "栏目"
msgstr "Column"

msgctxt "author-role"
msgid "职务"
msgstr "Office"

msgctxt "author-name"
msgid "姓名"
msgstr "Name"

msgctxt "source"
msgid "《杂志》"
msgstr "Magazine"

msgctxt "p1"
msgid "开头。"
msgstr "Opening."

msgctxt "s1"
msgid "一，小标题"
msgstr "One: heading"

msgctxt "p2"
msgid "第一段。"
msgstr "First paragraph."
-- content/zh/a/old.md --
stale file from an earlier run
`

// TestRun is the end-to-end test of the command: it writes, then -check
// passes; bad input exits 1 with file:line and leaves every file as it was.
func TestRun(t *testing.T) {
	t.Run("write and check", func(t *testing.T) {
		dir := site(t, okArticle)
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-root", dir, "-check"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "content/zh/a/old.md: no longer generated") {
			t.Fatalf("-check before writing: exit %d, stderr:\n%s", code, stderr.String())
		}
		stderr.Reset()
		if code := run([]string{"-root", dir}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "content/zh/a/old.md")); !os.IsNotExist(err) {
			t.Error("stale file content/zh/a/old.md not removed")
		}
		for _, f := range []string{"content/zh/a/_index.md", "content/en/a/section-1.md", "data/articles/a.json", "source/a/messages.pot"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Error(err)
			}
		}
		if code := run([]string{"-root", dir, "-check"}, &stdout, &stderr); code != 0 {
			t.Fatalf("-check after writing: exit %d, stderr:\n%s", code, stderr.String())
		}
		// The same input gives byte-identical output.
		before := snapshot(t, dir)
		if code := run([]string{"-root", dir}, &stdout, &stderr); code != 0 {
			t.Fatal(stderr.String())
		}
		after := snapshot(t, dir)
		for k, v := range before {
			if after[k] != v {
				t.Errorf("%s changed on a second run", k)
			}
		}
	})

	errs := []struct {
		name, edit, want string
		args             []string
	}{
		{"bad date", "发布日期:2022-07-15", "source/a/zh.txt:5: publication date \"2022-02-30\" is not a date", nil},
		{"stale translation", "第一段。", "source/a/en.po:", nil},
		{"unknown block", "", "source/a/en.po:33: entry for block \"p9\"", nil},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			archive := okArticle
			switch tt.name {
			case "bad date":
				archive = strings.Replace(archive, tt.edit, "发布日期:2022-02-30", 1)
			case "stale translation":
				archive = strings.Replace(archive, "\n"+tt.edit+"\n", "\n第一段，改过了。\n", 1)
			case "unknown block":
				archive = strings.Replace(archive, "-- content/zh/a/old.md --", "\nmsgctxt \"p9\"\nmsgid \"无\"\nmsgstr \"None\"\n-- content/zh/a/old.md --", 1)
			}
			dir := site(t, archive)
			before := snapshot(t, dir)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"-root", dir}, &stdout, &stderr); code != 1 {
				t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr:\n%s\nwant it to contain %q", stderr.String(), tt.want)
			}
			after := snapshot(t, dir)
			if len(after) != len(before) {
				t.Errorf("files written on error: %d before, %d after", len(before), len(after))
			}
			for k, v := range before {
				if after[k] != v {
					t.Errorf("%s changed on error", k)
				}
			}
		})
	}

	t.Run("stale translation with -allow-pending", func(t *testing.T) {
		dir := site(t, strings.Replace(okArticle, "\n第一段。\n", "\n第一段，改过了。\n", 1))
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-root", dir, "-allow-pending"}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		sec, err := os.ReadFile(filepath.Join(dir, "content/en/a/section-1.md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(sec), `{#p2 .pending lang="zh-Hans"}`) || !strings.Contains(string(sec), "pending = ['p2']") {
			t.Errorf("pending block not marked:\n%s", sec)
		}
		if !strings.Contains(stderr.String(), "p2: msgid differs") {
			t.Errorf("no warning naming p2:\n%s", stderr.String())
		}
	})

	t.Run("usage", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-h"}, &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "Split turns the scraped articles") || !strings.Contains(stderr.String(), "-allow-pending") {
			t.Errorf("-h: exit %d, output:\n%s", code, stderr.String())
		}
		if code := run([]string{"-nope"}, &stdout, &stderr); code != 2 {
			t.Errorf("unknown flag: exit %d, want 2", code)
		}
	})
}
