package main

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// listAt returns the list stored at key, nil when there is no key, or WRONGTYPE.
func (ctx *cmdContext) listAt(key []byte) (*listValue, errorReply) {
	e, ok := ctx.db.lookup(string(key), ctx.now)
	if !ok {
		return nil, ""
	}
	l, ok := e.value.(*listValue)
	if !ok {
		return nil, errWrongType // the key holds a string
	}
	return l, ""
}

// rpush and lpush add elements at the tail or the head of a list, creating it if needed, and
// answer its new length. LPUSH k a b c leaves c first: each element goes to the head in turn.
// https://redis.io/docs/latest/commands/rpush/
func rpush(ctx *cmdContext, args [][]byte) reply { return push(ctx, args, false) }
func lpush(ctx *cmdContext, args [][]byte) reply { return push(ctx, args, true) }

func push(ctx *cmdContext, args [][]byte, atHead bool) reply {
	l, err := ctx.listAt(args[1])
	if err != "" {
		return err
	}
	key := string(args[1])
	if l == nil {
		l = &listValue{}
		ctx.db.set(key, l, 0)
	}
	for _, v := range args[2:] {
		if atHead {
			l.pushFront(v)
		} else {
			l.pushBack(v)
		}
	}
	ctx.db.touched(key)
	ctx.db.signalReady(key) // clients blocked in BLPOP get their elements when the command ends
	// The length after the push, even if blocked clients are about to take elements.
	return integer(l.len())
}

// lrange answers the elements from start to stop, both included. Negative indexes count from the
// end (-1 is the last element); indexes past either end are clamped, and an empty range
// answers an empty array.
// https://redis.io/docs/latest/commands/lrange/
func lrange(ctx *cmdContext, args [][]byte) reply {
	start, ok1 := parseInt(args[2])
	stop, ok2 := parseInt(args[3])
	if !ok1 || !ok2 {
		return errNotInteger
	}
	l, err := ctx.listAt(args[1])
	if err != "" {
		return err
	}
	if l == nil {
		return array{}
	}
	n := int64(l.len())
	if start < 0 {
		start += n
	}
	if stop < 0 {
		stop += n
	}
	if start < 0 {
		start = 0
	}
	if start > stop || start >= n {
		return array{}
	}
	if stop >= n {
		stop = n - 1
	}
	elements := make(array, 0, stop-start+1)
	for i := start; i <= stop; i++ {
		elements = append(elements, bulkString(l.at(int(i))))
	}
	return elements
}

// llen answers the length of a list, 0 when there is no key.
// https://redis.io/docs/latest/commands/llen/
func llen(ctx *cmdContext, args [][]byte) reply {
	l, err := ctx.listAt(args[1])
	if err != "" {
		return err
	}
	if l == nil {
		return integer(0)
	}
	return integer(l.len())
}

// lpop removes and answers the first element of a list: LPOP key answers it as a bulk string
// (null when there is no key), LPOP key count answers an array of up to count elements (a
// null array when there is no key). A list emptied by a pop is deleted.
// https://redis.io/docs/latest/commands/lpop/
func lpop(ctx *cmdContext, args [][]byte) reply {
	if len(args) > 3 {
		return wrongArity("lpop")
	}
	withCount := len(args) == 3
	var count int64
	if withCount {
		var ok bool
		// One error for both a negative count and one that is not a number, as in Redis.
		if count, ok = parseInt(args[2]); !ok || count < 0 {
			return errorReply("ERR value is out of range, must be positive")
		}
	}
	l, err := ctx.listAt(args[1])
	switch {
	case err != "":
		return err
	case l == nil && withCount:
		return nullArray{}
	case l == nil:
		return nullBulk{}
	case !withCount:
		v := l.popFront()
		ctx.db.popped(string(args[1]), l)
		return bulkString(v)
	case count == 0:
		return array{} // nothing popped, nothing changed
	}
	if count > int64(l.len()) {
		count = int64(l.len())
	}
	elements := make(array, count)
	for i := range elements {
		elements[i] = bulkString(l.popFront())
	}
	ctx.db.popped(string(args[1]), l)
	return elements
}

// blpop is LPOP's blocking form: BLPOP key [key ...] timeout pops from the first of the keys
// that holds a non-empty list, and answers [key, element]. When all are empty it waits until
// another client pushes to one of them, or until the timeout (in seconds, 0 for ever) has passed,
// and then answers a null array.
// https://redis.io/docs/latest/commands/blpop/
//
// Only this client waits: blpop releases the server lock while it waits, like sync.Cond.Wait
// does, and holds it again when it returns. Holding it while waiting would freeze every other
// client, the one that would push included.
func blpop(ctx *cmdContext, args [][]byte) reply {
	timeout, err := parseTimeout(args[len(args)-1])
	if err != "" {
		return err
	}
	keys := args[1 : len(args)-1]
	for _, key := range keys {
		l, err := ctx.listAt(key)
		if err != "" {
			return err
		}
		if l != nil {
			v := l.popFront()
			ctx.db.popped(string(key), l)
			return array{bulkString(key), bulkString(v)}
		}
	}
	if ctx.inExec {
		return nullArray{} // a transaction cannot wait: as if the timeout had passed
	}

	names := make([]string, len(keys))
	for i, key := range keys {
		names[i] = string(key)
	}
	w := ctx.db.block(names)
	var expired <-chan time.Time // nil, which never fires, when waiting for ever
	// A time.Duration holds up to 292 years: a longer timeout is for ever too.
	if timeout > 0 && timeout <= int64(math.MaxInt64/time.Millisecond) {
		timer := time.NewTimer(time.Duration(timeout) * time.Millisecond)
		defer timer.Stop()
		expired = timer.C
	}
	c := ctx.client
	// The replies to the commands before this one must not wait with it.
	c.out.flush()

	ctx.s.mu.Unlock()
	var hungUp bool
	select {
	case p := <-w.served:
		ctx.s.mu.Lock()
		return array{bulkString(p.key), bulkString(p.value)}
	case <-expired:
	case <-c.hangup:
		hungUp = true
	}
	ctx.s.mu.Lock()

	// A push may have served this waiter between the timer (or the hangup) and the lock.
	select {
	case p := <-w.served:
		if !hungUp {
			return array{bulkString(p.key), bulkString(p.value)}
		}
		ctx.db.giveBack(p) // nobody is left to send it to
	default:
		ctx.db.unblock(w)
	}
	if hungUp {
		// The client is gone: no reply, and the connection ends (Redis frees such a client).
		c.closeAfterReply = true
		return nil
	}
	return nullArray{}
}

// parseTimeout reads a blocking command's timeout as Redis 7.0 does: a number of seconds,
// written as C's strtold reads it (1, 0.5, 1e3, 0x1p3, inf), then rounded up to whole
// milliseconds. 0 means for ever.
func parseTimeout(b []byte) (milliseconds int64, err errorReply) {
	seconds, ok := parseLongDouble(b)
	if !ok {
		return 0, "ERR timeout is not a float or out of range"
	}
	ms := math.Ceil(seconds * 1000)
	// Redis then converts to a 64-bit integer. A value too big for one (inf, or 1e16 seconds)
	// comes out as the most negative integer on the machines Redis runs on, so Redis calls it
	// negative; so do we. (-0.0001 rounds up to 0: for ever.)
	if ms < 0 || ms >= math.MaxInt64 {
		return 0, "ERR timeout is negative"
	}
	return int64(ms), ""
}

// parseLongDouble accepts what Redis's string2ld accepts: a decimal or hexadecimal float,
// optionally signed, or inf / infinity, with nothing before or after it; not NaN.
// strconv.ParseFloat reads nearly the same syntax; the differences are handled here.
func parseLongDouble(b []byte) (float64, bool) {
	s := string(cString(b)) // Redis hands the bytes to strtold, which stops at a NUL
	if s == "" || strings.ContainsRune(s, '_') {
		return 0, false // ParseFloat allows 1_000; strtold does not
	}
	// strtold reads 0x10 as 16; ParseFloat wants a binary exponent after hexadecimal digits.
	unsigned := strings.TrimLeft(s[:1], "+-") + s[1:]
	if (strings.HasPrefix(unsigned, "0x") || strings.HasPrefix(unsigned, "0X")) && !strings.ContainsAny(s, "pP") {
		s += "p0"
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(f, 0) { // out of range for float64 (1e400) is still a number to Redis
		return 0, false
	}
	if math.IsNaN(f) {
		return 0, false
	}
	return f, true
}
