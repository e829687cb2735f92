// Hostile program: runs forever without ever opening a port.
console.log('starting up, but I never listen');
setInterval(() => {}, 1 << 30);
