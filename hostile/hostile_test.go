// Package hostile runs the dgmaturity binary, built once for the package,
// on malformed and hostile files of its three formats: the questionnaire
// (YAML or JSON), the answers file (YAML or JSON) and the assessment file
// (JSON). Each file is either refused with exit code 2, a message naming
// the file, the line (where there is one) and the reason, and nothing
// written anywhere; or, where it is legitimate (a byte-order mark, CRLF
// line ends, any Unicode or a very long organisation name), accepted with
// files written only inside the output folder, under safe names. No input
// may make the binary panic, hang or write outside its output folder.
//
// The small files live in testdata/; the large, binary and generated ones
// (20 MiB, 10,000 levels of nesting, random bytes, BOM and CRLF variants)
// are made by the test in a temporary folder and never committed.
package hostile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/testbin"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

var (
	// bin is the dgmaturity binary built by TestMain.
	bin string
	// saved is an assessment file the binary wrote from
	// testdata/answers/good.yaml: the base of the hostile assessment files,
	// made at run time so that it always matches the default instrument.
	saved []byte
)

func TestMain(m *testing.M) {
	os.Exit(setup(m))
}

// setup builds the binary, makes the saved assessment, runs the tests and
// cleans up.
func setup(m *testing.M) int {
	dir, err := os.MkdirTemp("", "dgmaturity-hostile-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if bin, err = testbin.Path(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	out := filepath.Join(dir, "saved")
	assess := exec.Command(bin, "assess", "--answers", filepath.Join("testdata", "answers", "good.yaml"), "--out", out)
	if msg, err := assess.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "make the saved assessment: %v\n%s", err, msg)
		return 1
	}
	if saved, err = os.ReadFile(filepath.Join(out, "example-agency-2026-03-01.json")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return testbin.Main(m)
}

// The three commands a hostile file is given to.
const (
	validate = "questionnaire validate F"
	assess   = "assess --answers F --out DIR"
	report   = "report F -o DIR/x.md"
)

// hostileCase is one file and what the binary must do with it.
type hostileCase struct {
	name string
	cmd  string
	// file is the file's name: under testdata/ when data is nil, else the
	// name data's bytes are written under.
	file string
	data func(t *testing.T) []byte
	// args are added to the command line.
	args []string
	// reason, when set, means the file is refused: exit 2, reason on the
	// first line of stderr, which must start with "F:line: " (line > 0) or
	// "F: " (line 0, a problem of the whole file).
	line   int
	reason string
	// For an accepted file: the names assess must write into DIR (report
	// writes x.md and x.svg, validate nothing), and a warning stderr must
	// hold.
	written []string
	warning string
}

func TestHostileInputs(t *testing.T) {
	cases := []hostileCase{
		// ---- questionnaire files -------------------------------------
		// An empty file has nothing to point at: no line.
		{name: "q-empty", cmd: validate, file: "empty.yaml", data: literal(""), reason: "is empty"},
		// Only blank lines and a comment: as empty as no bytes at all.
		{name: "q-blank", cmd: validate, file: "blank.yaml", data: literal("  \n\n# nothing here\n"), reason: "is empty"},
		// Cut off inside the flow mapping that starts on line 8.
		{name: "q-truncated", cmd: validate, file: "questionnaire/truncated.yaml", line: 8, reason: "did not find expected ',' or '}'"},
		// questions must be a list, not text.
		{name: "q-wrong-type", cmd: validate, file: "questionnaire/wrong-type.yaml", line: 5, reason: "expected a list, found text"},
		// JSON is YAML: a title given as a list.
		{name: "q-wrong-type-json", cmd: validate, file: "questionnaire/wrong-type.json", line: 4, reason: "expected text, found a list"},
		// yaml.v3 would silently truncate 1.5 into an int field.
		{name: "q-level-fraction", cmd: validate, file: "questionnaire/level-fraction.yaml", line: 7, reason: "must be a whole number, found 1.5"},
		// 1e0 is the whole number 1, as JSON tools may write it: accepted.
		{name: "q-level-exponent", cmd: validate, file: "questionnaire/level-exponent.yaml"},
		// "2" is text, however much it looks like a number.
		{name: "q-level-quoted", cmd: validate, file: "questionnaire/level-quoted.yaml", line: 8, reason: "expected a whole number, found text"},
		// 1e309 overflows a float64; YAML then reads it as text.
		{name: "q-weight-huge", cmd: validate, file: "questionnaire/weight-huge.yaml", line: 54, reason: "expected a number, found text `1e309`"},
		// 99999999999999999999 overflows every integer type.
		{name: "q-level-huge", cmd: validate, file: "questionnaire/level-huge.yaml", line: 9, reason: "expected a whole number"},
		// 10,000 levels of [[[[ ]]]]: no stack overflow, just not a mapping.
		{name: "q-deep", cmd: validate, file: "deep.yaml", data: literal(strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"), line: 1, reason: "must be a YAML mapping"},
		// 10,000 levels never closed: the parser gives up at the end.
		{name: "q-deep-open", cmd: validate, file: "deep-open.yaml", data: literal("id: " + strings.Repeat("[", 10000) + "\n"), line: 2, reason: "did not find expected node content"},
		// The billion laughs: refused at the first alias, never expanded.
		{name: "q-alias-bomb", cmd: validate, file: "questionnaire/alias-bomb.yaml", line: 4, reason: "YAML aliases (*a) are not allowed"},
		// A Latin-1 byte on line 3.
		{name: "q-invalid-utf8", cmd: validate, file: "invalid-utf8.yaml", data: inject("questionnaire/good.yaml", 3, "\xe9t\xe9"), line: 3, reason: "is not valid UTF-8 text"},
		// Over the 5 MiB limit: refused before it is parsed.
		{name: "q-20mib", cmd: validate, file: "big.yaml", data: padded("questionnaire/good.yaml", 20<<20), reason: "is larger than the 5 MiB limit"},
		// Random bytes with NULs, as a binary file given by mistake.
		{name: "q-binary", cmd: validate, file: "binary.yaml", data: binary, line: 1, reason: "is not valid UTF-8 text"},
		// NUL is valid UTF-8, but YAML allows no control characters.
		{name: "q-nul", cmd: validate, file: "nul.yaml", data: inject("questionnaire/good.yaml", 3, "\x00"), line: 3, reason: "control characters are not allowed"},
		// UTF-16, as some Windows editors save: not UTF-8.
		{name: "q-utf16", cmd: validate, file: "utf16.yaml", data: utf16("questionnaire/good.yaml"), line: 1, reason: "is not valid UTF-8 text"},
		// Saved on Windows with a byte-order mark: legitimate.
		{name: "q-bom", cmd: validate, file: "bom.yaml", data: bom(file("questionnaire/good.yaml"))},
		// CRLF line ends: legitimate.
		{name: "q-crlf", cmd: validate, file: "crlf.yaml", data: crlf(file("questionnaire/good.yaml"))},
		// The JSON export, with both: legitimate.
		{name: "q-bom-crlf-json", cmd: validate, file: "bom-crlf.json", data: bom(crlf(exportJSON("questionnaire/good.yaml")))},
		// A key given twice: which one would count?
		{name: "q-duplicate-key", cmd: validate, file: "questionnaire/duplicate-key.yaml", line: 4, reason: `duplicate key "version" (first at line 2)`},
		// Ids end up in file names and commands: no path separators.
		{name: "q-id-dotdot", cmd: validate, file: "questionnaire/id-dotdot.yaml", line: 38, reason: `id "../../etc/passwd" must be 1 to 64 letters`},
		{name: "q-id-slash", cmd: validate, file: "questionnaire/id-slash.yaml", line: 51, reason: `id "a/b" must be 1 to 64 letters`},
		// A second document would be ignored silently.
		{name: "q-two-documents", cmd: validate, file: "questionnaire/two-documents.yaml", line: 87, reason: "holds more than one YAML document"},
		// Garbage after a first, valid document was accepted unseen.
		{name: "q-broken-second-document", cmd: validate, file: "broken-second.yaml", data: appended("questionnaire/good.yaml", "---\n{{{ [\n"), line: 89, reason: "did not find expected node content"},
		// A language-specific tag that other YAML libraries would execute.
		{name: "q-tag-python", cmd: validate, file: "questionnaire/tag-python.yaml", line: 3, reason: "cannot unmarshal !!python/object/apply:os.system"},
		// Terminal escape codes and a bidi override in a question text.
		{name: "q-escape-codes", cmd: validate, file: "questionnaire/text-escape-codes.yaml", line: 42, reason: "control character U+001B"},

		// ---- answers files -------------------------------------------
		{name: "a-empty", cmd: assess, file: "empty.json", data: literal(""), reason: "is empty"},
		// Cut off in the middle of a key on line 3.
		{name: "a-truncated-json", cmd: assess, file: "answers/truncated.json", line: 3, reason: "it ends before the value is complete"},
		// Cut off inside the flow mapping of line 7.
		{name: "a-truncated-yaml", cmd: assess, file: "answers/truncated.yaml", line: 7, reason: "did not find expected ',' or '}'"},
		// answers must map question ids to answers.
		{name: "a-wrong-type", cmd: assess, file: "answers/wrong-type.yaml", line: 5, reason: "expected a mapping of question ids to answers, found a list"},
		{name: "a-level-fraction", cmd: assess, file: "answers/level-fraction.yaml", line: 6, reason: "expected a whole number from 0 to 4, found 1.5"},
		// 1e0 is the whole number 1 (as 2.0 is 2): people's files may say so.
		{name: "a-level-exponent", cmd: assess, file: "answers/level-exponent.json", written: files("example-agency-2026-03-01")},
		{name: "a-level-quoted", cmd: assess, file: "answers/level-quoted.yaml", line: 6, reason: "(write the number without quotes)"},
		{name: "a-level-huge-json", cmd: assess, file: "answers/level-huge.json", line: 6, reason: "expected a whole number from 0 to 4, found 1e309"},
		{name: "a-level-huge-int", cmd: assess, file: "answers/level-huge.yaml", line: 6, reason: "expected a whole number from 0 to 4, found 99999999999999999999"},
		// 10,000 levels of JSON arrays: cut off at a fixed depth.
		{name: "a-deep-json", cmd: assess, file: "deep.json", data: literal(`{"answers": ` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "}"), line: 1, reason: "is nested too deeply"},
		// The same in YAML flow style.
		{name: "a-deep-yaml", cmd: assess, file: "deep.yaml", data: literal("answers: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"), line: 1, reason: "is nested too deeply"},
		{name: "a-alias-bomb", cmd: assess, file: "answers/alias-bomb.yaml", line: 3, reason: "YAML aliases (*a) are not allowed"},
		// Even one harmless alias: aliases are refused outright.
		{name: "a-alias-answer", cmd: assess, file: "answers/alias-answer.yaml", line: 7, reason: "YAML aliases (*three) are not allowed"},
		{name: "a-invalid-utf8", cmd: assess, file: "invalid-utf8.yaml", data: inject("answers/good.yaml", 4, "\xff\xfe"), line: 4, reason: "is not valid UTF-8 text"},
		// Over the 1 MiB limit of answers files.
		{name: "a-20mib", cmd: assess, file: "big.yaml", data: padded("answers/good.yaml", 20<<20), reason: "is larger than the 1 MiB limit"},
		{name: "a-binary", cmd: assess, file: "binary.json", data: binary, line: 1, reason: "is not valid UTF-8 text"},
		// A raw NUL inside a JSON string.
		{name: "a-nul-json", cmd: assess, file: "nul.json", data: inject("answers/good.json", 2, "\x00"), line: 2, reason: "is not valid JSON"},
		{name: "a-duplicate-key-json", cmd: assess, file: "answers/duplicate-key.json", line: 7, reason: `duplicate key "CTX-01" (first at line 6)`},
		{name: "a-duplicate-key-yaml", cmd: assess, file: "answers/duplicate-key.yaml", line: 5, reason: `duplicate key "organisation" (first at line 2)`},
		// Question ids that look like paths are just unknown questions.
		{name: "a-id-dotdot", cmd: assess, file: "answers/id-dotdot.yaml", line: 6, reason: `unknown question "../../etc/passwd"`},
		{name: "a-id-slash-json", cmd: assess, file: "answers/id-slash.json", line: 6, reason: `unknown question "a/b"`},
		// An unknown id left unanswered was dropped without a word.
		{name: "a-id-unknown-unanswered", cmd: assess, file: "unknown-unanswered.yaml", data: appended("answers/good.yaml", "  NOPE-01: ~\n"), line: 10, reason: `unknown question "NOPE-01"`},
		// The date is part of the file names: it must be a date.
		{name: "a-date-dotdot", cmd: assess, file: "answers/date-dotdot.yaml", line: 4, reason: `expected a date as YYYY-MM-DD, found "../../2026-03-01"`},
		// A list where the mapping belongs.
		{name: "a-top-list", cmd: assess, file: "list.yaml", data: literal("[1, 2, 3]\n"), line: 1, reason: "must be a YAML mapping"},
		{name: "a-bom", cmd: assess, file: "bom.yaml", data: bom(file("answers/good.yaml")), written: files("example-agency-2026-03-01")},
		{name: "a-crlf", cmd: assess, file: "crlf.yaml", data: crlf(file("answers/good.yaml")), written: files("example-agency-2026-03-01")},
		{name: "a-bom-crlf-json", cmd: assess, file: "bom-crlf.json", data: bom(crlf(file("answers/good.json"))), written: files("example-agency-2026-03-01")},
		// Organisation names are free text; the file names made from them
		// are not: "..", slashes, accents, other scripts, device names and
		// 5,000 characters all give safe names inside DIR. Control
		// characters are refused: they could drive the terminal that
		// shows the name.
		{name: "a-org-dotdot", cmd: assess, file: "answers/org-dotdot.yaml", written: files("organisation-2026-03-01")},
		{name: "a-org-slashes-accents", cmd: assess, file: "answers/org-slashes-accents.yaml", written: files("etc-passwd-ministere-de-l-economie-et-des-finances-2026-03-01")},
		{name: "a-org-chinese", cmd: assess, file: "answers/org-chinese.yaml", written: files("organisation-2026-03-01")},
		{name: "a-org-control", cmd: assess, file: "answers/org-control.json", line: 2, reason: "control character U+001B"},
		{name: "a-org-con", cmd: assess, file: "answers/org-con.yaml", written: files("con-org-2026-03-01")},
		{name: "a-org-5000", cmd: assess, file: "long.yaml", data: replaced("answers/good.yaml", "name: Example Agency", "name: "+strings.Repeat("Société Nationale ", 278)), written: files("societe-nationale-societe-nationale-societe-nationale-2026-03-01")},
		// The name can come from the command line too.
		{name: "a-org-flag", cmd: assess, file: "answers/good.yaml", args: []string{"--org", "../../../tmp/evil/.."}, written: files("tmp-evil-2026-03-01")},

		// ---- assessment files ----------------------------------------
		{name: "s-empty", cmd: report, file: "empty.json", data: literal(""), reason: "is empty"},
		{name: "s-truncated", cmd: report, file: "truncated.json", data: func(*testing.T) []byte { return slices.Clone(saved[:len(saved)/2]) }, line: 65, reason: "it ends before the value is complete"},
		{name: "s-complete-text", cmd: report, file: "complete-text.json", data: fromSaved(`"complete": true`, `"complete": "yes"`), line: 35, reason: "expected true or false"},
		{name: "s-level-fraction", cmd: report, file: "level-fraction.json", data: fromSaved(`"level": 3`, `"level": 2.5`), line: 22, reason: "expected a whole number, found 2.5"},
		// The tool writes levels as 3; 3e0 in an assessment file was
		// written by something else.
		{name: "s-level-exponent", cmd: report, file: "level-exponent.json", data: fromSaved(`"level": 3`, `"level": 3e0`), line: 22, reason: "expected a whole number, found 3e0"},
		{name: "s-level-quoted", cmd: report, file: "level-quoted.json", data: fromSaved(`"level": 3`, `"level": "3"`), line: 22, reason: `expected a whole number, found text "3"`},
		{name: "s-level-huge", cmd: report, file: "level-huge.json", data: fromSaved(`"level": 3`, `"level": 99999999999999999999`), line: 22, reason: "expected a whole number, found 99999999999999999999"},
		{name: "s-overall-huge", cmd: report, file: "overall-huge.json", data: fromSavedRe(`"overall": [0-9.]+`, `"overall": 1e309`), line: 37, reason: "expected a number, found 1e309"},
		{name: "s-deep", cmd: report, file: "deep.json", data: literal(`{"schema": "dgmaturity/assessment/v1", "answers": ` + strings.Repeat(`{"a": `, 10000) + "1" + strings.Repeat("}", 10000) + "}"), line: 1, reason: "is nested too deeply"},
		{name: "s-invalid-utf8", cmd: report, file: "invalid-utf8.json", data: inject("", 10, "\xc3\x28"), line: 10, reason: "is not valid UTF-8 text"},
		{name: "s-20mib", cmd: report, file: "big.json", data: func(*testing.T) []byte { return append(bytes.Repeat([]byte(" "), 20<<20), saved...) }, reason: "is larger than the 5 MiB limit"},
		{name: "s-binary", cmd: report, file: "binary.json", data: binary, line: 1, reason: "is not valid UTF-8 text"},
		{name: "s-duplicate-key", cmd: report, file: "duplicate-key.json", data: fromSaved(`"complete": true`, "\"complete\": true,\n  \"complete\": false"), line: 36, reason: `duplicate key "complete" (first at line 35)`},
		// An instrument id that looks like a path: just another instrument.
		{name: "s-questionnaire-path", cmd: report, file: "questionnaire-path.json", data: fromSaved(`"id": "oecd-dgs-2014"`, `"id": "../../etc/passwd"`), line: 5, reason: `the assessment was made with questionnaire "../../etc/passwd"`},
		{name: "s-answer-id-slash", cmd: report, file: "answer-id-slash.json", data: fromSaved(`"CTX-02"`, `"a/b"`), line: 24, reason: `unknown question "a/b"`},
		{name: "s-date-dotdot", cmd: report, file: "date-dotdot.json", data: fromSaved(`"date": "2026-03-01"`, `"date": "../../2026-03-01"`), line: 19, reason: "expected a date as YYYY-MM-DD"},
		// An answers file is not an assessment file.
		{name: "s-answers-yaml", cmd: report, file: "answers/good.yaml", line: 1, reason: "is not valid JSON"},
		{name: "s-trailing", cmd: report, file: "trailing.json", data: func(*testing.T) []byte { return append(slices.Clone(saved), "{}\n"...) }, line: 133, reason: "holds more than one JSON value"},
		{name: "s-top-list", cmd: report, file: "list.json", data: literal("[1, 2, 3]\n"), line: 1, reason: "must be a JSON object at the top"},
		{name: "s-bom", cmd: report, file: "bom.json", data: bom(savedFile)},
		{name: "s-crlf", cmd: report, file: "crlf.json", data: crlf(savedFile)},
		// Hand-edited scores are a warning, not an error: they are recomputed.
		{name: "s-edited-scores", cmd: report, file: "edited.json", data: fromSavedRe(`"overall": [0-9.]+`, `"overall": 99.9`), warning: "differs from the recomputed"},
		{name: "s-org-5000", cmd: report, file: "long-name.json", data: fromSaved(`"name": "Example Agency"`, `"name": "`+strings.Repeat("/../É", 1000)+`"`)},

		// ---- text that could drive a terminal (one text policy) -------
		// Every case below is refused with the character named; runCase
		// also checks that no refused character reaches stdout or stderr
		// raw, in this case or any other.
		// An object key that retitles and clears the terminal, through the
		// "unknown question" message.
		{name: "t-answers-key-escape-json", cmd: assess, file: "key-escape.json", data: replaced("answers/good.json", `"CTX-01": 3`, `"\u001b]0;pwned\u0007\u001b[2J": 3`), line: 6, reason: "contains the control character U+001B (escape)"},
		{name: "t-answers-key-escape-yaml", cmd: assess, file: "key-escape.yaml", data: replaced("answers/good.yaml", "CTX-01: 3", `"\e]0;pwned\a\e[2J": 3`), line: 6, reason: "contains the control character U+001B (escape)"},
		{name: "t-answers-key-bidi", cmd: assess, file: "key-bidi.yaml", data: replaced("answers/good.yaml", "CTX-01: 3", "\"CTX\u202e-01\": 3"), line: 6, reason: "bidirectional control U+202E"},
		// Names and comments: bidi controls and invisible characters too.
		{name: "t-org-bidi", cmd: assess, file: "org-bidi.yaml", data: replaced("answers/good.yaml", "name: Example Agency", "name: \"Example \u202eAgency\""), line: 2, reason: "bidirectional control U+202E"},
		{name: "t-role-rlm", cmd: assess, file: "role-rlm.yaml", data: replaced("answers/good.yaml", "role: Head of digital", "role: \"Head\u200f of digital\""), line: 3, reason: "bidirectional control U+200F"},
		{name: "t-comment-zwsp", cmd: assess, file: "comment-zwsp.yaml", data: replaced("answers/good.yaml", "not known outside IT", "not known\u200b outside IT"), line: 7, reason: "U+200B (zero-width space)"},
		// Score keys, the tool, the questionnaire version and stored
		// recommendation ids of an assessment file.
		{name: "t-score-key-escape", cmd: report, file: "score-key.json", data: fromSaved(`"context":`, `"\u001b[2Jcontext":`), line: 40, reason: "the key \\x1b[2Jcontext contains the control character U+001B"},
		{name: "t-tool-bidi", cmd: report, file: "tool-bidi.json", data: fromSavedRe(`"tool": "[^"]*"`, `"tool": "dgmaturity \u202e1.0"`), line: 3, reason: "tool: contains the bidirectional control U+202E"},
		{name: "t-version-escape", cmd: report, file: "version-escape.json", data: fromSaved(`"version": "1.1.0"`, `"version": "1.1.0\u001b[31m\u202e"`), line: 6, reason: "questionnaire.version: contains the control character U+001B"},
		{name: "t-recommendation-escape", cmd: report, file: "rec-escape.json", data: fromSavedRe(`"recommendations": \[\s*"`, `"recommendations": ["\u001b[2J", "`), line: 56, reason: "recommendations[0]: contains the control character U+001B"},
		// The questionnaire refuses what the assessment reader refuses:
		// invisible characters and separators as well as controls.
		{name: "q-text-rlm", cmd: validate, file: "rlm.yaml", data: replaced("questionnaire/text-escape-codes.yaml", `"Is the \e[2J\e[31mfirst\u202e thing done?"`, `"Is the first\u200f thing done?"`), line: 42, reason: "bidirectional control U+200F"},
		{name: "q-text-zwsp", cmd: validate, file: "zwsp.yaml", data: replaced("questionnaire/text-escape-codes.yaml", `"Is the \e[2J\e[31mfirst\u202e thing done?"`, `"Is the first\u200b thing done?"`), line: 42, reason: "U+200B (zero-width space)"},
		{name: "q-text-word-joiner", cmd: validate, file: "wj.yaml", data: replaced("questionnaire/text-escape-codes.yaml", `"Is the \e[2J\e[31mfirst\u202e thing done?"`, `"Is the first\u2060 thing done?"`), line: 42, reason: "invisible character U+2060"},
		{name: "q-text-line-separator", cmd: validate, file: "lsep.yaml", data: replaced("questionnaire/text-escape-codes.yaml", `"Is the \e[2J\e[31mfirst\u202e thing done?"`, `"Is the first\u2028 thing done?"`), line: 42, reason: "invisible line separator U+2028"},
	}
	if n := len(cases); n < 30 {
		t.Fatalf("only %d hostile cases, want at least 30", n)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			runCase(t, tc)
		})
	}
}

// runCase writes the case's file into a fresh folder, runs the binary on
// it with HOME, the XDG folders, TMPDIR and the working folder all pointing
// into empty folders, and checks the outcome and that nothing was written
// where it should not be.
func runCase(t *testing.T, tc hostileCase) {
	work := t.TempDir()
	in, home, cwd, tmp := mkdir(t, work, "in"), mkdir(t, work, "home"), mkdir(t, work, "cwd"), mkdir(t, work, "tmp")
	dir := filepath.Join(work, "out")
	var data []byte
	if tc.data != nil {
		data = tc.data(t)
	} else {
		data = file(tc.file)(t)
	}
	name := filepath.Base(tc.file)
	path := filepath.Join(in, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var args []string
	switch tc.cmd {
	case validate:
		args = []string{"questionnaire", "validate", path}
	case assess:
		// DIR does not exist yet: a refusal must not even create it.
		args = []string{"assess", "--answers", path, "--out", dir}
	case report:
		mkdir(t, work, "out")
		args = []string{"report", path, "-o", filepath.Join(dir, "x.md")}
	}
	args = append(args, tc.args...)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = cwd
	cmd.Env = []string{
		"HOME=" + home, "XDG_STATE_HOME=" + filepath.Join(home, "state"), "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "TMPDIR=" + tmp, "NO_COLOR=1", "TERM=dumb", "PATH=" + os.Getenv("PATH"),
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("dgmaturity %s did not finish within 2 minutes", tc.cmd)
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{stdout.String(), stderr.String()} {
		if strings.Contains(out, "panic") || strings.Contains(out, "goroutine") {
			t.Fatalf("dgmaturity panicked:\n%s", out)
		}
		// Nothing from outside reaches the terminal raw: no control,
		// bidi or invisible character in anything printed.
		if r, bad := input.BadRune(out, input.Multiline); bad {
			t.Errorf("the output holds the character U+%04X raw:\n%q", r, out)
		}
	}

	// Whatever the outcome: the input folder holds only the input, and
	// the working folder, HOME (with the state folder) and TMPDIR stay empty.
	if got := tree(t, in); !slices.Equal(got, []string{name}) {
		t.Errorf("the input folder holds %q, want only %q", got, name)
	}
	for _, d := range []string{cwd, home, tmp} {
		if got := tree(t, d); len(got) > 0 {
			t.Errorf("%s was written to: %q", d, got)
		}
	}

	if tc.reason != "" {
		if code != 2 {
			t.Fatalf("exit code %d, want 2 (refused)\nstdout: %s\nstderr: %s", code, &stdout, &stderr)
		}
		first, _, _ := strings.Cut(stderr.String(), "\n")
		want := "dgmaturity: " + path + ": "
		if tc.line > 0 {
			want = "dgmaturity: " + path + ":" + strconv.Itoa(tc.line) + ": "
		}
		if !strings.HasPrefix(first, want) || !strings.Contains(first, tc.reason) {
			t.Errorf("message %q\nwant it to start with %q and hold %q", first, want, tc.reason)
		}
		if got := tree(t, dir); len(got) > 0 {
			t.Errorf("a refused file left %q in DIR", got)
		}
		if stdout.Len() > 0 {
			t.Errorf("a refused file printed on stdout: %q", &stdout)
		}
		return
	}

	if code != 0 {
		t.Fatalf("exit code %d, want 0 (accepted)\nstderr: %s", code, &stderr)
	}
	if tc.warning != "" && !strings.Contains(stderr.String(), tc.warning) {
		t.Errorf("stderr %q lacks the warning %q", &stderr, tc.warning)
	}
	got := tree(t, dir)
	switch tc.cmd {
	case validate:
		if len(got) > 0 {
			t.Errorf("validate wrote %q", got)
		}
		if !strings.Contains(stdout.String(), "valid") {
			t.Errorf("validate printed %q", &stdout)
		}
	case assess:
		if !slices.Equal(got, tc.written) {
			t.Errorf("DIR holds %q, want %q", got, tc.written)
		}
		printed := strings.Fields(stdout.String())
		for i := range printed {
			printed[i] = filepath.Base(printed[i])
		}
		slices.Sort(printed)
		if !slices.Equal(printed, got) {
			t.Errorf("printed %q, want the paths of %q", &stdout, got)
		}
	case report:
		if want := []string{"x-areas.svg", "x.html", "x.md", "x.svg"}; !slices.Equal(got, want) {
			t.Errorf("DIR holds %q, want %q", got, want)
		}
	}
	for _, f := range got {
		if !safeName.MatchString(f) {
			t.Errorf("unsafe file name %q", f)
		}
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		// User text reaches the files, its control characters do not.
		if i := bytes.IndexFunc(b, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f }); i >= 0 {
			t.Errorf("%s holds the control character %q at byte %d", f, b[i], i)
		}
	}
}

// safeName is a file name made of a slug (at most 60 characters), a date
// and an extension, or x.md and x.svg: no separators, no dots but the
// extension's.
var safeName = regexp.MustCompile(`^(?:[a-z0-9-]{1,60}-[0-9]{4}-[0-9]{2}-[0-9]{2}|x)(?:-areas)?\.(?:json|md|html|svg)$`)

// files are the files assess writes for a base name, sorted: the
// assessment, the Markdown and HTML reports, the radar and the area chart.
func files(base string) []string {
	return []string{base + "-areas.svg", base + ".html", base + ".json", base + ".md", base + ".svg"}
}

// tree lists the files under dir, relative and sorted; a missing dir is
// empty.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return filepath.SkipAll
			}
			return err
		}
		if p == dir {
			return nil
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		} else if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel)+"/")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func mkdir(t *testing.T, parent, name string) string {
	t.Helper()
	p := filepath.Join(parent, name)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// The generators below make a case's bytes when the test runs.

// literal is a file of fixed content.
func literal(s string) func(*testing.T) []byte {
	return func(*testing.T) []byte { return []byte(s) }
}

// file reads testdata/name.
func file(name string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// bom puts a UTF-8 byte-order mark before the bytes of gen.
func bom(gen func(*testing.T) []byte) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return append([]byte("\xef\xbb\xbf"), gen(t)...) }
}

// crlf gives the bytes of gen Windows line ends.
func crlf(gen func(*testing.T) []byte) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		return bytes.ReplaceAll(bytes.ReplaceAll(gen(t), []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
}

// inject puts s at the start of line n of testdata/name (of the saved
// assessment when name is "").
func inject(name string, n int, s string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		b := saved
		if name != "" {
			b = file(name)(t)
		}
		lines := strings.SplitAfter(string(b), "\n")
		if n > len(lines) {
			t.Fatalf("%s has no line %d", name, n)
		}
		lines[n-1] = s + lines[n-1]
		return []byte(strings.Join(lines, ""))
	}
}

// appended is testdata/name followed by s.
func appended(name, s string) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return append(file(name)(t), s...) }
}

// replaced is testdata/name with old replaced by new (which must be there).
func replaced(name, old, new string) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return replace(t, file(name)(t), old, new) }
}

// fromSaved is the saved assessment with old replaced by new.
func fromSaved(old, new string) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return replace(t, saved, old, new) }
}

func replace(t *testing.T, b []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%q is not in the file: the case no longer tests what it says", old)
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

// fromSavedRe is the saved assessment with the first match of pattern
// replaced by repl (there must be one).
func fromSavedRe(pattern, repl string) func(*testing.T) []byte {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T) []byte {
		loc := re.FindIndex(saved)
		if loc == nil {
			t.Fatalf("%s is not in the saved assessment: the case no longer tests what it says", pattern)
		}
		return slices.Concat(saved[:loc[0]], []byte(repl), saved[loc[1]:])
	}
}

// savedFile is the saved assessment.
func savedFile(*testing.T) []byte { return slices.Clone(saved) }

// padded is testdata/name followed by a YAML comment that makes it size
// bytes long: valid but for its size.
func padded(name string, size int) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		b := append(file(name)(t), "# "...)
		b = append(b, bytes.Repeat([]byte("x"), size-len(b)-1)...)
		return append(b, '\n')
	}
}

// binary is 64 KiB of random bytes (fixed seed) that start with a NUL and
// an invalid UTF-8 byte.
func binary(*testing.T) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 64<<10)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	b[0], b[1] = 0, 0xff
	return b
}

// utf16 is testdata/name in UTF-16LE with its byte-order mark.
func utf16(name string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		out := []byte{0xff, 0xfe}
		for _, r := range string(file(name)(t)) {
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
}

// exportJSON is the questionnaire testdata/name exported as JSON.
func exportJSON(name string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		q, err := questionnaire.Parse(name, file(name)(t))
		if err != nil {
			t.Fatal(err)
		}
		b, err := questionnaire.ExportJSON(q)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}
