package input

import "testing"

// TestOneTreeForBothFormats: the same document written in YAML and in JSON
// gives the same lines for the same paths, whichever reader walks it.
func TestOneTreeForBothFormats(t *testing.T) {
	yml := "organisation:\n  name: X\nanswers:\n  CTX-01: 3\n  CTX-02:\n    level: 1\nlist:\n  - a\n  - b: 1\n"
	jsn := "{\"organisation\": {\n  \"name\": \"X\"},\n\"answers\": {\n  \"CTX-01\": 3,\n  \"CTX-02\": {\n    \"level\": 1}},\n\"list\": [\n  \"a\",\n  {\"b\": 1}]}\n"
	var top map[string]any
	ydoc, err := DecodeYAML("a.yaml", []byte(yml), &top)
	if err != nil {
		t.Fatal(err)
	}
	root, errs := ParseJSON("a.json", []byte(jsn))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	jdoc := &Doc{File: "a.json", Root: root}
	for _, tt := range []struct {
		path []any
		line int
	}{
		{nil, 1},
		{[]any{"organisation", "name"}, 2},
		{[]any{"answers", "CTX-01"}, 4},
		{[]any{"answers", "CTX-02", "level"}, 6},
		{[]any{"answers", "CTX-02", "nope"}, 5}, // the deepest value found
		{[]any{"list", 1, "b"}, 9},
	} {
		if got := ydoc.Line(tt.path...); got != tt.line {
			t.Errorf("YAML line of %v = %d; want %d", tt.path, got, tt.line)
		}
		if got := jdoc.Line(tt.path...); got != tt.line {
			t.Errorf("JSON line of %v = %d; want %d", tt.path, got, tt.line)
		}
	}
	if n := ydoc.Node("answers", "CTX-01"); n == nil || n.Kind != KindNumber || !n.IntLit || n.Num != 3 {
		t.Errorf("YAML CTX-01 = %+v", n)
	}
	if n := jdoc.Node("answers", "CTX-01"); n == nil || n.Kind != KindNumber || !n.IntLit || n.Num != 3 {
		t.Errorf("JSON CTX-01 = %+v", n)
	}
	if e := (*Doc)(nil).Err(M("input.file.empty"), "answers", "X"); e.Error() != "answers.X: is empty" {
		t.Errorf("nil Doc error = %q", e)
	}
}
