package compare

import (
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/synth"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// benchmarkCompare generates n synthetic assessment files once, outside the
// timer, then measures reading, scoring and summarising them (DESIGN.md
// section 10: 10,000 files in a few seconds on 2 cores, linear in n).
func benchmarkCompare(b *testing.B, n int) {
	q := questionnaire.Default()
	dir := b.TempDir()
	if err := synth.Write(dir, n, 1, q); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		set := Load([]string{dir}, q, LoadOptions{})
		if len(set.Problems) > 0 || len(set.Records) != n {
			b.Fatalf("read %d of %d files, problems: %v", len(set.Records), n, set.Problems)
		}
		s := Summarise(set, Options{Anonymise: true, MinGroup: 5})
		if s.Assessments != n {
			b.Fatalf("summarised %d assessments, want %d", s.Assessments, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/file")
}

// BenchmarkCompare1000 compares 1,000 synthetic assessment files.
func BenchmarkCompare1000(b *testing.B) { benchmarkCompare(b, 1000) }

// BenchmarkCompare10000 compares 10,000 synthetic assessment files.
func BenchmarkCompare10000(b *testing.B) { benchmarkCompare(b, 10000) }
