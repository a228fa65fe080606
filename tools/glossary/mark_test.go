package glossary

import (
	"reflect"
	"testing"
)

func TestFirstOccurrences(t *testing.T) {
	g := &Glossary{Terms: []Term{
		{ID: "cp", ZH: "共同富裕", EN: "common prosperity"},
		{ID: "island-cp", ZH: "海岛共同富裕", EN: "common prosperity for islands"},
		{ID: "port", ZH: "港", EN: "port"},
	}}
	zh := []string{"建设海岛共同富裕样板", "共同富裕先行，强港", "港口"}
	want := []Mark{
		{Term: "island-cp", Text: 0, Start: 6, End: 24},
		{Term: "cp", Text: 1, Start: 0, End: 12},
		{Term: "port", Text: 1, Start: 24, End: 27},
	}
	if have := g.FirstOccurrences("zh", zh); !reflect.DeepEqual(have, want) {
		t.Errorf("zh: %+v\nwant %+v", have, want)
	}
	en := []string{"Support the Common Prosperity of all", "a port; ports"}
	want = []Mark{
		{Term: "cp", Text: 0, Start: 12, End: 29},
		{Term: "port", Text: 1, Start: 2, End: 6}, // not inside "Support"
	}
	if have := g.FirstOccurrences("en", en); !reflect.DeepEqual(have, want) {
		t.Errorf("en: %+v\nwant %+v", have, want)
	}
}
