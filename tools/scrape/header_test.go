package scrape

import (
	"strings"
	"testing"
)

func TestBreadcrumb(t *testing.T) {
	tests := []struct {
		s      string
		is     bool
		series string
	}{
		{"首页 > 栏目", true, "栏目"},
		{"首页>要闻>栏目 ", true, "栏目"},
		{"首页 > 要闻 > 市委书记谈", true, "市委书记谈"},
		{"首页", false, ""},
		{"栏目 > 首页", false, ""},
	}
	for _, tt := range tests {
		if have := isBreadcrumb(tt.s); have != tt.is {
			t.Errorf("isBreadcrumb(%q) = %v, want %v", tt.s, have, tt.is)
		}
		if tt.is {
			if have := series(tt.s); have != tt.series {
				t.Errorf("series(%q) = %q, want %q", tt.s, have, tt.series)
			}
		}
	}
}

// TestSplitByline: a byline is at most 40 characters without sentence
// punctuation, and a run of two or more spaces (ASCII or ideographic)
// splits it into exactly two parts.
func TestSplitByline(t *testing.T) {
	tests := []struct {
		s          string
		role, name string
		ok         bool
	}{
		{"中共舟山市委书记  何中伟", "中共舟山市委书记", "何中伟", true},
		{"书记\u3000\u3000何中伟", "书记", "何中伟", true},
		{"书记 \u3000 何中伟", "书记", "何中伟", true},
		{strings.Repeat("职", 37) + "  名", strings.Repeat("职", 37), "名", true},
		{strings.Repeat("职", 38) + "  名", "", "", false},
		{"书记 何中伟", "", "", false},
		{"书记  何中伟  文", "", "", false},
		{"  何中伟", "", "", false},
		{"书记  ", "", "", false},
		{"书记，  何中伟", "", "", false},
		{"书记:  何中伟", "", "", false},
		{"何中伟  说！", "", "", false},
	}
	for _, tt := range tests {
		role, name, ok := splitByline(tt.s)
		if role != tt.role || name != tt.name || ok != tt.ok {
			t.Errorf("splitByline(%q) = %q, %q, %v; want %q, %q, %v", tt.s, role, name, ok, tt.role, tt.name, tt.ok)
		}
	}
}
