"""Notices (通知、慰问信、倡议书, issue 14) and receipts per unit with 催办
reminders (issue 16), shared by notices and bulletins, on the engine under
test (JIANBAO_TEST_DB=sqlite|postgres)."""

import re
import subprocess
import unittest
import urllib.parse

import harness

server = None
N = "/api/v1/notices"


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def draft(recipients=("hubei-ctc", "hubei-cmcc", "hubei-xinke"), **kw):
    body = {"title": "关于做好复工复产工作的通知", "kind": "notice",
            "body": "各会员单位：\n\n请**做好**复工复产。\n\n| 项目 | 要求 |\n| --- | --- |\n| 防护 | 到位 |\n",
            "recipients": list(recipients)}
    body.update(kw)
    return body


class NoticesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.hubei = server.client("hubei-admin")
        cls.member = server.client("member")      # 武汉楚天 (hubei-ctc)
        cls.liaison = server.client("liaison")    # 湖北移动 (hubei-cmcc)
        cls.other = server.client("hebei-reporter")
        cls.editor = server.client("editor")      # the national secretariat

    def create(self, **kw):
        status, n, _ = self.hubei.call("POST", N, draft(**kw))
        self.assertEqual(status, 201, n)
        return n

    def test_send_read_acknowledge_receipts_remind(self):
        n = self.create()
        self.assertEqual(n["status"], "draft")
        self.assertEqual([r["code"] for r in n["recipients"]], ["hubei-ctc", "hubei-cmcc", "hubei-xinke"])
        # A draft is invisible to recipients.
        self.assertEqual(self.member.call("GET", f"{N}/{n['id']}")[0], 404)
        status, n2, _ = self.hubei.call("PUT", f"{N}/{n['id']}", draft(title="改：复工复产通知", version=n["version"]))
        self.assertEqual((status, n2["title"]), (200, "改：复工复产通知"))
        status, sent, _ = self.hubei.call("POST", f"{N}/{n['id']}/send")
        self.assertEqual((status, sent["status"]), (200, "sent"))
        self.assertEqual(self.hubei.call("PUT", f"{N}/{n['id']}", draft())[0], 409)

        # The member sees it in its list, unread; opening counts as read.
        status, page, _ = self.member.call("GET", N)
        mine = next(i for i in page["items"] if i["id"] == n["id"])
        self.assertIsNone(mine["read_at"])
        self.assertTrue(mine["recipient"])
        status, opened, _ = self.member.call("GET", f"{N}/{n['id']}")
        self.assertEqual(status, 200)
        self.assertIsNotNone(opened["read_at"])
        self.assertIn("复工复产", opened["body"])
        status, acked, _ = self.liaison.call("POST", f"{N}/{n['id']}/acknowledge")
        self.assertEqual(status, 200, acked)
        self.assertIsNotNone(acked["acknowledged_at"])

        status, r, _ = self.hubei.call("GET", f"{N}/{n['id']}/receipts")
        self.assertEqual(status, 200, r)
        units = {u["org"]["code"]: u for u in r["units"]}
        self.assertEqual(units["hubei-ctc"]["state"], "read")
        self.assertEqual(units["hubei-cmcc"]["state"], "acknowledged")
        self.assertTrue(units["hubei-xinke"]["external"])      # no account on the platform
        self.assertEqual(units["hubei-xinke"]["delivery"], "print")
        self.assertEqual(r["unit_counts"], {"total": 2, "read": 2, "acknowledged": 1, "external": 1})
        self.assertEqual({p["login"] for p in r["people"]}, {"member", "liaison"})

        # 催办: only 楚天 has not acknowledged; a second reminder within the hour is refused.
        status, rem, _ = self.hubei.call("POST", f"{N}/{n['id']}/remind", {})
        self.assertEqual((status, rem["reminded"]), (200, ["hubei-ctc"]), rem)
        status, err, headers = self.hubei.call("POST", f"{N}/{n['id']}/remind", {"units": ["hubei-ctc"]})
        self.assertEqual(status, 429, err)
        self.assertEqual(err["error"]["key"], "reminder_too_soon")
        self.assertIn("Retry-After", headers)
        status, err, _ = self.hubei.call("POST", f"{N}/{n['id']}/remind", {"units": ["hubei-cmcc"]})
        self.assertEqual((status, err["error"]["key"]), (409, "nothing_to_remind"))
        status, notes, _ = self.member.call("GET", "/api/v1/notifications")
        self.assertTrue(any(x["kind"] == "receipts.reminder" and x["entity_id"] == str(n["id"])
                            for x in notes["items"]), notes)
        status, r, _ = self.hubei.call("GET", f"{N}/{n['id']}/receipts")
        self.assertEqual(next(u for u in r["units"] if u["org"]["code"] == "hubei-ctc")["reminders"], 1)

        status, sheet, headers = self.hubei.call("GET", f"{N}/{n['id']}/distribution-sheet")
        self.assertEqual(status, 200)
        self.assertIn("湖北信科网络技术有限公司", sheet)
        harness.assert_styles_by_hash(self, sheet, headers["Content-Security-Policy"])
        self.assertEqual(self.member.call("GET", f"{N}/{n['id']}/distribution-sheet")[0], 403)
        # Excel and the red-header PDF.
        status, body, headers = self.hubei.call("GET", f"{N}/{n['id']}/receipts.xlsx")
        self.assertEqual(status, 200)
        self.assertIn("spreadsheetml", headers["Content-Type"])
        raw = self.hubei.opener.open(server.base + f"{N}/{n['id']}/pdf").read()
        self.assertTrue(raw.startswith(b"%PDF"))
        # A notice, not a bulletin: no 目录 and no 第N期 line.
        text = subprocess.run(["pdftotext", "-", "-"], input=raw, capture_output=True, check=True).stdout.decode()
        text = re.sub(r"\s+", "", text)
        self.assertNotIn("目录", text)
        self.assertIsNone(re.search(r"第\d+期", text), text)
        self.assertIn("改：复工复产通知", text)
        self.assertIn("湖北省通信行业协会", text)
        status, _, headers = self.member.call("GET", f"{N}/{n['id']}/pdf")
        self.assertEqual(status, 200)
        self.assertIn("filename*=UTF-8''" + urllib.parse.quote("改：复工复产通知"), headers["Content-Disposition"])

    def test_other_organisations_and_members_cannot(self):
        n = self.create()
        self.hubei.call("POST", f"{N}/{n['id']}/send")
        for path in (f"{N}/{n['id']}", f"{N}/{n['id']}/receipts"):
            status, err, _ = self.other.call("GET", path)
            self.assertIn(status, (403, 404), err)
        self.assertEqual(self.editor.call("GET", f"{N}/{n['id']}")[0], 404)  # another association
        self.assertEqual(self.editor.call("GET", f"{N}/{n['id']}/receipts")[0], 404)
        self.assertEqual(self.member.call("POST", N, draft())[0], 403)
        self.assertEqual(self.member.call("POST", f"{N}/{n['id']}/send")[0], 403)
        self.assertEqual(self.member.call("POST", f"{N}/{n['id']}/remind", {})[0], 403)
        self.assertEqual(self.member.call("GET", f"{N}/{n['id']}/receipts")[0], 403)
        self.assertEqual(self.other.call("POST", f"{N}/{n['id']}/acknowledge")[0], 404)
        self.assertEqual(server.client().call("GET", N)[0], 401)

    def test_bad_input_names_the_field_and_stores_nothing(self):
        status, before, _ = self.hubei.call("GET", N)
        for body, field in ((draft(kind="memo"), "kind"), (draft(title=""), "title"),
                            (draft(body=""), "body"), (draft(recipients=["nope"]), "recipients"),
                            (draft(recipients=["hebei"]), "recipients"), (draft(groups=[999999]), "groups"),
                            (draft(recipients="hubei-ctc"), "recipients")):
            status, err, _ = self.hubei.call("POST", N, body)
            self.assertEqual(status, 400, (body, err))
            self.assertEqual(err["error"]["field"], field, err)
        status, after, _ = self.hubei.call("GET", N)
        self.assertEqual(after["total"], before["total"])
        n = self.create(recipients=[])
        status, err, _ = self.hubei.call("POST", f"{N}/{n['id']}/send")
        self.assertEqual((status, err["error"]["field"]), (400, "recipients"))
        self.assertEqual(self.hubei.call("GET", f"{N}?status=bogus")[0], 400)

    def test_groups_filters_and_paging(self):
        status, g, _ = self.hubei.call("POST", f"{N}/groups", {"name": "运营商", "orgs": ["hubei-cmcc", "hubei-ct"]})
        self.assertEqual(status, 201, g)
        status, groups, _ = self.hubei.call("GET", f"{N}/groups")
        self.assertIn("运营商", [x["name"] for x in groups["items"]])
        self.assertEqual(self.other.call("DELETE", f"{N}/groups/{g['id']}")[0], 403)
        n = self.create(recipients=[], groups=[g["id"]], kind="initiative", title="倡议书：保障网络畅通")
        self.assertEqual([r["code"] for r in n["recipients"]], ["hubei-cmcc", "hubei-ct"])
        status, page, _ = self.hubei.call("GET", f"{N}?kind=initiative&q=" + urllib.parse.quote("保障网络") + "&page_size=1")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(page["total"], 1)
        self.assertEqual(len(page["items"]), 1)
        self.assertEqual(page["items"][0]["kind"], "initiative")
        self.assertEqual(self.hubei.call("DELETE", f"{N}/groups/{g['id']}")[0], 204)
        self.assertEqual(self.hubei.call("DELETE", f"{N}/groups/{g['id']}")[0], 404)

    def test_demo_notice_has_partial_receipts(self):
        status, page, _ = self.hubei.call("GET", f"{N}?kind=sympathy&status=sent")
        self.assertGreaterEqual(page["total"], 1)
        demo = page["items"][-1]
        self.assertGreaterEqual(demo["unit_counts"]["acknowledged"], 1)
        self.assertLess(demo["unit_counts"]["acknowledged"], demo["unit_counts"]["total"])


class BulletinReceiptsPerUnitTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.editor = server.client("editor")
        cls.approver = server.client("approver")
        cls.member = server.client("member")

    def test_units_external_rows_remind_and_xlsx(self):
        status, issue, _ = self.editor.call("POST", "/api/v1/bulletins/issues",
                                            {"series": "ccea-epidemic", "date": "2020-04-01"})
        self.assertEqual(status, 201, issue)
        iid = issue["id"]
        status, issue, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-04-01", "sections": [{"kind": "text", "title": "编者按", "body": "正文。"}],
            "distribution": [{"label": "报", "to": ["miit"]},
                             {"label": "发", "to": ["hubei-ctc", "hubei-cmcc"]}]})
        self.assertEqual(status, 200, issue)
        # Before publication there is nobody to remind.
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/remind", {})[0], 409)
        self.assertEqual(self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/submit")[0], 200)
        self.assertEqual(self.approver.call("POST", f"/api/v1/bulletins/issues/{iid}/approve")[0], 200)
        status, body, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/publish")
        self.assertEqual(status, 200, body)
        self.assertEqual(self.member.call("POST", f"/api/v1/inbox/{iid}/ack")[0], 204)

        status, r, _ = self.editor.call("GET", f"/api/v1/bulletins/issues/{iid}/receipts")
        self.assertEqual(status, 200)
        # The per-person fields stay as they were.
        for key in ("items", "total", "read", "acknowledged", "mail_enabled", "mail"):
            self.assertIn(key, r)
        units = {u["org"]["code"]: u for u in r["units"]}
        self.assertEqual(units["miit"]["state"], "external")
        self.assertEqual(units["miit"]["delivery"], "print")
        self.assertEqual(units["hubei-ctc"]["state"], "acknowledged")
        self.assertEqual(units["hubei-cmcc"]["state"], "unread")
        self.assertEqual(r["unit_counts"]["external"], 1)

        status, rem, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/remind", {})
        self.assertEqual((status, rem["reminded"]), (200, ["hubei-cmcc"]), rem)
        status, err, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/remind", {})
        self.assertEqual((status, err["error"]["key"]), (429, "reminder_too_soon"))
        status, err, _ = self.editor.call("POST", f"/api/v1/bulletins/issues/{iid}/remind", {"units": ["miit"]})
        self.assertEqual((status, err["error"]["field"]), (400, "units"))
        self.assertEqual(self.member.call("POST", f"/api/v1/bulletins/issues/{iid}/remind", {})[0], 403)
        status, _, headers = self.editor.call("GET", f"/api/v1/bulletins/issues/{iid}/receipts.xlsx")
        self.assertEqual(status, 200)
        self.assertIn("spreadsheetml", headers["Content-Type"])
        self.assertEqual(self.member.call("GET", f"/api/v1/bulletins/issues/{iid}/receipts.xlsx")[0], 403)
        # The printable distribution sheet lists every unit, the ministry for print.
        status, sheet, headers = self.editor.call("GET", f"/api/v1/bulletins/issues/{iid}/distribution-sheet")
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["Content-Type"])
        self.assertIn("工业和信息化部", sheet)
        self.assertIn("纸质分发", sheet)
        self.assertIn("分发签收单", sheet)
        harness.assert_styles_by_hash(self, sheet, headers["Content-Security-Policy"])


if __name__ == "__main__":
    unittest.main()
