package questionnaire

import (
	"github.com/dgmaturity/dgmaturity/internal/input"
)

// MaxFileSize is the largest questionnaire or translation file accepted. The
// default instrument is about a hundred KiB; the limit only keeps a wrong
// file from using up memory.
const MaxFileSize = 5 * input.MiB

// Load reads, decodes and validates a questionnaire file. Every problem is
// an *input.Error or input.Errors naming the file and, where there is one,
// the line and field.
func Load(path string) (*Questionnaire, error) {
	data, err := input.ReadFile(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse decodes and validates a questionnaire given as YAML (JSON, being
// YAML too, is read as well). file names the source in error messages. The
// result is indexed and hashed; it is a new value the caller owns.
func Parse(file string, data []byte) (*Questionnaire, error) {
	if len(data) > MaxFileSize {
		return nil, &input.Error{File: file, Msg: input.TooLarge(MaxFileSize)}
	}
	data, err := input.Check(file, data)
	if err != nil {
		return nil, err
	}
	q := new(Questionnaire)
	doc, err := input.DecodeYAML(file, data, q)
	if err != nil {
		return nil, err
	}
	if err := validate(q, doc); err != nil {
		return nil, err
	}
	q.Reindex()
	return q, nil
}

// Stage names the band of an overall score (0..100): five equal bands of 20
// points, 0 to under 20 being level 0 and 80 to 100 level 4, each named by
// the scale. Scores outside 0..100 fall into the nearest band.
func (q *Questionnaire) Stage(score float64) (level int, name string) {
	switch {
	case !(score >= 20): // also NaN
		level = 0
	case score >= 80:
		level = MaxLevel
	default:
		level = int(score / 20)
	}
	return level, q.LevelName(level)
}
