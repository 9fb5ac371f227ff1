"""Hostile input from signed-in users (issue 11): one request must never crash
the server or keep it busy for long. Each test sends what once killed or
stalled it, checks the clear error (or a normal answer), and checks that the
server still serves. Work bounds are shown in bench/, never timed here."""

import json
import subprocess
import unittest
import urllib.request

import harness

server = None


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def pdftotext_bulletin(long_line, fragments=10):
    """A bulletin as pdftotext extracts it, with one very long line."""
    text = ("某某省信息通信行业协会\n\n工作动态\n\n(会员专刊)\n\n第 5 期\n\n某某省信息通信行业协会秘书处\n\n"
            "2021 年 5 月 6 日\n\n目 录\n\n1. 湖北行协·长文 ........ 1\n2. 河北行协·碎片 …… 2\n\f"
            "湖北行协·长文\n\n" + long_line + "\n\n— 1 —\n\f河北行协·碎片\n\n")
    text += "断开的句子，\n" * fragments + "完。\n"
    return text


class HostileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.editor = server.client("editor")
        cls.member = server.client("member")
        cls.approver = server.client("approver")
        cls.reporter = server.client("hubei-reporter")

    def tearDown(self):
        self.assertIsNone(server.proc.poll(), "the server died: " + server.read_log())
        self.assertEqual(self.editor.call("GET", "/healthz")[0], 200)

    def assertError(self, response, status, key, field=None):
        code, body, _ = response
        self.assertEqual(code, status, body)
        self.assertEqual(body["error"]["key"], key, body)
        self.assertTrue(body["error"]["message"])
        if field is not None:
            self.assertEqual(body["error"]["field"], field, body)

    # --- one request kills the process -----------------------------------

    def test_legacy_import_of_a_line_of_dashes(self):
        # Was SIGSEGV: std::regex recursed once per character of the line.
        for client in (self.member, self.editor):
            status, body, _ = client.call("POST", "/api/v1/bulletins/import",
                                          {"series": "ccea-epidemic", "text": "-" * 10000})
            self.assertIn(status, (400, 403), body)
        self.assertError(self.editor.call("POST", "/api/v1/bulletins/import",
                                          {"series": "ccea-epidemic", "text": "-" * 10000}),
                         400, "no_articles")

    def test_legacy_import_of_long_lines(self):
        # The parser takes 1 MB lines (legacy_test.cc); here 100 KB ones go
        # through the whole import, which also typesets every format.
        sentence = "通信行业全力保障网络畅通，" * 2700 + "。"
        status, body, _ = self.editor.call("POST", "/api/v1/bulletins/import",
                                           {"series": "ccea-epidemic", "text": pdftotext_bulletin(sentence, 2000),
                                            "number": 905})
        self.assertEqual(status, 201, str(body)[:500])
        self.assertEqual([s["title"] for s in body["issue"]["sections"]], ["湖北行协·长文", "河北行协·碎片"])
        status, body, _ = self.editor.call("POST", "/api/v1/bulletins/import",
                                           {"series": "ccea-epidemic", "text": pdftotext_bulletin("-" * 100000),
                                            "number": 906})
        self.assertEqual(status, 201, str(body)[:500])

    def test_deeply_nested_json_on_an_issue(self):
        # Was SIGSEGV: the parsed value was copied recursively.
        status, issue, _ = self.editor.call("POST", "/api/v1/bulletins/issues",
                                            {"series": "ccea-epidemic", "date": "2020-04-02"})
        self.assertEqual(status, 201, issue)
        deep = b'{"date": "2020-04-02", "sections": ' + b"[" * 300000 + b"]" * 300000 + b"}"
        response = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", raw=deep)
        self.assertError(response, 400, "json_too_deep")
        self.assertIn("64", response[1]["error"]["message"])
        status, after, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{issue['id']}")
        self.assertEqual((status, after["sections"]), (200, issue["sections"]))

    def test_deep_nesting_is_refused_on_every_kind_of_route(self):
        deep = "[" * 100000 + "]" * 100000
        for client, method, path, key in [
                (harness.Client(server.base), "POST", "/api/v1/session", "login"),
                (self.reporter, "POST", "/api/v1/submissions", "title"),
                (self.reporter, "POST", "/api/v1/submissions/preview", "body"),
                (self.approver, "POST", "/api/v1/epidemic/narrative", "template"),
                (self.editor, "POST", "/api/v1/bulletins/import", "text")]:
            with self.subTest(path=path):
                raw = ('{"%s": %s}' % (key, deep)).encode()
                self.assertError(client.call(method, path, raw=raw), 400, "json_too_deep")

    def test_every_route_with_a_body(self):
        """Every state-changing route of `jianbao routes`: a deep body is refused
        (or the route refuses earlier, never a 5xx), and a body that is not
        typed as JSON gets 415 unless the route takes raw uploads."""
        out = subprocess.run([harness.BIN, "routes"], capture_output=True, text=True, check=True).stdout
        routes = [line.split()[:2] for line in out.splitlines() if line.strip()]
        uploads = {"/api/v1/submissions/import", "/api/v1/submissions/convert",
                   "/api/v1/submissions/:id/attachments", "/api/v1/complaints/:id/attachments",
                   "/api/v1/members/import", "/api/v1/policies/:id/attachment"}
        admin = server.client("admin")
        deep = ('{"x": ' + "[" * 100000 + "]" * 100000 + "}").encode()
        checked = 0
        for method, pattern in routes:
            if method not in ("POST", "PUT", "PATCH", "DELETE") or pattern == "/api/v1/session":
                continue
            path = "/".join("1" if part.startswith(":") else part for part in pattern.split("/"))
            with self.subTest(route=f"{method} {pattern}"):
                status, body, _ = admin.call(method, path, raw=deep)
                self.assertLess(status, 500, body)
                upload = method == "POST" and pattern in uploads  # uploads are POSTs
                if status == 400 and not upload:
                    self.assertEqual(body["error"]["key"], "json_too_deep", body)
                status, body, _ = admin.call(method, path, raw=b'{"x": 1}',
                                             headers={"Content-Type": "text/plain"})
                if upload:
                    self.assertNotEqual(status, 415, body)
                else:
                    self.assertEqual((status, body["error"]["key"]), (415, "json_content_type"))
                checked += 1
        self.assertGreater(checked, 30)

    def test_duplicate_keys_are_refused(self):
        anon = harness.Client(server.base)
        raw = json.dumps({"login": "member", "password": harness.DEMO_PASSWORD})[:-1].encode()
        raw += b', "login": "admin"}'
        self.assertError(anon.call("POST", "/api/v1/session", raw=raw), 400, "duplicate_field", "login")
        self.assertIsNone(anon.csrf)
        nested = b'{"title": "t", "body": "b", "authors": ["a"], "tags": [], "contact": "1", "title": "u"}'
        self.assertError(self.reporter.call("POST", "/api/v1/submissions", raw=nested), 400,
                         "duplicate_field", "title")

    def test_json_bodies_need_the_json_content_type(self):
        # Login CSRF: a cross-site form can post text/plain without a preflight.
        body = json.dumps({"login": "member", "password": harness.DEMO_PASSWORD}).encode()
        for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                             "application/jsonp", ""):
            with self.subTest(content_type=content_type):
                anon = harness.Client(server.base)
                response = anon.call("POST", "/api/v1/session", raw=body,
                                     headers={"Content-Type": content_type})
                self.assertError(response, 415, "json_content_type")
                self.assertIsNone(anon.csrf)
        anon = harness.Client(server.base)
        status, _, _ = anon.call("POST", "/api/v1/session", raw=body,
                                 headers={"Content-Type": "Application/JSON; charset=utf-8"})
        self.assertEqual(status, 200)
        # Signed-in routes too, before anything is stored.
        piece = json.dumps({"title": "类型", "body": "正文"}).encode()
        self.assertError(self.reporter.call("POST", "/api/v1/submissions", raw=piece,
                                            headers={"Content-Type": "text/plain"}),
                         415, "json_content_type")

    def test_bodiless_posts_and_uploads_keep_their_types(self):
        # A POST without a body needs no Content-Type.
        req = urllib.request.Request(server.base + "/api/v1/notifications/read-all", method="POST")
        req.add_header("X-CSRF-Token", self.reporter.csrf)
        with self.reporter.opener.open(req, timeout=30) as r:
            self.assertIn(r.status, (200, 204))
        # Uploads are raw bytes of their own type.
        status, piece, _ = self.reporter.call("POST", "/api/v1/submissions/import?format=txt",
                                              raw="标题\n\n正文".encode(),
                                              headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(status, 201, piece)

    # --- exponential and quadratic work ----------------------------------

    def test_nested_narrative_template_is_refused(self):
        # 15 nested sections over the three regions: 3^15 renders, 5.4 s and 28.7 MB.
        tmpl = "{{#hk_macau_taiwan.regions}}" * 15 + "{{name}}" + "{{/hk_macau_taiwan.regions}}" * 15
        self.assertError(self.approver.call("POST", "/api/v1/epidemic/narrative",
                                            {"date": "2020-03-18", "template": tmpl}),
                         400, "template_too_deep", "template")
        tmpl = "{{#hk_macau_taiwan.regions}}" * 10 + "{{name}}" + "{{/hk_macau_taiwan.regions}}" * 10
        self.assertError(self.approver.call("POST", "/api/v1/epidemic/narrative",
                                            {"date": "2020-03-18", "template": tmpl}),
                         400, "template_too_costly", "template")
        status, body, _ = self.approver.call("POST", "/api/v1/epidemic/narrative",
                                             {"date": "2020-03-18",
                                              "template": "{{#hk_macau_taiwan.regions}}{{name}}{{/hk_macau_taiwan.regions}}"})
        self.assertEqual(status, 200, body)

    def test_wide_tables_in_previews_and_pieces(self):
        wide = "|h" * 20000 + "|\n" + "|-" * 20000 + "|\n"
        self.assertError(self.reporter.call("POST", "/api/v1/submissions/preview", {"body": wide}),
                         400, "table_too_wide", "body")
        # Refused when stored, so no GET ever renders it.
        self.assertError(self.reporter.call("POST", "/api/v1/submissions",
                                            {"title": "宽表", "body": "|h" * 8000 + "|\n" + "|-" * 8000 + "|\n"}),
                         400, "table_too_wide", "body")
        one_row = "|a|b|\n|-|-|\n" + "|x" * 90000 + "\n"
        self.assertError(self.reporter.call("POST", "/api/v1/submissions/preview", {"body": one_row}),
                         400, "table_too_wide", "body")
        fine = "|a|b|\n|-|-|\n|1|2|\n"
        status, body, _ = self.reporter.call("POST", "/api/v1/submissions/preview", {"body": fine})
        self.assertEqual(status, 200, body)
        self.assertIn("<table>", body["html"])

    def test_wide_table_in_an_issue_section(self):
        status, issue, _ = self.editor.call("POST", "/api/v1/bulletins/issues",
                                            {"series": "ccea-epidemic", "date": "2020-04-03"})
        self.assertEqual(status, 201, issue)
        wide = "|h" * 8000 + "|\n" + "|-" * 8000 + "|\n"
        status, body, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}",
                                           {"date": "2020-04-03",
                                            "sections": [{"kind": "text", "title": "宽表", "body": wide}]})
        if status == 200:  # stored: the render must refuse it, naming the section
            status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/preview")
        self.assertEqual(status, 400, str(body)[:300])
        self.assertEqual(body["error"]["key"], "table_too_wide", body)
        self.assertIn("sections[0]", body["error"]["field"])


if __name__ == "__main__":
    unittest.main()
