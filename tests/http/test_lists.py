"""Lists filter by permission in SQL: totals match what the user can page
through, and a list costs the same number of SQL statements whatever its
page size (no query per row). The server exposes the statement count of each
request in X-Jianbao-Statements when server.expose_statement_count is set."""

import unittest

import harness

# Every list route, as a role that sees several rows of it.
LIST_ROUTES = [
    ("editor", "/api/v1/bulletins/issues"),
    ("member", "/api/v1/bulletins/issues"),
    ("hebei-reporter", "/api/v1/bulletins/issues"),
    ("member", "/api/v1/inbox"),
    ("editor", "/api/v1/submissions"),
    ("hubei-reporter", "/api/v1/submissions"),
    ("admin", "/api/v1/users"),
    ("admin", "/api/v1/audit"),
    ("editor", "/api/v1/notifications"),
    ("editor", "/api/v1/commissions"),
    ("hubei-reporter", "/api/v1/commissions"),
    ("editor", "/api/v1/bulletins/series"),
    ("editor", "/api/v1/orgs"),
]


class ListsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server(
            extra_env={"JIANBAO_SERVER_EXPOSE_STATEMENT_COUNT": "true"}).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def statements(self, client, path):
        status, body, headers = client.call("GET", path)
        self.assertEqual(status, 200, f"{path}: {body}")
        return int(headers["X-Jianbao-Statements"]), body

    def test_statements_do_not_grow_with_the_page(self):
        for login, path in LIST_ROUTES:
            with self.subTest(login=login, path=path):
                c = self.server.client(login)
                sep = "&" if "?" in path else "?"
                # Resolve the session first: on SQLite the answer cache keeps it, so the
                # first request would otherwise count one statement more than the second.
                c.call("GET", "/api/v1/me")
                one, body_one = self.statements(c, path + sep + "page_size=1")
                many, body_many = self.statements(c, path + sep + "page_size=50")
                rows = len(body_many.get("items", [])) if isinstance(body_many, dict) else 0
                self.assertEqual(one, many,
                                 f"{path} as {login}: {one} statements for 1 row, {many} for {rows}")

    def test_issue_totals_match_what_a_reader_can_page(self):
        editor = self.server.client("editor")
        approver = self.server.client("approver")
        # Two published issues of the national series, distributed to Hubei only.
        created = []
        for day in ("2020-05-01", "2020-05-02"):
            status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                           {"series": "ccea-epidemic", "date": day})
            self.assertEqual(status, 201, issue)
            status, body, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
                "date": day, "sections": [{"kind": "text", "title": "只发湖北", "body": "正文。"}],
                "distribution": [{"label": "发", "to": ["hubei"]}]})
            self.assertEqual(status, 200, body)
            self.assertEqual(editor.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/submit")[0], 200)
            status, body, _ = approver.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/approve")
            self.assertEqual(status, 200, body)
            status, body, _ = editor.call("POST", f"/api/v1/bulletins/issues/{issue['id']}/publish")
            self.assertEqual(status, 200, body)
            created.append(issue["id"])
        for login in ("hebei-reporter", "hubei-reporter", "member"):
            c = self.server.client(login)
            status, first, _ = c.call("GET", "/api/v1/bulletins/issues?page_size=1")
            self.assertEqual(status, 200)
            seen = []
            for page in range(1, first["total"] + 2):
                status, body, _ = c.call("GET", f"/api/v1/bulletins/issues?page_size=1&page={page}")
                self.assertEqual(status, 200)
                seen += [it["id"] for it in body["items"]]
                self.assertEqual(body["total"], first["total"])
            self.assertEqual(len(seen), first["total"], f"{login} pages through {seen}")
            self.assertEqual(len(set(seen)), len(seen))
            for issue_id in seen:  # everything listed can be opened
                status, _, _ = c.call("GET", f"/api/v1/bulletins/issues/{issue_id}")
                self.assertEqual(status, 200, f"{login} lists {issue_id} but cannot open it")
            if login == "hubei-reporter":  # a user of the recipient organisation
                self.assertTrue(set(created) <= set(seen), f"{login}: {seen}")
            else:
                self.assertFalse(set(created) & set(seen), f"{login}: {seen}")


if __name__ == "__main__":
    unittest.main()
