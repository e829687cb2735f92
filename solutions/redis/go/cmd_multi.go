package main

// Transactions: MULTI starts queueing the client's commands, EXEC runs them all at once (no other
// client's command runs in between) and answers an array of their replies, DISCARD drops them.
// WATCH makes the next EXEC fail if a watched key changes before it.
// https://redis.io/docs/latest/develop/interact/transactions/

// transaction is what a client queued since MULTI.
type transaction struct {
	queued []queuedCommand
	// failed is set when a command was refused while queueing (unknown, wrong number of
	// arguments): EXEC will then run nothing.
	failed bool
}

type queuedCommand struct {
	cmd  *command
	args [][]byte
}

// multi starts a transaction. The commands that follow are answered QUEUED (client.dispatch).
// https://redis.io/docs/latest/commands/multi/
func multi(ctx *cmdContext, _ [][]byte) reply {
	c := ctx.client
	if c.tx != nil {
		// An error, but the transaction goes on.
		return errorReply("ERR MULTI calls can not be nested")
	}
	c.tx = &transaction{}
	return simpleString("OK")
}

// exec runs the queued commands, in order, and answers an array of their replies. A command
// that fails at run time (INCR of a list) puts its error in the array; the others still run.
// https://redis.io/docs/latest/commands/exec/
func exec(ctx *cmdContext, _ [][]byte) reply {
	c := ctx.client
	if c.tx == nil {
		return errorReply("ERR EXEC without MULTI")
	}
	tx := c.tx
	changed := c.dirty || ctx.s.watchedKeyExpired(c, ctx.now)
	// The transaction ends here, whatever happens, and so do the watches.
	ctx.s.discardTransaction(c)
	if tx.failed {
		return errorReply("EXECABORT Transaction discarded because of previous errors.")
	}
	if changed {
		return nullArray{} // a watched key changed: nothing runs
	}
	// The server lock is held for the whole loop: the transaction is atomic. Keys pushed to
	// are served to blocked clients after it, by client.handle.
	ctx.inExec = true
	results := make(array, len(tx.queued))
	for i, q := range tx.queued {
		results[i] = q.cmd.run(ctx, q.args)
	}
	return results
}

// discard drops the queued commands and forgets the watched keys.
// https://redis.io/docs/latest/commands/discard/
func discard(ctx *cmdContext, _ [][]byte) reply {
	if ctx.client.tx == nil {
		return errorReply("ERR DISCARD without MULTI")
	}
	ctx.s.discardTransaction(ctx.client)
	return simpleString("OK")
}

// watch watches keys: if any changes before the client's next EXEC (a write by any client, this
// one included, or the key expiring), that EXEC runs nothing and answers a null array.
// https://redis.io/docs/latest/commands/watch/
func watch(ctx *cmdContext, args [][]byte) reply {
	c := ctx.client
	if c.tx != nil {
		return errorReply("ERR WATCH inside MULTI is not allowed")
	}
	if c.watched == nil {
		c.watched = make(map[string]bool)
	}
	for _, arg := range args[1:] {
		key := string(arg)
		if _, already := c.watched[key]; already {
			continue
		}
		e, exists := ctx.db.keys[key]
		c.watched[key] = exists && e.expired(ctx.now)
		if ctx.db.watchers[key] == nil {
			ctx.db.watchers[key] = make(map[*client]struct{})
		}
		ctx.db.watchers[key][c] = struct{}{}
	}
	return simpleString("OK")
}

// unwatch forgets the watched keys.
// https://redis.io/docs/latest/commands/unwatch/
func unwatch(ctx *cmdContext, _ [][]byte) reply {
	ctx.s.unwatchAll(ctx.client)
	return simpleString("OK")
}

// discardTransaction ends the client's transaction, if any, and forgets its watches: what EXEC,
// DISCARD, a refused EXEC, RESET and a disconnect all do.
func (s *server) discardTransaction(c *client) {
	c.tx = nil
	s.unwatchAll(c)
}

func (s *server) unwatchAll(c *client) {
	for key := range c.watched {
		delete(s.db.watchers[key], c)
		if len(s.db.watchers[key]) == 0 {
			delete(s.db.watchers, key)
		}
	}
	c.watched = nil
	c.dirty = false
}

// watchedKeyExpired reports whether a watched key has expired since WATCH but is still stored:
// nothing has deleted it yet, so nothing has marked the client dirty, yet it changed. (A key that
// had already expired when watched does not count.)
func (s *server) watchedKeyExpired(c *client, now int64) bool {
	for key, expiredWhenWatched := range c.watched {
		if e, ok := s.db.keys[key]; ok && !expiredWhenWatched && e.expired(now) {
			return true
		}
	}
	return false
}
