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

    def test_only_government_recipients_the_association_allows(self):
        hubei_admin = self.server.client("hubei-admin")
        gov = "/api/v1/bulletins/government-recipients"
        status, body, _ = hubei_admin.call("GET", gov + "?association=hubei")
        self.assertEqual(status, 200, body)
        self.assertEqual([o["code"] for o in body["allowed"]], ["hubei-ca"])
        self.assertEqual([o["code"] for o in body["available"]], ["miit"])
        self.assertEqual(body["available"][0]["name"], "工业和信息化部")
        series = {"code": "hubei-to-miit", "title": "报部简报", "owner": "hubei",
                  "distribution": [{"label": "报", "to": ["miit"]}]}
        status, body, _ = hubei_admin.call("POST", "/api/v1/bulletins/series", series)
        self.assertEqual((status, body["error"]["key"]), (400, "government_not_allowed"), body)
        # The association's admin allows the ministry; then the series may report to it.
        status, body, _ = hubei_admin.call("PUT", gov, {"association": "hubei",
                                                        "orgs": ["hubei-ca", "miit"]})
        self.assertEqual(status, 200, body)
        self.assertEqual([o["code"] for o in body["allowed"]], ["miit", "hubei-ca"])
        self.assertEqual(body["available"], [])
        status, body, _ = hubei_admin.call("POST", "/api/v1/bulletins/series", series)
        self.assertEqual(status, 201, body)
        status, audit, _ = self.server.client("admin").call(
            "GET", "/api/v1/audit?action=bulletin.government_recipients")
        self.assertEqual(status, 200, audit)
        entry = next(e for e in audit["items"] if e["entity_id"] == "hubei")
        self.assertEqual((entry["before"], entry["after"]), (["hubei-ca"], ["miit", "hubei-ca"]))
        # Taken off the list again, the ministry is refused in an issue's distribution.
        status, body, _ = hubei_admin.call("PUT", gov, {"association": "hubei",
                                                        "orgs": ["hubei-ca"]})
        self.assertEqual(status, 200, body)
        editor = self.hubei_editor()
        status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "hubei-daily", "date": "2020-06-08"})
        self.assertEqual(status, 201, issue)
        put = {"date": "2020-06-08", "sections": [{"kind": "text", "title": "标题", "body": "正文。"}]}
        status, body, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", dict(
            put, distribution=[{"label": "报", "to": ["miit"]}]))
        self.assertEqual((status, body["error"]["key"]), (400, "government_not_allowed"), body)
        status, body, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", dict(
            put, distribution=[{"label": "报", "to": ["hubei-ca"]}]))
        self.assertEqual(status, 200, body)

    def hubei_editor(self):
        admin = self.server.client("hubei-admin")
        status, body, _ = admin.call("POST", "/api/v1/users", {
            "login": "hubei-editor", "password": STRONG, "org": "hubei", "roles": ["editor"],
            "name": "湖北编辑"})
        self.assertIn(status, (201, 409), body)
        return self.server.client("hubei-editor", password=STRONG)

    def test_who_may_change_an_associations_government_recipients(self):
        gov = "/api/v1/bulletins/government-recipients"
        for login in ("editor", "approver", "hubei-reporter", "member"):
            client = self.server.client(login)
            status, body, _ = client.call("GET", gov + "?association=hubei")
            self.assertEqual(status, 403, f"{login}: {body}")
            status, body, _ = client.call("PUT", gov, {"association": "hubei", "orgs": []})
            self.assertEqual(status, 403, f"{login}: {body}")
        # The national admin manages every association's list.
        admin = self.server.client("admin")
        for association in ("ccea", "hubei", "hebei"):
            status, body, _ = admin.call("GET", gov + f"?association={association}")
            self.assertEqual(status, 200, body)
        status, body, _ = admin.call("GET", gov + "?association=ccea")
        self.assertEqual([o["code"] for o in body["allowed"]], ["miit", "hubei-ca"])
        # Only associations have a list, and only government bodies go on it.
        status, body, _ = admin.call("GET", gov + "?association=hubei-ctc")
        self.assertEqual((status, body["error"]["key"]), (400, "not_association"), body)
        status, body, _ = admin.call("GET", gov)
        self.assertEqual((status, body["error"]["field"]), (400, "association"), body)
        status, body, _ = admin.call("PUT", gov, {"association": "hebei",
                                                  "orgs": ["hubei-ca", "hubei-ctc"]})
        self.assertEqual((status, body["error"]["key"], body["error"]["field"]),
                         (400, "not_government", "orgs"), body)
        status, body, _ = admin.call("PUT", gov, {"association": "hebei", "orgs": ["nowhere"]})
        self.assertEqual((status, body["error"]["key"]), (400, "org_not_found"), body)

    def test_a_provincial_admin_cannot_change_another_associations_list(self):
        hubei_admin = self.server.client("hubei-admin")
        gov = "/api/v1/bulletins/government-recipients"
        for association in ("ccea", "hebei"):
            status, body, _ = hubei_admin.call("GET", gov + f"?association={association}")
            self.assertEqual((status, body["error"]["key"]), (403, "outside_scope"), body)
            status, body, _ = hubei_admin.call("PUT", gov, {"association": association,
                                                            "orgs": ["miit", "hubei-ca"]})
            self.assertEqual((status, body["error"]["key"]), (403, "outside_scope"), body)
        status, body, _ = self.server.client("admin").call("GET", gov + "?association=hebei")
        self.assertEqual(body["allowed"], [], body)
        # A Hubei series cannot reach the national association's government recipients either.
        status, body, _ = hubei_admin.call("POST", "/api/v1/bulletins/series", {
            "code": "hubei-borrow", "title": "借用", "owner": "hubei",
            "distribution": [{"label": "报", "to": ["hubei-ca"]},
                             {"label": "送", "to": ["miit"]}]})
        self.assertEqual((status, body["error"]["key"]), (400, "government_not_allowed"), body)

    def test_nobody_signs_what_they_edited(self):
        admin = self.server.client("admin")
        status, body, _ = admin.call("POST", "/api/v1/users", {
            "login": "both-roles", "password": STRONG, "org": "ccea-sec",
            "roles": ["editor", "approver"], "name": "兼任"})
        self.assertEqual(status, 201, body)
        both = self.server.client("both-roles", password=STRONG)
        issue = self.draft(both, day="2020-06-03")
        self.assertEqual(both.call("POST", f"/api/v1/bulletins/issues/{issue}/submit")[0], 200)
        status, body, _ = both.call("POST", f"/api/v1/bulletins/issues/{issue}/approve")
        self.assertEqual((status, body["error"]["key"]), (403, "self_approval"), body)
        status, body, _ = self.approver.call("POST", f"/api/v1/bulletins/issues/{issue}/approve")
        self.assertEqual(status, 200, body)

    def test_sign_off_checks_what_publishing_checks_and_can_be_undone(self):
        # What publishing checks is checked at 送审 already (and again at 签发).
        issue = self.draft(self.editor, body="字体里没有的字：\ue000。", day="2020-06-04")
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{issue}/submit")
        self.assertEqual((status, body["error"]["key"]), (400, "glyph_missing"), body)
        status, body, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{issue}")
        self.assertEqual(body["status"], "draft")
        status, body, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue}", {
            "date": "2020-06-04", "sections": [{"kind": "text", "title": "标题", "body": "改好了。"}]})
        self.assertEqual(status, 200, body)
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{issue}/submit")[0], 200)
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
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{issue}/submit")[0], 200)
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
