"""Link targets in every published file (issue 11, item 8): only http, https
and mailto survive in the PDF, DOCX, HTML and text of an issue."""

import io
import unittest
import zipfile

import harness

server = None
BAD = [("javascript:alert(1)", "alert(1)"), ("JavaScript:alert(2)", "alert(2)"),
       ("vbscript:msgbox(3)", "msgbox(3)"), ("file:///etc/passwd", "etc/passwd"),
       ("data:text/html;base64,PHNjcmlwdD4=", "PHNjcmlwdD4"),
       ("\\\\\\\\evil-host\\\\share", "evil-host"), ("//evil-path/share", "evil-path")]


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


class LinksTest(unittest.TestCase):
    def test_only_safe_link_targets_in_every_file(self):
        editor, approver = server.client("editor"), server.client("approver")
        body = "".join(f"第{i}处[链接{i}]({url})。\n\n" for i, (url, _) in enumerate(BAD))
        body += "官网：[协会](https://example.com/ok)，来信：[邮箱](mailto:office@example.com)。"
        status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-04-10"})
        self.assertEqual(status, 201, issue)
        iid = issue["id"]
        status, saved, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-04-10", "sections": [{"kind": "text", "title": "链接", "body": body}]})
        self.assertEqual(status, 200, saved)
        self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        self.assertEqual(approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 200)
        status, published, _ = editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")
        self.assertEqual(status, 200, published)
        files = {}
        for fmt in ("pdf", "docx", "html", "txt"):
            req = editor.opener.open(f"{server.base}/api/v1/bulletins/issues/{iid}/files/{fmt}")
            data = req.read()
            if fmt == "docx":
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    data = b"".join(z.read(n) for n in z.namelist())
            files[fmt] = data.decode("latin-1" if fmt == "pdf" else "utf-8")
        self.assertIn("(https://example.com/ok)", files["pdf"])
        self.assertIn("(mailto:office@example.com)", files["pdf"])
        self.assertIn('href="https://example.com/ok"', files["html"])
        self.assertIn("链接0", files["txt"])
        for fmt, text in files.items():
            for url, marker in BAD:
                with self.subTest(format=fmt, url=url):
                    self.assertNotIn(marker, text)


if __name__ == "__main__":
    unittest.main()
