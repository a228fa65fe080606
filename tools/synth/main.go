package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("synth: ")
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is main without the exit, for tests.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opt Options
	fs.IntVar(&opt.N, "n", 100, "number of articles")
	fs.Uint64Var(&opt.Seed, "seed", 1, "varies the articles' shapes")
	fs.StringVar(&opt.Out, "out", "", "output site root (required)")
	fs.StringVar(&opt.Root, "root", ".", "real site root to copy from")
	fs.StringVar(&opt.Template, "template", "zhoushan-two-firsts", "slug of the template article")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || opt.Out == "" || opt.N < 1 {
		fmt.Fprintln(stderr, "usage: synth -n N -out DIR [-root DIR] [-template SLUG]")
		return 2
	}
	if err := Generate(opt); err != nil {
		fmt.Fprintf(stderr, "synth: %v\n", err)
		return 1
	}
	return 0
}
