"""疫情动态 API scenarios: roles, import (errors leave the database unchanged), the grid,
validation, corrections, narrative, chart series and the print chart (PNG). Runs on SQLite
and PostgreSQL."""

import struct
import unittest
import urllib.error
import urllib.parse
import urllib.request

import harness

server = None
BASE = "/api/v1/epidemic"

# Our figures format, on days far from the demo data (2020-03-01…04-30) so that the
# rules only see what these tests store.
FIGURES = ("date,region,new_confirmed,cum_confirmed\n"
           "2021-06-01,110000,1,1000000\n"
           "2021-06-02,110000,5,1000010\n")


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def q(path, **params):
    return path + "?" + urllib.parse.urlencode(params)


class EpidemicTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.editor = server.client("editor")
        cls.approver = server.client("approver")

    def snapshot(self, c, *dates):
        out = []
        for d in dates:
            status, body, _ = c.call("GET", f"{BASE}/days/{d}/figures")
            self.assertEqual(status, 200, body)
            out.append(body)
        status, body, _ = c.call("GET", f"{BASE}/corrections")
        self.assertEqual(status, 200, body)
        out.append(body)
        return out

    def day_status(self, c, date):
        status, body, _ = c.call("GET", q(f"{BASE}/validation", **{"from": date, "to": date}))
        self.assertEqual(status, 200, body)
        return body, next((d for d in body["days"] if d["date"] == date), None)

    # --- roles ---------------------------------------------------------------

    def test_anonymous_gets_401(self):
        c = server.client()
        for method, path, body in [("GET", f"{BASE}/regions", None),
                                   ("GET", f"{BASE}/days/2020-03-18", None),
                                   ("GET", q(f"{BASE}/narrative", date="2020-03-18"), None),
                                   ("GET", q(f"{BASE}/chart.png", date="2020-03-18"), None),
                                   ("POST", f"{BASE}/import", {"content": FIGURES}),
                                   ("PUT", f"{BASE}/days/2021-06-01/figures/110000", {"cum_confirmed": 1})]:
            status, resp, _ = c.call(method, path, body)
            self.assertEqual(status, 401, (method, path, resp))
            self.assertEqual(resp["error"]["code"], "unauthenticated")

    def test_reporter_and_member_cannot_change_figures(self):
        before = self.snapshot(self.editor, "2021-06-01", "2020-03-18")
        for login in ("hubei-reporter", "member", "approver", "admin"):
            c = server.client(login)
            # reads are open to anyone signed in
            self.assertEqual(c.call("GET", f"{BASE}/regions")[0], 200, login)
            for method, path, body in [
                    ("POST", f"{BASE}/import", {"content": FIGURES, "source": "x.csv"}),
                    ("PUT", f"{BASE}/days/2020-03-18/figures/420000", {"cum_confirmed": 1}),
                    ("POST", f"{BASE}/corrections", {"date": "2020-03-18", "region": "420000",
                                                     "field": "cum_deaths", "delta": 1, "reason": "x"}),
                    ("POST", f"{BASE}/corrections/known", None),
                    ("DELETE", f"{BASE}/corrections/1", None)]:
                status, resp, _ = c.call(method, path, body)
                self.assertEqual(status, 403, (login, method, path, resp))
                self.assertEqual(resp["error"]["code"], "permission_denied")
        self.assertEqual(self.snapshot(self.editor, "2021-06-01", "2020-03-18"), before)

    # --- import --------------------------------------------------------------

    def test_bad_files_leave_the_database_unchanged(self):
        before = self.snapshot(self.editor, "2021-07-01", "2021-07-02", "2020-03-18")
        cases = {
            "bad value": ("date,region,new_confirmed,cum_confirmed\n"
                          "2021-07-01,110000,1,2000000\n"
                          "2021-07-02,110000,x,2000001\n", 3, 3, "new_confirmed"),
            "bad date": ("date,region,new_confirmed\n"
                         "2021-07-01,110000,1\n"
                         "2021-7-2,110000,1\n", 3, 1, "date"),
            "unknown region": ("date,region,new_confirmed\n"
                               "2021-07-01,999999,1\n", 2, 2, "region"),
            "duplicate": ("date,region,new_confirmed\n"
                          "2021-07-01,110000,1\n"
                          "2021-07-01,110000,2\n", 3, None, None),
            "wrong header": ("date,region,new_confirmd\n2021-07-01,110000,1\n", 1, None, None),
        }
        for name, (content, line, column, column_name) in cases.items():
            with self.subTest(name):
                status, body, _ = self.editor.call("POST", f"{BASE}/import",
                                                   {"content": content, "source": name + ".csv"})
                self.assertEqual(status, 400, body)
                err = body["error"]
                self.assertEqual(err["code"], "invalid_argument")
                self.assertEqual(err["line"], line, err)
                self.assertIn(f"line {line}", err["message"])
                if column is not None:
                    self.assertEqual(err["column"], column, err)
                    self.assertIn(f"column {column}", err["message"])
                if column_name is not None:
                    self.assertEqual(err["column_name"], column_name, err)
                self.assertTrue(err["reason"])
        self.assertEqual(self.snapshot(self.editor, "2021-07-01", "2021-07-02", "2020-03-18"), before)

    def test_import_report_and_reimport_changes_nothing(self):
        content = FIGURES.replace("2021-06-0", "2021-08-0")
        status, body, _ = self.editor.call("POST", f"{BASE}/import", {"content": content, "source": "a.csv"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["format"], "figures")
        self.assertEqual(body["rows"], 2)
        self.assertEqual(body["changed"], 2)
        status, body, _ = self.editor.call("POST", f"{BASE}/import", {"content": content, "source": "a.csv"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["changed"], 0)
        admin = server.client("admin")
        status, audit, _ = admin.call("GET", q("/api/v1/audit", action="epidemic.import", actor="editor"))
        self.assertEqual(status, 200, audit)
        self.assertGreaterEqual(audit["total"], 1)
        self.assertEqual(audit["items"][0]["entity"], "epidemic_day")

    def test_import_limits(self):
        status, body, _ = self.editor.call("POST", f"{BASE}/import", {"source": "x"})
        self.assertEqual(status, 400)
        self.assertEqual(body["error"]["field"], "content")
        big = "date,region,new_confirmed\n" + "2021-09-01,110000,1\n" * (9 * 1024 * 1024 // 20)
        status, body, _ = self.editor.call("POST", f"{BASE}/import", {"content": big})
        self.assertEqual(status, 413, body)

    def test_day_json_import(self):
        status, day, _ = self.editor.call("GET", f"{BASE}/days/2020-03-18")
        self.assertEqual(status, 200, day)
        import json
        status, body, _ = self.editor.call("POST", f"{BASE}/import",
                                           {"content": json.dumps(day, ensure_ascii=False), "source": "d.json"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["format"], "day-json")
        self.assertEqual(body["changed"], 0)
        status, body, _ = self.editor.call("POST", f"{BASE}/import",
                                           {"content": '{"date":"2020-03-18","mainland":{"new_confirmd":1}}'})
        self.assertEqual(status, 400, body)
        self.assertIn("new_confirmd", body["error"]["message"])

    # --- grid and validation -------------------------------------------------

    def test_grid_update_changes_validation(self):
        status, body, _ = self.editor.call("POST", f"{BASE}/import", {"content": FIGURES, "source": "g.csv"})
        self.assertEqual(status, 200, body)
        report, day = self.day_status(self.editor, "2021-06-02")
        self.assertIsNotNone(day, report)
        self.assertFalse(day["verified"], report)
        rules = {(v["region"], v["rule"], v["field"]) for v in report["violations"]}
        self.assertIn(("110000", "cumulative_identity", "cum_confirmed"), rules)

        status, grid, _ = self.editor.call("GET", f"{BASE}/days/2021-06-02/figures")
        self.assertEqual(status, 200, grid)
        self.assertEqual(grid["items"], [{"region": "110000",
                                          "figures": {"new_confirmed": 5, "cum_confirmed": 1000010}}])
        self.assertEqual(grid["derived"]["000000"]["cum_confirmed"], 1000010)

        # a bad cell names its field; nothing is stored
        status, body, _ = self.editor.call("PUT", f"{BASE}/days/2021-06-02/figures/110000",
                                           {"new_confirmed": -3, "cum_confirmed": 1000010})
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["field"], "new_confirmed")
        status, body, _ = self.editor.call("PUT", f"{BASE}/days/2021-06-02/figures/110000",
                                           {"new_confirmd": 10})
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["field"], "new_confirmd")

        status, body, _ = self.editor.call("PUT", f"{BASE}/days/2021-06-02/figures/110000",
                                           {"new_confirmed": 10, "cum_confirmed": 1000010})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["figures"], {"new_confirmed": 10, "cum_confirmed": 1000010})
        report, day = self.day_status(self.editor, "2021-06-02")
        self.assertTrue(day["verified"], report)
        self.assertEqual(report["violations"], [])

        admin = server.client("admin")
        status, audit, _ = admin.call("GET", q("/api/v1/audit", action="epidemic.update"))
        self.assertEqual(status, 200, audit)
        entry = audit["items"][0]
        self.assertEqual(entry["entity_id"], "2021-06-02/110000")
        self.assertEqual(entry["actor"], "editor")

    def test_grid_bad_requests(self):
        self.assertEqual(self.editor.call("GET", f"{BASE}/days/2020-3-18/figures")[0], 400)
        status, body, _ = self.editor.call("PUT", f"{BASE}/days/2020-03-18/figures/999999",
                                           {"cum_confirmed": 1})
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["field"], "region")
        self.assertEqual(self.editor.call("GET", f"{BASE}/days/2019-01-01")[0], 404)

    def test_2020_03_18_is_verified(self):
        report, day = self.day_status(self.approver, "2020-03-18")
        self.assertTrue(day and day["verified"], report)

    def test_validation_bad_dates(self):
        status, body, _ = self.editor.call("GET", q(f"{BASE}/validation", **{"from": "x"}))
        self.assertEqual(status, 400)
        self.assertEqual(body["error"]["field"], "from")

    # --- corrections ---------------------------------------------------------

    def test_corrections(self):
        status, body, _ = self.editor.call("GET", q(f"{BASE}/corrections", **{"from": "2020-04-17", "to": "2020-04-17"}))
        self.assertEqual(status, 200, body)
        self.assertGreaterEqual(len(body["items"]), 3)  # Wuhan's revision, loaded with the demo
        new = {"date": "2021-06-01", "region": "110000", "field": "cum_confirmed", "delta": 2,
               "reason": "测试订正", "source": "test"}
        status, added, _ = self.editor.call("POST", f"{BASE}/corrections", new)
        self.assertEqual(status, 201, added)
        self.assertEqual(added["reason"], "测试订正")
        self.assertEqual(self.editor.call("POST", f"{BASE}/corrections", new)[0], 409)
        status, body, _ = self.editor.call("POST", f"{BASE}/corrections", dict(new, field="new_deaths"))
        self.assertEqual(status, 400)
        self.assertEqual(body["error"]["field"], "field")
        self.assertEqual(self.editor.call("DELETE", f"{BASE}/corrections/{added['id']}")[0], 204)
        self.assertEqual(self.editor.call("DELETE", f"{BASE}/corrections/{added['id']}")[0], 404)
        status, body, _ = self.editor.call("POST", f"{BASE}/corrections/known")
        self.assertEqual((status, body), (200, {"added": 0}))
        admin = server.client("admin")
        status, audit, _ = admin.call("GET", q("/api/v1/audit", action="epidemic.correction_delete"))
        self.assertEqual(status, 200, audit)
        self.assertEqual(audit["items"][0]["entity"], "epidemic_correction")
        self.assertEqual(audit["items"][0]["before"]["reason"], "测试订正")

    # --- narrative and charts ------------------------------------------------

    def test_narrative_2020_03_18(self):
        status, body, _ = self.approver.call("GET", q(f"{BASE}/narrative", date="2020-03-18"))
        self.assertEqual(status, 200, body)
        self.assertIn("3月18日", body["title"])
        self.assertIn("新增确诊病例34例", body["body"].replace(" ", ""))
        self.assertTrue(body["text"].startswith(body["title"]))
        status, plain, _ = self.approver.call("GET", q(f"{BASE}/narrative", date="2020-03-18", template="plain"))
        self.assertEqual(status, 200, plain)
        self.assertNotEqual(plain["body"], body["body"])
        status, custom, _ = self.approver.call("POST", f"{BASE}/narrative",
                                               {"date": "2020-03-18", "template": "截至{{month}}月{{day}}日：{{mainland.cum_confirmed}}"})
        self.assertEqual(status, 200, custom)
        self.assertEqual(custom["title"], "截至3月18日：80928")
        status, bad, _ = self.approver.call("POST", f"{BASE}/narrative",
                                            {"date": "2020-03-18", "template": "{{#x}}"})
        self.assertEqual(status, 400, bad)
        self.assertEqual(self.approver.call("GET", q(f"{BASE}/narrative", date="2020-03-18", template="x"))[0], 400)
        self.assertEqual(self.approver.call("GET", q(f"{BASE}/narrative", date="2019-01-01"))[0], 404)
        status, tmpl, _ = self.approver.call("GET", f"{BASE}/templates/default")
        self.assertEqual(status, 200)
        self.assertIn("{{", tmpl["text"])

    def png(self, c, **params):
        """Returns (status, content type, raw body) of GET chart.png."""
        req = urllib.request.Request(c.base + q(f"{BASE}/chart.png", **params))
        try:
            with c.opener.open(req, timeout=30) as r:
                return r.status, r.headers["Content-Type"], r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers["Content-Type"], e.read()

    def test_chart_png(self):
        for login in ("approver", "member"):  # every signed-in user may read
            status, ctype, body = self.png(server.client(login), date="2020-03-18", days=14)
            self.assertEqual((status, ctype), (200, "image/png"), body[:200])
            self.assertEqual(body[:8], b"\x89PNG\r\n\x1a\n")
            width, height = struct.unpack(">II", body[16:24])
            self.assertEqual((width, height), (1843, 827))  # 15.6 cm x 7 cm at 300 dpi
        status, _, default = self.png(self.approver, date="2020-03-18")
        self.assertEqual(status, 200)
        self.assertNotEqual(default, body, "the default window is 30 days, not 14")
        for params, code, field in [({"date": "2020-03-18", "days": "1"}, 400, "days"),
                                    ({"date": "2020-03-18", "days": "abc"}, 400, "days"),
                                    ({"date": "2020-03-18", "days": "367"}, 400, "days"),
                                    ({"date": "2020-02-30"}, 400, "date"),
                                    ({}, 400, "date"),
                                    ({"date": "2019-01-01"}, 404, None)]:
            status, body, _ = self.approver.call("GET", q(f"{BASE}/chart.png", **params))
            self.assertEqual(status, code, (params, body))
            if field:
                self.assertEqual(body["error"]["field"], field, body)

    def test_narrative_with_chart(self):
        status, plain, _ = self.approver.call("GET", q(f"{BASE}/narrative", date="2020-03-18"))
        self.assertEqual(status, 200, plain)
        status, body, _ = self.approver.call("GET", q(f"{BASE}/narrative", date="2020-03-18", chart="true", days=10))
        self.assertEqual(status, 200, body)
        # The chart follows the figures and precedes the closing source note "（信息来自…）".
        figures, note = plain["body"].rstrip("\n").rsplit("\n\n", 1)
        self.assertTrue(note.startswith("（信息来自"), note)
        self.assertTrue(body["body"].startswith(figures + "\n\n![全国新增确诊病例和现有确诊病例（3月9日—3月18日）](data:image/png;base64,iVBORw0KGgo"))
        self.assertTrue(body["body"].endswith(")\n\n" + note + "\n"), body["body"][-80:])
        status, custom, _ = self.approver.call("POST", f"{BASE}/narrative",
                                               {"date": "2020-03-18", "template": "标题\n\n正文", "chart": True})
        self.assertEqual(status, 200, custom)
        self.assertRegex(custom["body"], r"^正文\n\n!\[.*\]\(data:image/png;base64,[A-Za-z0-9+/=]+\)$")
        status, bad, _ = self.approver.call("POST", f"{BASE}/narrative",
                                            {"date": "2020-03-18", "template": "x", "chart": True, "days": 0})
        self.assertEqual(status, 400, bad)
        self.assertEqual(bad["error"]["field"], "days")

    def test_series_and_bars(self):
        status, s, _ = self.approver.call("GET", q(f"{BASE}/series", region="000000", field="cum_confirmed",
                                                   **{"from": "2020-03-01", "to": "2020-03-31"}))
        self.assertEqual(status, 200, s)
        points = {p["date"]: p for p in s["points"]}
        self.assertEqual(len(points), 31)
        self.assertEqual(points["2020-03-18"]["value"], 80928)
        status, hr, _ = self.approver.call("GET", q(f"{BASE}/hubei-vs-rest", field="cum_confirmed",
                                                    **{"from": "2020-03-18", "to": "2020-03-18"}))
        self.assertEqual(status, 200, hr)
        self.assertEqual([x["region"] for x in hr["items"]], ["420000", "rest"])
        self.assertEqual(hr["items"][0]["points"][0]["value"] + hr["items"][1]["points"][0]["value"], 80928)
        status, bars, _ = self.approver.call("GET", q(f"{BASE}/current-by-province", date="2020-03-18"))
        self.assertEqual(status, 200, bars)
        self.assertEqual(bars["items"][0]["code"], "420000")
        self.assertEqual(bars["items"][0]["value"], 6992)
        self.assertEqual(self.approver.call("GET", q(f"{BASE}/series", field="nope"))[0], 400)
        status, dates, _ = self.approver.call("GET", f"{BASE}/dates")
        self.assertEqual(status, 200)
        self.assertLessEqual(dates["first"], "2020-03-18")

    def test_regions_and_fields(self):
        status, body, _ = self.approver.call("GET", f"{BASE}/regions")
        self.assertEqual(status, 200)
        codes = {r["code"]: r for r in body["items"]}
        self.assertEqual(codes["420100"]["parent"], "420000")
        self.assertEqual(codes["000000"]["level"], "mainland")
        status, body, _ = self.approver.call("GET", f"{BASE}/fields")
        self.assertEqual(len(body["items"]), 16)


if __name__ == "__main__":
    unittest.main()
