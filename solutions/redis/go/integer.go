package main

import "strconv"

// parseInt parses b as Redis's string2ll does, which is how Redis reads every integer: length
// prefixes on the wire, PX and EX, INCRBY and the value it adds to, LRANGE's indexes. The syntax
// is an optional '-', then digits with no leading zero (except "0" itself). Nothing else is a number: not "+5", "007", " 5",
// "-0" or "1.5". strconv.ParseInt alone would accept the first two.
func parseInt(b []byte) (int64, bool) {
	if len(b) == 1 && b[0] == '0' {
		return 0, true
	}
	digits := b
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || digits[0] < '1' || digits[0] > '9' {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	// The syntax is right; ParseInt now only reports a value that overflows 64 bits.
	n, err := strconv.ParseInt(string(b), 10, 64)
	return n, err == nil
}
