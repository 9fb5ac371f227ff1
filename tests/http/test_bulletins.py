"""Bulletins: composition, sign-off and publication rights, immutable files,
corrections as revisions, delivery receipts, public feed, legacy import."""

import hashlib
import os
import unittest

import harness

server = None
SHARED = os.environ.get("JIANBAO_SHARED", os.path.join(harness.ROOT, "..", "shared"))


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def seed_text():
    d = os.path.join(SHARED, "seed")
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                return f.read()
    raise AssertionError("no seed bulletin")


class BulletinsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.editor = server.client("editor")
        cls.approver = server.client("approver")
        cls.member = server.client("member")

    def new_issue(self, date="2020-03-20", distribution=None):
        status, issue, _ = self.editor.call("POST", "/api/v1/bulletins/issues",
                                            {"series": "ccea-epidemic", "date": date})
        self.assertEqual(status, 201, issue)
        body = {"date": date, "copies": 100, "closing_note": "（以上信息由各省行协提供）",
                "sections": [{"kind": "text", "title": "编者按", "body": "本期**测试**内容，<script>x</script>。"}]}
        if distribution is not None:
            body["distribution"] = distribution
        status, issue, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", body)
        self.assertEqual(status, 200, issue)
        return issue

    def publish(self, issue_id):
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{issue_id}/submit")[0], 200)
        status, body, _ = self.approver.call("POST", f"/api/v1/bulletins/issues/{issue_id}/approve")
        self.assertEqual(status, 200, body)
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue_id}/publish")
        self.assertEqual(status, 200, body)
        return body

    def test_demo_series_and_archived_seed(self):
        status, body, _ = self.member.call("GET", "/api/v1/bulletins/series")
        codes = [s["code"] for s in body["items"]]
        self.assertIn("ccea-epidemic", codes)
        self.assertIn("hubei-daily", codes)
        status, body, _ = self.editor.call("GET", "/api/v1/bulletins/issues?series=ccea-epidemic&status=published")
        seed = [i for i in body["items"] if i["imported"]]
        self.assertEqual(len(seed), 1)
        self.assertEqual((seed[0]["number"], seed[0]["date"], seed[0]["section_count"]), (31, "2020-03-19", 7))
        self.assertEqual(sorted(f["format"] for f in seed[0]["files"]), ["docx", "html", "pdf", "txt"])

    def test_numbering_follows_the_archive(self):
        issue = self.new_issue("2020-03-21")
        self.assertGreaterEqual(issue["number"], 32)
        self.assertEqual(issue["status"], "draft")
        self.assertEqual(issue["distribution"][0]["label"], "报")

    def test_rights_and_states(self):
        issue = self.new_issue()
        iid = issue["id"]
        reporter = server.client("hubei-reporter")
        self.assertEqual(reporter.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-03-20"})[0], 403)
        self.assertEqual(reporter.call("GET", f"/api/v1/bulletins/issues/{iid}")[0], 404)  # drafts are staff-only
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 403)
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")
        self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"))
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        self.assertEqual(self.approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 200)
        self.assertEqual(self.approver.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")[0], 403)
        self.assertEqual(self.editor.call("PUT", f"/api/v1/bulletins/issues/{iid}",
                                          {"date": "2020-03-20", "sections": []})[0], 409)

    def test_html_edition_has_no_style_attributes_and_styles_by_hash(self):
        issue = self.new_issue("2020-03-21")
        sections = issue["sections"] + [{"kind": "text", "title": "数据", "body":
                                         "| 省份 | 企业 | 占比 |\n|:--|:-:|--:|\n| 湖北 | 12 | 30% |"}]
        self.assertEqual(self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": issue["date"], "sections": sections})[0], 200)
        self.publish(issue["id"])
        for query in ("", "?elder=1"):
            with self.subTest(query=query):
                r = self.editor.opener.open(
                    server.base + f"/api/v1/bulletins/issues/{issue['id']}/files/html{query}")
                html = r.read().decode("utf-8")
                self.assertIn('<th class="ac">企业</th><th class="ar">占比</th>', html)
                csp = r.headers["Content-Security-Policy"]
                harness.assert_styles_by_hash(self, html, csp)
                self.assertIn("img-src data: 'self'", csp)
                self.assertIn("frame-ancestors 'self'", csp)

    def test_publish_freezes_files_and_corrections_are_revisions(self):
        issue = self.new_issue("2020-03-22")
        published = self.publish(issue["id"])
        self.assertEqual(published["status"], "published")
        hashes = {f["format"]: f["sha256"] for f in published["files"]}
        self.assertEqual(sorted(hashes), ["docx", "html", "pdf", "txt"])
        status, pdf, headers = self.editor.call("GET", f"/api/v1/bulletins/issues/{issue['id']}/files/pdf")
        self.assertEqual(status, 200)
        raw = self.editor.opener.open(server.base + f"/api/v1/bulletins/issues/{issue['id']}/files/pdf").read()
        self.assertTrue(raw.startswith(b"%PDF"))
        self.assertEqual(hashlib.sha256(raw).hexdigest(), hashes["pdf"])
        self.assertEqual(headers["X-Content-SHA256"], hashes["pdf"])
        html = self.editor.opener.open(server.base + f"/api/v1/bulletins/issues/{issue['id']}/files/html").read()
        self.assertNotIn(b"<script>x</script>", html)  # user text is escaped
        self.assertEqual(hashlib.sha256(html).hexdigest(), hashes["html"])
        self.assertIn(b'<input type="checkbox" id="elder-switch">', html)  # 适老化 switch, off
        # ?elder=1: the same page with its switch on (not the stored file, so no hash header).
        large = self.editor.opener.open(server.base + f"/api/v1/bulletins/issues/{issue['id']}/files/html?elder=1")
        self.assertIn(b'<input type="checkbox" id="elder-switch" checked>', large.read())
        self.assertIsNone(large.headers["X-Content-SHA256"])

        self.assertEqual(self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}",
                                          {"date": "2020-03-22", "sections": []})[0], 409)
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/corrections", {})
        self.assertEqual((status, body["error"]["field"]), (400, "note"))
        status, rev, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/corrections",
                                          {"note": "编者按第一段有误，已更正"})
        self.assertEqual((status, rev["revision"], rev["revises"], rev["number"]),
                         (201, 2, issue["id"], issue["number"]))
        rev["sections"][0]["body"] = "更正后的内容。"
        self.assertEqual(self.editor.call("PUT", f"/api/v1/bulletins/issues/{rev['id']}", {
            "date": rev["date"], "sections": rev["sections"], "distribution": rev["distribution"]})[0], 200)
        self.publish(rev["id"])
        status, old, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{issue['id']}")
        self.assertEqual(old["status"], "superseded")
        self.assertEqual({f["format"]: f["sha256"] for f in old["files"]}, hashes)
        raw_again = self.editor.opener.open(server.base + f"/api/v1/bulletins/issues/{issue['id']}/files/pdf").read()
        self.assertEqual(hashlib.sha256(raw_again).hexdigest(), hashes["pdf"])
        txt = self.editor.opener.open(server.base + f"/api/v1/bulletins/issues/{rev['id']}/files/txt").read().decode()
        self.assertIn("更正", txt)

    def test_delivery_receipts_and_privacy(self):
        issue = self.new_issue("2020-03-23", distribution=[{"label": "发", "to": ["hubei-ctc"]}])
        self.publish(issue["id"])
        status, inbox, _ = self.member.call("GET", "/api/v1/inbox")
        item = next(i for i in inbox["items"] if i["issue_id"] == issue["id"])
        self.assertIsNone(item["read_at"])
        self.assertGreaterEqual(inbox["unread"], 1)
        self.assertEqual(self.member.call("GET", f"/api/v1/bulletins/issues/{issue['id']}")[0], 200)
        self.assertEqual(self.member.call("POST", f"/api/v1/inbox/{issue['id']}/read")[0], 204)
        status, receipts, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{issue['id']}/receipts")
        self.assertEqual((receipts["total"], receipts["read"], receipts["acknowledged"]), (1, 1, 0))
        self.assertEqual(self.member.call("POST", f"/api/v1/inbox/{issue['id']}/ack")[0], 204)
        status, receipts, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{issue['id']}/receipts")
        self.assertEqual(receipts["acknowledged"], 1)
        self.assertEqual(self.member.call("GET", f"/api/v1/bulletins/issues/{issue['id']}/receipts")[0], 403)
        outsider = server.client("hebei-reporter")
        self.assertEqual(outsider.call("GET", f"/api/v1/bulletins/issues/{issue['id']}")[0], 403)
        self.assertEqual(outsider.call("GET", f"/api/v1/bulletins/issues/{issue['id']}/files/pdf")[0], 403)
        self.assertEqual(outsider.call("POST", f"/api/v1/inbox/{issue['id']}/ack")[0], 404)
        self.assertEqual(server.client().call("GET", f"/api/v1/bulletins/issues/{issue['id']}/files/pdf")[0], 401)

    def test_public_series_feed(self):
        admin = server.client("hubei-admin")
        for login, role in (("hubei-editor", "editor"), ("hubei-approver", "approver")):
            admin.call("POST", "/api/v1/users", {"login": login, "password": "password-1", "org": "hubei",
                                                 "roles": [role], "name": login})
        ed, ap = server.client("hubei-editor", "password-1"), server.client("hubei-approver", "password-1")
        status, issue, _ = ed.call("POST", "/api/v1/bulletins/issues", {"series": "hubei-daily", "date": "2020-02-02"})
        self.assertEqual((status, issue["number"]), (201, 1))
        ed.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": "2020-02-02", "sections": [{"kind": "text", "title": "一线&<纪实>", "body": "正文。"}]})
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/publish")[0], 403)
        self.assertEqual(ed.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/submit")[0], 200)
        ap.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/approve")
        self.assertEqual(ed.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/publish")[0], 200)
        anon = server.client()
        status, feed, headers = anon.call("GET", "/public/bulletins/hubei-daily/feed.atom")
        self.assertEqual(status, 200)
        self.assertIn("application/atom+xml", headers["Content-Type"])
        self.assertIn("一线&amp;&lt;纪实&gt;", feed)
        self.assertEqual(anon.call("GET", f"/api/v1/bulletins/issues/{issue['id']}/files/pdf")[0], 200)
        status, page, headers = anon.call("GET", "/public/bulletins/hubei-daily")
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["Content-Type"])
        self.assertIn("一线&amp;&lt;纪实&gt;", page)
        self.assertIn(f"/api/v1/bulletins/issues/{issue['id']}/files/pdf", page)
        self.assertEqual(anon.call("GET", "/public/bulletins/ccea-epidemic/feed.atom")[0], 404)

    def test_legacy_import_api(self):
        text = seed_text()
        status, body, _ = self.editor.call("POST", "/api/v1/bulletins/import", {"series": "ccea-epidemic", "text": text})
        self.assertEqual(status, 409, body)  # the demo already archived issue 31
        headless = "\n".join(l for l in text.splitlines() if not (l.startswith("第") and l.endswith("期")))
        status, body, _ = self.editor.call("POST", "/api/v1/bulletins/import", {"series": "ccea-epidemic", "text": headless})
        self.assertEqual((status, body["error"]["field"]), (400, "number"))
        status, body, _ = self.editor.call("POST", "/api/v1/bulletins/import",
                                           {"series": "ccea-epidemic", "text": headless, "number": 131})
        self.assertEqual(status, 201, body)
        self.assertEqual(body["issue"]["number"], 131)
        self.assertEqual(len(body["issue"]["sections"]), 7)
        self.assertTrue(any("number" in r for r in body["recognised"]) or body["problems"])
        self.assertEqual(server.client("member").call("POST", "/api/v1/bulletins/import",
                                                      {"series": "ccea-epidemic", "text": text})[0], 403)

    def test_bad_input(self):
        issue = self.new_issue("2020-03-24")
        path = f"/api/v1/bulletins/issues/{issue['id']}"
        for body, field in [
            ({"date": "2020-13-01", "sections": []}, "date"),
            ({"date": "2020-03-24", "sections": [{"kind": "poem", "title": "x"}]}, "sections[0].kind"),
            ({"date": "2020-03-24", "sections": [{"kind": "text"}]}, "sections[0].title"),
            ({"date": "2020-03-24", "sections": [{"kind": "text", "title": 5}]}, "sections[0].title"),
            ({"date": "2020-03-24", "sections": [], "distribution": [{"label": "发", "to": ["nowhere"]}]}, "distribution"),
            ({"date": "2020-03-24", "sections": [], "copies": -1}, "copies"),
            ({"date": "2020-03-24", "sections": [], "owner": "x"}, "owner"),
        ]:
            with self.subTest(field=field):
                status, resp, _ = self.editor.call("PUT", path, body)
                self.assertEqual((status, resp["error"]["field"]), (400, field), resp)
        status, after, _ = self.editor.call("GET", path)
        self.assertEqual(after["sections"], issue["sections"])
        self.assertEqual(self.editor.call("GET", "/api/v1/bulletins/issues/abc")[0], 404)
        self.assertEqual(self.editor.call("GET", "/api/v1/bulletins/issues/99999")[0], 404)

    def test_generated_sections(self):
        status, kinds, _ = self.editor.call("GET", "/api/v1/bulletins/sources/summaries")
        self.assertEqual(status, 200, kinds)
        self.assertIn("submissions", [k["key"] for k in kinds["items"]])
        status, sec, _ = self.editor.call(
            "GET", "/api/v1/bulletins/sources/summaries/submissions?from=2026-01-01&to=2026-12-31")
        self.assertEqual(status, 200, sec)
        self.assertEqual((sec["kind"], sec["source"], sec["data_from"], sec["data_to"]),
                         ("summary", "submissions", "2026-01-01", "2026-12-31"))
        self.assertEqual(sec["title"], "信息报送采用情况（1月1日—12月31日）")
        self.assertIn("中国通信企业协会", sec["body"])
        base = "/api/v1/bulletins/sources/summaries/"
        for path, code in [("nope?from=2020-01-01&to=2020-02-01", 404),
                           ("submissions?from=2020-02-01&to=2020-01-01", 400),
                           ("submissions?from=2020-01-01&to=2022-01-01", 400),
                           ("submissions?from=x&to=2020-01-01", 400)]:
            with self.subTest(path=path):
                self.assertEqual(self.editor.call("GET", base + path)[0], code)
        self.assertEqual(self.member.call("GET", "/api/v1/bulletins/sources/summaries")[0], 403)

        status, plain, _ = self.editor.call("GET", "/api/v1/bulletins/sources/epidemic?date=2020-03-18")
        self.assertEqual(status, 200, plain)
        self.assertNotIn("data:image/png", plain["body"])
        status, charted, _ = self.editor.call(
            "GET", "/api/v1/bulletins/sources/epidemic?date=2020-03-18&chart=1")
        self.assertEqual(status, 200, charted)
        self.assertTrue(charted["chart"])
        self.assertIn("](data:image/png;base64,", charted["body"])
        self.assertEqual(self.editor.call(
            "GET", "/api/v1/bulletins/sources/epidemic?date=2020-03-18&chart=maybe")[0], 400)

        issue = self.new_issue("2020-03-26")
        status, saved, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": "2020-03-26", "sections": [sec, charted]})
        self.assertEqual(status, 200, saved)
        self.assertEqual([s["kind"] for s in saved["sections"]], ["summary", "epidemic"])
        self.assertTrue(saved["sections"][1]["chart"])

    def test_piece_images_travel_into_the_issue(self):
        png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                            "1f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082")
        reporter = server.client("hubei-reporter")
        status, piece, _ = reporter.call("POST", "/api/v1/submissions", {
            "title": "现场照片稿件", "body": "正文。", "authors": ["李娜"]})
        self.assertEqual(status, 201, piece)
        pid = piece["id"]
        status, att, _ = reporter.call("POST", f"/api/v1/submissions/{pid}/attachments?name=a.png", raw=png)
        self.assertEqual(status, 201, att)
        status, piece, _ = reporter.call("PATCH", f"/api/v1/submissions/{pid}",
                                         {"body": f"正文。\n\n![现场]({att['url']})"})
        self.assertEqual(status, 200, piece)
        self.assertEqual(reporter.call("POST", f"/api/v1/submissions/{pid}/actions", {"action": "submit"})[0], 200)
        self.assertEqual(self.editor.call("POST", f"/api/v1/submissions/{pid}/actions", {"action": "adopt"})[0], 200)
        status, sec, _ = self.editor.call("GET", f"/api/v1/bulletins/sources/pieces/{pid}")
        self.assertEqual(status, 200, sec)
        self.assertIn("![现场](data:image/png;base64,", sec["body"])
        self.assertNotIn("/attachments/", sec["body"])
        issue = self.new_issue("2020-03-27")
        status, saved, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": "2020-03-27", "sections": [sec]})
        self.assertEqual(status, 200, saved)
        status, preview, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/preview")
        self.assertEqual(status, 200, preview)


if __name__ == "__main__":
    unittest.main()
