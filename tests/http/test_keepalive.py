"""Keep-alive and pipelining on one raw TCP connection: a request whose body
arrives in a later TCP segment is answered, pipelined requests are all
answered in order, and a pipelined request split across segments is not
dropped. Every answer must arrive within a few seconds."""

import json
import socket
import time
import unittest

import harness

ANSWER_TIMEOUT = 5.0  # seconds


class RawConn:
    """One HTTP/1.1 keep-alive connection driven byte by byte."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=ANSWER_TIMEOUT)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""

    def close(self):
        self.sock.close()

    def send(self, data):
        self.sock.sendall(data)

    def _fill(self):
        chunk = self.sock.recv(65536)  # socket.timeout when the server does not answer
        if not chunk:
            raise ConnectionError("the server closed the connection")
        self.buf += chunk

    def read_answer(self):
        """Returns (status, headers dict with lower-case names, body bytes)."""
        while b"\r\n\r\n" not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(self.buf) < length:
            self._fill()
        body, self.buf = self.buf[:length], self.buf[length:]
        return status, headers, body


def get(path):
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


def sign_in_parts(login="editor"):
    """The sign-in POST as (head, body): the head ends at the blank line."""
    body = json.dumps({"login": login, "password": harness.DEMO_PASSWORD}).encode()
    head = ("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    return head, body


class KeepAliveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        self.conn = RawConn(self.server.port)

    def tearDown(self):
        self.conn.close()

    def assert_signed_in(self, answer):
        status, headers, body = answer
        self.assertEqual(status, 200, body[:300])
        self.assertEqual(json.loads(body)["user"]["login"], "editor")

    def test_body_in_a_second_segment_is_answered_again_and_again(self):
        head, body = sign_in_parts()
        for _ in range(3):  # the same keep-alive connection each time
            self.conn.send(head)
            time.sleep(0.05)
            self.conn.send(body)
            self.assert_signed_in(self.conn.read_answer())

    def test_body_split_in_the_middle(self):
        head, body = sign_in_parts()
        self.conn.send(head + body[:10])
        time.sleep(0.05)
        self.conn.send(body[10:])
        self.assert_signed_in(self.conn.read_answer())
        self.conn.send(get("/healthz"))
        self.assertEqual(self.conn.read_answer()[0], 200)

    def test_pipelined_pair_in_one_segment(self):
        self.conn.send(get("/healthz") + get("/api/v1/me"))
        self.assertEqual(self.conn.read_answer()[0], 200)
        self.assertEqual(self.conn.read_answer()[0], 401)  # not signed in: answered, in order

    def test_many_pipelined_requests(self):
        self.conn.send(get("/healthz") * 12)
        for _ in range(12):
            self.assertEqual(self.conn.read_answer()[0], 200)

    def test_pipelined_request_whose_body_comes_later(self):
        head, body = sign_in_parts()
        self.conn.send(get("/healthz") + head)
        time.sleep(0.05)
        self.conn.send(body)
        self.assertEqual(self.conn.read_answer()[0], 200)
        self.assert_signed_in(self.conn.read_answer())

    def test_pipelined_pair_after_a_split_body(self):
        head, body = sign_in_parts()
        self.conn.send(head)
        time.sleep(0.05)
        self.conn.send(body + get("/healthz"))
        self.assert_signed_in(self.conn.read_answer())
        self.assertEqual(self.conn.read_answer()[0], 200)

    def test_head_split_across_segments_then_pipelined(self):
        request = get("/healthz")
        self.conn.send(request[:7])
        time.sleep(0.05)
        self.conn.send(request[7:] + request)
        self.assertEqual(self.conn.read_answer()[0], 200)
        self.assertEqual(self.conn.read_answer()[0], 200)


if __name__ == "__main__":
    unittest.main()
