package main

import "sync"

// keyspace is the database: every key with its value and expiry time.
//
// One mutex guards it all. server.execute holds mu for the whole of each command, which makes
// every command atomic, as in Redis (which runs one command at a time). The methods below
// therefore do no locking of their own: call them with mu held.
type keyspace struct {
	mu   sync.Mutex
	keys map[string]entry
}

// An entry is what a key holds.
type entry struct {
	value value
	// expiresAt is when the key expires, in milliseconds since the Unix epoch (the unit Redis
	// keeps and writes to RDB files); 0 means never.
	expiresAt int64
}

// A value is the data under a key. Each kind of value is its own type; commands check which
// they got, and answer WRONGTYPE when it is not theirs. Lists will be a second implementation.
type value interface {
	// typeName is the kind's name, as the TYPE command reports it.
	typeName() string
}

// stringValue is a Redis string: any bytes, not necessarily text.
type stringValue []byte

func (stringValue) typeName() string { return "string" }

func newKeyspace() *keyspace {
	return &keyspace{keys: make(map[string]entry)}
}

// expired reports whether the entry's time is over at now. Like Redis, a key is still there
// during the millisecond it expires in, and gone after it.
func (e entry) expired(now int64) bool {
	return e.expiresAt != 0 && now > e.expiresAt
}

// get returns the entry of key at time now. A key whose time is over is deleted on the way:
// Redis calls this lazy expiry, done when a key is touched. (Redis also deletes expired keys in
// the background, so that keys nobody reads do not pile up; that comes with a later stage.)
func (ks *keyspace) get(key string, now int64) (entry, bool) {
	e, ok := ks.keys[key]
	if !ok {
		return entry{}, false
	}
	if e.expired(now) {
		delete(ks.keys, key)
		return entry{}, false
	}
	return e, true
}

// set stores e under key, replacing whatever was there. The entry's value must not be modified
// afterwards: GET hands the same bytes to a connection that writes them out after the lock is
// released.
func (ks *keyspace) set(key string, e entry) {
	ks.keys[key] = e
}
