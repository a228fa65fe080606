package searchtest

import "testing"

// TestStem checks the stemmer on the examples of Porter's paper and on the
// word families the search must join.
func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"cats", "cat"}, {"feed", "feed"},
		{"agreed", "agre"}, {"plastered", "plaster"}, {"motoring", "motor"}, {"hopping", "hop"},
		{"filing", "file"}, {"happy", "happi"}, {"relational", "relat"}, {"hopeful", "hope"},
		{"goodness", "good"}, {"revival", "reviv"}, {"adjustment", "adjust"}, {"controll", "control"},
		{"island", "island"}, {"islands", "island"}, {"develop", "develop"}, {"development", "develop"},
		{"governance", "govern"}, {"government", "govern"}, {"prosperity", "prosper"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
