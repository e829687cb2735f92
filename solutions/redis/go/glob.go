package main

// stringMatch reports whether str matches the glob-style pattern, exactly as Redis's
// stringmatchlen (util.c) decides it. KEYS, PSUBSCRIBE and CONFIG GET use it.
// https://redis.io/docs/latest/commands/keys/
//
//	in a pattern  matches
//	?             any one byte
//	*             any run of bytes, the empty one included
//	[abc]         one of a, b, c; [^abc] any other byte; [a-c] a range (either way round: [c-a])
//	\x            the byte x itself, outside or inside brackets
//
// Go's path.Match looks alike but differs: its * does not match '/', it reports malformed
// patterns as errors where Redis just matches or does not, and it works on UTF-8 characters
// rather than bytes.
func stringMatch(pattern, str []byte, nocase bool) bool {
	skipLonger := false
	return stringMatchFrom(pattern, str, nocase, &skipLonger, 0)
}

// stringMatchFrom is the translation of stringmatchlen_impl, index by index. C strings end with a
// NUL byte, and the C code reads it now and then; at() gives the same 0 past the end.
//
// skipLonger cuts a search short: once the rest of the pattern after a * matched nowhere in the
// rest of the string, no earlier * can help by matching more, so every caller gives up. Without
// it a pattern like a*a*a*a*a*b takes exponential time. nesting bounds the recursion.
func stringMatchFrom(pattern, str []byte, nocase bool, skipLonger *bool, nesting int) bool {
	if nesting > 1000 {
		return false // protection against abusive patterns
	}
	at := func(i int) byte {
		if i < len(pattern) {
			return pattern[i]
		}
		return 0
	}
	p, s := 0, 0 // positions in pattern and str
	for p < len(pattern) && s < len(str) {
		switch pattern[p] {
		case '*':
			for at(p+1) == '*' {
				p++
			}
			if p == len(pattern)-1 {
				return true // a trailing * matches whatever is left
			}
			for ; s < len(str); s++ {
				if stringMatchFrom(pattern[p+1:], str[s:], nocase, skipLonger, nesting+1) {
					return true
				}
				if *skipLonger {
					return false
				}
			}
			*skipLonger = true
			return false
		case '?':
			s++
		case '[':
			p++
			not := at(p) == '^'
			if not {
				p++
			}
			match := false
			for {
				if at(p) == '\\' && len(pattern)-p >= 2 {
					p++
					if pattern[p] == str[s] {
						match = true
					}
				} else if at(p) == ']' {
					break
				} else if p == len(pattern) {
					p-- // an unclosed [: step back so that the p++ below ends the pattern
					break
				} else if len(pattern)-p >= 3 && pattern[p+1] == '-' {
					// C compares the bytes as (signed) chars: 0x80–0xff sort before 0x00.
					lo, hi, c := int(int8(pattern[p])), int(int8(pattern[p+2])), int(int8(str[s]))
					if lo > hi {
						lo, hi = hi, lo
					}
					if nocase {
						lo, hi, c = lowerInt(lo), lowerInt(hi), lowerInt(c)
					}
					p += 2
					if lo <= c && c <= hi {
						match = true
					}
				} else if sameByte(pattern[p], str[s], nocase) {
					match = true
				}
				p++
			}
			if not {
				match = !match
			}
			if !match {
				return false
			}
			s++
		case '\\':
			if len(pattern)-p >= 2 {
				p++
			}
			if !sameByte(pattern[p], str[s], nocase) {
				return false
			}
			s++
		default:
			if !sameByte(pattern[p], str[s], nocase) {
				return false
			}
			s++
		}
		p++
		if s == len(str) {
			for at(p) == '*' {
				p++
			}
			break
		}
	}
	return p == len(pattern) && s == len(str)
}

func sameByte(a, b byte, nocase bool) bool {
	if nocase {
		return lowerInt(int(a)) == lowerInt(int(b))
	}
	return a == b
}

// lowerInt is C's tolower: ASCII letters only.
func lowerInt(c int) int {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
