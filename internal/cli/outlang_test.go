package cli

import (
	"fmt"
	"os"
	"testing"
)

// TestMain pins the environment's language to none (LC_ALL=C): merge and
// compare write in the environment's language when --lang is not given,
// and the tests expect English whatever the machine's locale.
func TestMain(m *testing.M) {
	if err := os.Setenv("LC_ALL", "C"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// TestOutputLang checks the language merge and compare write in: --lang
// first (in any of the forms users type), else the environment's.
func TestOutputLang(t *testing.T) {
	tests := []struct {
		flag, lcAll, lang, want string
	}{
		{"", "", "", "en"},
		{"", "", "de_LU.UTF-8", "de"},
		{"", "fr_LU.UTF-8", "de_LU.UTF-8", "fr"},
		{"", "C", "fr_FR", "en"},
		{"FR-lu", "", "de_DE", "fr"},
		{"de", "fr_FR", "", "de"},
	}
	for _, tt := range tests {
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tt.lang)
		app := &App{lang: tt.flag, Getenv: os.Getenv}
		if got := app.outputLang(); got != tt.want {
			t.Errorf("--lang %q, LC_ALL %q, LANG %q: %q, want %q", tt.flag, tt.lcAll, tt.lang, got, tt.want)
		}
	}
}
