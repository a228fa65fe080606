package scrape

import (
	"strings"
	"unicode/utf8"
)

// sentenceStops end a Chinese sentence. ；and ：do not: they join clauses.
const sentenceStops = "。！？"

// closers are the closing quotes and brackets that belong to the sentence
// they follow (……。”, ……？）).
const closers = "”’」』）》】〕〉\"'"

// Sentences splits a block's text into sentences. A sentence ends after a
// run of 。！？ together with any closing quotes or brackets that follow it,
// or at the end of the text. Joined in order, the sentences give back s.
func Sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(sentenceStops, r) {
			i += size
			continue
		}
		// The run of stops and closers that ends this sentence.
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune(sentenceStops, r) && !strings.ContainsRune(closers, r) {
				break
			}
			j += size
		}
		out = append(out, s[start:j])
		start, i = j, j
	}
	if start < len(s) || len(out) == 0 {
		out = append(out, s[start:])
	}
	return out
}
