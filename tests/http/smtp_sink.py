"""A minimal SMTP server on 127.0.0.1 for the e-mail scenarios: it accepts
every message and keeps it, parsed with the standard email package."""

import email
import email.policy
import socketserver
import threading
import time


class _Handler(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        try:
            self.session()
        except ConnectionError:
            pass  # the client was killed: keep nothing of an unfinished message

    def session(self):
        self.say("220 sink ESMTP")
        sender, rcpts = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip()
            verb = cmd[:4].upper()
            if verb == "EHLO":
                self.say("250-sink")
                self.say("250 8BITMIME")
            elif verb in ("HELO", "NOOP", "RSET"):
                self.say("250 ok")
            elif verb == "MAIL":
                sender, rcpts = cmd[cmd.index("<") + 1:cmd.index(">")], []
                self.say("250 ok")
            elif verb == "RCPT":
                rcpts.append(cmd[cmd.index("<") + 1:cmd.index(">")])
                self.say("250 ok")
            elif verb == "DATA":
                self.say("354 go ahead")
                data = bytearray()
                while True:
                    l = self.rfile.readline()
                    if not l:
                        return  # the client went away mid-message: keep nothing, as SMTP does
                    if l in (b".\r\n", b".\n"):
                        break
                    data += l[1:] if l.startswith(b"..") else l
                msg = email.message_from_bytes(bytes(data), policy=email.policy.default)
                self.server.messages.append((sender, rcpts, msg))
                self.say("250 queued")
            elif verb == "QUIT":
                self.say("221 bye")
                return
            else:
                self.say("502 not implemented")


class SmtpSink:
    def __init__(self):
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.messages = []
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def messages(self):
        return self.server.messages

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count, timeout=30):
        deadline = time.time() + timeout
        while len(self.messages) < count and time.time() < deadline:
            time.sleep(0.1)
        return self.messages
