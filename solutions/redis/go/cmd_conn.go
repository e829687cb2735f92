package main

// ping answers PING with PONG, and PING message with the message (as a bulk string).
// https://redis.io/docs/latest/commands/ping/
func ping(_ *cmdContext, args [][]byte) reply {
	switch len(args) {
	case 1:
		return simpleString("PONG")
	case 2:
		return bulkString(args[1])
	default:
		// The table says "one or more words" (-1); PING itself refuses more than two.
		return wrongArity("ping")
	}
}

// echo answers ECHO message with the message, byte for byte.
// https://redis.io/docs/latest/commands/echo/
func echo(_ *cmdContext, args [][]byte) reply {
	return bulkString(args[1])
}
