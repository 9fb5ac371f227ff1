"""E-mail copies of published bulletins through a configured SMTP server
(a sink on a loopback port): addresses on users, the HTML body and the PDF
attachment, masked addresses and status in the receipts, retries, and the
e-mail of a 催办 reminder, and notices and issues e-mailed to organisations
without accounts at their contact address."""

import hashlib
import json
import re
import subprocess
import time
import unittest
import urllib.parse

import harness
from smtp_sink import SmtpSink

server = None
sink = None


def setUpModule():
    global server, sink
    sink = SmtpSink().start()
    server = harness.Server(extra_env={
        "JIANBAO_MAIL_SMTP_URL": f"smtp://127.0.0.1:{sink.port}",
        "JIANBAO_MAIL_FROM": "bulletin@jianbao.test",
        "JIANBAO_MAIL_STARTTLS": "off",
        "JIANBAO_MAIL_POLL_SECONDS": "1",
        "JIANBAO_SERVER_PUBLIC_URL": "https://jianbao.example.org",
    }).start()


def tearDownModule():
    server.stop()
    sink.stop()


class MailTest(unittest.TestCase):
    def test_addresses_are_validated_and_audited(self):
        member = server.client("member")
        status, body, _ = member.call("PUT", "/api/v1/me/email", {"email": "bad\r\nBcc: x@y.org"})
        self.assertEqual((status, body["error"]["field"]), (400, "email"))
        status, body, _ = member.call("PUT", "/api/v1/me/email", {"email": "not-an-address"})
        self.assertEqual(status, 400)
        status, body, _ = member.call("PUT", "/api/v1/me/email", {"email": "member@jianbao.test"})
        self.assertEqual((status, body["email"]), (200, "member@jianbao.test"))
        self.assertEqual(member.call("GET", "/api/v1/me")[1]["user"]["email"], "member@jianbao.test")
        status, audit, _ = server.client("admin").call("GET", "/api/v1/audit?action=user.email_change")
        self.assertGreaterEqual(audit["total"], 1)

    def test_published_issue_is_mailed_with_pdf(self):
        admin = server.client("admin")
        status, users, _ = admin.call("GET", "/api/v1/users?org=hubei-ctc&page_size=100")
        self.assertEqual(status, 200, users)
        target = users["items"][0]
        status, body, _ = admin.call("PATCH", f"/api/v1/users/{target['id']}",
                                     {"email": "hubei.member@jianbao.test"})
        self.assertEqual((status, body["email"]), (200, "hubei.member@jianbao.test"))

        editor, approver = server.client("editor"), server.client("approver")
        status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-03-25"})
        self.assertEqual(status, 201, issue)
        iid = issue["id"]
        status, issue, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-03-25", "distribution": [{"label": "发", "to": ["hubei-ctc"]}],
            "sections": [{"kind": "text", "title": "编者按", "body": "邮件<b>测试</b>。"}]})
        self.assertEqual(status, 200, issue)
        before = len(sink.messages)
        self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        self.assertEqual(approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 200)
        status, published, _ = editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")
        self.assertEqual(status, 200, published)

        msgs = sink.wait_for(before + 1)
        mine = [m for m in msgs[before:] if "hubei.member@jianbao.test" in m[1]]
        self.assertEqual(len(mine), 1, [m[1] for m in msgs])
        sender, rcpts, msg = mine[0]
        self.assertEqual(sender, "bulletin@jianbao.test")
        self.assertIn(f"第{issue['number']}期", str(msg["subject"]))
        html = msg.get_body(("html",)).get_content()
        self.assertIn("编者按", html)
        self.assertNotIn("<b>测试</b>", html)  # escaped like every output
        link = f"https://jianbao.example.org/inbox?issue={iid}"
        self.assertIn(f'<a href="{link}">', html)
        self.assertIn(link, msg.get_body(("plain",)).get_content())
        pdf = next(p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf")
        hashes = {f["format"]: f["sha256"] for f in published["files"]}
        self.assertEqual(hashlib.sha256(pdf.get_content()).hexdigest(), hashes["pdf"])

        deadline = time.time() + 10
        while time.time() < deadline:
            status, receipts, _ = editor.call("GET", f"/api/v1/bulletins/issues/{iid}/receipts")
            row = next(r for r in receipts["items"] if r["user_id"] == target["id"])
            if row["mail"] and row["mail"]["status"] == "sent":
                break
            time.sleep(0.2)
        self.assertTrue(receipts["mail_enabled"])
        self.assertEqual(row["mail"]["status"], "sent")
        self.assertEqual(row["mail"]["to"], "hu***@jianbao.test")
        self.assertNotIn("hubei.member@", str(receipts))
        status, body, _ = editor.call("POST", f"/api/v1/bulletins/issues/{iid}/mail/retry")
        self.assertEqual((status, body["requeued"]), (200, 0))
        self.assertEqual(server.client("member").call(
            "POST", f"/api/v1/bulletins/issues/{iid}/mail/retry")[0], 403)

        # 催办: the users of a unit that has not acknowledged get a reminder e-mail.
        before = len(sink.messages)
        status, rem, _ = editor.call("POST", f"/api/v1/bulletins/issues/{iid}/remind",
                                     {"units": ["hubei-ctc"]})
        self.assertEqual((status, rem["reminded"]), (200, ["hubei-ctc"]), rem)
        self.assertGreaterEqual(rem["emailed"], 1)
        msgs = sink.wait_for(before + 1)
        reminder = [m for m in msgs[before:] if "hubei.member@jianbao.test" in m[1]]
        self.assertEqual(len(reminder), 1, [m[1] for m in msgs[before:]])
        self.assertIn("催办", str(reminder[0][2]["subject"]))


def attachment_names(part):
    """The UTF-8 file names (RFC 2231 filename*) of an attachment, from its raw header."""
    raw = " ".join(str(v) for k, v in part.raw_items() if k.lower() == "content-disposition")
    return [urllib.parse.unquote(n) for n in re.findall(r"filename\*=UTF-8''([^;\s]+)", raw)]


class ExternalRecipientsTest(unittest.TestCase):
    """Organisations without accounts get notices and bulletins at their contact e-mail."""

    def wait_unit(self, client, path, code):
        deadline = time.time() + 15
        while True:
            status, r, _ = client.call("GET", path)
            unit = next(u for u in r["units"] if u["org"]["code"] == code)
            if unit.get("mail_status") == "sent" or time.time() > deadline:
                return unit
            time.sleep(0.2)

    def mails_to(self, address, before):
        msgs = sink.wait_for(before + 1)
        deadline = time.time() + 15
        while not any(address in m[1] for m in msgs[before:]) and time.time() < deadline:
            time.sleep(0.2)
        return [m for m in sink.messages[before:] if address in m[1]]

    def test_contact_email_notice_and_bulletin(self):
        hubei = server.client("hubei-admin")
        # Validated, only by admins over the organisation, audited.
        status, err, _ = hubei.call("PATCH", "/api/v1/orgs/hubei-xinke", {"email": "bad\r\nBcc: x@y.org"})
        self.assertEqual((status, err["error"]["field"]), (400, "email"), err)
        self.assertEqual(server.client("hebei-reporter").call(
            "PATCH", "/api/v1/orgs/hubei-xinke", {"email": "x@jianbao.test"})[0], 403)
        self.assertEqual(server.client("member").call(
            "PATCH", "/api/v1/orgs/hubei-xinke", {"email": "x@jianbao.test"})[0], 403)
        status, org, _ = hubei.call("PATCH", "/api/v1/orgs/hubei-xinke", {"email": "office@xinke.test"})
        self.assertEqual((status, org["email"]), (200, "office@xinke.test"), org)
        status, audit, _ = hubei.call("GET", "/api/v1/audit?action=org.update")
        self.assertTrue(any("office@xinke.test" in json.dumps(a, ensure_ascii=False)
                            for a in audit["items"]), audit)

        # A notice to it is e-mailed with its PDF (RFC 2231/6266 name); the receipts say so.
        before = len(sink.messages)
        status, n, _ = hubei.call("POST", "/api/v1/notices", {
            "title": "关于报送复工情况的通知", "kind": "notice", "body": "请于本周内报送。",
            "recipients": ["hubei-xinke", "hubei-ctc"]})
        self.assertEqual(status, 201, n)
        self.assertEqual(hubei.call("POST", f"/api/v1/notices/{n['id']}/send")[0], 200)
        mine = self.mails_to("office@xinke.test", before)
        self.assertEqual(len(mine), 1, [m[1] for m in sink.messages[before:]])
        msg = mine[0][2]
        self.assertIn("关于报送复工情况的通知", str(msg["subject"]))
        pdf = next(p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf")
        self.assertIn("关于报送复工情况的通知.pdf", attachment_names(pdf))
        self.assertTrue(pdf.get_content().startswith(b"%PDF"))
        unit = self.wait_unit(hubei, f"/api/v1/notices/{n['id']}/receipts", "hubei-xinke")
        self.assertEqual((unit["delivery"], unit["mail_status"]), ("email", "sent"), unit)

        # A government root no admin is over gets its address from the CLI (audited, validated).
        cli = lambda *a: subprocess.run([harness.BIN, "org", "set-email", "--db", server.db_url, *a],
                                        capture_output=True, text=True)
        self.assertNotEqual(cli("--code", "miit", "--email", "not-an-address").returncode, 0)
        r = cli("--code", "miit", "--email", "office@miit.test")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["email"], "office@miit.test")

        # A bulletin issue distributed to them is e-mailed too (no inbox link: no account).
        editor, approver = server.client("editor"), server.client("approver")
        status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-03-27"})
        self.assertEqual(status, 201, issue)
        iid = issue["id"]
        status, issue, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-03-27", "distribution": [{"label": "报", "to": ["miit"]},
                                                   {"label": "发", "to": ["hubei-xinke", "hubei-ctc"]}],
            "sections": [{"kind": "text", "title": "编者按", "body": "外部单位邮件测试。"}]})
        self.assertEqual(status, 200, issue)
        before = len(sink.messages)
        self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        self.assertEqual(approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 200)
        self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")[0], 200)
        mine = self.mails_to("office@xinke.test", before)
        self.assertEqual(len(mine), 1, [m[1] for m in sink.messages[before:]])
        msg = mine[0][2]
        self.assertIn(f"第{issue['number']}期", str(msg["subject"]))
        self.assertNotIn("/inbox?issue=", msg.get_body(("plain",)).get_content())
        pdf = next(p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf")
        self.assertTrue(any(n.endswith(f"第{issue['number']}期.pdf") for n in attachment_names(pdf)),
                        attachment_names(pdf))
        unit = self.wait_unit(editor, f"/api/v1/bulletins/issues/{iid}/receipts", "hubei-xinke")
        self.assertEqual((unit["delivery"], unit["mail_status"]), ("email", "sent"), unit)
        self.assertEqual(len(self.mails_to("office@miit.test", before)), 1)
        unit = self.wait_unit(editor, f"/api/v1/bulletins/issues/{iid}/receipts", "miit")
        self.assertEqual((unit["delivery"], unit["mail_status"]), ("email", "sent"), unit)
        self.assertEqual(cli("--code", "miit", "--email", "").returncode, 0)

        # Without an address, later documents go on paper again.
        status, org, _ = hubei.call("PATCH", "/api/v1/orgs/hubei-xinke", {"email": ""})
        self.assertEqual((status, org["email"]), (200, ""))

if __name__ == "__main__":
    unittest.main()
