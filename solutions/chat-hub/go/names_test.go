package main

import (
	"strings"
	"testing"
)

func TestIsLegalName(t *testing.T) {
	tests := []struct {
		name  string
		legal bool
	}{
		{"alice", true},
		{"a", true},
		{"Bob42", true},
		{"12345", true}, // digits only
		{strings.Repeat("x", 16), true},
		{strings.Repeat("Z9", 16), true}, // 32, the longest
		{strings.Repeat("x", 33), false},
		{"", false},
		{"two words", false},
		{" alice", false},
		{"x!y", false},
		{"-dash", false},
		{"a.b", false},
		{"under_score", false},
		{"[alice]", false},
		{"tab\t", false},
		{"cr\r", false},
		{"\u00fcn\u00ef", false},      // non-ASCII letters, as UTF-8
		{"\xfc", false},               // a latin1 byte
		{"caf\u00e9", false},          // ASCII with one non-ASCII letter
		{"\uff41\uff42\uff43", false}, // fullwidth letters
		{"nul\x00", false},
	}
	for _, tt := range tests {
		if got := isLegalName([]byte(tt.name)); got != tt.legal {
			t.Errorf("isLegalName(%q) = %v, want %v", tt.name, got, tt.legal)
		}
	}
}
