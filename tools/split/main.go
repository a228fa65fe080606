package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
)

//go:embed doc.go
var doc string

// usage prints the package doc, the manual of the command.
func usage(w io.Writer) {
	var b strings.Builder
	for _, l := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(l, "//") {
			continue
		}
		l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
		b.WriteString(l + "\n")
	}
	fmt.Fprint(w, b.String())
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("split: ")
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the exit, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("split", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { usage(stderr) }
	var opt Options
	fs.StringVar(&opt.Root, "root", ".", "site root")
	check := fs.Bool("check", false, "list stale files, write nothing")
	fs.BoolVar(&opt.AllowPending, "allow-pending", false, "emit stale translations as pending")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "split: unexpected argument %q\n", fs.Arg(0))
		usage(stderr)
		return 2
	}
	opt.Check = *check
	out, err := Split(opt, osFS{}, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "split: %v\n", strings.ReplaceAll(err.Error(), "\n", "\nsplit: "))
		return 1
	}
	if *check {
		for _, s := range out.Stale {
			fmt.Fprintf(stderr, "split: stale: %s\n", s)
		}
		if len(out.Stale) > 0 {
			fmt.Fprintf(stderr, "split: %d file(s) stale: run go run ./tools/split and commit the result\n", len(out.Stale))
			return 1
		}
		return 0
	}
	n, err := out.Commit()
	if err != nil {
		fmt.Fprintf(stderr, "split: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "split: %d article(s), %d file(s) written or removed\n", len(out.Articles), n)
	return 0
}
