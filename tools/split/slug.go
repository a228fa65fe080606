package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// maxSlugLen bounds a slug: it is a folder name in three trees and a URL
// segment, and file systems limit names to 255 bytes.
const maxSlugLen = 80

// slugPattern is a slug: lowercase ASCII letters and digits in runs joined
// by single hyphens.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// hugoReserved are paths below a language's root that Hugo itself uses:
// "page" for paginated lists (/zh/page/2/).
var hugoReserved = []string{"page"}

// checkSlug returns what is wrong with folder name s as a slug, or "".
func checkSlug(s string) string {
	switch {
	case strings.HasPrefix(s, "."):
		return "it starts with a dot, and Hugo does not publish such folders"
	case len(s) > maxSlugLen:
		return fmt.Sprintf("it has %d characters, more than %d", len(s), maxSlugLen)
	case !slugPattern.MatchString(s):
		return "expected lowercase ASCII letters, digits and single hyphens (like zhoushan-two-firsts)"
	}
	return ""
}

// urlKey is what a folder name would become in a URL if the site let Hugo
// clean it up: lowercase, every run of other characters one hyphen. Two
// folders with one key would be one page.
func urlKey(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7F {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// reservedNames lists the names under content/<lang>/ that belong to the
// site's own pages: every entry there that split did not generate
// (glossary.md → glossary, search.md → search, a hand-made section folder),
// and the paths Hugo uses. Deriving the list from the site keeps it from
// drifting when a page is added.
func reservedNames(root string, langs []string) (map[string]string, error) {
	reserved := map[string]string{}
	for _, name := range hugoReserved {
		reserved[name] = "a path Hugo uses"
	}
	for _, lang := range langs {
		dir := filepath.Join(root, "content", lang)
		entries, err := os.ReadDir(dir)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			name := e.Name()
			rel := filepath.ToSlash(filepath.Join("content", lang, name))
			if _, taken := reserved[strings.TrimSuffix(name, filepath.Ext(name))]; taken {
				continue // named by an earlier language
			}
			switch {
			case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_index."):
				continue
			case e.Type()&os.ModeSymlink != 0:
				continue // refused by the writer if split would write there
			case e.IsDir():
				owned, err := readMarker(root, rel)
				if err != nil {
					return nil, err
				}
				if owned != nil {
					continue
				}
				reserved[name] = "the site's page " + rel
			default:
				base := strings.TrimSuffix(name, filepath.Ext(name))
				reserved[base] = "the site's page " + rel
			}
		}
	}
	return reserved, nil
}

// articleFolders lists the article folders under root/source and checks
// their names: every folder must be a valid slug, not a site page's name,
// and no two may end up at one URL. Files directly in source/ other than
// dot files are errors too: an article is a folder.
func articleFolders(root string, reserved map[string]string) ([]string, []error) {
	dir := filepath.Join(root, sourceDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{err}
	}
	var slugs []string
	var errs []error
	byKey := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		rel := sourceDir + "/" + name
		if !e.IsDir() {
			if e.Type()&os.ModeSymlink != 0 {
				errs = append(errs, fmt.Errorf("%s: a symbolic link: expected a folder source/<slug>/ (split does not follow links)", rel))
				continue
			}
			if !strings.HasPrefix(name, ".") {
				errs = append(errs, fmt.Errorf("%s: a file directly in %s/: expected a folder %s/<slug>/ holding %s", rel, sourceDir, sourceDir, sourceFile))
			}
			continue
		}
		if other, dup := byKey[urlKey(name)]; dup {
			errs = append(errs, fmt.Errorf("%s and %s/%s would be published at one URL (/zh/%s/): rename one of them", rel, sourceDir, other, urlKey(name)))
			continue
		}
		byKey[urlKey(name)] = name
		if msg := checkSlug(name); msg != "" {
			errs = append(errs, fmt.Errorf("%s: folder name %q is not a valid slug: %s", rel, name, msg))
			continue
		}
		if what, ok := reserved[name]; ok {
			errs = append(errs, fmt.Errorf("%s: slug %q is taken by %s: choose another folder name", rel, name, what))
			continue
		}
		slugs = append(slugs, name)
	}
	slices.Sort(slugs)
	return slugs, errs
}
