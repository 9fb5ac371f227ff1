"""The answer cache (http/answer_cache.h): a GET of a cacheable route is
answered from memory only while the database has not changed. Every read
after a write sees the write at once: a write through the API, a write by
another process (the CLI), a sign-out, a disabled account. On SQLite a
repeated GET runs no SQL at all (X-Jianbao-Statements 0); PostgreSQL has no
cache (the same assertions hold, answered from the database)."""

import subprocess
import unittest

import harness


class AnswerCacheTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server(
            extra_env={"JIANBAO_SERVER_EXPOSE_STATEMENT_COUNT": "true"}).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def get(self, client, path):
        status, body, headers = client.call("GET", path)
        self.assertEqual(status, 200, f"{path}: {body}")
        return body, int(headers["X-Jianbao-Statements"])

    def org(self, client, code):
        body, _ = self.get(client, "/api/v1/orgs")
        return next(o for o in body["items"] if o["code"] == code)

    def test_a_repeated_get_runs_no_sql_on_sqlite(self):
        editor = self.server.client("editor")
        first, _ = self.get(editor, "/api/v1/bulletins/issues")
        again, statements = self.get(editor, "/api/v1/bulletins/issues")
        self.assertEqual(again, first)
        if harness.engine() == "sqlite":
            self.assertEqual(statements, 0)
        # Another user with the same URL gets their own answer, not the editor's.
        member = self.server.client("member")
        theirs, statements = self.get(member, "/api/v1/bulletins/issues")
        self.assertGreater(statements, 0)

    def test_writes_through_the_api_are_seen_at_once(self):
        admin = self.server.client("admin")
        self.org(admin, "hubei-ctc")  # cached now
        status, body, _ = admin.call("PATCH", "/api/v1/orgs/hubei-ctc", {"name": "湖北电信（改名）"})
        self.assertEqual(status, 200, body)
        self.assertEqual(self.org(admin, "hubei-ctc")["name"], "湖北电信（改名）")

    def test_writes_by_another_process_are_seen_at_once(self):
        admin = self.server.client("admin")
        self.assertNotEqual(self.org(admin, "miit")["email"], "desk@miit.test")
        r = subprocess.run([harness.BIN, "org", "set-email", "--db", self.server.db_url,
                            "--code", "miit", "--email", "desk@miit.test"],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.org(admin, "miit")["email"], "desk@miit.test")

    def test_sign_out_and_disabling_end_the_session_at_once(self):
        editor = self.server.client("editor")
        self.get(editor, "/api/v1/me")
        self.get(editor, "/api/v1/me")
        self.assertEqual(editor.call("DELETE", "/api/v1/session")[0], 204)
        self.assertEqual(editor.call("GET", "/api/v1/me")[0], 401)

        admin = self.server.client("admin")
        reporter = self.server.client("hebei-reporter")
        me, _ = self.get(reporter, "/api/v1/me")
        self.get(reporter, "/api/v1/me")
        uid = me["user"]["id"]
        self.assertEqual(admin.call("PATCH", f"/api/v1/users/{uid}", {"disabled": True})[0], 200)
        self.assertEqual(reporter.call("GET", "/api/v1/me")[0], 401)
        self.assertEqual(admin.call("PATCH", f"/api/v1/users/{uid}", {"disabled": False})[0], 200)


if __name__ == "__main__":
    unittest.main()
