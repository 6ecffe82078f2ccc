package cli

// outputLang is the language merge and compare write their reports in:
// the run's chosen language (--lang, else LC_ALL, LC_MESSAGES, LANG, else
// English; see Chosen). They read files of every language alike (ids, not
// texts), so the language of what they write is the reader's choice, not
// the inputs'. An unknown --lang never reaches here: the root refuses it
// before any command runs.
func (a *App) outputLang() string {
	t, _ := a.Chosen()
	return string(t)
}
