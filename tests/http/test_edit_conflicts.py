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


if __name__ == "__main__":
    unittest.main()
