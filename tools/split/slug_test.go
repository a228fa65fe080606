package main

import (
	"strings"
	"testing"
)

func TestCheckSlug(t *testing.T) {
	tests := []struct{ slug, want string }{
		{"zhoushan-two-firsts", ""},
		{"a", ""},
		{"2022-07-15", ""},
		{strings.Repeat("a", 80), ""},
		{strings.Repeat("a", 81), "it has 81 characters, more than 80"},
		{".a", "it starts with a dot, and Hugo does not publish such folders"},
		{"A", "expected lowercase ASCII letters, digits and single hyphens (like zhoushan-two-firsts)"},
		{"a--b", "expected lowercase ASCII letters, digits and single hyphens (like zhoushan-two-firsts)"},
		{"-a", "expected lowercase ASCII letters, digits and single hyphens (like zhoushan-two-firsts)"},
		{"舟山", "expected lowercase ASCII letters, digits and single hyphens (like zhoushan-two-firsts)"},
	}
	for _, tt := range tests {
		if have := checkSlug(tt.slug); have != tt.want {
			t.Errorf("checkSlug(%q) = %q, want %q", tt.slug, have, tt.want)
		}
	}
}

// TestURLKey: lowercase ASCII letters and digits and every non-ASCII
// character are kept; each run of anything else is one hyphen between
// them, none at either end.
func TestURLKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"zhoushan-two-firsts", "zhoushan-two-firsts"},
		{"A B", "a-b"},
		{"a--b", "a-b"},
		{"`a{z/0:9@", "a-z-0-9"}, // the neighbours of a–z and 0–9 are separators
		{"-a-", "a"},
		{"__", ""},
		{"a\x7fb", "a-b"},
		{"a\u0080b", "a\u0080b"},
		{"舟山 2022", "舟山-2022"},
	}
	for _, tt := range tests {
		if have := urlKey(tt.in); have != tt.want {
			t.Errorf("urlKey(%q) = %q, want %q", tt.in, have, tt.want)
		}
	}
}
