import * as net from "node:net";

// Print freely while debugging: byo shows your program's output prefixed with [your_program].
console.log("Logs from your program will appear here!");

// Stage 1: uncomment the block below (remove the "// " in front of each line between the markers).
// BYO-STAGE-1 BEGIN
// const server = net.createServer(handleConnection);
// server.listen(listenPort());
// BYO-STAGE-1 END

// Runs only if the program is about to exit with nothing listening: delete it once you listen.
process.once("beforeExit", () => {
  console.log("byo: nothing is listening yet. To pass stage 1, uncomment the BYO-STAGE-1 block in src/main.ts (it listens on port 7777).");
});

// handleConnection talks to one client. Stage 1 only needs the connection accepted;
// from stage 2 on, send the welcome line, then read the client's lines ("data" events) and write to it here.
function handleConnection(socket: net.Socket): void {
  socket.end();
}

// listenPort is 7777, or N when started with --port N (anywhere in the arguments)
// or with the PORT environment variable set.
function listenPort(): number {
  let port = process.env.PORT || "7777";
  const args = process.argv.slice(2);
  args.forEach((arg, i) => {
    if (arg === "--port" && i + 1 < args.length) {
      port = args[i + 1]!;
    } else if (arg.startsWith("--port=")) {
      port = arg.slice("--port=".length);
    }
  });
  return Number(port);
}
