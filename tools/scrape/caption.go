package scrape

import (
	"strings"
	"unicode/utf8"
)

// maxCaptionRunes bounds a photo caption.
const maxCaptionRunes = 30

// sentenceEnds are the characters that end a sentence or clause.
const sentenceEnds = "。！？!?；;：:…"

// isCaption reports whether a preamble line is a photo caption: short, and
// not ending a sentence ("舟山城市港湾"). The photo itself is not in the source.
func isCaption(s string) bool {
	if utf8.RuneCountInString(s) > maxCaptionRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(sentenceEnds, last)
}
