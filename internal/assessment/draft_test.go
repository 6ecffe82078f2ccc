package assessment

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestNew(t *testing.T) {
	q := testQuestionnaire(t)
	a := New(q, Organisation{Name: "X", Type: "agency"}, Respondent{Name: "A"}, "2026-03-01", "en", "dgmaturity 0.3.0")
	want := &Assessment{
		Schema: SchemaV1, Tool: "dgmaturity 0.3.0",
		Questionnaire: QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()},
		Organisation:  Organisation{Name: "X", Type: "agency"}, Respondents: []Respondent{{Name: "A"}},
		Date: "2026-03-01", Language: "en", Answers: map[string]Answer{},
	}
	if diff := cmp.Diff(want, a); diff != "" {
		t.Errorf("New (-want +got):\n%s", diff)
	}
	if a := New(q, Organisation{}, Respondent{}, "", "", ""); len(a.Respondents) != 0 || a.Respondents == nil {
		t.Errorf("New with no respondent: %#v", a.Respondents)
	}
}

func TestStateDir(t *testing.T) {
	home := t.TempDir()
	tests := []struct {
		name, xdg, home string
		want            string
		wantErr         bool
	}{
		{"xdg", "/var/state", home, filepath.Join("/var/state", "dgmaturity"), false},
		{"relative xdg ignored", "state", home, filepath.Join(home, ".local", "state", "dgmaturity"), false},
		{"home", "", home, filepath.Join(home, ".local", "state", "dgmaturity"), false},
		{"neither", "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if runtime.GOOS == "windows" && tt.name != "xdg" {
				t.Skip("home is USERPROFILE on Windows")
			}
			t.Setenv("XDG_STATE_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := StateDir()
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("StateDir() = %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDraftPath(t *testing.T) {
	dir := filepath.Join("state", "dgmaturity")
	tests := []struct{ org, date, want string }{
		{"Ministère de l'Économie", "2026-03-01", "ministere-de-l-economie-2026-03-01.json"},
		{"../../etc/passwd", "2026-03-01", "etc-passwd-2026-03-01.json"},
		{"", "2026-03-01", "organisation-2026-03-01.json"},
		{"X", "../../x", "x-undated.json"},
		{"X", "", "x-undated.json"},
	}
	for _, tt := range tests {
		got := DraftPath(dir, &Assessment{Organisation: Organisation{Name: tt.org}, Date: tt.date})
		if want := filepath.Join(dir, "drafts", tt.want); got != want {
			t.Errorf("DraftPath(%q, %q) = %q, want %q", tt.org, tt.date, got, want)
		}
	}
}

func TestDrafts(t *testing.T) {
	q := testQuestionnaire(t)
	dir := t.TempDir()
	if got, err := Drafts(dir, q); err != nil || got != nil {
		t.Fatalf("Drafts(no folder) = %v, %v; want none", got, err)
	}
	base := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	save := func(a *Assessment, age time.Duration) string {
		t.Helper()
		path, err := SaveDraft(dir, a)
		if err != nil {
			t.Fatalf("SaveDraft: %v", err)
		}
		if err := os.Chtimes(path, base.Add(-age), base.Add(-age)); err != nil {
			t.Fatal(err)
		}
		return path
	}
	older := New(q, Organisation{Name: "Older Agency", Type: "agency"}, Respondent{Name: "A"}, "2026-02-01", "", "t")
	older.Answers["CTX-01"] = Lvl(2)
	older.Answers["CTX-02"] = Answer{Comment: "not answered"}
	older.Answers["GONE-01"] = Lvl(1) // not in q: not counted
	olderPath := save(older, 48*time.Hour)

	newer := New(q, Organisation{Name: "Newer Ministry", Type: "ministry"}, Respondent{}, "2026-03-01", "", "t")
	newer.Respondents = []Respondent{{Name: "B"}, {Name: "C"}}
	newer.Answers["DATA-01"] = Answer{DontKnow: true}
	newer.Answers["DATA-02"] = Answer{NA: "none"}
	newer.Questionnaire.Version = "0.9.0"
	newerPath := save(newer, time.Hour)

	done := New(q, Organisation{Name: "Done", Type: "other"}, Respondent{}, "2026-03-01", "", "t")
	done.Complete = true
	save(done, 0)

	drafts := filepath.Join(dir, "drafts")
	for name, content := range map[string]string{
		"broken.json":    "{not json",
		"other.json":     `{"schema": "something/else", "complete": false}`,
		"notes.txt":      "hello",
		"empty.json":     "",
		"sub.json/x.txt": "a folder named like a draft",
	} {
		p := filepath.Join(drafts, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink(olderPath, filepath.Join(drafts, "link.json")); err != nil {
			t.Fatal(err)
		}
	}

	got, err := Drafts(dir, q)
	if err != nil {
		t.Fatalf("Drafts: %v", err)
	}
	want := []DraftInfo{
		{Path: newerPath, Organisation: "Newer Ministry", Respondent: "B, C", Date: "2026-03-01",
			Questionnaire: newer.Questionnaire, Compatible: false, Answered: 2, Total: 6, Modified: base.Add(-time.Hour)},
		{Path: olderPath, Organisation: "Older Agency", Respondent: "A", Date: "2026-02-01",
			Questionnaire: older.Questionnaire, Compatible: true, Answered: 1, Total: 6, Modified: base.Add(-48 * time.Hour)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Drafts (-want +got):\n%s", diff)
	}
	if !strings.HasSuffix(olderPath, filepath.Join("drafts", "older-agency-2026-02-01.json")) {
		t.Errorf("SaveDraft path = %q", olderPath)
	}
	if runtime.GOOS != "windows" {
		st, err := os.Stat(olderPath)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("draft mode = %v (%v), want 0600", st.Mode().Perm(), err)
		}
	}
	// A draft reads back with Load.
	if _, _, err := Load(olderPath, nil); err != nil {
		t.Errorf("Load(draft) = %v", err)
	}
	// Without a questionnaire, Total and Compatible stay zero.
	got, err = Drafts(dir, nil)
	if err != nil || len(got) != 2 || got[0].Total != 0 || got[1].Compatible || got[1].Answered != 2 {
		t.Errorf("Drafts(nil) = %+v, %v", got, err)
	}
}
