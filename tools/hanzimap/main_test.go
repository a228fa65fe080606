package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestUpToDate checks that the committed map is what the tool makes from
// the committed data (run `go run ./tools/hanzimap` after changing the text).
func TestUpToDate(t *testing.T) {
	data := filepath.Join("..", "..", "data")
	got, err := build(data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(data, "search", "t2s.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/search/t2s.json is stale: run go run ./tools/hanzimap")
	}
	for _, c := range []string{`"兩":"两"`, `"數":"数"`, `"孿":"孪"`, `"島":"岛"`} {
		if !bytes.Contains(got, []byte(c)) {
			t.Errorf("map lacks %s", c)
		}
	}
}
