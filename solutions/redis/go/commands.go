package main

import (
	"bytes"
	"fmt"
	"strings"
)

// A command is one entry of the command table.
type command struct {
	// name is the command's name in lower case, as Redis spells it in error messages. A
	// subcommand is named after its container and itself: "config|get".
	name string
	// arity counts the words of a call, the name included, as Redis's COMMAND INFO does: N means
	// exactly N words, -N means N or more. GET is 2 (GET key), SET is -3 (SET key value ...).
	arity int
	// run executes the command, with the server locked, and returns the reply. args[0] is the
	// name as the client spelled it; the arity is already checked. A nil reply sends nothing.
	run func(ctx *cmdContext, args [][]byte) reply

	// noQueue: inside MULTI the command runs at once instead of being queued. These are the
	// commands that control the transaction itself (MULTI, EXEC, DISCARD, WATCH) or the connection
	// (QUIT, RESET).
	noQueue bool
	// subscribedOK: the command is allowed while the connection is subscribed to channels. In
	// RESP2 a subscribed connection only receives messages, so Redis refuses everything else.
	subscribedOK bool
	// subcommands, for a container command such as CONFIG, are found by the second word.
	subcommands commandTable
}

// cmdContext is what a command runs with.
type cmdContext struct {
	s      *server
	db     *keyspace
	client *client
	// now is the time in milliseconds since the Unix epoch, read once per command (once per
	// EXEC), so every expiry decision within it agrees. Milliseconds because that is the unit of
	// PX, of PTTL and of expiry times in RDB files.
	now int64
	// inExec is set while EXEC runs the queued commands: a transaction cannot wait, so BLPOP
	// answers at once.
	inExec bool
}

func (c *command) acceptsArgs(n int) bool {
	if c.arity < 0 {
		return n >= -c.arity
	}
	return n == c.arity
}

// commandTable maps lower-case names to commands.
type commandTable map[string]*command

// newCommandTable lists every command the server knows, with Redis's arities. Adding a command
// is adding a line here and writing its run function; the lookup and the arity and
// unknown-command errors come free, and so do MULTI queueing and the subscribed-mode check.
func newCommandTable() commandTable {
	return makeTable(
		// Connection (cmd_conn.go)
		&command{name: "ping", arity: -1, run: ping, subscribedOK: true},
		&command{name: "echo", arity: 2, run: echo},
		&command{name: "quit", arity: -1, run: quit, noQueue: true, subscribedOK: true},
		&command{name: "reset", arity: 1, run: reset, noQueue: true, subscribedOK: true},
		&command{name: "config", arity: -2, subcommands: makeTable(
			&command{name: "config|get", arity: -3, run: configGet},
		)},
		// Strings (cmd_string.go)
		&command{name: "get", arity: 2, run: get},
		&command{name: "set", arity: -3, run: set},
		&command{name: "incr", arity: 2, run: incr},
		&command{name: "decr", arity: 2, run: decr},
		&command{name: "incrby", arity: 3, run: incrby},
		&command{name: "decrby", arity: 3, run: decrby},
		// Keys (cmd_keys.go)
		&command{name: "del", arity: -2, run: del},
		&command{name: "exists", arity: -2, run: exists},
		&command{name: "type", arity: 2, run: typeOf},
		&command{name: "keys", arity: 2, run: keys},
		&command{name: "ttl", arity: 2, run: ttl},
		&command{name: "pttl", arity: 2, run: pttl},
		&command{name: "dbsize", arity: 1, run: dbsize},
		// Lists (cmd_list.go)
		&command{name: "rpush", arity: -3, run: rpush},
		&command{name: "lpush", arity: -3, run: lpush},
		&command{name: "lrange", arity: 4, run: lrange},
		&command{name: "llen", arity: 2, run: llen},
		&command{name: "lpop", arity: -2, run: lpop},
		&command{name: "blpop", arity: -3, run: blpop},
		// Transactions (cmd_multi.go)
		&command{name: "multi", arity: 1, run: multi, noQueue: true},
		&command{name: "exec", arity: 1, run: exec, noQueue: true},
		&command{name: "discard", arity: 1, run: discard, noQueue: true},
		&command{name: "watch", arity: -2, run: watch, noQueue: true},
		&command{name: "unwatch", arity: 1, run: unwatch},
		// Pub/Sub (cmd_pubsub.go)
		&command{name: "subscribe", arity: -2, run: subscribe, subscribedOK: true},
		&command{name: "unsubscribe", arity: -1, run: unsubscribe, subscribedOK: true},
		&command{name: "psubscribe", arity: -2, run: psubscribe, subscribedOK: true},
		&command{name: "punsubscribe", arity: -1, run: punsubscribe, subscribedOK: true},
		&command{name: "publish", arity: 3, run: publish},
	)
}

func makeTable(commands ...*command) commandTable {
	t := commandTable{}
	for _, c := range commands {
		// A subcommand is looked up by its own word: "get" for "config|get".
		name := c.name
		if i := strings.IndexByte(name, '|'); i >= 0 {
			name = name[i+1:]
		}
		t[name] = c
	}
	return t
}

// lookup finds the command that args call, by name in any letter case, and for a container
// command such as CONFIG the subcommand named by the second word. When there is none it returns
// the error to answer with, worded as Redis words it.
func (t commandTable) lookup(args [][]byte) (*command, errorReply) {
	cmd := t[asciiLower(args[0])]
	if cmd == nil {
		return nil, unknownCommand(args)
	}
	// CONFIG alone is the container itself, whose arity (-2) then refuses it.
	if cmd.subcommands == nil || len(args) == 1 {
		return cmd, ""
	}
	if sub := cmd.subcommands[asciiLower(args[1])]; sub != nil {
		return sub, ""
	}
	return nil, unknownSubcommand(args)
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

func asciiUpper(b []byte) string {
	upper := make([]byte, len(b))
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		upper[i] = c
	}
	return string(upper)
}

// Errors shared by several commands, worded as Redis words them.
const (
	errSyntax     errorReply = "ERR syntax error"
	errNotInteger errorReply = "ERR value is not an integer or out of range"
	errWrongType  errorReply = "WRONGTYPE Operation against a key holding the wrong kind of value"
)

// maxQuotedInError is how many bytes of the client's words an unknown-command error quotes.
const maxQuotedInError = 128

// wrongArity names the command in lower case ("config|get" for a subcommand), whatever case the
// client used.
func wrongArity(name string) errorReply {
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
func unknownCommand(args [][]byte) errorReply {
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

// unknownSubcommand: "ERR unknown subcommand 'FOO'. Try CONFIG HELP." The subcommand is quoted as
// sent, the container in upper case.
func unknownSubcommand(args [][]byte) errorReply {
	return errorReply(fmt.Sprintf("ERR unknown subcommand '%s'. Try %s HELP.",
		truncate(cString(args[1]), maxQuotedInError), asciiUpper(cString(args[0]))))
}

// cString returns b up to its first NUL byte, as C would read it.
func cString(b []byte) []byte {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
