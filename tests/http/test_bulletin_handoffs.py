"""Issue 16, hand-offs between editor and approver: the editor submits an issue
for sign-off (送审), the approver is told and returns it with a comment (退回修改)
or signs it (签发), only from pending_approval; the comments stay on the issue
as a thread; the editor is told when it is returned and when it is signed. A
draft never signed can be discarded, and its number is used again."""

import unittest

import harness

B = "/api/v1/bulletins/issues"


class BulletinHandoffTest(unittest.TestCase):
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

    def draft(self, day):
        issue = self.ok(self.editor, "POST", B, {"series": "ccea-epidemic", "date": day}, 201)
        self.ok(self.editor, "PUT", f"{B}/{issue['id']}", {
            "date": day, "sections": [{"kind": "text", "title": "编者按", "body": "送审测试。"}]})
        return issue

    def notes(self, client, iid):
        page = self.ok(client, "GET", "/api/v1/notifications?unread=1")
        return [n for n in page["items"] if n["entity"] == "bulletin_issue"
                and n["entity_id"] == str(iid)]

    def test_submit_return_resubmit_sign_publish(self):
        iid = self.draft("2020-07-01")["id"]
        # 签发 only from pending_approval.
        status, body, _ = self.approver.call("POST", f"{B}/{iid}/approve")
        self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"), body)
        status, body, _ = self.approver.call("POST", f"{B}/{iid}/submit")
        self.assertEqual(status, 403, body)  # only editors submit

        issue = self.ok(self.editor, "POST", f"{B}/{iid}/submit")
        self.assertEqual(issue["status"], "pending_approval")
        status, body, _ = self.editor.call("POST", f"{B}/{iid}/submit")
        self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"))
        # A pending issue is not edited.
        status, body, _ = self.editor.call("PUT", f"{B}/{iid}", {
            "date": "2020-07-01", "sections": [{"kind": "text", "title": "改", "body": "改。"}]})
        self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"), body)
        # The approver is told, and sees it in the 待签发 queue.
        self.assertEqual([n["kind"] for n in self.notes(self.approver, iid)], ["bulletin.submitted"])
        queue = self.ok(self.approver, "GET", f"{B}?status=pending_approval")
        self.assertIn(iid, [i["id"] for i in queue["items"]])

        # Returned with a comment: back to draft, the editor told with the comment.
        status, body, _ = self.approver.call("POST", f"{B}/{iid}/return", {})
        self.assertEqual((status, body["error"]["field"]), (400, "comment"), body)
        status, body, _ = self.editor.call("POST", f"{B}/{iid}/return", {"comment": "自己退回"})
        self.assertEqual(status, 403, body)
        issue = self.ok(self.approver, "POST", f"{B}/{iid}/return", {"comment": "第二段数据请核实"})
        self.assertEqual(issue["status"], "draft")
        returned = self.notes(self.editor, iid)
        self.assertEqual([n["kind"] for n in returned], ["bulletin.returned"])
        self.assertIn("第二段数据请核实", returned[0]["title"])
        status, body, _ = self.approver.call("POST", f"{B}/{iid}/return", {"comment": "再退"})
        self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"))

        # The editor answers in the thread, fixes the issue and submits it again.
        self.ok(self.editor, "POST", f"{B}/{iid}/comments", {"comment": "已核实并修改"}, 201)
        status, body, _ = self.editor.call("POST", f"{B}/{iid}/comments", {"comment": "  "})
        self.assertEqual((status, body["error"]["key"]), (400, "required"))
        self.ok(self.editor, "PUT", f"{B}/{iid}", {
            "date": "2020-07-01", "sections": [{"kind": "text", "title": "编者按", "body": "已改。"}]})
        self.ok(self.editor, "POST", f"{B}/{iid}/submit")
        issue = self.ok(self.approver, "POST", f"{B}/{iid}/approve")
        self.assertEqual(issue["status"], "approved")
        self.assertEqual([n["kind"] for n in self.notes(self.editor, iid)],
                         ["bulletin.approved", "bulletin.returned"])
        issue = self.ok(self.editor, "POST", f"{B}/{iid}/publish")
        self.assertEqual(issue["status"], "published")

        thread = self.ok(self.approver, "GET", f"{B}/{iid}/comments")["items"]
        self.assertEqual([(c["kind"], c["author"]["login"], c["body"]) for c in thread], [
            ("submit", "editor", ""), ("return", "approver", "第二段数据请核实"),
            ("comment", "editor", "已核实并修改"), ("submit", "editor", ""),
            ("approve", "approver", "")])
        status, _, _ = self.server.client("member").call("GET", f"{B}/{iid}/comments")
        self.assertEqual(status, 403)
        # A published issue is never discarded.
        status, body, _ = self.editor.call("DELETE", f"{B}/{iid}")
        self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"))

    def test_a_discarded_draft_gives_its_number_back(self):
        first = self.draft("2021-03-01")
        second = self.draft("2021-03-02")
        self.assertEqual(second["number"], first["number"] + 1)
        status, body, _ = self.approver.call("DELETE", f"{B}/{first['id']}")
        self.assertEqual(status, 403, body)
        status, _, _ = self.editor.call("DELETE", f"{B}/{first['id']}")
        self.assertEqual(status, 204)
        self.assertEqual(self.editor.call("GET", f"{B}/{first['id']}")[0], 404)
        third = self.draft("2021-03-03")
        self.assertEqual(third["number"], first["number"])
        fourth = self.draft("2021-03-04")
        self.assertEqual(fourth["number"], second["number"] + 1)
        # A pending issue, or one signed once and reopened, is kept.
        self.ok(self.editor, "POST", f"{B}/{third['id']}/submit")
        status, body, _ = self.editor.call("DELETE", f"{B}/{third['id']}")
        self.assertEqual((status, body["error"]["key"]), (409, "wrong_state"))
        self.ok(self.approver, "POST", f"{B}/{third['id']}/approve")
        self.ok(self.editor, "POST", f"{B}/{third['id']}/reopen", {"reason": "日期要改"})
        status, body, _ = self.editor.call("DELETE", f"{B}/{third['id']}")
        self.assertEqual((status, body["error"]["key"]), (409, "was_signed"))


if __name__ == "__main__":
    unittest.main()
