package questionnaire

import "testing"

// BenchmarkDefault measures reading the embedded default instrument: YAML
// decoding, validation, indexing and hashing, the work Default does once
// per process before the first screen. It calls Parse on the embedded
// bytes directly, since Default itself is cached by a sync.Once.
func BenchmarkDefault(b *testing.B) {
	name, data, err := releaseFile(len(releaseList) - 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		q, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		_ = q.Hash()
	}
}

// BenchmarkExportYAML measures `questionnaire export` of the default
// instrument.
func BenchmarkExportYAML(b *testing.B) {
	q := Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExportYAML(q); err != nil {
			b.Fatal(err)
		}
	}
}
