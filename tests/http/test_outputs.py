"""Outputs as clients read them (issue 17): a section title with a character
XML forbids is refused at input; the Atom feed parses (xmllint, feedparser),
is built from server.public_url and never from the Host header, has permanent
entry ids, the issue's text as content, ETag/Last-Modified with 304 answers,
and HEAD tells the real Content-Length."""

import json
import os
import shutil
import subprocess
import unittest
import urllib.request

import harness

PUBLIC = "https://jianbao.example.org"
server = None


def setUpModule():
    global server
    server = harness.Server(extra_env={"JIANBAO_SERVER_PUBLIC_URL": PUBLIC + "/"}).start()


def tearDownModule():
    server.stop()


def feedparser_report(xml):
    """Parses with Debian's python3-feedparser (which may not be on this
    interpreter's path) and returns its view as a dict."""
    script = ("import feedparser, json, sys\n"
              "d = feedparser.parse(sys.stdin.buffer.read())\n"
              "print(json.dumps({'bozo': d.bozo, 'entries': [{'id': e.id, 'link': e.link,"
              " 'content': e.content[0].value if 'content' in e else ''} for e in d.entries]}))\n")
    for py in ("/usr/bin/python3", "python3"):
        if shutil.which(py):
            r = subprocess.run([py, "-c", script], input=xml.encode(), capture_output=True)
            if r.returncode == 0:
                return json.loads(r.stdout)
    raise unittest.SkipTest("python3-feedparser is not installed (scripts/packages/bulletins.txt)")


class OutputsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        admin = server.client("hubei-admin")
        for login, role in (("out-editor", "editor"), ("out-approver", "approver")):
            admin.call("POST", "/api/v1/users", {"login": login, "password": "password-1", "org": "hubei",
                                                 "roles": [role], "name": login})
        cls.ed = server.client("out-editor", "password-1")
        cls.ap = server.client("out-approver", "password-1")

    def test_xml_forbidden_characters_are_refused_at_input(self):
        status, issue, _ = self.ed.call("POST", "/api/v1/bulletins/issues", {"series": "hubei-daily", "date": "2020-02-03"})
        self.assertEqual(status, 201, issue)
        for bad in ("标题\u000b", "\u0001标题", "标\ufffe题"):
            status, body, _ = self.ed.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
                "date": "2020-02-03", "sections": [{"kind": "text", "title": bad, "body": "正文。"}]})
            self.assertEqual(status, 400, body)
            self.assertEqual(body["error"]["key"], "control_char")
            self.assertEqual(body["error"]["field"], "sections[0].title")
        status, body, _ = self.ed.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": "2020-02-03", "sections": [{"kind": "text", "title": "标题", "body": "正文\u0007。"}]})
        self.assertEqual((status, body["error"]["field"]), (400, "sections[0].body"))

    def test_feed_as_readers_see_it(self):
        status, issue, _ = self.ed.call("POST", "/api/v1/bulletins/issues", {"series": "hubei-daily", "date": "2020-02-04"})
        self.assertEqual(status, 201, issue)
        status, body, _ = self.ed.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": "2020-02-04", "sections": [{"kind": "text", "title": "一线纪实&<抗疫>",
                                                "body": "## 小标题\n\n正文第一段，1月27日。\n\n| 地区 | 数量 |\n|---|---|\n| 湖北 | 34 |\n"}]})
        self.assertEqual(status, 200, body)
        self.assertEqual(self.ed.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/submit")[0], 200)
        self.assertEqual(self.ap.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/approve")[0], 200)
        self.assertEqual(self.ed.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/publish")[0], 200)
        anon = server.client()
        path = "/public/bulletins/hubei-daily/feed.atom"
        status, feed, headers = anon.call("GET", path, headers={"Host": "evil.example"})
        self.assertEqual(status, 200)
        self.assertNotIn("evil.example", feed)
        self.assertIn(f'href="{PUBLIC}/api/v1/bulletins/issues/{issue["id"]}/files/html"', feed)
        # xmllint: well-formed.
        if shutil.which("xmllint"):
            r = subprocess.run(["xmllint", "--noout", "-"], input=feed.encode(), capture_output=True)
            self.assertEqual(r.returncode, 0, r.stderr)
        parsed = feedparser_report(feed)
        self.assertEqual(parsed["bozo"], 0)
        entry = next(e for e in parsed["entries"] if f"/issues/{issue['id']}/" in e["link"])
        self.assertTrue(entry["id"].startswith("urn:uuid:"), entry["id"])
        self.assertIn("一线纪实&amp;&lt;抗疫&gt;", entry["content"])
        self.assertIn("正文第一段，1月27日。", entry["content"])
        self.assertIn("<td>湖北</td>", entry["content"])
        # The same id however the feed is reached.
        status, again, _ = anon.call("GET", path)
        self.assertEqual(feedparser_report(again)["entries"][0]["id"], parsed["entries"][0]["id"])
        # Validators and conditional requests.
        etag, modified = headers["ETag"], headers["Last-Modified"]
        self.assertTrue(etag.startswith('"'))
        self.assertTrue(modified.endswith(" GMT"), modified)
        self.assertEqual(anon.call("GET", path, headers={"If-None-Match": etag})[0], 304)
        self.assertEqual(anon.call("GET", path, headers={"If-Modified-Since": modified})[0], 304)
        self.assertEqual(anon.call("GET", path, headers={"If-None-Match": '"stale"'})[0], 200)
        # HEAD: the headers of GET, with its Content-Length.
        req = urllib.request.Request(server.base + path, method="HEAD")
        with urllib.request.urlopen(req, timeout=30) as r:
            self.assertEqual(r.status, 200)
            self.assertEqual(int(r.headers["Content-Length"]), len(again.encode()))
            self.assertEqual(r.headers["ETag"], etag)
            self.assertEqual(r.read(), b"")


if __name__ == "__main__":
    unittest.main()
