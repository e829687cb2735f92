package main

import "fmt"

// A command is one entry of the command table.
type command struct {
	// name is the command's name in lower case, as Redis spells it in error messages.
	name string
	// arity counts the words of a call, the name included, as Redis's COMMAND INFO does: N means
	// exactly N words, -N means N or more. GET is 2 (GET key), SET is -3 (SET key value ...).
	arity int
	// run executes the command, with the keyspace locked, and returns the reply. args[0] is
	// the name as the client spelled it; the arity is already checked.
	run func(ctx *cmdContext, args [][]byte) reply
}

// cmdContext is what a command runs with. Later stages add the client (MULTI queues,
// subscriptions) and the server's configuration (CONFIG GET dir).
type cmdContext struct {
	db *keyspace
	// now is the time in milliseconds since the Unix epoch, read once per command, so every
	// expiry decision within one command agrees. Milliseconds because that is the unit of PX,
	// of PTTL and of expiry times in RDB files.
	now int64
}

func (c *command) acceptsArgs(n int) bool {
	if c.arity < 0 {
		return n >= -c.arity
	}
	return n == c.arity
}

// commandTable maps lower-case names to commands.
type commandTable map[string]*command

// newCommandTable lists every command the server knows. Adding a command is adding a line here
// and writing its run function; the lookup and the arity and unknown-command errors come free.
func newCommandTable() commandTable {
	t := commandTable{}
	for _, c := range []*command{
		{name: "ping", arity: -1, run: ping},
		{name: "echo", arity: 2, run: echo},
		{name: "get", arity: 2, run: get},
		{name: "set", arity: -3, run: set},
	} {
		t[c.name] = c
	}
	return t
}

// lookup finds a command by name, in any letter case.
func (t commandTable) lookup(name []byte) *command {
	return t[asciiLower(name)]
}

// asciiLower lower-cases the ASCII letters of b. Redis compares command names and options
// ignoring ASCII case only; bytes.ToLower would also fold some non-ASCII letters onto ASCII ones
// (the Kelvin sign onto k), and mangle bytes that are not UTF-8.
func asciiLower(b []byte) string {
	lower := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return string(lower)
}

// Errors shared by several commands, worded as Redis words them.
const (
	errSyntax     errorReply = "ERR syntax error"
	errNotInteger errorReply = "ERR value is not an integer or out of range"
	errWrongType  errorReply = "WRONGTYPE Operation against a key holding the wrong kind of value"
)

// maxQuotedInError is how many bytes of the client's words an unknown-command error quotes.
const maxQuotedInError = 128

func wrongArity(name string) reply {
	return errorReply(fmt.Sprintf("ERR wrong number of arguments for '%s' command", name))
}

// unknownCommand words the error exactly as Redis 7.0 does, quirks included, so that a client
// sees the same bytes from either server:
//
//	"ERR unknown command 'FOO', with args beginning with: 'a' 'b' "
//
// The name is quoted as sent (not lower-cased), each argument is quoted and followed by a space
// (so the message ends with one), and quoting stops once 128 bytes of arguments are written.
// Redis formats with C's %s, which stops at a NUL byte, so a word is quoted up to its first NUL.
func unknownCommand(args [][]byte) reply {
	var quoted []byte
	for _, arg := range args[1:] {
		if len(quoted) >= maxQuotedInError {
			break
		}
		room := maxQuotedInError - len(quoted)
		quoted = append(quoted, '\'')
		quoted = append(quoted, truncate(cString(arg), room)...)
		quoted = append(quoted, "' "...)
	}
	return errorReply(fmt.Sprintf("ERR unknown command '%s', with args beginning with: %s",
		truncate(cString(args[0]), maxQuotedInError), quoted))
}

// cString returns b up to its first NUL byte, as C would read it.
func cString(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
