package input

import "testing"

func TestCheckText(t *testing.T) {
	refused := map[string]string{
		"esc":        "a\x1b]0;pwned\x07",
		"c1":         "a\u0085b",
		"del":        "a\x7fb",
		"rlo":        "a\u202eb",
		"lrm":        "a\u200eb",
		"rlm":        "a\u200fb",
		"alm":        "a\u061cb",
		"isolate":    "a\u2066b",
		"zwsp":       "a\u200bb",
		"wj":         "a\u2060b",
		"bom":        "a\ufeffb",
		"line sep":   "a\u2028b",
		"para sep":   "a\u2029b",
		"newline":    "a\nb",
		"tab":        "a\tb",
		"cr":         "a\rb",
		"nul":        "a\x00b",
		"tag letter": "a\U000E0041b",
	}
	for label, s := range refused {
		if CheckText(s, SingleLine) == "" {
			t.Errorf("%s: %q accepted in a single line", label, s)
		}
	}
	for _, s := range []string{"Ministère de l'Économie", "Gemeng Wolz", "日本語", "a\u00adb", "x – y", "Ωmega", "\U0001F600"} {
		if why := CheckText(s, SingleLine); why != "" {
			t.Errorf("%q refused: %s", s, why)
		}
	}
	if why := CheckText("line one\r\nline two\tend", Multiline); why != "" {
		t.Errorf("multiline text refused: %s", why)
	}
	if CheckText("a\n\x1b[2J", Multiline) == "" {
		t.Error("ESC accepted in a multiline text")
	}
	if got := CheckText("x\x1by", SingleLine); got != "contains the control character U+001B (escape); remove it" {
		t.Errorf("reason = %q", got)
	}
}

func TestQuote(t *testing.T) {
	cases := map[string]string{
		"plain":                 "plain",
		"a\x1b[2Jb":             `a\x1b[2Jb`,
		"evil\u202etxt.json":    `evil\u202etxt.json`,
		"back\\slash":           `back\\slash`,
		"bad\xffbyte":           `bad\xffbyte`,
		"Ministère":             "Ministère",
		"\x1b]0;pwned\x07\x1bc": `\x1b]0;pwned\x07\x1bc`,
	}
	for in, want := range cases {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %q, want %q", in, got, want)
		}
	}
}
