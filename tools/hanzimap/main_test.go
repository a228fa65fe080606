package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"policysite/tools/sitetest"
)

// TestUpToDate checks that the committed map is what the tool makes from
// the committed data (run `go run ./tools/hanzimap` after changing the text).
func TestUpToDate(t *testing.T) {
	data := filepath.Join(sitetest.Root(), "data")
	got, err := build(data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(data, "search", "t2s.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/search/t2s.json is stale: run go run ./tools/hanzimap")
	}
}

// The expectations below are written by hand from the standard
// correspondences between traditional and simplified characters (the
// 《通用规范汉字表》 pairs), not taken from OpenCC, whose dictionaries make
// the map: a wrong or missing OpenCC entry, or a slip in how the tool reads
// them, shows here.

// wellKnown are traditional characters a reader may type, each with the
// simplified character of the site's text it must fold to. Some are
// variants that fold to the same character (為 and 爲, 發 and 髮).
var wellKnown = []struct{ trad, simp string }{
	{"兩", "两"}, {"個", "个"}, {"數", "数"}, {"孿", "孪"}, {"島", "岛"},
	{"經", "经"}, {"濟", "济"}, {"發", "发"}, {"髮", "发"}, {"區", "区"},
	{"國", "国"}, {"際", "际"}, {"現", "现"}, {"設", "设"}, {"業", "业"},
	{"產", "产"}, {"質", "质"}, {"體", "体"}, {"號", "号"}, {"書", "书"},
	{"記", "记"}, {"長", "长"}, {"門", "门"}, {"東", "东"}, {"實", "实"},
	{"為", "为"}, {"爲", "为"}, {"這", "这"}, {"與", "与"}, {"會", "会"},
	{"開", "开"}, {"環", "环"}, {"態", "态"}, {"標", "标"}, {"誌", "志"},
	{"貿", "贸"}, {"舉", "举"}, {"興", "兴"}, {"鄉", "乡"}, {"鎮", "镇"},
	{"風", "风"}, {"層", "层"}, {"協", "协"}, {"動", "动"}, {"網", "网"},
	{"綠", "绿"}, {"電", "电"}, {"藥", "药"}, {"醫", "医"}, {"學", "学"},
	{"農", "农"}, {"漁", "渔"}, {"鐵", "铁"}, {"橋", "桥"}, {"灣", "湾"},
	{"來", "来"}, {"時", "时"}, {"進", "进"}, {"讓", "让"}, {"養", "养"},
	{"員", "员"}, {"強", "强"}, {"黨", "党"}, {"領", "领"}, {"導", "导"},
	{"臺", "台"}, {"衆", "众"}, {"於", "于"},
}

// notInSite are traditional characters whose simplified forms (乐 华 岁 军
// 马 龟) do not occur in the site's text: the map, limited to the site,
// leaves them out.
var notInSite = []string{"樂", "華", "歲", "軍", "馬", "龜"}

// same are characters written alike in both scripts: they are no key.
var same = []string{"海", "港", "舟", "山", "先", "行", "貌", "城", "市"}

// TestKnownPairs checks the map the tool makes against the hand-written
// tables above.
func TestKnownPairs(t *testing.T) {
	data := filepath.Join(sitetest.Root(), "data")
	b, err := build(data)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	site, err := siteChars(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range wellKnown {
		if !site[[]rune(p.simp)[0]] {
			t.Errorf("table: %s does not occur in the site's text; drop %s→%s from wellKnown", p.simp, p.trad, p.simp)
		}
		if got, ok := m[p.trad]; !ok || got != p.simp {
			t.Errorf("map[%s] = %q (present %v), want %s", p.trad, got, ok, p.simp)
		}
	}
	for _, c := range notInSite {
		if s, ok := m[c]; ok {
			t.Errorf("map[%s] = %s, but %s does not occur in the site's text", c, s, s)
		}
	}
	for _, c := range same {
		if !site[[]rune(c)[0]] {
			t.Errorf("table: %s does not occur in the site's text; drop it from same", c)
		}
		if s, ok := m[c]; ok {
			t.Errorf("map[%s] = %s: %s is written alike in both scripts", c, s, c)
		}
	}
	for k, v := range m {
		if k == v || len([]rune(k)) != 1 || len([]rune(v)) != 1 {
			t.Errorf("entry %q→%q: want one character mapped to another", k, v)
		}
	}
}
