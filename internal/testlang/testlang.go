// Package testlang is for tests: it finds English left in a text that
// should be French or German (a translation of the instrument, a reason
// why a file is refused), so that every package checks it the same way.
package testlang

import "regexp"

// EnglishWord finds common English words that no French or German sentence
// uses; a translated text that contains one is partly untranslated. Proper
// names that contain such words must not appear in translations (none does
// today).
var EnglishWord = regexp.MustCompile(`(?i)\b(the|and|with|your|which|should|from|this|that|when|each|every)\b`)

// quoted matches what a message quotes from a file ("text", `1e309`): the
// user's words, which stay as they were written.
var quoted = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")

// EnglishIn returns the first English word (EnglishWord) of s outside what
// s quotes from a file, or "" when there is none.
func EnglishIn(s string) string {
	return EnglishWord.FindString(quoted.ReplaceAllString(s, `""`))
}
