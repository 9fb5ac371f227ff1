"""Source notes and explained findings (issue 20): notes are created and listed by the
desk, the known notes load once, and validation marks each finding with the correction
or note that explains it (explained_by) without hiding it. Runs on SQLite and PostgreSQL."""

import unittest
import urllib.parse

import harness

server = None
BASE = "/api/v1/epidemic"


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def q(path, **params):
    return path + "?" + urllib.parse.urlencode(params)


# Beijing's cumulative deaths on days far from the demo data: small steps, then +500 on
# 2022-03-05 with no reported new value (a daily_jump finding).
JUMP = ("date,region,cum_deaths\n"
        "2022-03-01,110000,10\n2022-03-02,110000,11\n2022-03-03,110000,12\n"
        "2022-03-04,110000,13\n2022-03-05,110000,513\n")


class NotesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.editor = server.client("editor")
        cls.approver = server.client("approver")

    def findings(self, day):
        status, body, _ = self.approver.call("GET", q(f"{BASE}/validation", **{"from": day, "to": day}))
        self.assertEqual(status, 200, body)
        return [v for v in body["violations"] if v["region"] == "110000"]

    def test_a_note_explains_a_finding_without_hiding_it(self):
        status, body, _ = self.editor.call("POST", f"{BASE}/import",
                                           {"content": JUMP, "source": "notes.csv"})
        self.assertEqual(status, 200, body)
        [jump] = self.findings("2022-03-05")
        self.assertEqual(jump["rule"], "daily_jump")
        self.assertFalse(jump["explained"])
        self.assertIsNone(jump["explained_by"])

        # A correction announced the next day, as of 03-05, explains the jump.
        status, c, _ = self.editor.call("POST", f"{BASE}/corrections", {
            "date": "2022-03-06", "data_date": "2022-03-05", "region": "110000",
            "field": "cum_deaths", "delta": 500, "reason": "订正死亡数", "source": "测试"})
        self.assertEqual(status, 201, c)
        self.assertEqual(c["data_date"], "2022-03-05")
        [jump] = self.findings("2022-03-05")
        self.assertEqual(jump["explained_by"], {"kind": "correction", "id": c["id"]})
        self.assertEqual(self.editor.call("DELETE", f"{BASE}/corrections/{c['id']}")[0], 204)

        # A note on a city of Beijing does not cover Beijing itself.
        status, city, _ = self.editor.call("POST", f"{BASE}/notes", {
            "regions": ["110000"], "level": "city", "rule": "daily_jump",
            "reason": "只说明北京各区", "reference": "测试"})
        self.assertEqual(status, 201, city)
        [jump] = self.findings("2022-03-05")
        self.assertIsNone(jump["explained_by"])

        status, note, _ = self.editor.call("POST", f"{BASE}/notes", {
            "regions": ["110000"], "fields": ["cum_deaths"], "rule": "daily_jump",
            "from": "2022-03-05", "to": "2022-03-05", "reason": "来源补报", "reference": "测试"})
        self.assertEqual(status, 201, note)
        self.assertEqual(note["fields"], ["cum_deaths"])
        [jump] = self.findings("2022-03-05")
        self.assertTrue(jump["explained"])
        self.assertEqual(jump["explained_by"], {"kind": "note", "id": note["id"]})

        status, body, _ = self.approver.call("GET", f"{BASE}/notes")
        self.assertEqual(status, 200, body)
        self.assertIn(note["id"], [n["id"] for n in body["items"]])

    def test_bad_notes_are_rejected(self):
        cases = {
            "unknown rule": ({"rule": "no_such_rule", "reason": "x"}, "unknown_rule"),
            "unknown level": ({"level": "town", "reason": "x"}, "unknown_level"),
            "unknown region": ({"regions": ["999999"], "reason": "x"}, "unknown_region_code"),
            "unknown field": ({"fields": ["cum_x"], "reason": "x"}, "unknown_field"),
            "bad range": ({"from": "2022-02-02", "to": "2022-02-01", "reason": "x"}, "bad_date"),
            "no reason": ({"rule": "daily_jump"}, "required"),
        }
        for name, (body, key) in cases.items():
            with self.subTest(name):
                status, resp, _ = self.editor.call("POST", f"{BASE}/notes", body)
                self.assertEqual(status, 400, resp)
                self.assertEqual(resp["error"]["key"], key, resp)

    def test_only_the_desk_records_notes(self):
        for method, path, body in [("POST", f"{BASE}/notes", {"reason": "x"}),
                                   ("POST", f"{BASE}/notes/known", None)]:
            status, resp, _ = self.approver.call(method, path, body)
            self.assertEqual(status, 403, resp)

    def test_known_notes_load_once(self):
        status, body, _ = self.editor.call("POST", f"{BASE}/notes/known")
        self.assertEqual(status, 200, body)
        status, again, _ = self.editor.call("POST", f"{BASE}/notes/known")
        self.assertEqual((status, again), (200, {"added": 0}))
        status, notes, _ = self.approver.call("GET", f"{BASE}/notes")
        self.assertGreaterEqual(len(notes["items"]), 15)
        self.assertTrue(all("README" in n["reference"] for n in notes["items"]
                            if n["reason"] not in ("只说明北京各区", "来源补报")))


if __name__ == "__main__":
    unittest.main()
