package main

// keyspace is the database: every key with its value and expiry time, plus the two kinds of
// clients that wait on keys: WATCHers (cmd_multi.go) and clients blocked in BLPOP (blocking.go).
// Redis keeps the same things together in its redisDb struct.
//
// It has no lock of its own: server.mu guards it, and every method must be called with server.mu
// held. Commands run with it held from start to end, which makes each command atomic, as in
// Redis (which runs one command at a time).
type keyspace struct {
	keys map[string]entry
	// expiring holds the keys that have an expiry time: the only keys active expiry needs to
	// look at (expire.go). Redis keeps the same second index, its "expires" dict.
	expiring map[string]struct{}

	// watchers lists, for each WATCHed key, the clients watching it.
	watchers map[string]map[*client]struct{}
	// waiters lists, for each key, the clients blocked in BLPOP on it, first come first served.
	waiters map[string][]*waiter
	// ready lists the keys pushed to during the current command that have waiters. They are
	// served when the command (or the whole EXEC) ends, as in Redis.
	ready []string
}

// An entry is what a key holds.
type entry struct {
	value value
	// expiresAt is when the key expires, in milliseconds since the Unix epoch (the unit Redis
	// keeps and writes to RDB files); 0 means never.
	expiresAt int64
}

// A value is the data under a key. Each kind of value is its own type; commands check which
// they got, and answer WRONGTYPE when it is not theirs.
type value interface {
	// typeName is the kind's name, as the TYPE command reports it.
	typeName() string
}

// stringValue is a Redis string: any bytes, not necessarily text. It is never modified in
// place: a command that changes a string stores a new one.
type stringValue []byte

func (stringValue) typeName() string { return "string" }

func newKeyspace() *keyspace {
	return &keyspace{
		keys:     make(map[string]entry),
		expiring: make(map[string]struct{}),
		watchers: make(map[string]map[*client]struct{}),
		waiters:  make(map[string][]*waiter),
	}
}

// expired reports whether the entry's time is over at now. Like Redis, a key is still there
// during the millisecond it expires in, and gone after it.
func (e entry) expired(now int64) bool {
	return e.expiresAt != 0 && now > e.expiresAt
}

// lookup returns the entry of key at time now. A key whose time is over is deleted on the way:
// Redis calls this lazy expiry, done whenever a command touches a key. Active expiry
// (expire.go) reclaims the expired keys that nobody touches.
func (ks *keyspace) lookup(key string, now int64) (entry, bool) {
	e, ok := ks.keys[key]
	if !ok {
		return entry{}, false
	}
	if e.expired(now) {
		ks.remove(key)
		// In Redis 7.0 a key that expires when it is accessed counts as modified for WATCH (a
		// key deleted by active expiry does not: see expireSample).
		ks.touched(key)
		return entry{}, false
	}
	return e, true
}

// set stores v under key with the given expiry time (0: none), replacing whatever was there.
func (ks *keyspace) set(key string, v value, expiresAt int64) {
	ks.keys[key] = entry{value: v, expiresAt: expiresAt}
	if expiresAt != 0 {
		ks.expiring[key] = struct{}{}
	} else {
		delete(ks.expiring, key)
	}
	ks.touched(key)
}

// delete removes key and reports whether it was there (and not expired).
func (ks *keyspace) delete(key string, now int64) bool {
	if _, ok := ks.lookup(key, now); !ok {
		return false
	}
	ks.remove(key)
	ks.touched(key)
	return true
}

// remove forgets key, without telling WATCHers.
func (ks *keyspace) remove(key string) {
	delete(ks.keys, key)
	delete(ks.expiring, key)
}

// touched tells the clients WATCHing key that it changed: their next EXEC fails. Redis calls
// this signalModifiedKey; every command that writes a key calls it.
func (ks *keyspace) touched(key string) {
	for c := range ks.watchers[key] {
		// A key that had already expired when the client watched it counted as missing then.
		// If it is missing now too (lazy expiry just deleted it), nothing changed for that
		// client; if it exists again, something did.
		if c.watched[key] {
			if _, exists := ks.keys[key]; !exists {
				c.watched[key] = false
				continue
			}
		}
		c.dirty = true
	}
}
