package assessment

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// compileSchema compiles one of the embedded schemas.
func compileSchema(t *testing.T, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

// instance decodes JSON for validation.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// treeValue turns a decoded tree into the values jsonschema validates, so
// that YAML answers files can be checked against the JSON Schema the way an
// editor does.
func treeValue(n *input.Node) any {
	switch n.Kind {
	case input.KindBool:
		return strings.EqualFold(n.Text, "true")
	case input.KindNumber:
		return n.Num
	case input.KindString:
		return n.Text
	case input.KindObject:
		m := make(map[string]any, len(n.Keys))
		for i, k := range n.Keys {
			m[k] = treeValue(n.Kids[i])
		}
		return m
	case input.KindArray:
		l := make([]any, len(n.Kids))
		for i, k := range n.Kids {
			l[i] = treeValue(k)
		}
		return l
	}
	return nil
}

func TestAssessmentSchema(t *testing.T) {
	s := compileSchema(t, Schema())
	q := testQuestionnaire(t)
	valid := map[string][]byte{
		"good": readTestdata(t, filepath.Join("testdata", "good", "assessment.json")),
	}
	for _, name := range []string{"sample", "draft"} {
		a := sample(t)
		if name == "draft" {
			a = New(q, Organisation{Name: "X", Type: "agency"}, Respondent{}, "2026-03-01", "", "t")
		}
		path := filepath.Join(t.TempDir(), "a.json")
		if err := Save(path, a); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		valid[name] = data
	}
	// The committed example files, with targets and roadmaps, and the file
	// of the previous release, without them.
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.json"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "examples", "workshop", "reports", "*.json"))
	old, _ := filepath.Glob(filepath.Join("..", "cli", "testdata", "release-0", "*.json"))
	if len(examples) < 3 || len(more) < 1 || len(old) < 1 {
		t.Fatalf("example files not found: %v %v %v", examples, more, old)
	}
	for _, p := range append(append(examples, more...), old...) {
		valid[p] = readTestdata(t, p)
	}
	for name, data := range valid {
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%s does not validate against the schema: %v", name, err)
		}
	}
	// The schema refuses what Parse refuses for its shape. (Some checks, such
	// as known question ids, need the questionnaire and are Parse's alone.)
	for _, name := range []string{
		"assessment-schema-missing.json", "assessment-schema-wrong.json", "assessment-sha-malformed.json",
		"assessment-level-range.json", "assessment-level-string.json", "assessment-na-empty.json",
		"assessment-level-and-dontknow.json", "assessment-no-organisation.json", "assessment-org-type.json",
		"assessment-date-format.json", "assessment-date-impossible.json", "assessment-unknown-field.json",
		"assessment-unknown-nested.json", "assessment-wrong-type.json", "assessment-short-answer.json",
		"assessment-spread-range.json", "assessment-respondent-noname.json", "assessment-top-array.json",
		"assessment-target-range.json",
	} {
		data := readTestdata(t, filepath.Join("testdata", "bad", name))
		if err := s.Validate(instance(t, data)); err == nil {
			t.Errorf("schema accepts %s", name)
		}
	}
}

func TestAnswersSchema(t *testing.T) {
	s := compileSchema(t, AnswersSchema())
	value := func(path string) any {
		data := readTestdata(t, path)
		data, err := input.Check(path, data)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(path, ".json") {
			root, errs := input.ParseJSON(path, data)
			if root == nil || len(errs) > 0 {
				return nil
			}
			return treeValue(root)
		}
		var top map[string]any
		doc, err := input.DecodeYAML(path, data, &top)
		if err != nil {
			return nil
		}
		return treeValue(doc.Root)
	}
	for _, name := range []string{"answers.yaml", "answers.json"} {
		if err := s.Validate(value(filepath.Join("testdata", "good", name))); err != nil {
			t.Errorf("%s does not validate against the answers schema: %v", name, err)
		}
	}
	for _, name := range []string{
		"answers-both-respondent-forms.yaml", "answers-date-format.yaml", "answers-date-impossible.yaml",
		"answers-dont-know-typo.yaml", "answers-empty-answers.yaml", "answers-empty-name.yaml",
		"answers-level-and-dontknow.yaml", "answers-level-and-na.yaml", "answers-level-bool.yaml",
		"answers-level-float.yaml", "answers-level-negative.yaml", "answers-level-quoted.yaml",
		"answers-level-range.yaml", "answers-list.yaml", "answers-missing-answers.yaml", "answers-na-empty.yaml",
		"answers-na-true.yaml", "answers-no-organisation.yaml", "answers-org-type-missing.yaml",
		"answers-org-type.yaml", "answers-respondent-noname.yaml", "answers-unknown-answer-field.yaml",
		"answers-unknown-field.yaml", "answers-unknown-org-field.yaml", "answers-language.yaml",
		"answers-level-float.json", "answers-level-string.json", "answers-org-type.json", "answers-unknown-field.json",
		"answers-target-zero.yaml",
	} {
		if err := s.Validate(value(filepath.Join("testdata", "bad", name))); err == nil {
			t.Errorf("answers schema accepts %s", name)
		}
	}
}

// TestStoredValuesFollowTheSchema keeps the roadmap values Parse accepts
// equal to the JSON Schema's lists of them.
func TestStoredValuesFollowTheSchema(t *testing.T) {
	var s struct {
		Properties struct {
			Roadmap struct {
				Items struct {
					Properties struct {
						Phase    struct{ Enum []string }
						Priority struct{ Enum []string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatal(err)
	}
	p := s.Properties.Roadmap.Items.Properties
	if !slices.Equal(p.Phase.Enum, storedPhases) || !slices.Equal(p.Priority.Enum, storedPriorities) {
		t.Errorf("the schema's phases %q and priorities %q; Parse accepts %q and %q", p.Phase.Enum, p.Priority.Enum, storedPhases, storedPriorities)
	}
}
