package main

import (
	"sort"
	"sync"
)

// room is who has joined, under which name, and what everyone hears when someone joins, talks or
// leaves. It knows nothing about reading sockets; it only queues lines in members' outboxes.
//
// Why a mutex-guarded room, and not a hub goroutine that owns the state and serves join, leave
// and broadcast requests from channels. Both are idiomatic Go, and both rest on the same rule:
// whoever holds the state (the lock, or the hub's loop) never waits for a client. Here every
// operation is short and cannot wait, since it only updates a map and queues lines with a
// non-blocking send. Holding a lock for that long gives what a hub goroutine would: one order of
// events, in which every member's outbox receives its lines. And it takes less machinery: join
// returns "name taken" as a plain result, not through a reply channel; there is no extra
// goroutine to start and stop; a test builds a room as a plain value. A hub goroutine earns its
// keep when the owner also has to wait on things, several channels or timers at once.
//
// Checking that a name is free and taking it happen under one lock, in join: no two clients can
// both be told that a name is free.
type room struct {
	mu sync.Mutex
	// members maps a name to the client that holds it: a name is taken exactly while its client
	// is in here. Guarded by mu.
	members map[string]*client
}

func newRoom() *room {
	return &room{members: make(map[string]*client)}
}

// join lets c in under c.name, unless the name is taken, and reports whether it did. The
// newcomer is told who is already here (even when nobody is), those already here are told about
// the newcomer; it does not hear its own arrival.
func (r *room) join(c *client) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, taken := r.members[c.name]; taken {
		return false
	}
	names := make([]string, 0, len(r.members))
	for name := range r.members {
		names = append(names, name)
	}
	sort.Strings(names) // a map has no order; a sorted listing reads better than a random one
	// The outbox holds the welcome line at most: the listing fits.
	c.send(roomContainsLine(names))
	r.broadcastLocked(c, enteredLine(c.name))
	r.members[c.name] = c
	return true
}

// say relays a line from c to every other member as "[name] text"; the sender gets nothing back.
// It reports false, relaying nothing, when c is no longer a member: the room may have dropped it
// as a slow consumer while its session still had lines to read, and a line from a client after
// its departure was announced would be a line from nowhere.
func (r *room) say(c *client, text []byte) bool {
	line := chatLine(c.name, text) // built before taking the lock: it may be 64 KiB
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.members[c.name] != c {
		return false
	}
	r.broadcastLocked(c, line)
	return true
}

// leave takes c out and tells the others, if c is a member. It may be called any number of times,
// for a client that never joined too: the departure is announced once, when it happens.
func (r *room) leave(c *client) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.removeLocked(c)
}

// removeLocked is leave with r.mu held.
func (r *room) removeLocked(c *client) {
	// Compare the client, not just the name: a client must never evict another of the same name.
	if r.members[c.name] != c {
		return
	}
	delete(r.members, c.name)
	r.broadcastLocked(c, leftLine(c.name))
}

// broadcastLocked queues line for every member but except (which may be nil), with r.mu held.
//
// The slow-consumer policy. A member whose outbox is full (outboxLines lines or maxOutboxBytes
// bytes waiting, on top of what the kernel's socket buffers already hold for it) is disconnected
// at once: it is taken out of the room, its departure announced like any other, and its connection
// closed, dropping what was still queued. The alternatives are worse. Waiting for room in its outbox would let one
// client that stops reading hold up the sender, then, through the room lock, everyone. Skipping
// lines would show it a conversation with holes in it that it could not detect. A disconnection
// it does detect, and it can come back. IRC servers do the same ("Max SendQ exceeded").
//
// Announcing a departure is a broadcast too, which may find more members with full outboxes: each
// is dropped in turn. This ends, since every round removes a member.
func (r *room) broadcastLocked(except *client, line []byte) {
	var full []*client
	for _, m := range r.members {
		if m != except && !m.send(line) {
			full = append(full, m)
		}
	}
	for _, m := range full {
		m.kick()
		// A member already dropped while announcing an earlier one: removeLocked does nothing.
		r.removeLocked(m)
	}
}
