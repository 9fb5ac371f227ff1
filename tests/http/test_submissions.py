"""信息报送 scenarios: import, workflow, isolation, versions, comments, attachments,
commissions, notifications, statistics and exports, hostile uploads."""

import io
import time
import unittest
import urllib.parse
import zipfile

import harness

server = None

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(paragraphs, extra=None, document=None):
    """Returns the bytes of a small .docx: paragraphs are (style, text, bold)."""
    body = ""
    for style, text, bold in paragraphs:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        body += f"<w:p>{ppr}<w:r>{rpr}<w:t>{text}</w:t></w:r></w:p>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document or
                   f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
        z.writestr("word/styles.xml",
                   f'<w:styles {W}><w:style w:styleId="Title"><w:name w:val="Title"/></w:style>'
                   '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082")


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


class SubmissionScenarioTest(unittest.TestCase):
    def setUp(self):
        self.reporter = server.client("hubei-reporter")
        self.editor = server.client("editor")

    def call_ok(self, client, method, path, body=None, raw=None, status=200):
        code, resp, headers = client.call(method, path, body=body, raw=raw)
        self.assertEqual(code, status, resp)
        return resp

    def new_piece(self, title="接口测试稿件", client=None, **extra):
        body = {"title": title, "body": "第一段。\n\n第二段。", "authors": ["李娜"],
                "contact": "027-12345678", "tags": ["测试"], **extra}
        return self.call_ok(client or self.reporter, "POST", "/api/v1/submissions", body, status=201)

    def act(self, client, piece_id, action, reason=None, status=200):
        body = {"action": action}
        if reason is not None:
            body["reason"] = reason
        return self.call_ok(client, "POST", f"/api/v1/submissions/{piece_id}/actions", body,
                            status=status)

    def test_workflow_table_is_served(self):
        wf = self.call_ok(self.reporter, "GET", "/api/v1/submissions/workflow")
        rows = {(t["from"], t["action"], t["role"]): t for t in wf["transitions"]}
        self.assertEqual(rows[("draft", "submit", "reporter")]["to"], "submitted")
        self.assertTrue(rows[("submitted", "return", "editor")]["reason_required"])
        self.assertEqual(rows[("adopted", "edit", "editor")]["to"], "adopted")
        self.assertEqual([s["name"] for s in wf["states"]],
                         ["draft", "submitted", "returned", "resubmitted", "adopted", "not_adopted"])

    def test_import_review_return_resubmit_adopt_and_statistics(self):
        year = time.strftime("%Y", time.gmtime(time.time() + 8 * 3600))
        raw = docx([("Title", "湖北行协开展通信保障演练", False),
                    ("Heading1", "演练安排", False),
                    ("", "协会组织三家会员单位开展应急通信保障演练。", False)])
        piece = self.call_ok(self.reporter, "POST", "/api/v1/submissions/import?format=docx",
                             raw=raw, status=201)
        self.assertEqual(piece["title"], "湖北行协开展通信保障演练")
        self.assertEqual(piece["state"], "draft")
        self.assertEqual(piece["body"], "## 演练安排\n\n协会组织三家会员单位开展应急通信保障演练。")
        self.assertEqual(piece["target"]["code"], "ccea")
        pid = piece["id"]
        self.act(self.reporter, pid, "submit")
        queue = self.call_ok(self.editor, "GET", "/api/v1/submissions?state=submitted,resubmitted&org=hubei")
        self.assertIn(pid, [p["id"] for p in queue["items"]])
        err = self.act(self.editor, pid, "return", status=400)
        self.assertEqual(err["error"]["field"], "reason")
        self.act(self.editor, pid, "return", "请补充参演人数")
        notes = self.call_ok(self.reporter, "GET", "/api/v1/notifications?unread=1")
        mine = [n for n in notes["items"] if n["entity_id"] == str(pid)]
        self.assertEqual(mine[0]["kind"], "submission.returned")
        self.assertIn("请补充参演人数", mine[0]["title"])
        self.assertEqual(mine[0]["params"], {"reason": "请补充参演人数"})
        english = server.client("hubei-reporter", lang="en").call("GET", "/api/v1/notifications?unread=1")[1]
        mine_en = [n for n in english["items"] if n["entity_id"] == str(pid)]
        self.assertEqual(mine_en[0]["title"], "Piece returned for revision: 请补充参演人数")
        self.assertGreaterEqual(self.call_ok(self.reporter, "GET",
                                             "/api/v1/notifications/unread-count")["unread"], 1)
        self.call_ok(self.reporter, "POST", f"/api/v1/notifications/{mine[0]['id']}/read", status=204)
        view = self.call_ok(self.reporter, "GET", f"/api/v1/submissions/{pid}")
        self.assertEqual(view["return_reason"], "请补充参演人数")
        self.assertEqual(sorted(view["actions"]), ["edit", "resubmit"])
        self.assertIn("<h2>演练安排</h2>", view["body_html"])
        patched = self.call_ok(self.reporter, "PATCH", f"/api/v1/submissions/{pid}", {
            "body": view["body"] + "\n\n共有一百二十人参加演练。", "note": "补充人数"})
        self.assertEqual(patched["version"], 2)
        self.act(self.reporter, pid, "resubmit")
        diff = self.call_ok(self.editor, "GET", f"/api/v1/submissions/{pid}/diff?from=1&to=2")
        self.assertEqual(diff["inserted"], 2)
        self.assertEqual(diff["lines"][-1], {"op": "insert", "text": "共有一百二十人参加演练。",
                                             "old": None, "new": 5})
        adopted = self.act(self.editor, pid, "adopt")
        self.assertEqual(adopted["state"], "adopted")
        self.assertIsNotNone(adopted["adopted_at"])
        edited = self.call_ok(self.editor, "PATCH", f"/api/v1/submissions/{pid}",
                              {"title": "湖北行协：通信保障演练"})
        self.assertEqual(edited["version"], 3)
        versions = self.call_ok(self.reporter, "GET", f"/api/v1/submissions/{pid}/versions")
        self.assertEqual([v["author"] for v in versions["items"]],
                         ["hubei-reporter", "hubei-reporter", "editor"])
        self.assertEqual(versions["items"][2]["author_name"], "陈静")  # people by name and unit
        self.assertTrue(versions["items"][2]["author_unit"])
        events = self.call_ok(self.reporter, "GET", f"/api/v1/submissions/{pid}")["events"]
        self.assertEqual((events[-1]["actor"], events[-1]["actor_name"]), ("editor", "陈静"))
        v1 = self.call_ok(self.reporter, "GET", f"/api/v1/submissions/{pid}/versions/1")
        self.assertEqual(v1["title"], "湖北行协开展通信保障演练")
        stats = self.call_ok(self.editor, "GET", f"/api/v1/submissions/stats?period={year}")
        rows = {r["org"]["code"]: r for r in stats["rows"]}
        self.assertEqual(set(rows) >= {"hubei", "hebei", "shaanxi", "qinghai", "heilongjiang"}, True)
        self.assertGreaterEqual(rows["hubei"]["adopted"], 2)  # the demo piece and this one
        self.assertEqual(stats["period"]["from"], f"{year}-01-01")
        drill = self.call_ok(self.editor, "GET",
                             f"/api/v1/submissions/stats/pieces?period={year}&org=hubei&kind=adopted")
        self.assertIn(pid, [p["id"] for p in drill["items"]])
        status, xlsx, headers = self.editor.call("GET", f"/api/v1/submissions/stats/export?period={year}&format=xlsx")
        self.assertEqual(status, 200)
        self.assertIn("spreadsheetml", headers["Content-Type"])
        self.assertIn("attachment", headers["Content-Disposition"])
        status, csv, headers = self.editor.call("GET", f"/api/v1/submissions/stats/export?period={year}&format=csv")
        self.assertEqual(status, 200)
        self.assertIn("湖北省通信行业协会", csv)
        audit = self.call_ok(server.client("admin"), "GET",
                             f"/api/v1/audit?entity=submission&page_size=100")
        actions = [e["action"] for e in audit["items"] if e["entity_id"] == str(pid)]
        for a in ["submission.create", "submission.submit", "submission.return",
                  "submission.update", "submission.resubmit", "submission.adopt"]:
            self.assertIn(a, actions)

    def test_isolation_between_organisations(self):
        draft = self.new_piece("湖北内部草稿")
        sent = self.new_piece("湖北已报送稿")
        self.act(self.reporter, sent["id"], "submit")
        hebei = server.client("hebei-reporter")
        for pid in (draft["id"], sent["id"]):
            self.assertEqual(hebei.call("GET", f"/api/v1/submissions/{pid}")[0], 404)
            self.assertEqual(hebei.call("POST", f"/api/v1/submissions/{pid}/actions",
                                        {"action": "withdraw"})[0], 404)
        listed = self.call_ok(hebei, "GET", "/api/v1/submissions?page_size=100")
        self.assertTrue(all(p["org"]["code"] == "hebei" for p in listed["items"]))
        self.assertEqual(self.editor.call("GET", f"/api/v1/submissions/{draft['id']}")[0], 404)
        queue = self.call_ok(self.editor, "GET", "/api/v1/submissions?page_size=100")
        self.assertNotIn("draft", [p["state"] for p in queue["items"]])
        err = self.act(self.reporter, sent["id"], "adopt", status=403)
        self.assertEqual(err["error"]["code"], "permission_denied")
        err = self.act(self.editor, sent["id"], "resubmit", status=409)
        self.assertEqual(err["error"]["key"], "invalid_transition")
        self.assertEqual(server.client("approver").call("GET", "/api/v1/submissions")[1]["total"], 0)
        found = self.call_ok(self.reporter, "GET", "/api/v1/submissions?q=%E5%86%85%E9%83%A8%E8%8D%89&state=draft")
        self.assertEqual([p["id"] for p in found["items"]], [draft["id"]])
        today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
        dated = self.call_ok(self.reporter, "GET", f"/api/v1/submissions?from={today}&to={today}&page_size=100")
        self.assertIn(sent["id"], [p["id"] for p in dated["items"]])
        self.assertEqual(self.reporter.call("GET", "/api/v1/submissions?state=lost")[0], 400)
        withdrawn = self.act(self.reporter, sent["id"], "withdraw")
        self.assertEqual(withdrawn["state"], "draft")
        self.assertEqual(self.editor.call("GET", f"/api/v1/submissions/{sent['id']}")[0], 404)
        status, body, _ = server.client("editor", lang="en").call(
            "POST", f"/api/v1/submissions/{draft['id']}/comments", {"body": "x"})
        self.assertEqual((status, body["error"]["key"]), (404, "submission_not_found"))

    def test_comments_attachments_and_bulk(self):
        p = self.new_piece("带附件的稿件")
        att = self.call_ok(self.reporter, "POST", f"/api/v1/submissions/{p['id']}/attachments?name={urllib.parse.quote('现场.png')}",
                           raw=PNG, status=201)
        self.assertEqual((att["mime"], att["size"], att["name"]), ("image/png", len(PNG), "现场.png"))
        status, data, headers = self.reporter.call("GET", att["url"])
        self.assertEqual((status, headers["Content-Type"]), (200, "image/png"))
        err = self.call_ok(self.reporter, "POST", f"/api/v1/submissions/{p['id']}/attachments?name=x.png",
                           raw=b"MZ\x90\x00\x03\x00\x00\x00", status=400)
        self.assertEqual(err["error"]["key"], "unsupported_type")
        self.assertEqual(self.editor.call("POST", f"/api/v1/submissions/{p['id']}/attachments?name=a.png",
                                          raw=PNG)[0], 404)
        bare = server.client("hubei-reporter")
        bare.csrf = None
        self.assertEqual(bare.call("POST", f"/api/v1/submissions/{p['id']}/attachments", raw=PNG)[0], 403)
        self.act(self.reporter, p["id"], "submit")
        self.call_ok(self.editor, "POST", f"/api/v1/submissions/{p['id']}/comments",
                     {"body": "请补充图片说明。"}, status=201)
        self.call_ok(self.reporter, "POST", f"/api/v1/submissions/{p['id']}/comments",
                     {"body": "好的。"}, status=201)
        comments = self.call_ok(self.editor, "GET", f"/api/v1/submissions/{p['id']}/comments")
        self.assertEqual([c["author"]["login"] for c in comments["items"]], ["editor", "hubei-reporter"])
        q = self.new_piece("批量二")
        self.act(self.reporter, q["id"], "submit")
        draft = self.new_piece("批量草稿")
        bulk = self.call_ok(self.editor, "POST", "/api/v1/submissions/bulk",
                            {"ids": [p["id"], q["id"], draft["id"]], "action": "reject", "reason": "重复"})
        self.assertEqual((bulk["succeeded"], bulk["failed"]), (2, 1))
        self.assertEqual(bulk["results"][2]["error"]["code"], "not_found")

    def test_commission_answered_on_time(self):
        c = self.call_ok(self.editor, "POST", "/api/v1/commissions", {
            "topic": "高寒地区基站防冻措施", "org": "heilongjiang", "deadline": "2099-12-31",
            "description": "一千字左右"}, status=201)
        self.assertEqual((c["org"]["code"], c["status"], c["on_time"]), ("heilongjiang", "open", None))
        hlj = server.client("heilongjiang-reporter")
        listed = self.call_ok(hlj, "GET", "/api/v1/commissions?status=open")
        self.assertIn(c["id"], [x["id"] for x in listed["items"]])
        self.assertEqual(self.reporter.call("GET", f"/api/v1/commissions/{c['id']}")[0], 404)
        p = self.new_piece("黑龙江行协：基站防冻做法", client=hlj, commission_id=c["id"])
        self.act(hlj, p["id"], "submit")
        got = self.call_ok(self.editor, "GET", f"/api/v1/commissions/{c['id']}")
        self.assertEqual((got["answers"], got["on_time"]), (1, True))
        self.assertEqual([x["id"] for x in got["pieces"]], [p["id"]])
        self.assertTrue(self.call_ok(hlj, "GET", f"/api/v1/submissions/{p['id']}")["commission_on_time"])
        err = self.call_ok(self.editor, "POST", "/api/v1/commissions", {
            "topic": "x", "org": "ccea-sec", "deadline": "2099-01-01"}, status=400)
        self.assertEqual(err["error"]["field"], "org")
        closed = self.call_ok(self.editor, "POST", f"/api/v1/commissions/{c['id']}/close")
        self.assertEqual(closed["status"], "closed")

    def test_hostile_uploads_store_nothing(self):
        before = self.call_ok(self.reporter, "GET", "/api/v1/submissions")["total"]
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/document.xml", "<w:document/>")
            z.writestr("word/media/zeros.bin", b"\0" * (200 << 20))
        entities = docx([], document='<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
                                     '<w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>')
        trick = io.BytesIO()
        with zipfile.ZipFile(trick, "w") as z:
            z.writestr("word/document.xml", "<w:document/>")
            z.writestr("../../etc/cron.d/x", "x")
        cases = [(bomb.getvalue(), "docx_bomb"), (entities, "docx_entities"),
                 (trick.getvalue(), "docx_path"), (b"not a zip at all", "docx_malformed"),
                 (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "docx_encrypted")]
        for raw, key in cases:
            with self.subTest(key=key):
                start = time.time()
                status, body, _ = self.reporter.call("POST", "/api/v1/submissions/import?format=docx", raw=raw)
                self.assertEqual((status, body["error"]["key"], body["error"]["field"]), (400, key, "file"))
                self.assertLess(time.time() - start, 5)
        status, body, _ = self.reporter.call("POST", "/api/v1/submissions/import?format=docx",
                                             raw=b"PK" + b"\0" * (25 << 20))
        self.assertEqual(status, 413)
        self.assertEqual(self.call_ok(self.reporter, "GET", "/api/v1/submissions")["total"], before)
        conv = self.call_ok(self.reporter, "POST", "/api/v1/submissions/convert?format=txt",
                            raw="标题\n正文".encode())
        self.assertEqual((conv["title"], conv["body"]), ("标题", "正文"))
        # Control characters in an uploaded file (the JSON check never sees
        # them) are dropped; Word's manual line break (VT) becomes a new line.
        conv = self.call_ok(self.reporter, "POST", "/api/v1/submissions/convert?format=txt",
                            raw="标\x01题\n第一行\x0b第二行\x07".encode())
        for text in (conv["title"], conv["body"]):
            self.assertNotRegex(text, "[\x00-\x08\x0b\x0c\x0e-\x1f]")
        conv = self.call_ok(self.reporter, "POST", "/api/v1/submissions/convert?format=docx",
                            raw=docx([("Title", "标&#x1;题", False),
                                      (None, "第一行&#xB;第二行&#x7;", False)]))
        for text in (conv["title"], conv["body"]):
            self.assertNotRegex(text, "[\x00-\x08\x0b\x0c\x0e-\x1f]")
        self.assertIn("第二行", conv["body"])
        self.assertIn("第一行", conv["body"])
        self.assertIn("第二行", conv["body"])

    def test_demo_data_fills_every_screen(self):
        queue = self.call_ok(self.editor, "GET", "/api/v1/submissions?page_size=100")
        states = {p["state"] for p in queue["items"]}
        self.assertTrue({"submitted", "returned", "adopted", "not_adopted"} <= states)
        orgs = {p["org"]["code"] for p in queue["items"]}
        self.assertTrue({"hubei", "hebei", "shaanxi", "qinghai", "heilongjiang"} <= orgs)
        commissions = self.call_ok(self.editor, "GET", "/api/v1/commissions")
        self.assertGreaterEqual(commissions["total"], 2)
        targets = self.call_ok(self.reporter, "GET", "/api/v1/submissions/targets")
        self.assertEqual([t["code"] for t in targets["items"]], ["ccea"])
        preview = self.call_ok(self.reporter, "POST", "/api/v1/submissions/preview",
                               {"body": "**粗体** <script>alert(1)</script>"})
        self.assertIn("<strong>粗体</strong>", preview["html"])
        self.assertNotIn("<script>", preview["html"])


if __name__ == "__main__":
    unittest.main()
