"""Two app servers on one PostgreSQL behind Debian's nginx (round robin): a
session made through one server works on the other, an upload through one is
served by the other, a publication started on one is complete on both, sign-in
throttling counts across both, and the two servers' mailers send each e-mail
copy exactly once. PostgreSQL only (skipped on SQLite)."""

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

import harness
import smtp_sink
from smtp_sink import SmtpSink

NGINX = "/usr/sbin/nginx"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082")

NGINX_CONF = """
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 64m;
    upstream jianbao {{
        server 127.0.0.1:{a};
        server 127.0.0.1:{b};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://jianbao;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 120s;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Nginx:
    """Debian's nginx on a loopback port with its own config, pid file,
    logs and temp paths in a temporary directory."""

    def __init__(self, upstream_ports):
        self.dir = tempfile.mkdtemp(prefix="jb-nginx-")
        os.chmod(self.dir, 0o755)  # workers run as nobody when started by root
        self.port = harness.free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.conf = os.path.join(self.dir, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(NGINX_CONF.format(dir=self.dir, a=upstream_ports[0], b=upstream_ports[1],
                                      port=self.port))
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(
            [NGINX, "-p", self.dir, "-c", self.conf, "-e", os.path.join(self.dir, "error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("nginx exited: " + self.log())
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        raise RuntimeError("nginx did not answer: " + self.log())

    def log(self):
        try:
            with open(os.path.join(self.dir, "error.log")) as f:
                return f.read()[-2000:]
        except OSError:
            return ""

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: finish, then exit
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def socket_owner(peer_port, pids):
    """Returns which of `pids` owns the loopback TCP socket bound to local
    port `peer_port` (the client end of an SMTP connection), or None."""
    inode = None
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if int(fields[1].split(":")[1], 16) == peer_port:
                inode = fields[9]
                break
    if inode is None:
        return None
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                    return pid
        except OSError:
            continue
    return None


class _SlowAttributedHandler(smtp_sink._Handler):
    """The sink's handler, slower (so that both mailers are busy at once) and
    noting which server process each connection came from."""

    def handle(self):
        self.server.senders.append(socket_owner(self.client_address[1], self.server.pids))
        time.sleep(0.05)
        super().handle()


servers, nginx, sink = [], None, None


def setUpModule():
    global nginx, sink
    if harness.engine() != "postgres":
        raise unittest.SkipTest("two app servers share one PostgreSQL; SQLite has one server")
    sink = SmtpSink()
    sink.server.RequestHandlerClass = _SlowAttributedHandler
    sink.server.senders, sink.server.pids = [], []
    sink.start()
    env = {"JIANBAO_MAIL_SMTP_URL": f"smtp://127.0.0.1:{sink.port}",
           "JIANBAO_MAIL_FROM": "bulletin@jianbao.test", "JIANBAO_MAIL_STARTTLS": "off",
           "JIANBAO_MAIL_POLL_SECONDS": "1"}
    tmp = tempfile.mkdtemp(prefix="jb-cluster-")
    url = harness.fresh_db_url(tmp)
    try:
        servers.append(harness.Server(db_url=url, demo=True, extra_env=env).start())
        servers.append(harness.Server(db_url=url, demo=False, extra_env=env).start())
        sink.server.pids.extend(s.proc.pid for s in servers)
        nginx = Nginx([s.port for s in servers]).start()
    except Exception:
        tearDownModule()
        raise


def tearDownModule():
    if nginx:
        nginx.stop()
    for s in servers:
        s.stop()
    if sink:
        sink.stop()


def upstream(headers):
    return headers.get("X-Upstream")


def sign_in(login):
    c = harness.Client(nginx.base)
    status, body, headers = c.call("POST", "/api/v1/session",
                                   {"login": login, "password": harness.DEMO_PASSWORD})
    assert status == 200, (status, body)
    return c, upstream(headers)


def same_session(client, server):
    """A client for `server` directly, sharing `client`'s cookies and token."""
    c = harness.Client(server.base)
    c.jar, c.opener, c.csrf = client.jar, client.opener, client.csrf
    return c


def other_server(addr):
    port = int(addr.rsplit(":", 1)[1])
    return next(s for s in servers if s.port != port)


class ClusterTest(unittest.TestCase):
    def test_round_robin_and_sessions_across_servers(self):
        editor, signed_on = sign_in("editor")
        seen = {signed_on}
        for _ in range(6):
            status, body, headers = editor.call("GET", "/api/v1/me")
            self.assertEqual((status, body["user"]["login"]), (200, "editor"))
            seen.add(upstream(headers))
        self.assertEqual(seen, {f"127.0.0.1:{s.port}" for s in servers})
        # A state change with the CSRF token from sign-in, on the other server.
        direct = same_session(editor, other_server(signed_on))
        status, body, _ = direct.call("PUT", "/api/v1/me/email", {"email": "editor@jianbao.test"})
        self.assertEqual(status, 200, body)
        # Signing out on one server ends the session on both.
        self.assertEqual(editor.call("DELETE", "/api/v1/session")[0] // 100, 2)
        for s in servers:
            self.assertEqual(same_session(editor, s).call("GET", "/api/v1/me")[0], 401)

    def test_upload_through_one_is_served_by_the_other(self):
        reporter, _ = sign_in("hubei-reporter")
        status, piece, _ = reporter.call("POST", "/api/v1/submissions", {
            "title": "两台服务器的附件", "body": "正文。", "authors": ["李娜"],
            "contact": "027-12345678", "tags": ["测试"]})
        self.assertEqual(status, 201, piece)
        status, att, headers = reporter.call(
            "POST", f"/api/v1/submissions/{piece['id']}/attachments?name="
            + urllib.parse.quote("现场.png"), raw=PNG)
        self.assertEqual(status, 201, att)
        other = same_session(reporter, other_server(upstream(headers)))
        raw = other.opener.open(other.base + att["url"]).read()
        self.assertEqual(raw, PNG)

    def test_search_answers_follow_the_other_servers_writes(self):
        """Each server caches search answers under the index generation in
        PostgreSQL: a write through one server is found at once on the other."""
        reporter, _ = sign_in("hubei-reporter")
        a, b = (same_session(reporter, s) for s in servers)

        def found(client, q):
            status, body, _ = client.call("GET", "/api/v1/search?q=" + urllib.parse.quote(q))
            self.assertEqual(status, 200, body)
            return {i["id"] for i in body["items"]}, body["total"]

        for _ in range(2):  # the second answer comes from server a's cache
            self.assertEqual(found(a, "夔魈魃"), (set(), 0))
        status, piece, _ = b.call("POST", "/api/v1/submissions", {
            "title": "双机检索", "body": "夔魈魃。", "authors": ["李娜"]})
        self.assertEqual(status, 201, piece)
        for _ in range(2):  # now cached on both servers
            for c in (a, b):
                self.assertEqual(found(c, "夔魈魃"), ({piece["id"]}, 1))
        status, _, _ = a.call("PATCH", f"/api/v1/submissions/{piece['id']}",
                              {"body": "魍魉。", "note": "改"})
        self.assertEqual(status, 200)
        self.assertEqual(found(b, "夔魈魃"), (set(), 0))

    def test_publication_is_complete_on_both(self):
        editor, _ = sign_in("editor")
        approver, _ = sign_in("approver")
        status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-04-01"})
        self.assertEqual(status, 201, issue)
        iid = issue["id"]
        status, issue, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-04-01", "distribution": [{"label": "发", "to": ["heilongjiang"]}],
            "sections": [{"kind": "text", "title": "编者按", "body": "双机发布测试。"}]})
        self.assertEqual(status, 200, issue)
        self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        self.assertEqual(approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 200)
        status, published, headers = editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")
        self.assertEqual(status, 200, published)
        hashes = {f["format"]: f["sha256"] for f in published["files"]}
        self.assertEqual(sorted(hashes), ["docx", "html", "pdf", "txt"])
        for s in servers:
            direct = same_session(editor, s)
            status, body, _ = direct.call("GET", f"/api/v1/bulletins/issues/{iid}")
            self.assertEqual((status, body["status"]), (200, "published"))
            self.assertEqual({f["format"]: f["sha256"] for f in body["files"]}, hashes)
            for fmt, digest in hashes.items():
                raw = direct.opener.open(f"{s.base}/api/v1/bulletins/issues/{iid}/files/{fmt}").read()
                self.assertEqual(hashlib.sha256(raw).hexdigest(), digest, (s.port, fmt))
        # Publishing again through either server is refused: it is done once.
        for s in servers:
            status, body, _ = same_session(editor, s).call(
                "POST", f"/api/v1/bulletins/issues/{iid}/publish")
            self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"))

    def test_sign_in_throttling_counts_across_servers(self):
        admin, _ = sign_in("admin")
        status, body, _ = admin.call("POST", "/api/v1/users", {
            "login": "throttle-target", "password": "right-password-1", "org": "hubei",
            "roles": ["member"], "name": "限流测试"})
        self.assertEqual(status, 201, body)
        c = harness.Client(nginx.base)
        answered_by, throttled = [], False
        for _ in range(10):  # back-off grows per (login, address) after failures
            status, body, headers = c.call("POST", "/api/v1/session",
                                           {"login": "throttle-target", "password": "wrong"})
            if status == 429:
                throttled = True
                break
            self.assertEqual(status, 401, body)
            answered_by.append(upstream(headers))
        self.assertTrue(throttled, "wrong passwords through nginx were never slowed down")
        self.assertEqual(len(set(answered_by)), 2, answered_by)  # both servers counted failures
        for s in servers:  # now refused by both, even with the right password
            status, body, headers = harness.Client(s.base).call(
                "POST", "/api/v1/session", {"login": "throttle-target", "password": "right-password-1"})
            self.assertEqual(status, 429, body)
            self.assertGreater(int(headers["Retry-After"]), 0)

    def test_each_mail_copy_is_sent_once_with_two_mailers(self):
        admin, _ = sign_in("admin")
        status, body, _ = admin.call("POST", "/api/v1/orgs", {
            "code": "cluster-mail", "name": "集群邮件测试单位", "kind": "member",
            "parent": "heilongjiang"})
        self.assertEqual(status, 201, body)
        recipients = {}
        for i in range(30):
            login = f"mail-{i}"
            status, body, _ = admin.call("POST", "/api/v1/users", {
                "login": login, "password": "password-123", "org": "cluster-mail",
                "roles": ["member"], "name": f"收件人{i}", "email": f"{login}@jianbao.test"})
            self.assertEqual(status, 201, body)
            recipients[body["id"]] = f"{login}@jianbao.test"
        editor, _ = sign_in("editor")
        approver, _ = sign_in("approver")
        status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-04-02"})
        self.assertEqual(status, 201, issue)
        iid = issue["id"]
        status, issue, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-04-02", "distribution": [{"label": "发", "to": ["cluster-mail"]}],
            "sections": [{"kind": "text", "title": "编者按", "body": "邮件只发一次。"}]})
        self.assertEqual(status, 200, issue)
        self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        self.assertEqual(approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 200)
        self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")[0], 200)

        prefix = f"<jianbao-bulletin-{iid}-"

        def copies():
            return [m for m in list(sink.messages) if str(m[2]["Message-ID"]).startswith(prefix)]

        deadline = time.time() + 60
        while len(copies()) < len(recipients) and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(3)  # both mailers poll every second: a second copy would show up now
        mine = copies()
        got = sorted(m[1][0] for m in mine)
        self.assertEqual(got, sorted(recipients.values()))  # each exactly once
        ids = [str(m[2]["Message-ID"]) for m in sink.messages]
        self.assertEqual(len(ids), len(set(ids)), "some copy was sent twice")
        status, receipts, _ = editor.call("GET", f"/api/v1/bulletins/issues/{iid}/receipts")
        self.assertEqual(status, 200, receipts)
        states = [r["mail"]["status"] for r in receipts["items"] if r.get("mail")]
        self.assertEqual(states, ["sent"] * len(recipients))
        senders = set(sink.server.senders) - {None}
        self.assertEqual(len(senders), 2, "both servers' mailers should have been sending")
        print(f"\n  {len(mine)} copies, sent by {len(senders)} server processes", end=" ")


if __name__ == "__main__":
    try:
        unittest.main()
    finally:
        harness.stop_postgres()
