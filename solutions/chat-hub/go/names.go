package main

// maxNameLength: Budget Chat asks that names of at least 16 characters work; 32 are allowed here,
// so a long name fits, yet no name can make every line that carries it huge.
const maxNameLength = 32

// isLegalName reports whether name is 1 to maxNameLength ASCII letters and digits.
//
// Letters and digits only keeps every line that carries a name unambiguous: no name can contain
// "]" and forge "[alice] " inside a message, contain a space and read as two names in a listing,
// or contain a line end. The check is on bytes, not runes, on purpose: a non-ASCII letter such as
// "ü" is two bytes, neither of them an ASCII letter, so it is refused, as the contract wants
// (unicode.IsLetter would accept it).
func isLegalName(name []byte) bool {
	if len(name) == 0 || len(name) > maxNameLength {
		return false
	}
	for _, b := range name {
		isLetter := 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
		isDigit := '0' <= b && b <= '9'
		if !isLetter && !isDigit {
			return false
		}
	}
	return true
}
