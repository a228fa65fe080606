package scrape

import "testing"

// TestIsCJK: Han characters, the CJK Symbols and Punctuation block, the
// full-width forms and the punctuation of Chinese typesetting are CJK;
// their neighbours in Unicode are not.
func TestIsCJK(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'港', true}, {'〇', true}, {'𠀀', true}, // Han, also outside the BMP
		{'\u2FFF', false}, {'\u3000', true}, {'、', true}, {'》', true}, {'\u303F', true}, {'\u3040', false},
		{'\uFEFF', false}, {'\uFF00', true}, {'，', true}, {'）', true}, {'\uFFEF', true}, {'\uFFF0', false},
		{'“', true}, {'”', true}, {'‘', true}, {'’', true}, {'…', true}, {'—', true}, {'·', true},
		{'"', false}, {'a', false}, {'1', false}, {' ', false}, {',', false}, {'–', false}, {'é', false}, {'あ', false},
	}
	for _, tt := range tests {
		if have := IsCJK(tt.r); have != tt.want {
			t.Errorf("IsCJK(%q U+%04X) = %v, want %v", tt.r, tt.r, have, tt.want)
		}
	}
}
