package main

import "strings"

// Header holds header fields. Names are case-insensitive (RFC 9110 §5.1), so they are stored
// lower-cased; a name that occurs on several lines keeps every value, in order.
type Header map[string][]string

func (h Header) add(name, value string) {
	key := strings.ToLower(name)
	h[key] = append(h[key], value)
}

// Get returns the first value of the named field, or "".
func (h Header) Get(name string) string {
	if v := h[strings.ToLower(name)]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Values returns every value of the named field, one per line it occurred on.
func (h Header) Values(name string) []string {
	return h[strings.ToLower(name)]
}

// List returns the elements of a list-based field (RFC 9110 §5.6.1: "#element"), across all its
// lines, without surrounding whitespace and without empty elements.
func (h Header) List(name string) []string {
	var elems []string
	for _, v := range h.Values(name) {
		for _, e := range strings.Split(v, ",") {
			if e = strings.TrimSpace(e); e != "" {
				elems = append(elems, e)
			}
		}
	}
	return elems
}

// HasToken reports whether a list-based field contains token, compared case-insensitively
// (as in "Connection: close").
func (h Header) HasToken(name, token string) bool {
	for _, e := range h.List(name) {
		if strings.EqualFold(e, token) {
			return true
		}
	}
	return false
}

func isOWS(c byte) bool { return c == ' ' || c == '\t' }

// isToken reports whether s is a token (RFC 9110 §5.6.2): one or more tchar.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTchar(s[i]) {
			return false
		}
	}
	return true
}

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
func isTchar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
