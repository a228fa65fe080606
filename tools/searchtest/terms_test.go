package searchtest

import (
	"fmt"
	"testing"
)

// TestTerms: the ground truth reads a query's terms as query.js does (its
// tests have the same cases).
func TestTerms(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{` free  "trade zone" 海洋 `, `[{free false} {trade zone true} {海洋 false}]`},
		{`打造“两个先行”成果`, `[{打造 false} {两个先行 true} {成果 false}]`},
		{`舟山port`, `[{舟山 false} {port false}]`},
		{`port舟山港`, `[{port false} {舟山港 false}]`},
		{`ｐｏｒｔ舟山`, `[{ｐｏｒｔ false} {舟山 false}]`},
		{`1亿吨 5G 3个1亿吨 2035年`, `[{1亿吨 false} {5G false} {3个1亿吨 false} {2035年 false}]`},
		{`COVID-19疫情`, `[{COVID-19 true} {疫情 false}]`},
		{`二十大20th`, `[{二十大 false} {20th false}]`},
		{"Zhoushan‘s Zhoushan`s Zhoushan＇ｓ", `[{Zhoushan false} {Zhoushan false} {Zhoushan false}]`},
		{`Ｚｈｏｕｓｈａｎ’ｓ`, `[{Ｚｈｏｕｓｈａｎ false}]`},
		{`sea–land port—city Xi'an don’t`, `[{sea–land true} {port—city true} {Xi'an true} {don’t true}]`},
		{`“舟山port”`, `[{舟山port true}]`},
		{`Zhoushan's`, `[{Zhoushan false}]`},
		{`ZHOUSHAN’S`, `[{ZHOUSHAN false}]`},
		{`people’s well-being`, `[{people false} {well-being true}]`},
		{`’s`, `[]`},
		{`its shs`, `[{its false} {shs false}]`},
		{`“the port’s system”`, `[{the port’s system true}]`},
		{`zero-employment COVID-19 land‐efficient River-Sea-Land`, `[{zero-employment true} {COVID-19 true} {land‐efficient true} {River-Sea-Land true}]`},
		{`-tech sci- a--b`, `[{-tech false} {sci- false} {a--b false}]`},
	} {
		if got := fmt.Sprint(terms(c.q)); got != c.want {
			t.Errorf("terms(%q) = %s, want %s", c.q, got, c.want)
		}
	}
}
