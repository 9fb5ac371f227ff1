"""Load-generation pieces shared by the load test and the benches: a keep-alive
connection that signs requests as a role, a thread-safe recorder of answers
and failures, and a /healthz watchdog in its own process (so that the load
threads' GIL cannot delay it).

Python 3 standard library only.
"""

import http.client
import json
import multiprocessing
import socket
import threading
import time

REQUEST_TIMEOUT = 10.0  # seconds: a request without an answer by then is a failure
HEALTH_TIMEOUT = 1.0  # seconds: /healthz must answer within this, during and after the load


class Session:
    """A signed-in user: the session cookie and the CSRF token."""

    def __init__(self, login, cookie, csrf):
        self.login = login
        self.cookie = cookie
        self.csrf = csrf


class Answer:
    def __init__(self, status, body, headers):
        self.status = status
        self.body = body
        self.headers = headers

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.body else None


class Conn:
    """One keep-alive HTTP/1.1 connection to the server. Not thread-safe: one per worker."""

    def __init__(self, port, timeout=REQUEST_TIMEOUT):
        self.port = port
        self.timeout = timeout
        self.conn = None

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, session=None, body=None, raw=None, content_type=None):
        """Returns an Answer. Raises OSError (socket.timeout included) or
        http.client.HTTPException when the server does not answer; the
        connection is then closed and the next request opens a new one."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        headers = {"Accept-Language": "zh"}
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            content_type = "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        if session is not None:
            headers["Cookie"] = "jb_session=" + session.cookie
            if method not in ("GET", "HEAD") and session.csrf:
                headers["X-CSRF-Token"] = session.csrf
        try:
            self.conn.request(method, path, body=data, headers=headers)
            resp = self.conn.getresponse()
            payload = resp.read()
            answer = Answer(resp.status, payload, resp.headers)
            if resp.will_close:
                self.close()
            return answer
        except (OSError, http.client.HTTPException):
            self.close()
            raise


def sign_in(port, login, password):
    """Returns a Session for `login`. Raises AssertionError when sign-in fails."""
    conn = Conn(port, timeout=30)
    try:
        a = conn.request("POST", "/api/v1/session", body={"login": login, "password": password})
    finally:
        conn.close()
    if a.status != 200:
        raise AssertionError(f"sign-in of {login}: {a.status} {a.body[:200]!r}")
    cookie = None
    for header in a.headers.get_all("Set-Cookie") or []:
        first = header.split(";", 1)[0]
        if first.startswith("jb_session="):
            cookie = first[len("jb_session="):]
    if not cookie:
        raise AssertionError(f"sign-in of {login}: no jb_session cookie")
    return Session(login, cookie, a.json().get("csrf_token"))


class Recorder:
    """Counts answers per (route, status) and keeps the failures. Thread-safe."""

    MAX_KEPT = 50
    ABORT_AFTER = 10  # failures; then `aborted` is set and the load stops early

    def __init__(self):
        self.lock = threading.Lock()
        self.aborted = threading.Event()
        self.counts = {}  # (method, route) -> {status: n}
        self.ok_routes = set()  # (method, route) that answered 2xx/3xx at least once
        self.failures = []  # human-readable, first MAX_KEPT
        self.failure_count = 0
        self.requests = 0
        self.slowest = (0.0, "")

    def fail(self, what):
        with self.lock:
            self.failure_count += 1
            if len(self.failures) < self.MAX_KEPT:
                self.failures.append(what)
            if self.failure_count >= self.ABORT_AFTER:
                self.aborted.set()

    def call(self, conn, method, route, path, session=None, **kw):
        """Sends one request and records its outcome. Returns the Answer, or
        None when the server did not answer (recorded as a failure)."""
        start = time.monotonic()
        who = session.login if session else "anonymous"
        try:
            a = conn.request(method, path, session=session, **kw)
        except socket.timeout:
            self.fail(f"{method} {path} as {who}: no answer within {conn.timeout:.0f} s")
            return None
        except (OSError, http.client.HTTPException) as e:
            self.fail(f"{method} {path} as {who}: connection failed: {e!r}")
            return None
        secs = time.monotonic() - start
        with self.lock:
            self.requests += 1
            by_status = self.counts.setdefault((method, route), {})
            by_status[a.status] = by_status.get(a.status, 0) + 1
            if a.status < 400:
                self.ok_routes.add((method, route))
            if secs > self.slowest[0]:
                self.slowest = (secs, f"{method} {path} as {who}")
        if a.status >= 500:
            self.fail(f"{method} {path} as {who}: {a.status} {a.body[:300]!r}")
        return a

    def status_summary(self):
        total = {}
        with self.lock:
            for by_status in self.counts.values():
                for status, n in by_status.items():
                    total[status] = total.get(status, 0) + n
        return ", ".join(f"{s}: {n}" for s, n in sorted(total.items()))


def _watch_health(port, stop, out):
    """Runs in a child process: probes /healthz until `stop` is set; puts the
    list of problems (empty when every probe answered 200 in time) on `out`."""
    problems = []
    conn = Conn(port, timeout=HEALTH_TIMEOUT)
    probes = 0
    while not stop.is_set():
        start = time.monotonic()
        try:
            a = conn.request("GET", "/healthz")
            if a.status != 200:
                problems.append(f"/healthz answered {a.status} {a.body[:200]!r}")
        except socket.timeout:
            problems.append(f"/healthz: no answer within {HEALTH_TIMEOUT:.0f} s "
                            f"(at {time.strftime('%H:%M:%S')})")
        except (OSError, http.client.HTTPException) as e:
            problems.append(f"/healthz: connection failed: {e!r}")
        probes += 1
        time.sleep(max(0.0, 0.2 - (time.monotonic() - start)))
    conn.close()
    out.put((probes, problems))


class HealthWatch:
    """Probes /healthz five times a second from a separate process."""

    def __init__(self, port):
        ctx = multiprocessing.get_context("fork")
        self.stop_event = ctx.Event()
        self.queue = ctx.Queue()
        self.proc = ctx.Process(target=_watch_health, args=(port, self.stop_event, self.queue),
                                daemon=True)

    def start(self):
        self.proc.start()
        return self

    def stop(self):
        """Returns (number of probes, list of problems)."""
        self.stop_event.set()
        result = self.queue.get(timeout=30)
        self.proc.join(timeout=10)
        return result
