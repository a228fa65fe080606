package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"policysite/tools/sitetest"
)

// root is the repository root.
var root = sitetest.Root()

func render(t testing.TB) *Output {
	t.Helper()
	var warn bytes.Buffer
	out, err := Split(Options{Root: root, Keep: true, Check: true}, osFS{}, &warn)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// base is a small site root: one article with a lead, a list and a
// closing, its translation, a glossary of two terms, and the site's own
// pages (which reserve their names).
const base = `-- data/glossary.toml --
[[term]]
id = "two-firsts"
zh = "两个先行"
pinyin = "liǎng gè xiānxíng"
en = "Two Firsts"
note_en = "A goal."
note_zh = "目标。"
kind = "slogan"
coined = "Literal."

[[term]]
id = "port"
zh = "强港"
pinyin = "qiáng gǎng"
en = "strong port"
note_en = "A port."
note_zh = "港口。"
kind = "concept"
coined = "Literal."
-- content/zh/glossary.md --
+++
title = "术语表"
+++
-- content/en/glossary.md --
+++
title = "Glossary"
+++
-- content/zh/search.md --
+++
title = "搜索"
+++
-- source/a/zh.txt --
首页 > 栏目

标题

发布日期:2022-07-15 信息来源: 《杂志》

职务  姓名

开头,“两个先行”。

  

一,小标题

  

建设强港。加快推进!

一是甲;二是乙;三是丙。

  

结语。
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

msgctxt "p1.1"
msgid "开头，“两个先行”。"
msgstr "Opening, the “Two Firsts.”"

msgctxt "s1"
msgid "一，小标题"
msgstr "One: heading"

msgctxt "p2.1"
msgid "建设强港。"
msgstr "Building a strong port."

msgctxt "p2.2"
msgid "加快推进!"
msgstr "Faster!"

msgctxt "p3-1.1"
msgid "一是甲；"
msgstr "First, A;"

msgctxt "p3-2.1"
msgid "二是乙；"
msgstr "Second, B;"

msgctxt "p3-3.1"
msgid "三是丙。"
msgstr "Third, C."

msgctxt "p4.1"
msgid "结语。"
msgstr "Closing."
`

// site makes a site root in a temporary folder from a txtar archive and
// returns its path. Files of edits are added or replaced; an edit with
// empty data removes the file.
func site(t *testing.T, archive string, edits ...txtar.File) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		files[f.Name] = f.Data
	}
	for _, e := range edits {
		if e.Data == nil {
			delete(files, e.Name)
			continue
		}
		files[e.Name] = e.Data
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// file is an edit for site.
func file(name, data string) txtar.File { return txtar.File{Name: name, Data: []byte(data)} }

// snapshot describes every file, folder and link under dir: path, kind and
// content (or link target), so that two snapshots are equal exactly when
// the trees are.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			m[rel] = "link → " + target
		case d.IsDir():
			m[rel+"/"] = "dir"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sameTree reports how two snapshots differ.
func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	var diffs []string
	for k, v := range before {
		if w, ok := after[k]; !ok {
			diffs = append(diffs, "removed: "+k)
		} else if w != v {
			diffs = append(diffs, "changed: "+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			diffs = append(diffs, "added: "+k)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("the tree changed:\n\t%s", strings.Join(diffs, "\n\t"))
	}
}

// split runs the command with args on dir and returns its exit code and
// output.
func split(dir string, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(append([]string{"-root", dir}, args...), &o, &e)
	return code, o.String(), e.String()
}
