package main

import "math"

// get answers GET key with the key's value, or a null bulk string when there is no such key (or
// it has expired).
// https://redis.io/docs/latest/commands/get/
func get(ctx *cmdContext, args [][]byte) reply {
	e, ok := ctx.db.get(string(args[1]), ctx.now)
	if !ok {
		return nullBulk{}
	}
	s, ok := e.value.(stringValue)
	if !ok {
		return errWrongType // the key holds a list or another kind of value
	}
	return bulkString(s)
}

// set stores SET key value [EX seconds | PX milliseconds]: with EX or PX the key expires after
// that long. Setting a key replaces its value and its expiry, whatever they were.
// https://redis.io/docs/latest/commands/set/
//
// The other options (NX, XX, GET, KEEPTTL, EXAT, PXAT) come with a later stage; until then they
// are syntax errors.
func set(ctx *cmdContext, args [][]byte) reply {
	key, value := args[1], args[2]

	// First check the shape of the options, then the number: Redis answers "syntax error" for
	// SET k v PX abc EX 1, and "not an integer" for SET k v PX abc.
	var ttl []byte // the argument of EX or PX
	var unit int64 // milliseconds per unit of ttl: 1000 after EX, 1 after PX, 0 without either
	for i := 3; i < len(args); i++ {
		hasArg := i+1 < len(args)
		switch opt := asciiLower(args[i]); {
		// A repeated PX (or EX) is allowed, the last one wins; EX and PX together are not.
		case opt == "ex" && hasArg && unit != 1:
			ttl, unit = args[i+1], 1000
			i++
		case opt == "px" && hasArg && unit != 1000:
			ttl, unit = args[i+1], 1
			i++
		default:
			return errSyntax
		}
	}

	var expiresAt int64 // 0: the key never expires
	if unit != 0 {
		n, ok := parseInt(ttl)
		if !ok {
			return errNotInteger
		}
		// The expiry time must be in the future and fit in 64 bits.
		if n <= 0 || n > math.MaxInt64/unit || n*unit > math.MaxInt64-ctx.now {
			return errorReply("ERR invalid expire time in 'set' command")
		}
		expiresAt = ctx.now + n*unit
	}
	ctx.db.set(string(key), entry{value: stringValue(value), expiresAt: expiresAt})
	return simpleString("OK")
}
