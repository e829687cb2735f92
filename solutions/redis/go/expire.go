package main

import "time"

// Active expiry. Lazy expiry (keyspace.lookup) deletes an expired key when a command touches it;
// a key that nobody touches again would stay in memory forever, and DBSIZE would keep counting
// it. So, like Redis, the server also runs a cycle in the background that samples keys with an
// expiry time and deletes those whose time is over.
// https://redis.io/docs/latest/commands/expire/#how-redis-expires-keys
const (
	// expireCyclePeriod: 10 cycles a second (Redis's default "hz 10").
	expireCyclePeriod = 100 * time.Millisecond
	// expireSampleSize is how many keys one round looks at (Redis's
	// ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP).
	expireSampleSize = 20
	// expireCycleBudget bounds the time one cycle spends, so that a million keys expiring at
	// once cannot make the server stall: a quarter of the period, as in Redis.
	expireCycleBudget = 25 * time.Millisecond
)

// expireCycle runs active expiry until stop is closed.
func (s *server) expireCycle(stop <-chan struct{}) {
	ticker := time.NewTicker(expireCyclePeriod)
	defer ticker.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ticker.C:
			s.expireSome()
		}
	}
}

// expireSome is one cycle: rounds of sampling, repeated while more than a quarter of a sample
// was expired (then many more probably are) and the time budget lasts. Each round takes the lock
// on its own, so clients are served between rounds.
func (s *server) expireSome() {
	start := time.Now()
	for time.Since(start) < expireCycleBudget {
		s.mu.Lock()
		sampled, expired := s.db.expireSample(s.now(), expireSampleSize)
		s.mu.Unlock()
		if expired*4 <= sampled { // also true when nothing was sampled: no key has an expiry
			return
		}
	}
}

// expireSample looks at up to n keys that have an expiry time and deletes the expired ones.
//
// A range over a Go map starts at a random place, which makes the first n keys a random sample
// at no cost. Deleting the current key during a range is allowed.
func (ks *keyspace) expireSample(now int64, n int) (sampled, expired int) {
	for key := range ks.expiring {
		if sampled == n {
			break
		}
		sampled++
		if ks.keys[key].expired(now) {
			// Unlike lazy expiry, this does not tell WATCHers (no ks.touched): Redis 7.0's
			// active expiry does not either, and EXEC succeeds when a watched key was reclaimed
			// this way. (A watched key that expired but is still stored does fail the EXEC:
			// see client.watchedKeyChanged.)
			ks.remove(key)
			expired++
		}
	}
	return sampled, expired
}
