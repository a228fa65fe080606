package scrape

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// ordinals are the Chinese numerals of an enumeration, 一 (1) to 二十 (20).
var ordinals = func() []string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var o []string
	for n := 1; n <= 20; n++ {
		s := ""
		switch {
		case n < 10:
			s = d[n]
		case n == 10:
			s = "十"
		case n < 20:
			s = "十" + d[n-10]
		default:
			s = "二十"
		}
		o = append(o, s)
	}
	return o
}()

// itemStart finds the start of every item after the first: a semicolon
// (full-width or, before the typography rule, ASCII) followed by a numeral
// and 是. Longest numerals first, so 十一是 is not read as 十.
var itemStart = regexp.MustCompile(`[；;]((?:二十|十[一二三四五六七八九]?|[一二三四五六七八九])是)`)

// isEnumeration reports whether a paragraph is an inline enumeration.
func isEnumeration(s string) bool { return strings.HasPrefix(s, "一是") }

// splitEnumeration splits 一是…；二是…；…十是…。 into its items, each keeping
// its text and closing punctuation. It returns an error message when the
// numerals do not run 一, 二, 三, … in order, or when an item is introduced
// by other punctuation than a semicolon (…，五是…).
func splitEnumeration(s string) (items []string, msg string) {
	cuts := []int{0}
	want := 2
	for _, m := range itemStart.FindAllStringSubmatchIndex(s, -1) {
		num := strings.TrimSuffix(s[m[2]:m[3]], "是")
		if num != ordinals[want-1] {
			if msg := misjoined(s, cuts[len(cuts)-1], m[2], want); msg != "" {
				return nil, msg
			}
			return nil, "enumeration goes from " + ordinals[want-2] + "是 to " + num + "是: expected " + ordinals[want-1] + "是"
		}
		cuts = append(cuts, m[2])
		want++
		if want > len(ordinals) {
			return nil, "enumeration has more than " + ordinals[len(ordinals)-1] + " items"
		}
	}
	if msg := misjoined(s, cuts[len(cuts)-1], len(s), want); msg != "" {
		return nil, msg
	}
	if len(cuts) < 2 {
		return nil, "paragraph starts with 一是 but has no 二是 after a semicolon: expected an enumeration 一是…；二是…"
	}
	cuts = append(cuts, len(s))
	for i := 0; i+1 < len(cuts); i++ {
		items = append(items, s[cuts[i]:cuts[i+1]])
	}
	return items, ""
}

// misjoined looks in s[from:to] for the numeral of item want (五是) after
// punctuation other than a semicolon, and returns a message naming it, or "".
func misjoined(s string, from, to, want int) string {
	if want > len(ordinals) {
		return ""
	}
	needle := ordinals[want-1] + "是"
	for k := from; ; {
		i := strings.Index(s[k:to], needle)
		if i < 0 {
			return ""
		}
		at := k + i
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		if strings.ContainsRune("，,、。.：:", prev) {
			// A longer numeral (十五是) is not this one.
			return fmt.Sprintf("item %s follows %q (character %d of the paragraph): expected \"；\" before each item of the enumeration", needle, string(prev), utf8.RuneCountInString(s[:at])+1)
		}
		k = at + len(needle)
	}
}
