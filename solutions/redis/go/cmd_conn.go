package main

// ping answers PING with PONG, and PING message with the message (as a bulk string).
// https://redis.io/docs/latest/commands/ping/
//
// A subscribed connection answers with an array instead, ["pong", message] (message empty when
// there is none): in RESP2 such a connection receives only arrays, the shape of messages.
func ping(ctx *cmdContext, args [][]byte) reply {
	if len(args) > 2 {
		// The table says "one or more words" (-1); PING itself refuses more than two.
		return wrongArity("ping")
	}
	if ctx.client.subscriptions() > 0 {
		msg := []byte{}
		if len(args) == 2 {
			msg = args[1]
		}
		return array{bulkString("pong"), bulkString(msg)}
	}
	if len(args) == 2 {
		return bulkString(args[1])
	}
	return simpleString("PONG")
}

// echo answers ECHO message with the message, byte for byte.
// https://redis.io/docs/latest/commands/echo/
func echo(_ *cmdContext, args [][]byte) reply {
	return bulkString(args[1])
}

// quit answers OK, then the server closes the connection.
// https://redis.io/docs/latest/commands/quit/
func quit(ctx *cmdContext, _ [][]byte) reply {
	ctx.client.closeAfterReply = true
	return simpleString("OK")
}

// reset returns the connection to its state at connect: no transaction, no watched keys, no
// subscriptions (left without a confirmation each).
// https://redis.io/docs/latest/commands/reset/
func reset(ctx *cmdContext, _ [][]byte) reply {
	ctx.s.forget(ctx.client)
	return simpleString("RESET")
}
