package main

// Clients blocked in BLPOP. The BLPOP command (cmd_list.go) registers a waiter under each key it
// waits on, releases the server lock and waits on the waiter's channel. A command that pushes to
// one of those keys marks the key ready; when the command ends, still under the lock, the server
// pops elements for the waiters, first come first served, and hands each its element through the
// channel. The handing over happens under the lock, so no other client can take the element in
// between, and every waiter gets exactly one.

// A waiter is a client blocked in BLPOP.
type waiter struct {
	keys []string
	// served receives the element handed to this waiter. Its capacity of 1 lets the server
	// hand it over without waiting for the blocked goroutine, which may be busy giving up on a
	// timeout at that very moment (see blpop).
	served chan popped
}

// popped is an element popped for a waiter, and the key it came from.
type popped struct {
	key   string
	value []byte
}

// block registers a waiter on keys (each once, however often it is named).
func (ks *keyspace) block(keys []string) *waiter {
	w := &waiter{served: make(chan popped, 1)}
	for _, key := range keys {
		if !containsString(w.keys, key) {
			w.keys = append(w.keys, key)
			ks.waiters[key] = append(ks.waiters[key], w)
		}
	}
	return w
}

// unblock removes the waiter from every key it waits on.
func (ks *keyspace) unblock(w *waiter) {
	for _, key := range w.keys {
		queue := ks.waiters[key]
		for i, other := range queue {
			if other == w {
				queue = append(queue[:i], queue[i+1:]...)
				break
			}
		}
		if len(queue) == 0 {
			delete(ks.waiters, key)
		} else {
			ks.waiters[key] = queue
		}
	}
}

// signalReady notes that elements were pushed to key. Commands call it after a push; the
// waiters are served when the command ends (serveBlocked), not in the middle of it: in
// MULTI; RPUSH k a; LPOP k; EXEC the LPOP gets the element, as in Redis.
func (ks *keyspace) signalReady(key string) {
	if len(ks.waiters[key]) > 0 && !containsString(ks.ready, key) {
		ks.ready = append(ks.ready, key)
	}
}

// serveBlocked hands the elements of the ready keys to their waiters, one element each, in the
// order they started waiting. It runs after every command, with the server locked.
func (ks *keyspace) serveBlocked() {
	for i := 0; i < len(ks.ready); i++ {
		key := ks.ready[i]
		e, ok := ks.keys[key]
		l, isList := e.value.(*listValue)
		if !ok || !isList {
			continue // emptied or replaced by the end of the command
		}
		served := 0
		for l.len() > 0 && len(ks.waiters[key]) > 0 {
			w := ks.waiters[key][0]
			ks.unblock(w) // from this key and all the others it waits on
			w.served <- popped{key: key, value: l.popFront()}
			served++
		}
		if served > 0 {
			ks.popped(key, l)
		}
	}
	ks.ready = ks.ready[:0]
}

// giveBack puts an element handed to a waiter back at the head of its list, for a client that
// hung up before it could send the element on: the element was never delivered, so it must not
// be lost. The next waiter on the key, if any, gets it.
func (ks *keyspace) giveBack(p popped) {
	e, ok := ks.keys[p.key]
	l, isList := e.value.(*listValue)
	switch {
	case !ok:
		l = &listValue{}
		ks.set(p.key, l, 0)
	case !isList:
		return // the key was replaced by a string since: there is no list to put it back in
	}
	l.pushFront(p.value)
	ks.touched(p.key)
	ks.signalReady(p.key)
}

// popped is called after elements were popped from the list at key: an emptied list is
// deleted, as Redis never keeps an empty list.
func (ks *keyspace) popped(key string, l *listValue) {
	if l.len() == 0 {
		ks.remove(key)
	}
	ks.touched(key)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
