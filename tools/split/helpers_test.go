package main

import (
	"bytes"
	"path/filepath"
	"testing"
)

// root is the repository root. TODO(harness): sitetest.Root.
var root = filepath.Join("..", "..")

func render(t testing.TB) *Output {
	t.Helper()
	var warn bytes.Buffer
	out, err := Render(Options{Root: root}, &warn)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
