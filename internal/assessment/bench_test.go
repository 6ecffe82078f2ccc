package assessment

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func BenchmarkParseAnswers(b *testing.B) {
	q := testQuestionnaire(b)
	for _, name := range []string{"answers.yaml", "answers.json"} {
		data := readTestdata(b, filepath.Join("testdata", "good", name))
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ParseAnswers(name, data, q, today); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	q := testQuestionnaire(b)
	data := readTestdata(b, filepath.Join("testdata", "good", "assessment.json"))
	for b.Loop() {
		if _, _, err := Parse("a.json", data, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseAnswersHostile reads 1 MiB of unknown question ids: the
// cost must stay linear in the size (well under a second).
func BenchmarkParseAnswersHostile(b *testing.B) {
	q := testQuestionnaire(b)
	var sb strings.Builder
	sb.WriteString(`{"organisation": {"name": "X", "type": "agency"}, "answers": {`)
	for i := 0; sb.Len() < MaxAnswersSize-100; i++ {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `"X%d":1`, i)
	}
	sb.WriteString("}}")
	data := []byte(sb.String())
	for b.Loop() {
		if _, err := ParseAnswers("hostile.json", data, q, today); err == nil {
			b.Fatal("accepted")
		}
	}
}
