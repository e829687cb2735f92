// Hostile program: fails on start, like a learner's server with a typo in its port parsing.
console.error('panic: invalid port ""');
process.exit(3);
