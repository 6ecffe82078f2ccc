package accessible

import (
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// FuzzParseAnswer feeds any line to the protocol's parser: it never
// panics, an accepted line gives exactly one kind of answer (or a bare
// "n" waiting for its reason), and any text it accepts passes the
// readers' text policy, so that the draft written reads back.
func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{"2", "2 strategy exists", "d", "D not sure", "n", "n no such service", "7", "-1", "b", "?", "q", "2\x1b[2J", "n \u202e", "", " ", "4 ", "00", "1e2"} {
		f.Add(s)
	}
	q := questionnaire.Default()
	s := &session{keys: protocolKeys(), q: q, p: locale.For(locale.English)}
	qu := &q.Questions[0]
	na := *qu
	na.NA = true
	f.Fuzz(func(t *testing.T, line string) {
		for _, question := range []*questionnaire.Question{qu, &na} {
			p, ok, _ := s.parseAnswer(line, question)
			_ = s.isAnswer(line)
			if !ok {
				continue
			}
			a := p.ans
			kinds := 0
			if a.Level != nil {
				kinds++
				if *a.Level < questionnaire.MinLevel || *a.Level > questionnaire.MaxLevel {
					t.Errorf("%q: level %d", line, *a.Level)
				}
			}
			if a.DontKnow {
				kinds++
			}
			if a.NA != "" || p.needReason {
				kinds++
				if !question.NA {
					t.Errorf("%q: not applicable accepted where it is not allowed", line)
				}
			}
			if kinds != 1 {
				t.Errorf("%q: %d kinds of answer in %+v", line, kinds, a)
			}
			for _, text := range []string{a.Comment, a.NA} {
				if reason := input.CheckText(text, input.Multiline); reason != "" {
					t.Errorf("%q: accepted text that the readers refuse: %s", line, reason)
				}
			}
		}
	})
}
