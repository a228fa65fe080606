package scrape

import (
	"strings"
	"testing"
)

// TestIsCaption: a caption is at most 30 characters and does not end a
// sentence or a clause.
func TestIsCaption(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"舟山城市港湾", true},
		{strings.Repeat("港", 30), true},
		{strings.Repeat("港", 31), false},
		{"港湾。", false}, {"港湾！", false}, {"港湾？", false}, {"港湾!", false}, {"港湾?", false},
		{"港湾；", false}, {"港湾;", false}, {"港湾：", false}, {"港湾:", false}, {"港湾…", false},
		{"港湾，", true}, {"“港湾”", true}, {"2022年", true},
	}
	for _, tt := range tests {
		if have := isCaption(tt.s); have != tt.want {
			t.Errorf("isCaption(%q) = %v, want %v", tt.s, have, tt.want)
		}
	}
}
