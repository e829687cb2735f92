import os
import socket
import sys
import threading


def main():
    # Print freely while debugging: byo shows your program's output prefixed with [your_program].
    print("Logs from your program will appear here!")

    # Stage 1: uncomment the block below (remove the "# " in front of each line between the markers).
    # BYO-STAGE-1 BEGIN
    # server = socket.create_server(("", listen_port()))
    # serve(server)
    # BYO-STAGE-1 END

    # Reached only while the block above is commented out (serve never returns): delete it once you listen.
    print("byo: nothing is listening yet. To pass stage 1, uncomment the BYO-STAGE-1 block in app/main.py (it listens on port 7777).")


def serve(server):
    """Accept connections forever and handle each one in its own thread."""
    while True:
        conn, _address = server.accept()
        threading.Thread(target=handle_connection, args=(conn,), daemon=True).start()


def handle_connection(conn):
    """Talk to one client. Stage 1 only needs the connection accepted;
    from stage 2 on, send the welcome line, then read the client's lines from conn and send on it here."""
    with conn:
        pass


def listen_port():
    """7777, or N when started with --port N (anywhere in the arguments)
    or with the PORT environment variable set."""
    port = os.environ.get("PORT") or "7777"
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--port" and i + 1 < len(args):
            port = args[i + 1]
        elif arg.startswith("--port="):
            port = arg.removeprefix("--port=")
    return int(port)


if __name__ == "__main__":
    main()
