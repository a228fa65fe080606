// Package glossary reads the bilingual glossary (data/glossary.toml) and
// finds where its terms occur in an article.
package glossary

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	toml "github.com/pelletier/go-toml/v2"

	"policysite/tools/article"
)

// Term is one glossary entry. The block ids where it occurs are not stored
// in the file: Occurrences computes them.
type Term struct {
	ID     string   `toml:"id"`
	ZH     string   `toml:"zh"`
	Pinyin string   `toml:"pinyin"`
	EN     string   `toml:"en"`
	Also   []string `toml:"also"`
	NoteEN string   `toml:"note_en"`
	NoteZH string   `toml:"note_zh"`
	Kind   string   `toml:"kind"`
}

// Glossary is the whole file.
type Glossary struct {
	Terms []Term `toml:"term"`
}

// Load reads a glossary file. A missing file is an empty glossary; a term
// without id, zh or en, or a repeated id, is an error.
func Load(path string) (*Glossary, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return &Glossary{}, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse parses glossary TOML read from file.
func Parse(file string, data []byte) (*Glossary, error) {
	var g Glossary
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		if de, ok := err.(*toml.DecodeError); ok {
			row, _ := de.Position()
			return nil, fmt.Errorf("%s:%d: %s", file, row, de.Error())
		}
		if se, ok := err.(*toml.StrictMissingError); ok {
			return nil, fmt.Errorf("%s: %s", file, se.String())
		}
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	seen := map[string]bool{}
	for i, t := range g.Terms {
		if t.ID == "" || t.ZH == "" || t.EN == "" {
			return nil, fmt.Errorf("%s: term %d (%q): id, zh and en are required", file, i+1, t.ZH)
		}
		if seen[t.ID] {
			return nil, fmt.Errorf("%s: term %d: id %q is used twice", file, i+1, t.ID)
		}
		seen[t.ID] = true
	}
	return &g, nil
}

// In returns the ids of the terms whose Chinese occurs in zh, in glossary
// order.
func (g *Glossary) In(zh string) []string {
	var ids []string
	for _, t := range g.Terms {
		if strings.Contains(zh, t.ZH) {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// Occurrences maps each term id to the ids of the blocks of the Chinese
// article zh that contain it, in reading order. List items count on their
// own. Terms that do not occur are absent.
func (g *Glossary) Occurrences(zh *article.Article) map[string][]string {
	occ := map[string][]string{}
	add := func(id, text string) {
		for _, t := range g.In(text) {
			occ[t] = append(occ[t], id)
		}
	}
	zh.Walk(func(_ *article.Section, b *article.Block) {
		if b.Kind == article.KindList {
			for _, it := range b.Items {
				add(it.ID, it.Text)
			}
			return
		}
		add(b.ID, b.Full(zh.Sep(b)))
	})
	return occ
}
