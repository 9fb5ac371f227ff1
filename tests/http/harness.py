"""Test harness for HTTP scenarios: starts the real jianbao server on a
loopback port against a fresh SQLite file or a PostgreSQL cluster that it
starts itself, and gives tests a small cookie-and-CSRF-aware client.

Environment:
  JIANBAO_BIN        server binary (default build/jianbao)
  JIANBAO_TEST_DB    "sqlite" (default) or "postgres"
"""

import base64
import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("JIANBAO_BIN", os.path.join(ROOT, "build", "jianbao"))
DEMO_PASSWORD = "Jianbao@2020"
PG_BIN = "/usr/lib/postgresql/15/bin"


def assert_styles_by_hash(test, html, csp):
    """Checks a page the server writes itself (HTML edition, distribution
    sheets): no style attributes, and a policy without 'unsafe-inline' that
    allows each <style> of the page's head by its SHA-256 hash."""
    test.assertNotIn(" style=", html)
    test.assertNotIn("unsafe-inline", csp)
    test.assertNotIn("unsafe-eval", csp)
    test.assertIn("default-src 'none'", csp)
    styles = re.findall(r"<style>(.*?)</style>", html.split("</head>")[0], re.S)
    test.assertTrue(styles)
    for css in styles:
        digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
        test.assertIn(f"'sha256-{digest}'", csp)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """A throw-away PostgreSQL 15 cluster on a loopback port."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="jb-pg-")
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:  # initdb refuses to run as root
            self.user = "postgres"
            shutil.chown(self.dir, self.user, self.user)

    def _run(self, *args):
        cmd = list(args)
        if self.user:
            cmd = ["runuser", "-u", self.user, "--"] + cmd
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self):
        data = os.path.join(self.dir, "data")
        self._run(f"{PG_BIN}/initdb", "-D", data, "-A", "trust", "-U", "jianbao", "-E", "UTF8",
                  "--locale=C.UTF-8")
        self._run(f"{PG_BIN}/pg_ctl", "-D", data, "-w", "-l", os.path.join(self.dir, "log"),
                  "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=on",
                  "start")
        return self

    def url(self, db="postgres"):
        return f"postgresql://jianbao@127.0.0.1:{self.port}/{db}"

    def create_database(self, name):
        self._run(f"{PG_BIN}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "jianbao",
                  "-d", "postgres", "-c", f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self):
        try:
            self._run(f"{PG_BIN}/pg_ctl", "-D", os.path.join(self.dir, "data"), "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


_pg = None
_db_counter = 0


def engine():
    return os.environ.get("JIANBAO_TEST_DB", "sqlite")


def fresh_db_url(tmpdir):
    """Returns a URL of an empty database for the engine under test."""
    global _pg, _db_counter
    if engine() == "postgres":
        if _pg is None:
            _pg = Postgres().start()
        _db_counter += 1
        return _pg.create_database(f"jb_test_{_db_counter}")
    return "sqlite:" + os.path.join(tmpdir, f"jianbao-{time.time_ns()}.db")


def stop_postgres():
    global _pg
    if _pg is not None:
        _pg.stop()
        _pg = None


class Server:
    """The jianbao server process on a loopback port."""

    def __init__(self, db_url=None, demo=True, extra_env=None):
        self.tmp = tempfile.mkdtemp(prefix="jb-http-")
        self.db_url = db_url or fresh_db_url(self.tmp)
        self.demo = demo
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, JIANBAO_LOG_LEVEL="warn", **(extra_env or {}))
        self.proc = None

    def start(self):
        args = [BIN, "serve", "--db", self.db_url, "--listen", f"127.0.0.1:{self.port}",
                "--web-root", os.path.join(ROOT, "web", "dist")]
        if self.demo:
            args.append("--demo")
        self.log = open(os.path.join(self.tmp, "server.log"), "ab")
        self.proc = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + self.read_log())
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        raise RuntimeError("server did not become healthy: " + self.read_log())

    def read_log(self, tail=4000):
        with open(os.path.join(self.tmp, "server.log"), "rb") as f:
            return f.read().decode("utf-8", "replace")[-tail:]

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()

    def client(self, login=None, password=DEMO_PASSWORD, lang="zh"):
        c = Client(self.base, lang)
        if login:
            status, body, _ = c.call("POST", "/api/v1/session", {"login": login, "password": password})
            if status != 200:
                raise AssertionError(f"sign-in of {login} failed: {status} {body}")
        return c


class Client:
    def __init__(self, base, lang="zh"):
        self.base = base
        self.lang = lang
        self.csrf = None
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def call(self, method, path, body=None, raw=None, headers=None, csrf=True):
        """Returns (status, parsed JSON or text, headers)."""
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Accept-Language", self.lang)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            req.add_header("X-CSRF-Token", self.csrf)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with self.opener.open(req, timeout=30) as r:
                status, payload, hdrs = r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            status, payload, hdrs = e.code, e.read(), e.headers
        text = payload.decode("utf-8", "replace")
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        if isinstance(parsed, dict) and "csrf_token" in parsed:
            self.csrf = parsed["csrf_token"]
        return status, parsed, hdrs
