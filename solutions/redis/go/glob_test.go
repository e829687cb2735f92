package main

import "testing"

// Each case was checked with redis-server 7.0.15: SET the string as the only key, then KEYS
// pattern, which answers it when it matches.
func TestKeysPattern(t *testing.T) {
	tests := []struct {
		pattern, str string
		match        bool
	}{
		{"*", "anything", true},
		{"*", "", true},
		{"h?llo", "hello", true},
		{"h?llo", "hllo", false},
		{"h*llo", "hllo", true},
		{"h*llo", "heeeello", true},
		{"h[ae]llo", "hallo", true},
		{"h[ae]llo", "hillo", false},
		{"h[^e]llo", "hallo", true},
		{"h[^e]llo", "hello", false},
		{"h[a-b]llo", "hbllo", true},
		{"h[a-b]llo", "hcllo", false},
		{"h[b-a]llo", "hallo", true},
		{"user:*", "user:1", true},
		{"user:*", "users:1", false},
		{"a\\*b", "a*b", true},
		{"a\\*b", "axb", false},
		{"[\\]]", "]", true},
		{"[\\-]", "-", true},
		{"[a-]", "-", false},
		{"[]]", "]", false},
		{"[]", "x", false},
		{"[", "[", false},
		{"[abc", "a", true},
		{"[abc", "[abc", false},
		{"a[", "a", false},
		{"a[", "a[", false},
		{"\\", "\\", true},
		{"a\\", "a\\", true},
		{"a\\", "a", false},
		{"*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaa", false},
		{"a*", "a", true},
		{"*a", "ba", true},
		{"**", "x", true},
		{"a**", "a", true},
		{"?", "", false},
		{"?", "ab", false},
		{"[^]x", "y", false},
		{"[^a-c]", "d", true},
		{"[^a-c]", "b", false},
		{"[a-c-e]", "d", false},
		{"[a-c-e]", "-", true},
		{"h\\[llo", "h[llo", true},
		{"[*]", "*", true},
		{"[?]", "x", false},
		{"*/*", "a/b", true},
		{"*", "a/b", true},
		{"[\x80-\xff]", "\x90", true},
		{"[\x00-\x7f]", "\x90", false},
		{"[\xff-\x01]", "\x00", true},
		{"\xe9*", "\xe9t\xe9", true},
		{"*x", "x", true},
		{"x*x", "x", false},
		{"[a-]x", "-x", false},
		{"[-a]", "-", true},
		{"a*b*c", "abxbc", true},
		{"a*b*c", "acb", false},
		{"*?", "", false},
		{"*?", "a", true},
		{"[^", "a", true},
		{"[^", "^", true},
	}
	for _, tt := range tests {
		c := newClient(testServer(), nil)
		do(c, "SET", tt.str, "v")
		want := "*0\r\n"
		if tt.match {
			want = string(array{bulkString(tt.str)}.appendTo(nil))
		}
		if got := do(c, "KEYS", tt.pattern); got != want {
			t.Errorf("KEYS %q with key %q: got %q, want %q", tt.pattern, tt.str, got, want)
		}
	}
}

// A pattern that would take exponential time without Redis's early exit.
func TestStringMatchIsFast(t *testing.T) {
	pattern := []byte("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b")
	str := make([]byte, 5000)
	for i := range str {
		str[i] = 'a'
	}
	if stringMatch(pattern, str, false) {
		t.Error("matched")
	}
}
