package main

import (
	"fmt"
	"io"
	"os/exec"
	"testing"
)

// BenchmarkRender measures parsing, translating and rendering synthetic
// archives (tools/synth) of 10 and 100 articles, without writing:
//
//	go test -run '^$' -bench Render ./tools/split
//
// The whole build, Hugo included, is measured by tools/bench/site/scale.sh.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{10, 100} {
		dir := b.TempDir()
		if out, err := exec.Command("go", "run", "../synth", "-root", root, "-n", fmt.Sprint(n), "-out", dir).CombinedOutput(); err != nil {
			b.Fatalf("synth: %v\n%s", err, out)
		}
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Render(Options{Root: dir}, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
