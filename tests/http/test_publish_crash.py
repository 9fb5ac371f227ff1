"""Crash safety of publication: the server is killed with SIGKILL at random
moments while it publishes an issue, many times over. After each restart the
issue is either still approved with no files and no receipts, or published
with every file whose bytes match its stored SHA-256 and its receipts — never
in between; a publication answered 200 is never lost; and the mail queue
(an SMTP sink) never sends a copy twice."""

import hashlib
import os
import random
import tempfile
import threading
import time
import unittest

import harness
from smtp_sink import SmtpSink

ROUNDS = int(os.environ.get("JIANBAO_CRASH_ROUNDS", "20"))
BUDGET_SECONDS = 50
FORMATS = ["docx", "html", "pdf", "txt"]


class PublishCrashTest(unittest.TestCase):
    def setUp(self):
        self.sink = SmtpSink().start()
        self.env = {"JIANBAO_MAIL_SMTP_URL": f"smtp://127.0.0.1:{self.sink.port}",
                    "JIANBAO_MAIL_FROM": "bulletin@jianbao.test", "JIANBAO_MAIL_STARTTLS": "off",
                    "JIANBAO_MAIL_POLL_SECONDS": "1"}
        self.server = harness.Server(extra_env=self.env).start()
        self.db_url = self.server.db_url

    def tearDown(self):
        self.server.stop()
        self.sink.stop()

    def restart(self):
        self.server.kill()
        self.server.log.close()
        self.server = harness.Server(db_url=self.db_url, demo=False, extra_env=self.env).start()
        for c in (self.editor, self.approver):  # sessions live in the database
            c.base = self.server.base

    def approved_issue(self, n):
        status, issue, _ = self.editor.call("POST", "/api/v1/bulletins/issues",
                                            {"series": "ccea-epidemic", "date": "2020-04-10"})
        self.assertEqual(status, 201, issue)
        iid = issue["id"]
        sections = [{"kind": "text", "title": f"第{k}部分",
                     "body": f"第{n}轮崩溃测试。" + "各省行业协会报送的信息。" * 40}
                    for k in range(1, 6)]
        status, body, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-04-10", "distribution": [{"label": "发", "to": ["crash-mail"]}],
            "sections": sections})
        self.assertEqual(status, 200, body)
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        status, body, _ = self.approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")
        self.assertEqual(status, 200, body)
        return iid

    def publish(self, iid, outcome):
        try:
            status, _, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")
            outcome.append(status)
        except OSError:
            outcome.append(None)  # killed before it answered

    def check_issue(self, iid, answered_200):
        """Returns True when published (complete), False when untouched."""
        status, issue, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{iid}")
        self.assertEqual(status, 200, issue)
        status, receipts, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{iid}/receipts")
        self.assertEqual(status, 200, receipts)
        if issue["status"] == "approved":
            self.assertFalse(answered_200, f"issue {iid}: publication answered 200 but lost")
            self.assertEqual(issue["files"], [], f"issue {iid}: files without publication")
            self.assertEqual(receipts["items"], [], f"issue {iid}: receipts without publication")
            return False
        self.assertEqual(issue["status"], "published", issue)
        self.assertTrue(issue["published_at"])
        self.assertEqual(sorted(f["format"] for f in issue["files"]), FORMATS, f"issue {iid}")
        for f in issue["files"]:
            url = f"{self.server.base}/api/v1/bulletins/issues/{iid}/files/{f['format']}"
            raw = self.editor.opener.open(url).read()
            self.assertEqual(hashlib.sha256(raw).hexdigest(), f["sha256"], (iid, f["format"]))
        self.assertEqual(len(receipts["items"]), len(self.recipients), f"issue {iid}")
        return True

    def test_publication_is_all_or_nothing_under_sigkill(self):
        admin = self.server.client("admin")
        status, body, _ = admin.call("POST", "/api/v1/orgs", {
            "code": "crash-mail", "name": "崩溃测试单位", "kind": "member", "parent": "hubei"})
        self.assertEqual(status, 201, body)
        self.recipients = []
        for i in range(3):
            status, body, _ = admin.call("POST", "/api/v1/users", {
                "login": f"crash-mail-{i}", "password": "password-123", "org": "crash-mail",
                "roles": ["member"], "name": f"收件人{i}", "email": f"crash-{i}@jianbao.test"})
            self.assertEqual(status, 201, body)
            self.recipients.append(body["id"])
        self.editor = self.server.client("editor")
        self.approver = self.server.client("approver")

        # One publication without a kill, to learn how long one takes here.
        iid = self.approved_issue(0)
        started = time.time()
        outcome = []
        self.publish(iid, outcome)
        took = time.time() - started
        self.assertEqual(outcome, [200])
        published = [iid]

        begin, rounds, kept, untouched = time.time(), 0, 0, 0
        while rounds < ROUNDS and time.time() - begin < BUDGET_SECONDS:
            rounds += 1
            iid = self.approved_issue(rounds)
            # Half the kills anywhere in the publication, half near its end,
            # where the one transaction that stores it runs.
            delay = random.uniform(0, took) if rounds % 2 else random.uniform(0.7 * took, 1.2 * took)
            outcome = []
            worker = threading.Thread(target=self.publish, args=(iid, outcome))
            worker.start()
            time.sleep(delay)
            self.restart()
            worker.join(timeout=30)
            if self.check_issue(iid, outcome == [200]):
                kept += 1
            else:
                untouched += 1
                outcome = []
                self.publish(iid, outcome)  # the editor tries again, and it works
                self.assertEqual(outcome, [200])
                self.assertTrue(self.check_issue(iid, True))
            published.append(iid)
        self.assertGreaterEqual(rounds, 5, "too few rounds in the time budget")

        # Mail: no copy ever twice. Every copy is sent, except one a killed
        # server was sending: still leased (sent again when the lease ends;
        # the sink cannot have it), or handed over whole to the sink before
        # the kill (marked failed as "interrupted"; it may have arrived).
        expected = {f"<jianbao-bulletin-{i}-{u}@jianbao.test>" for i in published
                    for u in self.recipients}
        deadline = time.time() + 30
        while time.time() < deadline:
            got = {str(m[2]["Message-ID"]) for m in list(self.sink.messages)}
            if expected <= got:
                break
            time.sleep(0.2)
        time.sleep(2)
        ids = [str(m[2]["Message-ID"]) for m in list(self.sink.messages)]
        dups = {i for i in ids if ids.count(i) > 1}
        self.assertEqual(dups, set(), "copies sent twice")
        leased, interrupted = set(), set()
        for i in published:
            receipts = self.editor.call("GET", f"/api/v1/bulletins/issues/{i}/receipts")[1]
            for r in receipts["items"]:
                mid = f"<jianbao-bulletin-{i}-{r['user_id']}@jianbao.test>"
                mail = r["mail"]
                if mail["status"] in ("sending", "failed") and "interrupted" in (mail["error"] or ""):
                    interrupted.add(mid)  # failed once its lease runs out
                elif mail["status"] == "sending":
                    leased.add(mid)
                    self.assertNotIn(mid, ids, "a copy the sink has was not marked handed over")
                else:
                    self.assertEqual(mail["status"], "sent", r)
                    self.assertIn(mid, ids)
        self.assertEqual(expected - set(ids), leased | (interrupted - set(ids)))
        print(f"\n  {rounds} kills in {time.time() - begin:.0f}s (publish takes {took:.2f}s):"
              f" {kept} published whole, {untouched} untouched; {len(ids)} e-mails;"
              f" copies a killed server was sending: {len(leased)} leased,"
              f" {len(interrupted)} interrupted after hand-over", end=" ")


if __name__ == "__main__":
    try:
        unittest.main()
    finally:
        harness.stop_postgres()
