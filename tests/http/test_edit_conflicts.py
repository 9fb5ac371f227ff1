"""Issue 18: no silent lost updates. Every editable resource answers an ETag
(and a JSON "version"); a write with a stale If-Match (or body "version")
answers 412 edit_conflict naming who saved the newer version, and stores
nothing; of two clients racing from the same version exactly one wins.
Writes without a version keep working (docs/api.md)."""

import threading
import unittest

import harness

server = None


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def etag(headers):
    return headers.get("ETag")


def race(calls):
    """Runs the (client, method, path, body, headers) calls at once; returns their answers."""
    barrier = threading.Barrier(len(calls))
    answers = [None] * len(calls)

    def run(i, call):
        client, method, path, body, headers = call
        barrier.wait()
        answers[i] = client.call(method, path, body, headers=headers)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


class ConflictAssertions(unittest.TestCase):
    def assert_conflict(self, status, body, by):
        self.assertEqual(status, 412, body)
        self.assertEqual(body["error"]["key"], "edit_conflict")
        self.assertEqual(body["error"]["details"]["by"], by)
        self.assertRegex(body["error"]["details"]["time"], r"^\d\d:\d\d$")
        self.assertIn(by, body["error"]["message"])

    def assert_one_wins(self, answers):
        statuses = sorted(a[0] for a in answers)
        self.assertEqual(statuses, [200, 412], [a[1] for a in answers])
        return [i for i, a in enumerate(answers) if a[0] == 200][0]


class IssueConflictTest(ConflictAssertions):
    @classmethod
    def setUpClass(cls):
        cls.a = server.client("editor")
        cls.b = server.client("editor")

    def new_issue(self):
        status, issue, _ = self.a.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-04-02"})
        self.assertEqual(status, 201, issue)
        return issue["id"]

    @staticmethod
    def content(title, version=None):
        body = {"date": "2020-04-02", "copies": 10,
                "sections": [{"kind": "text", "title": title, "body": "正文"}]}
        if version is not None:
            body["version"] = version
        return body

    def test_stale_if_match_is_refused_and_nothing_stored(self):
        iid = self.new_issue()
        path = f"/api/v1/bulletins/issues/{iid}"
        status, issue, h = self.a.call("GET", path)
        self.assertEqual(status, 200)
        self.assertEqual(etag(h), f'"{issue["version"]}"')
        first = etag(h)
        status, saved, h = self.a.call("PUT", path, self.content("甲的版本"),
                                       headers={"If-Match": first})
        self.assertEqual(status, 200, saved)
        self.assertEqual(saved["version"], issue["version"] + 1)
        self.assertEqual(etag(h), f'"{saved["version"]}"')
        self.assertEqual(saved["updated_by"], "陈静")
        status, body, _ = self.b.call("PUT", path, self.content("乙的版本"),
                                      headers={"If-Match": first})
        self.assert_conflict(status, body, "陈静")
        self.assertEqual(body["error"]["details"]["version"], saved["version"])
        # The body's "version" works like If-Match.
        status, body, _ = self.b.call("PUT", path, self.content("乙的版本", issue["version"]))
        self.assertEqual(status, 412, body)
        _, now, h = self.a.call("GET", path)
        self.assertEqual(now["sections"][0]["title"], "甲的版本")
        self.assertEqual(now["version"], saved["version"])
        # English readers get the English message.
        en = server.client("editor", lang="en")
        status, body, _ = en.call("PUT", path, self.content("x"), headers={"If-Match": first})
        self.assertEqual(status, 412)
        self.assertIn("陈静 saved a newer version at", body["error"]["message"])
        # Without a version the write is accepted as before (scripts).
        status, saved2, _ = self.b.call("PUT", path, self.content("脚本"))
        self.assertEqual(status, 200, saved2)
        self.assertEqual(saved2["version"], saved["version"] + 1)
        # A malformed If-Match is a bad request.
        status, body, _ = self.b.call("PUT", path, self.content("x"), headers={"If-Match": "abc"})
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["field"], "If-Match")

    def test_two_editors_racing_exactly_one_wins(self):
        for _ in range(3):
            iid = self.new_issue()
            path = f"/api/v1/bulletins/issues/{iid}"
            _, issue, h = self.a.call("GET", path)
            answers = race([(self.a, "PUT", path, self.content("甲"), {"If-Match": etag(h)}),
                            (self.b, "PUT", path, self.content("乙"), {"If-Match": etag(h)})])
            winner = self.assert_one_wins(answers)
            loser = answers[1 - winner]
            self.assert_conflict(loser[0], loser[1], "陈静")
            _, now, _ = self.a.call("GET", path)
            self.assertEqual(now["sections"][0]["title"], "甲乙"[winner])
            self.assertEqual(now["version"], issue["version"] + 1)


class PieceConflictTest(ConflictAssertions):
    """PATCH /submissions/{id}: the edit version is "edit_version" (the JSON
    "version" stays the number of the text version)."""

    @classmethod
    def setUpClass(cls):
        cls.a = server.client("hubei-reporter")
        cls.b = server.client("hubei-reporter")

    def new_piece(self):
        status, piece, _ = self.a.call("POST", "/api/v1/submissions",
                                       {"title": "并发稿件", "body": "第一段。"})
        self.assertEqual(status, 201, piece)
        return piece["id"]

    def test_stale_if_match_is_refused_and_nothing_stored(self):
        pid = self.new_piece()
        path = f"/api/v1/submissions/{pid}"
        status, view, h = self.a.call("GET", path)
        self.assertEqual(status, 200, view)
        first = etag(h)
        self.assertEqual(first, f'"{view["edit_version"]}"')
        status, saved, h = self.a.call("PATCH", path, {"title": "甲改"}, headers={"If-Match": first})
        self.assertEqual(status, 200, saved)
        self.assertEqual(saved["edit_version"], view["edit_version"] + 1)
        self.assertEqual(saved["edit_by"], "李娜")
        self.assertEqual(etag(h), f'"{saved["edit_version"]}"')
        status, body, _ = self.b.call("PATCH", path, {"title": "乙改", "tags": ["乙"]},
                                      headers={"If-Match": first})
        self.assert_conflict(status, body, "李娜")
        status, body, _ = self.b.call("PATCH", path,
                                      {"title": "乙改", "edit_version": view["edit_version"]})
        self.assertEqual(status, 412, body)
        _, now, _ = self.a.call("GET", path)
        self.assertEqual(now["title"], "甲改")
        self.assertEqual(now["tags"], [])
        self.assertEqual(now["edit_version"], saved["edit_version"])
        status, saved2, _ = self.b.call("PATCH", path, {"contact": "脚本"})
        self.assertEqual(status, 200, saved2)
        self.assertEqual(saved2["edit_version"], saved["edit_version"] + 1)

    def test_two_editors_racing_exactly_one_wins(self):
        for _ in range(3):
            pid = self.new_piece()
            path = f"/api/v1/submissions/{pid}"
            _, view, h = self.a.call("GET", path)
            answers = race([(self.a, "PATCH", path, {"title": "甲"}, {"If-Match": etag(h)}),
                            (self.b, "PATCH", path, {"title": "乙"}, {"If-Match": etag(h)})])
            winner = self.assert_one_wins(answers)
            self.assert_conflict(*answers[1 - winner][:2], "李娜")
            _, now, _ = self.a.call("GET", path)
            self.assertEqual(now["title"], "甲乙"[winner])
            self.assertEqual(now["edit_version"], view["edit_version"] + 1)
            self.assertEqual(now["version"], view["version"] + 1)


class OrgAndUserConflictTest(ConflictAssertions):
    """PATCH /orgs/{code} and /users/{id}: the lists carry each "version"."""

    @classmethod
    def setUpClass(cls):
        cls.a = server.client("hubei-admin")
        cls.b = server.client("hubei-admin")

    def org(self, code):
        _, body, _ = self.a.call("GET", "/api/v1/orgs")
        return [o for o in body["items"] if o["code"] == code][0]

    def user(self, login):
        _, body, _ = self.a.call("GET", "/api/v1/users?org=hubei-ctc")
        return [u for u in body["items"] if u["login"] == login][0]

    def test_org_stale_version_is_refused(self):
        org = self.org("hubei-ctc")
        path = "/api/v1/orgs/hubei-ctc"
        status, saved, h = self.a.call("PATCH", path, {"short_name": "甲简称"},
                                       headers={"If-Match": f'"{org["version"]}"'})
        self.assertEqual(status, 200, saved)
        self.assertEqual(saved["version"], org["version"] + 1)
        self.assertEqual(etag(h), f'"{saved["version"]}"')
        self.assertEqual(saved["updated_by"], "周涛")
        status, body, _ = self.b.call("PATCH", path, {"short_name": "乙简称",
                                                      "version": org["version"]})
        self.assert_conflict(status, body, "周涛")
        self.assertEqual(self.org("hubei-ctc")["short_name"], "甲简称")
        status, _, _ = self.b.call("PATCH", path, {"short_name": "湖北电信"})
        self.assertEqual(status, 200)

    def test_org_race_exactly_one_wins(self):
        for n in range(3):
            org = self.org("hubei-cmcc")
            path = "/api/v1/orgs/hubei-cmcc"
            tag = {"If-Match": f'"{org["version"]}"'}
            answers = race([(self.a, "PATCH", path, {"name": f"甲{n}"}, tag),
                            (self.b, "PATCH", path, {"name": f"乙{n}"}, tag)])
            winner = self.assert_one_wins(answers)
            self.assert_conflict(*answers[1 - winner][:2], "周涛")
            now = self.org("hubei-cmcc")
            self.assertEqual(now["name"], f"{'甲乙'[winner]}{n}")
            self.assertEqual(now["version"], org["version"] + 1)

    def test_user_stale_version_is_refused_and_race(self):
        user = self.user("member")
        path = f"/api/v1/users/{user['id']}"
        status, saved, h = self.a.call("PATCH", path, {"email": "a@example.org"},
                                       headers={"If-Match": f'"{user["version"]}"'})
        self.assertEqual(status, 200, saved)
        self.assertEqual(saved["version"], user["version"] + 1)
        self.assertEqual(etag(h), f'"{saved["version"]}"')
        status, body, _ = self.b.call("PATCH", path, {"email": "b@example.org"},
                                      headers={"If-Match": f'"{user["version"]}"'})
        self.assert_conflict(status, body, "周涛")
        self.assertEqual(self.user("member")["email"], "a@example.org")
        for n in range(3):
            user = self.user("member")
            tag = {"If-Match": f'"{user["version"]}"'}
            answers = race([(self.a, "PATCH", path, {"email": f"a{n}@example.org"}, tag),
                            (self.b, "PATCH", path, {"email": f"b{n}@example.org"}, tag)])
            winner = self.assert_one_wins(answers)
            now = self.user("member")
            self.assertEqual(now["email"], f"{'ab'[winner]}{n}@example.org")
            self.assertEqual(now["version"], user["version"] + 1)


class FiguresConflictTest(ConflictAssertions):
    """PUT /epidemic/days/{date}/figures/{region}: the grid answers each row's
    version under "versions" (a row not listed has version 1)."""

    @classmethod
    def setUpClass(cls):
        cls.a = server.client("editor")
        cls.b = server.client("editor")

    def version(self, date, region):
        status, grid, _ = self.a.call("GET", f"/api/v1/epidemic/days/{date}/figures")
        self.assertEqual(status, 200, grid)
        return grid["versions"].get(region, {"version": 1})["version"], grid

    def test_stale_row_is_refused_and_race(self):
        date, region = "2020-05-02", "420000"
        path = f"/api/v1/epidemic/days/{date}/figures/{region}"
        v, _ = self.version(date, region)
        self.assertEqual(v, 1)
        status, saved, h = self.a.call("PUT", path, {"new_confirmed": 5},
                                       headers={"If-Match": f'"{v}"'})
        self.assertEqual(status, 200, saved)
        self.assertEqual(saved["version"], 2)
        self.assertEqual(etag(h), '"2"')
        status, body, _ = self.b.call("PUT", path, {"new_confirmed": 7},
                                      headers={"If-Match": f'"{v}"'})
        self.assert_conflict(status, body, "陈静")
        v2, grid = self.version(date, region)
        self.assertEqual(v2, 2)
        row = [r for r in grid["items"] if r["region"] == region][0]
        self.assertEqual(row["figures"]["new_confirmed"], 5)
        for n in range(3):
            v, _ = self.version(date, region)
            tag = {"If-Match": f'"{v}"'}
            answers = race([(self.a, "PUT", path, {"new_confirmed": 10 + n}, tag),
                            (self.b, "PUT", path, {"new_confirmed": 20 + n}, tag)])
            winner = self.assert_one_wins(answers)
            v2, grid = self.version(date, region)
            self.assertEqual(v2, v + 1)
            row = [r for r in grid["items"] if r["region"] == region][0]
            self.assertEqual(row["figures"]["new_confirmed"], (10, 20)[winner] + n)
        # A new row races too: both insert the row of versions at once.
        fresh = f"/api/v1/epidemic/days/{date}/figures/110000"
        answers = race([(self.a, "PUT", fresh, {"new_confirmed": 1}, {"If-Match": '"1"'}),
                        (self.b, "PUT", fresh, {"new_confirmed": 2}, {"If-Match": '"1"'})])
        self.assert_one_wins(answers)
        # Without If-Match the row is written as before.
        status, saved, _ = self.b.call("PUT", path, {"new_confirmed": 1})
        self.assertEqual(status, 200, saved)


class FiguresImportBumpsVersionsTest(ConflictAssertions):
    """An import that changes a day gives its rows new versions: a grid loaded
    before the import cannot save over the imported figures unseen."""

    def test_save_after_an_import_is_refused(self):
        a = server.client("editor")
        date, region = "2021-12-01", "420000"
        path = f"/api/v1/epidemic/days/{date}/figures/{region}"
        status, saved, _ = a.call("PUT", path, {"new_confirmed": 3})
        self.assertEqual(status, 200, saved)
        loaded = saved["version"]
        csv = f"date,region,new_confirmed\n{date},{region},4\n"
        status, report, _ = a.call("POST", "/api/v1/epidemic/import",
                                   {"content": csv, "source": "later.csv"})
        self.assertEqual(status, 200, report)
        status, body, _ = a.call("PUT", path, {"new_confirmed": 5},
                                 headers={"If-Match": f'"{loaded}"'})
        self.assertEqual(status, 412, body)
        self.assertEqual(body["error"]["key"], "edit_conflict")
        status, grid, _ = a.call("GET", f"/api/v1/epidemic/days/{date}/figures")
        row = [r for r in grid["items"] if r["region"] == region][0]
        self.assertEqual(row["figures"]["new_confirmed"], 4)  # the import's, not the stale save's
        self.assertEqual(grid["versions"][region]["version"], loaded + 1)


class PresenceTest(unittest.TestCase):
    """Who else has a record open: a heartbeat kept in the database, shown
    within one organisation only."""

    def test_presence_appears_and_disappears(self):
        editor = server.client("editor")
        approver = server.client("approver")  # 王建国, also of ccea-sec
        outsider = server.client("hubei-admin")
        record = {"record": "bulletin_issue:4242"}
        status, body, _ = editor.call("POST", "/api/v1/presence", record)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["others"], [])
        _, body, _ = approver.call("POST", "/api/v1/presence", record)
        self.assertEqual([o["name"] for o in body["others"]], ["陈静"])
        _, body, _ = editor.call("POST", "/api/v1/presence", record)
        self.assertEqual([o["name"] for o in body["others"]], ["王建国"])
        # Another organisation sees nobody and is not shown.
        _, body, _ = outsider.call("POST", "/api/v1/presence", record)
        self.assertEqual(body["others"], [])
        _, body, _ = editor.call("POST", "/api/v1/presence", record)
        self.assertEqual([o["name"] for o in body["others"]], ["王建国"])
        status, _, _ = approver.call("POST", "/api/v1/presence/leave", record)
        self.assertEqual(status, 204)
        _, body, _ = editor.call("POST", "/api/v1/presence", record)
        self.assertEqual(body["others"], [])
        status, body, _ = editor.call("POST", "/api/v1/presence", {"record": "x:y"})
        self.assertEqual((status, body["error"]["field"]), (400, "record"))


if __name__ == "__main__":
    unittest.main()
