package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// benchArticles are the sizes of the synthetic archives the benchmarks
// run on: -articles=100,1000 (after -args) changes them.
var benchArticles = flag.String("articles", "10,100", "comma-separated archive sizes for the benchmarks")

// synthArchive makes a synthetic archive (tools/synth) of n articles in a
// temporary folder.
func synthArchive(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if out, err := exec.Command("go", "run", "../synth", "-root", root, "-n", fmt.Sprint(n), "-out", dir).CombinedOutput(); err != nil {
		b.Fatalf("synth: %v\n%s", err, out)
	}
	return dir
}

func benchSizes(b *testing.B) []int {
	var ns []int
	for _, s := range strings.Split(*benchArticles, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			b.Fatalf("-articles %q: expected comma-separated positive numbers", *benchArticles)
		}
		ns = append(ns, n)
	}
	return ns
}

// BenchmarkRender measures parsing, translating and rendering synthetic
// archives (tools/synth), and comparing with the tree, without writing
// (-check):
//
//	go test -run '^$' -bench Render ./tools/split
//
// The whole build, Hugo included, is measured by tools/bench/site/scale.sh.
func BenchmarkRender(b *testing.B) {
	for _, n := range benchSizes(b) {
		dir := synthArchive(b, n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Split(Options{Root: dir, Check: true}, osFS{}, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSplit measures the whole command, writing included, on
// synthetic archives: "first" splits an archive that was never split (every
// file is new), "unchanged" splits it again (nothing to write):
//
//	go test -run '^$' -bench Split ./tools/split -args -articles=1000
//
// Each iteration of "first" starts from a fresh copy of the sources, made
// outside the timer.
func BenchmarkSplit(b *testing.B) {
	for _, n := range benchSizes(b) {
		src := synthArchive(b, n)
		b.Run(fmt.Sprintf("first/articles=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := filepath.Join(b.TempDir(), "site")
				if out, err := exec.Command("cp", "-a", src, dir).CombinedOutput(); err != nil {
					b.Fatalf("cp: %v\n%s", err, out)
				}
				b.StartTimer()
				splitOK(b, dir)
				b.StopTimer()
				os.RemoveAll(dir)
				b.StartTimer()
			}
		})
		splitOK(b, src)
		b.Run(fmt.Sprintf("unchanged/articles=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if !strings.Contains(splitOK(b, src), " 0 file(s)") {
					b.Fatal("an unchanged archive was written to")
				}
			}
		})
	}
}

// splitOK runs the command on dir and returns its standard output.
func splitOK(b *testing.B, dir string) string {
	var o, e bytes.Buffer
	if code := run([]string{"-root", dir}, &o, &e); code != 0 {
		b.Fatalf("exit %d: %s", code, e.String())
	}
	return o.String()
}
