package searchtest

// Queries is the development query set, per search-page language: the
// browser tests check every query and tools/bench/search measures them.
// 共富 does not occur in the text and no glossary entry maps it, so zero
// results is its ground truth.
var Queries = map[string][]string{
	"zh": {"海岛", "港口", "共富", "大花园", "自由贸易港", "文化长廊", "创新港", "强港", "城乡风貌", "一老一小",
		"基层治理", "数据平台", "清洁能源", "石化", "先进制造业", "海洋经济", "人民福祉", "干部",
		"舟山江海联运服务中心", "浙沪", "市域社会治理", "除险保安", "海洋生物医药", "东海", "两个", "标志性", "十大",
		"海洋 科技", "数字 改革", "两个先行", "“两个先行”", "两个，先行",
		// traditional
		"兩個先行", "海島", "數字孿生",
		// pinyin
		"Zhoushan", "gongtong fuyu", "gòngtóng fùyù", "baba zhanlue", "gongtongfuyu"},
	"en": {"island", "islands", "port", "common prosperity", "free trade zone", "digital twin", "culture",
		"tourism", "hydrogen", "blue carbon", "Ningbo", "governance", "prosperty", "goverment", "develop",
		"development", "ISLAND", "Zhoushan", "gongtong fuyu", "baba zhanlue"},
}

// CrossQueries are queries written in the other language than the page's,
// or that only a glossary term or a prefix, typo or partial pinyin finds:
// the browser tests check them too.
var CrossQueries = map[string][]string{
	"zh": {"common prosperity", "biomedicine", "Ningbo", "gongtong", "gongtong fu", "Two Firsts",
		"lvse shihua", "fuyu", "xianxing", "the", "ＺＨＯＵＳＨＡＮ", "comon prosperity", "digitl twin", "port 舟山", "\"green petrochemicals\" 绿色",
		"舟山port", "zero-employment", "people's", "二十大20th", "people‘s", "chang'an", "Ping’an Zhoushan"},
	"en": {"共同富裕", "甬舟", "海洋生物医药", "兩個先行", "biomed", "petrochemcal", "gongtong",
		"ctiy", "bleu carbon", "ｚｈｏｕｓｈａｎ", "of the", "舟山 port", "港口 island", "“island city”", "＂blue carbon＂", "Zhoushan’s",
		"港口island", "port舟山", "Zhoushan’s port", "sci-tech", "COVID-19", "world-class port",
		"Zhoushan‘s", "Ｚｈｏｕｓｈａｎ＇ｓ", "COVID-19疫情", "sea–land", "Xi'an", "ping'an", "is\u00adland", "zhou\u200bshan"},
}
