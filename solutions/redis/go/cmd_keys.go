package main

// del deletes the keys and answers how many existed.
// https://redis.io/docs/latest/commands/del/
func del(ctx *cmdContext, args [][]byte) reply {
	n := 0
	for _, key := range args[1:] {
		if ctx.db.delete(string(key), ctx.now) {
			n++
		}
	}
	return integer(n)
}

// exists answers how many of the keys exist. A key named twice counts twice.
// https://redis.io/docs/latest/commands/exists/
func exists(ctx *cmdContext, args [][]byte) reply {
	n := 0
	for _, key := range args[1:] {
		if _, ok := ctx.db.lookup(string(key), ctx.now); ok {
			n++
		}
	}
	return integer(n)
}

// typeOf answers TYPE key: string, list, or none when there is no such key.
// https://redis.io/docs/latest/commands/type/
func typeOf(ctx *cmdContext, args [][]byte) reply {
	e, ok := ctx.db.lookup(string(args[1]), ctx.now)
	if !ok {
		return simpleString("none")
	}
	return simpleString(e.value.typeName())
}

// keys answers the keys that match a glob-style pattern (glob.go), in no particular order.
// https://redis.io/docs/latest/commands/keys/
//
// Like Redis it looks at every key, which is slow on a big database; Redis recommends SCAN in
// production. Expired keys are left out but, as in Redis, not deleted here.
func keys(ctx *cmdContext, args [][]byte) reply {
	pattern := args[1]
	all := string(pattern) == "*"
	found := array{}
	for key, e := range ctx.db.keys {
		if e.expired(ctx.now) {
			continue
		}
		if all || stringMatch(pattern, []byte(key), false) {
			found = append(found, bulkString(key))
		}
	}
	return found
}

// ttl and pttl answer how long a key has left to live, in seconds or milliseconds: -2 when
// there is no such key, -1 when it has no expiry time.
// https://redis.io/docs/latest/commands/ttl/
func ttl(ctx *cmdContext, args [][]byte) reply  { return timeToLive(ctx, args[1], false) }
func pttl(ctx *cmdContext, args [][]byte) reply { return timeToLive(ctx, args[1], true) }

func timeToLive(ctx *cmdContext, key []byte, inMilliseconds bool) reply {
	e, ok := ctx.db.lookup(string(key), ctx.now)
	switch {
	case !ok:
		return integer(-2)
	case e.expiresAt == 0:
		return integer(-1)
	}
	left := e.expiresAt - ctx.now // ≥ 0: the key is still there during its last millisecond
	if inMilliseconds {
		return integer(left)
	}
	// Rounded to the nearest second, as Redis does: 4,500 ms left is 5 s, 4,499 ms is 4 s.
	return integer((left + 500) / 1000)
}

// dbsize answers the number of keys stored. Like Redis, it counts expired keys that neither
// lazy nor active expiry has deleted yet.
// https://redis.io/docs/latest/commands/dbsize/
func dbsize(ctx *cmdContext, _ [][]byte) reply {
	return integer(len(ctx.db.keys))
}
