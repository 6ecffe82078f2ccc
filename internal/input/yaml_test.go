package input

import (
	"errors"
	"strings"
	"testing"
)

// TestDecodeYAMLSyntaxLines is a regression test for lines found wrong by
// the hostile-input suite: yaml.v3 names one line too early for parser
// problems (an unclosed flow mapping, a missing key), leaves out the line
// of problems on the first line and of control characters, and a broken
// second document was not noticed at all.
func TestDecodeYAMLSyntaxLines(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
		reason     string
	}{
		// The flow mapping that is never closed starts on line 3.
		{"unclosed flow mapping", "a: 1\nb: 2\nc: {x: 1, y\n", 3, "did not find expected ',' or '}'"},
		{"unclosed flow sequence", "a: 1\nb: [1, 2\nc: 3\n", 2, "did not find expected ',' or ']'"},
		// "- b" on line 2 cannot follow a mapping.
		{"sequence after mapping", "a: 1\n- b\n", 2, "did not find expected key"},
		{"bad indentation", "a: 1\nb:\n  c: 1\n d: 2\n", 4, "did not find expected key"},
		// Scanner problems were right, and stay so.
		{"unterminated string", "a: 1\nb: \"open\n", 2, "found unexpected end of stream"},
		{"first line", "a: b: c\n", 1, "mapping values are not allowed in this context"},
		{"control character", "a: 1\nb: 2\nc: x\x00y\n", 3, "control characters are not allowed"},
		{"broken second document", "a: 1\n---\n{{{ [\n", 4, "did not find expected node content"},
		{"second document", "a: 1\n---\nb: 2\n", 2, "holds more than one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v map[string]any
			_, err := DecodeYAML("f.yaml", []byte(tt.data), &v)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("DecodeYAML = %v, want an *Error", err)
			}
			if e.File != "f.yaml" || e.Line != tt.line || !strings.Contains(e.Why(nil), tt.reason) {
				t.Errorf("DecodeYAML = %q (line %d), want line %d and %q", e.Error(), e.Line, tt.line, tt.reason)
			}
		})
	}
}
