"""Group robots (群机器人, issue 14): 企业微信, 钉钉 (signed) and generic
webhooks announcing published bulletin issues and policy digests, queued in
the publishing transaction and sent by a background worker with retries —
against a local receiver this test starts (Python http.server on 127.0.0.1),
on the engine under test (JIANBAO_TEST_DB=sqlite|postgres)."""

import base64
import hashlib
import hmac
import http.server
import json
import threading
import time
import unittest
import urllib.parse

import harness

server = None
receiver = None
SECRET = "SECtest0123456789abcdef"


class Receiver:
    """Records every POST; /flaky answers 500 once, /dead always 500, /ding
    checks the 钉钉 signature and answers with errcode as 钉钉 does."""

    def __init__(self):
        self.requests = []
        self.flaky_seen = 0
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query)
                status, answer = 200, {"errcode": 0, "errmsg": "ok"}
                with outer.lock:
                    outer.requests.append({"path": url.path, "query": query, "body": body})
                    if url.path == "/flaky":
                        outer.flaky_seen += 1
                        if outer.flaky_seen == 1:
                            status = 500
                    elif url.path == "/dead":
                        status = 500
                    elif url.path == "/ding":
                        ts = query.get("timestamp", [""])[0]
                        sign = query.get("sign", [""])[0]
                        expected = base64.b64encode(hmac.new(
                            SECRET.encode(), f"{ts}\n{SECRET}".encode(), hashlib.sha256).digest())
                        if sign.encode() != expected or abs(int(ts) / 1000 - time.time()) > 3600:
                            answer = {"errcode": 310000, "errmsg": "sign not match"}
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def of(self, path):
        with self.lock:
            return [r for r in self.requests if r["path"] == path]

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def setUpModule():
    global server, receiver
    receiver = Receiver()
    server = harness.Server(extra_env={
        "JIANBAO_ROBOTS_ALLOW_PRIVATE_HOSTS": "true",
        "JIANBAO_ROBOTS_POLL_SECONDS": "1",
        "JIANBAO_ROBOTS_BACKOFF_SECONDS": "1",
        "JIANBAO_ROBOTS_MAX_ATTEMPTS": "3",
        "JIANBAO_SERVER_PUBLIC_URL": "https://jianbao.test",
    }).start()


def tearDownModule():
    server.stop()
    receiver.stop()
    harness.stop_postgres()


def wait_for(fn, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = fn()
        if v:
            return v
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


def deliveries(client, **params):
    status, page, _ = client.call("GET", "/api/v1/robots/deliveries?" + urllib.parse.urlencode(
        dict(page_size=100, **params)))
    assert status == 200, page
    return page["items"]


def publish(editor, approver):
    status, i, _ = editor.call("POST", "/api/v1/bulletins/issues",
                               {"series": "ccea-epidemic", "date": "2020-05-02"})
    assert status == 201, i
    status, r, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{i['id']}", {
        "date": "2020-05-02", "sections": [{"kind": "text", "title": "机器人", "body": "正文。"}]})
    assert status == 200, r
    for who, action in ((editor, "submit"), (approver, "approve"), (editor, "publish")):
        status, r, _ = who.call("POST", f"/api/v1/bulletins/issues/{i['id']}/{action}")
        assert status == 200, (action, r)
    return r


class RobotsTest(unittest.TestCase):
    def test_robots_announce_published_issues_with_retries_and_signatures(self):
        admin = server.client("admin")  # the national association's admin (ccea)
        robots = {}
        for name, kind, path, secret in (("企业微信群", "wecom", "/wecom?key=KEY123456789", ""),
                                         ("钉钉群", "dingtalk", "/ding?access_token=T", SECRET),
                                         ("通用", "generic", "/flaky", ""),
                                         ("坏掉的", "generic", "/dead", "")):
            body = {"name": name, "kind": kind, "url": receiver.url(path)}
            if secret:
                body["secret"] = secret
            status, r, _ = admin.call("POST", "/api/v1/robots", body)
            self.assertEqual(status, 201, r)
            self.assertNotIn(SECRET, json.dumps(r))  # never returned in full
            self.assertNotIn("KEY123456789", json.dumps(r))
            robots[path.split("?")[0]] = r
        self.assertTrue(robots["/ding"]["has_secret"])
        self.assertEqual(robots["/ding"]["secret"], SECRET[:4] + "…" + SECRET[-4:])
        status, listed, _ = admin.call("GET", "/api/v1/robots")
        self.assertEqual([r["name"] for r in listed["items"]], ["企业微信群", "钉钉群", "通用", "坏掉的"])

        # Publishing is not held up by the robot that always fails.
        issue = publish(server.client("editor"), server.client("approver"))
        self.assertEqual(issue["status"], "published")

        wecom = wait_for(lambda: receiver.of("/wecom"))
        self.assertEqual(wecom[0]["body"]["msgtype"], "markdown")
        content = wecom[0]["body"]["markdown"]["content"]
        self.assertIn(f"https://jianbao.test/bulletins/issues/{issue['id']}", content)
        self.assertIn("年第", content)
        ding = wait_for(lambda: receiver.of("/ding"))
        self.assertEqual(ding[0]["body"]["msgtype"], "markdown")
        # Sent once and marked sent: the receiver accepted the signature (errcode 0).
        flaky = wait_for(lambda: len(receiver.of("/flaky")) >= 2 and receiver.of("/flaky"))
        self.assertEqual(flaky[1]["body"]["event"], "bulletin.published")
        self.assertEqual(flaky[1]["body"]["link"],
                         f"https://jianbao.test/bulletins/issues/{issue['id']}")
        wait_for(lambda: len(receiver.of("/dead")) >= 3)

        def settled():
            items = deliveries(admin)
            by_robot = {d["robot_name"]: d for d in items if d["event"] == "bulletin.published"}
            if len(by_robot) == 4 and all(d["status"] != "pending" for d in by_robot.values()):
                return by_robot
            return None
        by_robot = wait_for(settled)
        self.assertEqual(by_robot["企业微信群"]["status"], "sent")
        self.assertEqual(by_robot["钉钉群"]["status"], "sent")
        self.assertEqual(by_robot["通用"]["status"], "sent")
        self.assertEqual(by_robot["通用"]["attempts"], 2)  # retried after the 500
        self.assertEqual(by_robot["坏掉的"]["status"], "failed")
        self.assertEqual(by_robot["坏掉的"]["attempts"], 3)
        self.assertIn("500", by_robot["坏掉的"]["last_error"])
        failed = deliveries(admin, status="failed")
        self.assertTrue(failed and all(d["status"] == "failed" for d in failed))

        # A wrong 钉钉 secret: the robot's errcode makes the delivery fail.
        status, r, _ = admin.call("PUT", f"/api/v1/robots/{robots['/ding']['id']}", {
            "name": "钉钉群", "kind": "dingtalk", "url": receiver.url("/ding?access_token=T"),
            "secret": "SECwrong"})
        self.assertEqual(status, 200, r)
        status, d, _ = admin.call("POST", f"/api/v1/robots/{robots['/ding']['id']}/test")
        self.assertEqual(status, 202, d)
        wait_for(lambda: any(x["id"] == d["id"] and x["status"] == "failed"
                             for x in deliveries(admin)))
        # Keeping the secret: a PUT without "secret" leaves it as it was.
        status, r, _ = admin.call("PUT", f"/api/v1/robots/{robots['/ding']['id']}", {
            "name": "钉钉群", "kind": "dingtalk", "url": receiver.url("/ding?access_token=T"),
            "enabled": False})
        self.assertEqual(status, 200, r)
        self.assertTrue(r["has_secret"])
        self.assertFalse(r["enabled"])

    def test_policy_digest_is_announced(self):
        hubei = server.client("hubei-admin")
        status, r, _ = hubei.call("POST", "/api/v1/robots", {
            "name": "湖北群", "kind": "generic", "url": receiver.url("/hubei")})
        self.assertEqual(status, 201, r)
        status, page, _ = hubei.call("GET", "/api/v1/policies")
        ids = [p["id"] for p in page["items"]][:2]
        status, d, _ = hubei.call("POST", "/api/v1/policies/digest",
                                  {"policy_ids": ids, "title": "本周惠企政策"})
        self.assertEqual(status, 200, d)
        got = wait_for(lambda: receiver.of("/hubei"))
        self.assertEqual(got[0]["body"]["event"], "policy.digest")
        self.assertEqual(got[0]["body"]["title"], "本周惠企政策")
        # Hubei's admin sees its own robots and deliveries only.
        status, listed, _ = hubei.call("GET", "/api/v1/robots")
        self.assertEqual([x["name"] for x in listed["items"]], ["湖北群"])
        self.assertTrue(all(x["robot_name"] == "湖北群" for x in deliveries(hubei)))

    def test_sent_notice_is_announced(self):
        hubei = server.client("hubei-admin")
        status, r, _ = hubei.call("POST", "/api/v1/robots", {
            "name": "湖北通知群", "kind": "generic", "url": receiver.url("/notices")})
        self.assertEqual(status, 201, r)
        status, n, _ = hubei.call("POST", "/api/v1/notices", {
            "title": "关于报送复工情况的通知", "kind": "notice", "body": "各会员单位：\n\n正文。",
            "recipients": ["hubei-cmcc"]})
        self.assertEqual(status, 201, n)
        status, sent, _ = hubei.call("POST", f"/api/v1/notices/{n['id']}/send")
        self.assertEqual(status, 200, sent)
        got = wait_for(lambda: receiver.of("/notices"))
        self.assertEqual(got[0]["body"]["event"], "notice.sent")
        self.assertEqual(got[0]["body"]["title"], "关于报送复工情况的通知")
        self.assertTrue(got[0]["body"]["link"].endswith(f"/notices/{n['id']}"), got[0]["body"])

    def test_bad_input_and_access(self):
        admin = server.client("admin")
        for body, field, key in (
                ({"name": "x", "kind": "qq", "url": "https://a.example/"}, "kind",
                 "invalid_robot_kind"),
                ({"name": "x", "kind": "generic", "url": "file:///etc/passwd"}, "url",
                 "invalid_webhook_url"),
                ({"name": "x", "kind": "generic", "url": "https://u:p@a.example/"}, "url",
                 "invalid_webhook_url"),
                ({"name": "x", "kind": "wecom", "url": "https://a.example/", "secret": "s"},
                 "secret", "secret_not_used")):
            status, r, _ = admin.call("POST", "/api/v1/robots", body)
            self.assertEqual(status, 400, r)
            self.assertEqual((r["error"]["field"], r["error"]["key"]), (field, key))
        status, r, _ = server.client("editor").call("GET", "/api/v1/robots")
        self.assertEqual(status, 403, r)
        status, r, _ = admin.call("GET", "/api/v1/robots/deliveries?status=lost")
        self.assertEqual(r["error"]["key"], "invalid_delivery_status")
        status, r, _ = server.client("hubei-admin").call("DELETE", "/api/v1/robots/1")
        self.assertEqual(status, 404, r)  # another organisation's robot


if __name__ == "__main__":
    unittest.main()
