package scrape

import (
	"strings"

	"policysite/tools/textfile"
)

// lineKind classifies a source line.
type lineKind int

const (
	lineBlank lineKind = iota
	lineSeparator
	lineText
)

// line is one source line after the line-level rules.
type line struct {
	kind lineKind
	n    int    // 1-based line number
	text string // NBSP → space, trimmed; empty unless kind == lineText
}

// MaxSourceBytes is the largest source file Parse accepts: 512 KiB, about
// 170,000 Chinese characters, sixty times the longest article so far.
// Larger files are refused rather than left to slow every later stage.
const MaxSourceBytes = 512 << 10

// readLines applies the line-level rules: it checks the encoding (see
// package textfile), drops a BOM and the line ends, turns NBSP into spaces,
// trims, and classifies each line.
func readLines(file string, src []byte) ([]line, error) {
	text, err := textfile.Decode(file, src, MaxSourceBytes)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSuffix(text, "\n")
	if strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " ")) == "" {
		return nil, errorf(file, 0, "empty file: expected a title line and a date line")
	}
	raw := strings.Split(text, "\n")
	lines := make([]line, len(raw))
	for i, r := range raw {
		l := line{n: i + 1}
		switch {
		case r != "" && strings.Trim(r, " \t") == "":
			l.kind = lineSeparator
		default:
			l.text = strings.TrimSpace(strings.ReplaceAll(r, "\u00a0", " "))
			if l.text != "" {
				l.kind = lineText
			}
		}
		lines[i] = l
	}
	return lines, nil
}
