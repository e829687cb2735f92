package main

import (
	"math"
	"strconv"
)

// stringAt returns the entry at key and whether there is one, or WRONGTYPE when it holds
// something else than a string.
func (ctx *cmdContext) stringAt(key []byte) (entry, bool, errorReply) {
	e, ok := ctx.db.lookup(string(key), ctx.now)
	if !ok {
		return entry{}, false, ""
	}
	if _, isString := e.value.(stringValue); !isString {
		return entry{}, false, errWrongType // the key holds a list
	}
	return e, true, ""
}

// get answers GET key with the key's value, or a null bulk string when there is no such key (or
// it has expired).
// https://redis.io/docs/latest/commands/get/
func get(ctx *cmdContext, args [][]byte) reply {
	e, found, err := ctx.stringAt(args[1])
	switch {
	case err != "":
		return err
	case !found:
		return nullBulk{}
	}
	return bulkString(e.value.(stringValue))
}

// set stores SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-seconds |
// PXAT unix-milliseconds | KEEPTTL].
// https://redis.io/docs/latest/commands/set/
//
//   - EX, PX, EXAT, PXAT: the key expires after that long, or at that time. Without one of them
//     (or KEEPTTL) the key never expires, whatever expiry it had before.
//   - NX: only if the key does not exist; XX: only if it does. Otherwise nothing is stored and
//     the answer is a null bulk string.
//   - KEEPTTL: keep the key's expiry time.
//   - GET: answer the old value (null if none) instead of OK.
//
// Nothing is stored when an option is wrong.
func set(ctx *cmdContext, args [][]byte) reply {
	key, val := string(args[1]), args[2]

	// First the shape of the options, then the number: Redis answers "syntax error" for
	// SET k v PX abc EX 1, and "not an integer" for SET k v PX abc. Each rule below is one of
	// Redis's: NX and XX exclude each other; the expiry options exclude each other and KEEPTTL,
	// but one may be repeated (the last one wins).
	var nx, xx, withGet, keepTTL bool
	var expiry string // "ex", "px", "exat" or "pxat"; "" when there is none
	var expire []byte // the number after it
	for i := 3; i < len(args); i++ {
		switch opt := asciiLower(args[i]); {
		case opt == "nx" && !xx:
			nx = true
		case opt == "xx" && !nx:
			xx = true
		case opt == "get":
			withGet = true
		case opt == "keepttl" && expiry == "":
			keepTTL = true
		case (opt == "ex" || opt == "px" || opt == "exat" || opt == "pxat") &&
			!keepTTL && (expiry == "" || expiry == opt) && i+1 < len(args):
			expiry, expire = opt, args[i+1]
			i++
		default:
			return errSyntax
		}
	}

	var expiresAt int64 // 0: the key never expires
	if expiry != "" {
		n, ok := parseInt(expire)
		if !ok {
			return errNotInteger
		}
		var unit int64 = 1 // milliseconds per unit of n
		if expiry == "ex" || expiry == "exat" {
			unit = 1000
		}
		// The expiry time must be positive and fit in 64 bits.
		invalid := errorReply("ERR invalid expire time in 'set' command")
		if n <= 0 || n > math.MaxInt64/unit {
			return invalid
		}
		expiresAt = n * unit
		if expiry == "ex" || expiry == "px" { // a duration, from now
			if expiresAt > math.MaxInt64-ctx.now {
				return invalid
			}
			expiresAt += ctx.now
		}
	}

	old, exists := ctx.db.lookup(key, ctx.now)
	var answer reply = simpleString("OK")
	if withGet {
		answer = nullBulk{}
		if exists {
			s, ok := old.value.(stringValue)
			if !ok {
				return errWrongType // without GET, SET replaces a list like anything else
			}
			answer = bulkString(s)
		}
	}
	if (nx && exists) || (xx && !exists) {
		if withGet {
			return answer
		}
		return nullBulk{}
	}
	if keepTTL {
		expiresAt = old.expiresAt
	}
	ctx.db.set(key, stringValue(val), expiresAt)
	return answer
}

// incr, decr, incrby and decrby add to the integer that a string holds. A missing key counts as
// 0; the result is stored as decimal text, and the key keeps its expiry time.
// https://redis.io/docs/latest/commands/incr/
func incr(ctx *cmdContext, args [][]byte) reply { return incrementBy(ctx, args[1], 1) }
func decr(ctx *cmdContext, args [][]byte) reply { return incrementBy(ctx, args[1], -1) }

func incrby(ctx *cmdContext, args [][]byte) reply {
	by, ok := parseInt(args[2])
	if !ok {
		return errNotInteger
	}
	return incrementBy(ctx, args[1], by)
}

func decrby(ctx *cmdContext, args [][]byte) reply {
	by, ok := parseInt(args[2])
	if !ok {
		return errNotInteger
	}
	if by == math.MinInt64 { // -by does not exist in 64 bits
		return errorReply("ERR decrement would overflow")
	}
	return incrementBy(ctx, args[1], -by)
}

func incrementBy(ctx *cmdContext, key []byte, by int64) reply {
	e, found, err := ctx.stringAt(key)
	if err != "" {
		return err
	}
	var n int64 // a missing key counts as 0
	if found {
		var ok bool
		// The same strict syntax as every integer Redis reads: "01", " 1", "1.0" are not.
		if n, ok = parseInt(e.value.(stringValue)); !ok {
			return errNotInteger
		}
	}
	if (by > 0 && n > math.MaxInt64-by) || (by < 0 && n < math.MinInt64-by) {
		return errorReply("ERR increment or decrement would overflow")
	}
	n += by
	ctx.db.set(string(key), stringValue(strconv.AppendInt(nil, n, 10)), e.expiresAt)
	return integer(n)
}
