"""Issue 11, items 1, 6, 7 and 8 for bulletins: a series speaks only for its
owner's association, nobody signs what they edited, sign-off checks what
publishing checks (an approved issue can go back to draft), only editors and
approvers render previews, and the legacy import checks rights before it
parses anything."""

import unittest

import harness

STRONG = "Qz7-signoff-Check"


class BulletinAuthorityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server().start()
        cls.editor = cls.server.client("editor")
        cls.approver = cls.server.client("approver")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def draft(self, client, body="正文。", series="ccea-epidemic", day="2020-06-01"):
        status, issue, _ = client.call("POST", "/api/v1/bulletins/issues",
                                       {"series": series, "date": day})
        self.assertEqual(status, 201, issue)
        status, issue, _ = client.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": day, "sections": [{"kind": "text", "title": "标题", "body": body}]})
        self.assertEqual(status, 200, issue)
        return issue["id"]

    def test_provincial_admin_cannot_speak_for_the_national_association(self):
        hubei_admin = self.server.client("hubei-admin")
        base = {"code": "fake-national", "title": "冒名简报", "owner": "hubei"}
        status, body, _ = hubei_admin.call("POST", "/api/v1/bulletins/series",
                                           dict(base, masthead="中国通信企业协会"))
        self.assertEqual((status, body["error"]["key"]), (400, "masthead_not_owner"), body)
        status, body, _ = hubei_admin.call("POST", "/api/v1/bulletins/series",
                                           dict(base, issuer="中国通信企业协会秘书处"))
        self.assertEqual((status, body["error"]["key"]), (400, "issuer_not_owner"), body)
        status, body, _ = hubei_admin.call("POST", "/api/v1/bulletins/series", dict(
            base, distribution=[{"label": "发", "to": ["ccea", "hebei", "shaanxi"]}]))
        self.assertEqual((status, body["error"]["key"]), (400, "outside_association"), body)
        # Its own association, its members and government bodies are fine; the
        # masthead and issuer come from the tree when left out.
        status, body, _ = hubei_admin.call("POST", "/api/v1/bulletins/series", dict(
            base, code="hubei-weekly",
            distribution=[{"label": "报", "to": ["hubei-ca"]},
                          {"label": "发", "to": ["hubei-ctc", "hubei-cmcc"]}]))
        self.assertEqual(status, 201, body)
        self.assertEqual(body["masthead"], "湖北省通信行业协会")
        self.assertEqual(body["issuer"], "湖北省通信行业协会")

    def test_issue_distribution_stays_inside_the_association(self):
        issue = self.draft(self.editor, day="2020-06-02")
        status, body, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue}", {
            "date": "2020-06-02", "sections": [{"kind": "text", "title": "标题", "body": "正文。"}],
            "distribution": [{"label": "发", "to": ["hubei", "miit"]}]})
        self.assertEqual(status, 200, body)  # the national association reaches every province
        hubei_admin = self.server.client("hubei-admin")
        status, series, _ = hubei_admin.call("POST", "/api/v1/bulletins/series", {
            "code": "hubei-scope", "title": "范围", "owner": "hubei"})
        self.assertEqual(status, 201, series)

    def test_nobody_signs_what_they_edited(self):
        admin = self.server.client("admin")
        status, body, _ = admin.call("POST", "/api/v1/users", {
            "login": "both-roles", "password": STRONG, "org": "ccea-sec",
            "roles": ["editor", "approver"], "name": "兼任"})
        self.assertEqual(status, 201, body)
        both = self.server.client("both-roles", password=STRONG)
        issue = self.draft(both, day="2020-06-03")
        status, body, _ = both.call("POST", f"/api/v1/bulletins/issues/{issue}/approve")
        self.assertEqual((status, body["error"]["key"]), (403, "self_approval"), body)
        status, body, _ = self.approver.call("POST", f"/api/v1/bulletins/issues/{issue}/approve")
        self.assertEqual(status, 200, body)

    def test_sign_off_checks_what_publishing_checks_and_can_be_undone(self):
        issue = self.draft(self.editor, body="字体里没有的字：\ue000。", day="2020-06-04")
        status, body, _ = self.approver.call("POST", f"/api/v1/bulletins/issues/{issue}/approve")
        self.assertEqual((status, body["error"]["key"]), (400, "glyph_missing"), body)
        status, body, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{issue}")
        self.assertEqual(body["status"], "draft")
        status, body, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue}", {
            "date": "2020-06-04", "sections": [{"kind": "text", "title": "标题", "body": "改好了。"}]})
        self.assertEqual(status, 200, body)
        status, body, _ = self.approver.call("POST", f"/api/v1/bulletins/issues/{issue}/approve")
        self.assertEqual(status, 200, body)
        # An approved issue goes back to draft with a reason, and can be signed again.
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue}/reopen", {})
        self.assertEqual(status, 400, body)
        status, body, _ = self.server.client("member").call(
            "POST", f"/api/v1/bulletins/issues/{issue}/reopen", {"reason": "x"})
        self.assertIn(status, (403, 404), body)
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue}/reopen",
                                           {"reason": "日期要改"})
        self.assertEqual((status, body["status"], body.get("approved_by", "")), (200, "draft", ""))
        status, body, _ = self.approver.call("POST", f"/api/v1/bulletins/issues/{issue}/approve")
        self.assertEqual(status, 200, body)
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue}/publish")
        self.assertEqual((status, body["status"]), (200, "published"), body)

    def test_only_editors_and_approvers_preview(self):
        issue = self.draft(self.editor, day="2020-06-05")
        for login in ("hubei-reporter", "hubei-desk", "member"):
            status, body, _ = self.server.client(login).call(
                "POST", f"/api/v1/bulletins/issues/{issue}/preview")
            self.assertIn(status, (403, 404), f"{login}: {body}")
        for client in (self.editor, self.approver):
            status, body, _ = client.call("POST", f"/api/v1/bulletins/issues/{issue}/preview")
            self.assertEqual(status, 200, body)

    def test_import_checks_rights_before_parsing(self):
        member = self.server.client("member")
        status, body, _ = member.call("POST", "/api/v1/bulletins/import",
                                      {"series": "ccea-epidemic", "text": "-" * 10000})
        self.assertEqual(status, 403, body)
        self.assertEqual(member.call("GET", "/api/v1/me")[0], 200)  # still serving


if __name__ == "__main__":
    unittest.main()
