"""Adoption statistics answer only an association's staff and the reporters
below it, and nobody drills into another unit's pieces (issue 11, item 4)."""

import unittest

import harness

server = None
TITLE = "信科网络内部稿件"


def setUpModule():
    global server
    server = harness.Server().start()
    admin = server.client("admin")
    status, body, _ = admin.call("POST", "/api/v1/users", {
        "login": "xinke-reporter", "password": "Xinke-report-1", "org": "hubei-xinke",
        "roles": ["reporter"], "name": "信科报送员"})
    assert status == 201, body
    xinke = server.client("xinke-reporter", "Xinke-report-1")
    status, piece, _ = xinke.call("POST", "/api/v1/submissions", {
        "title": TITLE, "body": "正文。", "authors": ["信科作者"], "contact": "13800001234",
        "target": "hubei"})
    assert status == 201, piece
    status, body, _ = xinke.call("POST", f"/api/v1/submissions/{piece['id']}/actions",
                                 {"action": "submit"})
    assert status == 200, body


def tearDownModule():
    server.stop()


class StatsAccessTest(unittest.TestCase):
    PIECES = "/api/v1/submissions/stats/pieces?target=hubei&org=hubei-xinke&kind=submitted"

    def test_other_units_pieces_are_not_listed(self):
        for who in ("member", "liaison", "hubei-desk", "hubei-reporter", "hebei-reporter"):
            c = server.client(who)
            status, body, _ = c.call("GET", self.PIECES)
            with self.subTest(who=who):
                self.assertEqual(status, 403, body)
                self.assertNotIn(TITLE, str(body))
                self.assertNotIn("13800001234", str(body))

    def test_statistics_answer_staff_and_reporters_only(self):
        for who in ("member", "liaison", "hubei-desk"):
            c = server.client(who)
            for path in ("/api/v1/submissions/stats", "/api/v1/submissions/stats?target=hubei",
                         "/api/v1/submissions/stats/export?target=hubei&format=csv",
                         "/api/v1/submissions/stats/export?format=xlsx"):
                status, body, _ = c.call("GET", path)
                with self.subTest(who=who, path=path):
                    self.assertEqual(status, 403, body)
        for who in ("editor", "approver", "hubei-reporter", "hebei-reporter"):
            status, body, _ = server.client(who).call("GET", "/api/v1/submissions/stats")
            with self.subTest(who=who):
                self.assertEqual(status, 200, body)

    def test_staff_drill_down_and_reporters_see_their_own(self):
        status, page, _ = server.client("hubei-admin").call("GET", self.PIECES)
        self.assertEqual(status, 200, page)
        self.assertEqual([p["title"] for p in page["items"]], [TITLE])
        own = server.client("xinke-reporter", "Xinke-report-1")
        status, page, _ = own.call("GET", self.PIECES)
        self.assertEqual((status, page["total"]), (200, 1), page)
        status, _, _ = own.call(
            "GET", "/api/v1/submissions/stats/pieces?target=hubei&org=hubei-ctc&kind=submitted")
        self.assertEqual(status, 403)


if __name__ == "__main__":
    unittest.main()
