"""Follow-ups of validation findings (issue 20): the desk marks a finding, assigns it to a
desk user (who is notified), comments, closes it with the note that resolved it, reopens it;
the validation report shows each finding's follow-up; versions (If-Match) refuse a stale
action; the list filters and pages; a source note can be deleted. Runs on SQLite and
PostgreSQL (JIANBAO_TEST_DB=postgres)."""

import unittest
import urllib.parse

import harness

server = None
BASE = "/api/v1/epidemic"
FU = BASE + "/followups"


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def q(path, **params):
    return path + "?" + urllib.parse.urlencode(params)


# Tianjin's cumulative deaths far from the demo data: small steps, then +400 on 2023-05-05
# (a daily_jump finding), and the same on 2023-06-05 for a second finding.
JUMPS = ("date,region,cum_deaths\n"
         "2023-05-01,120000,10\n2023-05-02,120000,11\n2023-05-03,120000,12\n"
         "2023-05-04,120000,13\n2023-05-05,120000,413\n"
         "2023-06-01,120000,420\n2023-06-02,120000,421\n2023-06-03,120000,422\n"
         "2023-06-04,120000,423\n2023-06-05,120000,823\n")
FINDING = {"date": "2023-05-05", "region": "120000", "rule": "daily_jump", "field": "cum_deaths"}


class FollowupsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.editor = server.client("editor")
        cls.approver = server.client("approver")
        admin = server.client("admin")
        status, body, _ = cls.editor.call("POST", f"{BASE}/import",
                                          {"content": JUMPS, "source": "followups.csv"})
        assert status == 200, body
        status, desk2, _ = admin.call("POST", "/api/v1/users", {
            "login": "desk2", "password": harness.DEMO_PASSWORD, "org": "ccea-sec",
            "roles": ["editor"], "name": "刘洋"})
        assert status == 201, desk2
        cls.desk2_id = desk2["id"]
        cls.desk2 = server.client("desk2")

    def finding(self, day):
        status, body, _ = self.approver.call("GET", q(f"{BASE}/validation", **{"from": day, "to": day}))
        self.assertEqual(status, 200, body)
        [v] = [v for v in body["violations"] if v["region"] == "120000" and v["rule"] == "daily_jump"]
        return v

    def act(self, client, fid, body, headers=None, expect=200):
        status, resp, hdrs = client.call("POST", f"{FU}/{fid}/actions", body, headers=headers)
        self.assertEqual(status, expect, resp)
        return resp, hdrs

    def test_mark_assign_comment_close_reopen(self):
        self.assertIsNone(self.finding("2023-05-05")["followup"])
        status, f, hdrs = self.editor.call("POST", FU, dict(FINDING, comment="请核对天津通报"))
        self.assertEqual(status, 201, f)
        self.assertEqual((f["state"], f["version"], f["assignee"]), ("open", 1, None))
        self.assertEqual([e["action"] for e in f["events"]], ["mark"])
        self.assertEqual(f["events"][0]["text"], "请核对天津通报")
        fid = f["id"]
        v = self.finding("2023-05-05")
        self.assertEqual(v["followup"], {"id": fid, "state": "open", "assignee": ""})

        # The same finding twice: 409 naming nothing new.
        status, body, _ = self.editor.call("POST", FU, FINDING)
        self.assertEqual((status, body["error"]["key"]), (409, "followup_exists"))

        # Assign to desk2 with If-Match; desk2 is notified.
        f, hdrs = self.act(self.editor, fid, {"action": "assign", "assignee_id": self.desk2_id},
                           headers={"If-Match": '"1"'})
        self.assertEqual(f["assignee"], {"id": self.desk2_id, "name": "刘洋"})
        self.assertEqual(f["version"], 2)
        self.assertEqual(hdrs.get("ETag"), '"2"')
        status, inbox, _ = self.desk2.call("GET", "/api/v1/notifications?unread=1")
        self.assertEqual(status, 200, inbox)
        mine = [n for n in inbox["items"]
                if n["entity"] == "epidemic_followup" and n["entity_id"] == str(fid)]
        self.assertEqual(len(mine), 1, inbox)
        self.assertEqual(mine[0]["kind"], "epidemic.followup_assign")
        self.assertIn("2023-05-05", mine[0]["title"])

        # A stale version is refused with who acted last.
        resp, _ = self.act(self.desk2, fid, {"action": "comment", "text": "x", "version": 1},
                           expect=412)
        self.assertEqual(resp["error"]["key"], "edit_conflict")

        self.act(self.desk2, fid, {"action": "comment", "text": "天津卫健委当日补报 400 例"})
        # Closed: with a note that exists; a missing one is refused.
        resp, _ = self.act(self.desk2, fid, {"action": "close",
                                             "resolved_by": {"kind": "note", "id": 999999}},
                           expect=400)
        self.assertEqual(resp["error"]["key"], "note_not_found")
        status, note, _ = self.editor.call("POST", f"{BASE}/notes", {
            "regions": ["120000"], "fields": ["cum_deaths"], "rule": "daily_jump",
            "from": "2023-05-05", "to": "2023-05-05", "reason": "补报", "reference": "测试"})
        self.assertEqual(status, 201, note)
        f, _ = self.act(self.desk2, fid, {"action": "close",
                                          "resolved_by": {"kind": "note", "id": note["id"]}})
        self.assertEqual(f["state"], "closed")
        self.assertEqual(f["resolved_by"], {"kind": "note", "id": note["id"]})
        v = self.finding("2023-05-05")
        self.assertEqual(v["explained_by"], {"kind": "note", "id": note["id"]})
        self.assertEqual(v["followup"]["state"], "closed")

        # Closed: assign is the wrong state; reopen clears the resolution.
        resp, _ = self.act(self.editor, fid, {"action": "assign", "assignee_id": self.desk2_id},
                           expect=409)
        self.assertEqual(resp["error"]["key"], "followup_wrong_state")
        f, _ = self.act(self.editor, fid, {"action": "reopen"})
        self.assertEqual((f["state"], f["resolved_by"]), ("open", None))
        status, got, hdrs = self.approver.call("GET", f"{FU}/{fid}")
        self.assertEqual(status, 200, got)
        self.assertEqual([e["action"] for e in got["events"]],
                         ["mark", "assign", "comment", "close", "reopen"])
        self.assertEqual(hdrs.get("ETag"), f'"{got["version"]}"')

        # Deleting the note: the finding is unexplained again; the follow-up keeps its history.
        self.assertEqual(self.editor.call("DELETE", f"{BASE}/notes/{note['id']}")[0], 204)
        self.assertIsNone(self.finding("2023-05-05")["explained_by"])
        status, body, _ = self.editor.call("DELETE", f"{BASE}/notes/{note['id']}")
        self.assertEqual((status, body["error"]["key"]), (404, "note_not_found"))

    def test_bad_marks_and_actions_are_rejected(self):
        cases = {
            "no finding that day": (dict(FINDING, date="2023-05-03"), 400, "finding_not_found"),
            "unknown rule": (dict(FINDING, rule="no_such_rule"), 400, "unknown_rule"),
            "unknown field": (dict(FINDING, field="cum_x"), 400, "unknown_field"),
            "bad date": (dict(FINDING, date="2023-13-01"), 400, "bad_date"),
            "missing region": ({k: v for k, v in FINDING.items() if k != "region"}, 400, "required"),
            "not an editor": (dict(FINDING, date="2023-06-05", assignee_id=1), 400,
                              "invalid_assignee"),
        }
        for name, (body, code, key) in cases.items():
            with self.subTest(name):
                status, resp, _ = self.editor.call("POST", FU, body)
                self.assertEqual((status, resp["error"]["key"]), (code, key), resp)
        status, resp, _ = self.approver.call("POST", FU, dict(FINDING, date="2023-06-05"))
        self.assertEqual(status, 403, resp)
        status, resp, _ = self.editor.call("POST", f"{FU}/999999/actions", {"action": "comment",
                                                                           "text": "x"})
        self.assertEqual((status, resp["error"]["key"]), (404, "followup_not_found"))
        status, resp, _ = self.editor.call("GET", f"{FU}/999999")
        self.assertEqual((status, resp["error"]["key"]), (404, "followup_not_found"))
        for body, key in [({"action": "mark"}, "invalid_action"),
                          ({"action": "fly"}, "invalid_action"),
                          ({"action": "close", "resolved_by": {"kind": "x", "id": 1}},
                           "out_of_range")]:
            status, resp, _ = self.editor.call("POST", f"{FU}/1/actions", body)
            self.assertEqual((status, resp["error"]["key"]), (400, key), resp)

    def test_list_filters_and_pages(self):
        status, f, _ = self.editor.call("POST", FU, dict(FINDING, date="2023-06-05",
                                                         assignee_id=self.desk2_id))
        self.assertEqual(status, 201, f)
        status, page, _ = self.approver.call("GET", q(FU, status="open", assignee=self.desk2_id,
                                                      page_size=1))
        self.assertEqual(status, 200, page)
        self.assertGreaterEqual(page["total"], 1)
        self.assertEqual(len(page["items"]), 1)
        self.assertEqual(page["items"][0]["assignee"]["id"], self.desk2_id)
        status, mine, _ = self.desk2.call("GET", q(FU, assignee="me", **{"from": "2023-06-01"}))
        self.assertEqual([i["id"] for i in mine["items"]], [f["id"]])
        status, none, _ = self.approver.call("GET", q(FU, status="closed", **{"from": "2023-06-01"}))
        self.assertEqual((status, none["total"], none["items"]), (200, 0, []))
        for bad in [{"status": "done"}, {"assignee": "x"}, {"page": "0"}, {"from": "2023-02-30"}]:
            status, resp, _ = self.approver.call("GET", q(FU, **bad))
            self.assertEqual(status, 400, (bad, resp))
        status, people, _ = self.editor.call("GET", f"{FU}/assignees")
        self.assertEqual(status, 200, people)
        self.assertIn("刘洋", [p["name"] for p in people["items"]])
        self.assertEqual(self.approver.call("GET", f"{FU}/assignees")[0], 403)

    def test_the_demo_records_the_known_notes(self):
        status, notes, _ = self.approver.call("GET", f"{BASE}/notes")
        self.assertEqual(status, 200, notes)
        self.assertGreaterEqual(sum("README" in n["reference"] for n in notes["items"]), 15)
        status, again, _ = self.editor.call("POST", f"{BASE}/notes/known")
        self.assertEqual((status, again), (200, {"added": 0}))


if __name__ == "__main__":
    unittest.main()
