"""Issue 16, what the approver signs and what the editor is told: the content
hash of the issue is kept with the sign-off (签发) and a sign-off of content
other than the pages shown is refused; text no font can set is caught at 送审,
naming the section and the character; an issue dated before the previous
issue of its series carries a warning; adopted pieces say which issues use
them; downloads are named as offices file them."""

import unittest
import urllib.parse

import harness

B = "/api/v1/bulletins/issues"


class BulletinSignoffTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server().start()
        cls.editor = cls.server.client("editor")
        cls.approver = cls.server.client("approver")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def ok(self, client, method, path, body=None, status=200):
        got, resp, _ = client.call(method, path, body)
        self.assertEqual(got, status, resp)
        return resp

    def draft(self, day, sections=None):
        issue = self.ok(self.editor, "POST", B, {"series": "ccea-epidemic", "date": day}, 201)
        return self.ok(self.editor, "PUT", f"{B}/{issue['id']}", {
            "date": day,
            "sections": sections or [{"kind": "text", "title": "编者按", "body": "签发测试。"}]})

    def test_sign_off_refused_when_content_changed_after_the_preview(self):
        iid = self.draft("2022-05-10")["id"]
        self.ok(self.editor, "POST", f"{B}/{iid}/submit")
        seen = self.ok(self.approver, "POST", f"{B}/{iid}/preview")
        self.assertEqual(len(seen["content_hash"]), 64)
        self.assertEqual(seen["content_hash"],
                         self.ok(self.approver, "GET", f"{B}/{iid}")["content_hash"])
        # The editor gets it back, changes a word and submits it again.
        self.ok(self.approver, "POST", f"{B}/{iid}/return", {"comment": "请再看看"})
        self.ok(self.editor, "PUT", f"{B}/{iid}", {
            "date": "2022-05-10", "sections": [{"kind": "text", "title": "编者按", "body": "改过了。"}]})
        self.ok(self.editor, "POST", f"{B}/{iid}/submit")
        # Signing what was previewed before is refused; the new pages can be signed.
        status, body, _ = self.approver.call("POST", f"{B}/{iid}/approve",
                                             {"content_hash": seen["content_hash"]})
        self.assertEqual((status, body["error"]["key"]), (409, "content_changed"), body)
        self.assertNotEqual(body["error"]["message"], "content_changed")
        now = self.ok(self.approver, "POST", f"{B}/{iid}/preview")
        self.assertNotEqual(now["content_hash"], seen["content_hash"])
        signed = self.ok(self.approver, "POST", f"{B}/{iid}/approve",
                         {"content_hash": now["content_hash"]})
        self.assertEqual(signed["approved_hash"], now["content_hash"])
        published = self.ok(self.editor, "POST", f"{B}/{iid}/publish")
        self.assertEqual(published["content_hash"], published["approved_hash"])
        # Downloads are named as offices file them (RFC 6266, UTF-8 name percent-encoded).
        year, number = published["year"], published["number"]
        for fmt in ("pdf", "docx", "html", "txt"):
            status, _, headers = self.editor.call("GET", f"{B}/{iid}/files/{fmt}")
            self.assertEqual(status, 200)
            disposition = headers["Content-Disposition"]
            name = f"信息简报{year}年第{number}期.{fmt}"
            self.assertIn("filename*=UTF-8''" + urllib.parse.quote(name, safe=""), disposition)
            self.assertIn(f'filename="ccea-epidemic-{year}-{number}.{fmt}"', disposition)
            self.assertTrue(disposition.startswith("inline;" if fmt == "html" else "attachment;"))

    def test_approve_needs_no_preview_first(self):
        iid = self.draft("2022-05-11")["id"]
        self.ok(self.editor, "POST", f"{B}/{iid}/submit")
        signed = self.ok(self.approver, "POST", f"{B}/{iid}/approve")
        self.assertEqual(signed["approved_hash"], signed["content_hash"])
        # People are named (and their unit), not only by login.
        self.assertTrue(signed["people"]["approver"]["name"], signed["people"])
        self.assertTrue(signed["people"]["editor"]["org"], signed["people"])
        # Reopening drops the sign-off and its hash.
        reopened = self.ok(self.editor, "POST", f"{B}/{iid}/reopen", {"reason": "再改"})
        self.assertNotIn("approved_hash", reopened)
        status, body, _ = self.approver.call("POST", f"{B}/{iid}/approve", {"content_hash": 5})
        self.assertEqual(status, 400, body)

    def test_an_emoji_is_caught_at_submit_naming_the_section(self):
        iid = self.draft("2022-05-12", [
            {"kind": "text", "title": "编者按", "body": "正常的一段。"},
            {"kind": "text", "title": "工作动态", "body": "表情符号 \U0001F600 排不出来。"}])["id"]
        status, body, _ = self.editor.call("POST", f"{B}/{iid}/submit")
        self.assertEqual((status, body["error"]["key"]), (400, "glyph_missing"), body)
        self.assertEqual(body["error"]["field"], "sections[1].body")
        self.assertIn("工作动态", body["error"]["message"])
        self.assertIn("U+1F600", body["error"]["message"])
        self.assertEqual(self.ok(self.editor, "GET", f"{B}/{iid}")["status"], "draft")

    def test_a_date_before_the_previous_issue_is_warned(self):
        first = self.draft("2022-06-20")
        self.assertEqual(first["warnings"], [])
        second = self.draft("2022-06-10")
        self.assertEqual(second["number"], first["number"] + 1)
        self.assertEqual([w["key"] for w in second["warnings"]], ["date_before_previous"])
        self.assertEqual(second["warnings"][0]["previous"]["number"], first["number"])
        self.assertEqual(second["warnings"][0]["previous"]["date"], "2022-06-20")
        fixed = self.ok(self.editor, "PUT", f"{B}/{second['id']}", {
            "date": "2022-06-21", "sections": [{"kind": "text", "title": "编者按", "body": "改日期。"}]})
        self.assertEqual(fixed["warnings"], [])

    def test_pieces_say_which_issues_use_them(self):
        reporter = self.server.client("hubei-reporter")
        piece = self.ok(reporter, "POST", "/api/v1/submissions", {
            "title": "编入标记稿件", "body": "正文。", "authors": ["李娜"]}, 201)
        pid = piece["id"]
        self.ok(reporter, "POST", f"/api/v1/submissions/{pid}/actions", {"action": "submit"})
        self.ok(self.editor, "POST", f"/api/v1/submissions/{pid}/actions", {"action": "adopt"})
        q = "/api/v1/bulletins/sources/pieces?q=" + urllib.parse.quote("编入标记")
        offered = self.ok(self.editor, "GET", q)["items"]
        self.assertEqual([(p["id"], p["used_in"]) for p in offered], [(pid, [])])
        self.assertEqual([p["id"] for p in self.ok(self.editor, "GET", q + "&unused=1")["items"]],
                         [pid])
        sec = self.ok(self.editor, "GET", f"/api/v1/bulletins/sources/pieces/{pid}")
        issue = self.draft("2022-07-01", [sec])
        offered = self.ok(self.editor, "GET", q)["items"]
        self.assertEqual(offered[0]["used_in"], [{"issue_id": issue["id"], "year": 2022,
                                                  "number": issue["number"], "status": "draft"}])
        self.assertEqual(self.ok(self.editor, "GET", q + "&unused=1")["items"], [])
        # The review queue and the reporter's own list say so too, with a 未编入 filter.
        for client in (self.editor, reporter):
            listed = self.ok(client, "GET", "/api/v1/submissions?q=" + urllib.parse.quote("编入标记"))
            self.assertEqual([p["used_in"][0]["issue_id"] for p in listed["items"]], [issue["id"]])
            unused = self.ok(client, "GET", "/api/v1/submissions?unused=1&q=" +
                             urllib.parse.quote("编入标记"))
            self.assertEqual(unused["items"], [])
        mine = self.ok(reporter, "GET", f"/api/v1/submissions/{pid}")
        self.assertEqual(mine["used_in"][0]["number"], issue["number"])

    def test_a_new_piece_names_its_reporter_as_author(self):
        reporter = self.server.client("hubei-reporter")
        me = self.ok(reporter, "GET", "/api/v1/me")
        piece = self.ok(reporter, "POST", "/api/v1/submissions", {"title": "没写作者", "body": "正文。"}, 201)
        self.assertEqual(piece["authors"], [me["user"]["name"] if "user" in me else me["name"]])
        piece = self.ok(reporter, "POST", "/api/v1/submissions",
                        {"title": "写了作者", "body": "正文。", "authors": ["王五"]}, 201)
        self.assertEqual(piece["authors"], ["王五"])

    def test_errors_name_fields_as_the_forms_label_them(self):
        iid = self.ok(self.editor, "POST", B, {"series": "ccea-epidemic", "date": "2022-08-01"}, 201)["id"]
        status, body, _ = self.editor.call("POST", f"{B}/{iid}/submit")
        self.assertEqual((status, body["error"]["key"]), (400, "required"), body)
        self.assertEqual(body["error"]["message"], "简报至少需要一个栏目")
        english = self.server.client("editor", lang="en")
        status, body, _ = english.call("POST", f"{B}/{iid}/submit")
        self.assertEqual(body["error"]["message"], "an issue needs at least one section")
        status, body, _ = self.editor.call("POST", "/api/v1/submissions", {"body": "正文。"})
        self.assertEqual((status, body["error"]["field"]), (400, "title"), body)
        self.assertEqual(body["error"]["message"], "请填写标题")
        status, body, _ = english.call("POST", "/api/v1/submissions", {"body": "正文。"})
        self.assertEqual(body["error"]["message"], "the title is required")
    def test_the_workbench_lists_each_roles_to_dos(self):
        iid = self.draft("2022-09-01")["id"]
        self.ok(self.editor, "POST", f"{B}/{iid}/submit")
        todos = {t["key"]: t for t in self.ok(self.approver, "GET", "/api/v1/workbench/todos")["items"]}
        self.assertIn(iid, [i["id"] for i in todos["issues_to_sign"]["items"]])
        self.assertGreaterEqual(todos["issues_to_sign"]["count"], 1)
        self.assertEqual(todos["issues_to_sign"]["link"], "/bulletins/pending")
        self.assertNotIn("pieces_waiting", todos)
        self.ok(self.approver, "POST", f"{B}/{iid}/return", {"comment": "第二栏数字请核对"})
        editor = {t["key"]: t for t in self.ok(self.editor, "GET", "/api/v1/workbench/todos")["items"]}
        self.assertTrue({"pieces_waiting", "issues_in_progress", "returned_issues",
                         "unread_issues"} <= set(editor), editor)
        returned = {i["id"]: i for i in editor["returned_issues"]["items"]}
        self.assertEqual(returned[iid]["comment"], "第二栏数字请核对")
        self.assertEqual(returned[iid]["by"], "王建国")
        self.assertEqual(returned[iid]["link"], f"/bulletins/issues/{iid}")
        self.assertGreaterEqual(editor["returned_issues"]["count"], 1)
        self.ok(self.editor, "POST", f"{B}/{iid}/submit")  # resubmitted: no longer a to-do
        editor = {t["key"]: t for t in self.ok(self.editor, "GET", "/api/v1/workbench/todos")["items"]}
        self.assertNotIn(iid, [i["id"] for i in editor["returned_issues"]["items"]])
        reporter = self.server.client("hubei-reporter")
        mine = {t["key"] for t in self.ok(reporter, "GET", "/api/v1/workbench/todos")["items"]}
        self.assertTrue({"returned_pieces", "open_commissions", "unacknowledged_issues"} <= mine, mine)

if __name__ == "__main__":
    unittest.main()
