"""Budget Chat (Protohackers problem 3), and nothing more: what a competent solver writes for that problem.

It splits lines on \n only and keeps a \r as part of the text, as Budget Chat allows: that is why it fails
chat-hub's `line-framing` stage, the first one beyond Budget Chat.
"""
import asyncio
import os
import re
import sys

NAME = re.compile(r"[A-Za-z0-9]{1,32}")


class Room:
    def __init__(self):
        self.members = {}  # name -> StreamWriter, in joining order

    def broadcast(self, line, exclude=None):
        data = (line + "\n").encode("latin-1")
        for name, writer in self.members.items():
            if name != exclude:
                writer.write(data)


room = Room()


async def handle(reader, writer):
    writer.write(b"Welcome to budgetchat! What shall I call you?\n")
    name = None
    try:
        first = await reader.readline()
        candidate = first[:-1].decode("latin-1") if first.endswith(b"\n") else None
        if candidate is None or not NAME.fullmatch(candidate):
            return
        name = candidate
        writer.write(("* The room contains: " + ", ".join(room.members) + "\n").encode("latin-1"))
        room.broadcast(f"* {name} has entered the room")
        room.members[name] = writer
        while True:
            line = await reader.readline()
            if not line.endswith(b"\n"):
                return  # end of stream (a partial last line is dropped)
            room.broadcast(f"[{name}] {line[:-1].decode('latin-1')}", exclude=name)
    except (ConnectionError, asyncio.LimitOverrunError, ValueError):
        return
    finally:
        if name is not None and room.members.get(name) is writer:
            del room.members[name]
            room.broadcast(f"* {name} has left the room")
        writer.close()


def listen_port():
    port = os.environ.get("PORT") or "7777"
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--port" and i + 1 < len(args):
            port = args[i + 1]
    return int(port)


async def main():
    # limit: Budget Chat needs lines of at least 1,000 characters; 64 KiB is plenty for it.
    server = await asyncio.start_server(handle, "127.0.0.1", listen_port(), limit=65536)
    print(f"listening on 127.0.0.1:{listen_port()}")
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
