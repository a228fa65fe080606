package searchtest

import (
	"regexp"
	"strings"
)

// Stem is the Porter (1980) stemmer, written from the published algorithm
// (tartarus.org/martin/PorterStemmer) in the same shape as the JavaScript in
// assets/js/search.js, so that the tests compute ground truth independently
// of the page's code. Words shorter than 3 letters or with anything but a–z
// are returned as they are.
func Stem(word string) string {
	w := word
	if len(w) < 3 || !reAZ.MatchString(w) {
		return w
	}
	y := w[0] == 'y'
	if y {
		w = "Y" + w[1:]
	}
	if m := re1a1.FindStringSubmatch(w); m != nil {
		w = m[1] + m[2]
	} else if m := re1a2.FindStringSubmatch(w); m != nil {
		w = m[1] + m[2]
	}
	if m := re1b1.FindStringSubmatch(w); m != nil {
		if mgr0.MatchString(m[1]) {
			w = w[:len(w)-1]
		}
	} else if m := re1b2.FindStringSubmatch(w); m != nil && sv.MatchString(m[1]) {
		w = m[1]
		switch {
		case reAtBlIz.MatchString(w):
			w += "e"
		case doubleCons(w):
			w = w[:len(w)-1]
		case cvc.MatchString(w):
			w += "e"
		}
	}
	if m := re1c.FindStringSubmatch(w); m != nil && sv.MatchString(m[1]) {
		w = m[1] + "i"
	}
	if m := re2.FindStringSubmatch(w); m != nil && mgr0.MatchString(m[1]) {
		w = m[1] + step2[m[2]]
	}
	if m := re3.FindStringSubmatch(w); m != nil && mgr0.MatchString(m[1]) {
		w = m[1] + step3[m[2]]
	}
	if m := re4.FindStringSubmatch(w); m != nil {
		if mgr1.MatchString(m[1]) {
			w = m[1]
		}
	} else if m := re4b.FindStringSubmatch(w); m != nil && mgr1.MatchString(m[1]+m[2]) {
		w = m[1] + m[2]
	}
	if m := re5.FindStringSubmatch(w); m != nil && (mgr1.MatchString(m[1]) || (meq1.MatchString(m[1]) && !cvc.MatchString(m[1]))) {
		w = m[1]
	}
	if strings.HasSuffix(w, "ll") && mgr1.MatchString(w) {
		w = w[:len(w)-1]
	}
	if y {
		w = "y" + w[1:]
	}
	return w
}

// doubleCons reports whether w ends in a doubled consonant other than l, s, z.
func doubleCons(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1]))
}

const (
	pc = `[^aeiou]`
	pv = `[aeiouy]`
	pC = pc + `[^aeiouy]*`
	pV = pv + `[aeiou]*`
)

var (
	reAZ     = regexp.MustCompile(`^[a-z]+$`)
	mgr0     = regexp.MustCompile(`^(` + pC + `)?` + pV + pC)
	meq1     = regexp.MustCompile(`^(` + pC + `)?` + pV + pC + `(` + pV + `)?$`)
	mgr1     = regexp.MustCompile(`^(` + pC + `)?` + pV + pC + pV + pC)
	sv       = regexp.MustCompile(`^(` + pC + `)?` + pv)
	cvc      = regexp.MustCompile(`^` + pC + pv + `[^aeiouwxy]$`)
	re1a1    = regexp.MustCompile(`^(.+?)(ss|i)es$`)
	re1a2    = regexp.MustCompile(`^(.+?)([^s])s$`)
	re1b1    = regexp.MustCompile(`^(.+?)eed$`)
	re1b2    = regexp.MustCompile(`^(.+?)(ed|ing)$`)
	reAtBlIz = regexp.MustCompile(`(at|bl|iz)$`)
	re1c     = regexp.MustCompile(`^(.+?)y$`)
	re2      = regexp.MustCompile(`^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$`)
	re3      = regexp.MustCompile(`^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$`)
	re4      = regexp.MustCompile(`^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$`)
	re4b     = regexp.MustCompile(`^(.+?)(s|t)(ion)$`)
	re5      = regexp.MustCompile(`^(.+?)e$`)
	step2    = map[string]string{"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log"}
	step3    = map[string]string{"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
)
