package cli

import (
	"os"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// outputLang is the language merge and compare write their reports in:
// --lang when given, else the environment's (LC_ALL, LC_MESSAGES, LANG),
// else English. They read files of every language alike (ids, not
// texts), so the language of what they write is the reader's choice,
// not the inputs'.
func (a *App) outputLang() string {
	if a.lang != "" {
		if t, ok := locale.Parse(a.lang); ok {
			return string(t)
		}
		return strings.ToLower(a.lang)
	}
	return string(locale.FromEnv(os.Getenv))
}
