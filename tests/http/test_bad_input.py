"""Bad input on every route: malformed JSON, wrong types, missing and unknown
fields, oversize bodies, invalid UTF-8, SQL- and script-looking strings →
a clear 4xx naming the field, nothing stored, the server still serving."""

import unittest

import harness

server = None
admin = None

VALID = {
    ("POST", "/api/v1/session"): {"login": "admin", "password": harness.DEMO_PASSWORD},
    ("POST", "/api/v1/orgs"): {"code": "bad-input-org", "name": "单位", "short_name": "简",
                               "kind": "member", "parent": "hubei"},
    ("PATCH", "/api/v1/orgs/hubei-ctc"): {"name": "武汉楚天通信工程有限公司", "short_name": "楚天通信"},
    ("POST", "/api/v1/users"): {"login": "bad-input-user", "password": "password-1", "org": "hubei",
                                "roles": ["member"], "name": "名字"},
    ("PATCH", "/api/v1/users/5"): {"name": "李娜", "roles": ["reporter"], "disabled": False,
                                   "email": "lina@jianbao.test"},
    ("POST", "/api/v1/users/5/password"): {"password": harness.DEMO_PASSWORD},
    ("PUT", "/api/v1/me/password"): {"old_password": harness.DEMO_PASSWORD,
                                     "new_password": harness.DEMO_PASSWORD},
    ("PUT", "/api/v1/me/email"): {"email": "admin@jianbao.test"},
}


def setUpModule():
    global server, admin
    server = harness.Server().start()
    admin = server.client("admin")


def tearDownModule():
    server.stop()


def snapshot():
    """Returns what must not change when a request is rejected."""
    users = admin.call("GET", "/api/v1/users?page_size=100")[1]
    orgs = admin.call("GET", "/api/v1/orgs")[1]
    return (users["total"], sorted((u["login"], u["name"], tuple(u["roles"]), u["disabled"], u["email"])
                                   for u in users["items"]),
            sorted((o["code"], o["name"], o["short_name"]) for o in orgs["items"]))


class BadInputTest(unittest.TestCase):
    def setUp(self):
        self.before = snapshot()

    def tearDown(self):
        self.assertEqual(admin.call("GET", "/healthz")[0], 200)

    def assertRejected(self, method, path, raw=None, body=None, status=400, field=None):
        code, resp, _ = admin.call(method, path, body=body, raw=raw)
        self.assertEqual(code, status, f"{method} {path} {raw or body}: {resp}")
        self.assertIn("error", resp)
        self.assertTrue(resp["error"]["message"])
        if field is not None:
            self.assertEqual(resp["error"]["field"], field, resp)
        self.assertEqual(snapshot(), self.before)

    def test_malformed_bodies(self):
        for (method, path) in VALID:
            for raw in [b"{", b"[]", b"\"text\"", b"null", b"{\"a\":}", b"\xff\xfe{}",
                        b"{\"name\":\"\xc3\x28\"}"]:
                with self.subTest(method=method, path=path, raw=raw):
                    self.assertRejected(method, path, raw=raw)

    def test_unknown_fields(self):
        for (method, path), valid in VALID.items():
            with self.subTest(path=path):
                self.assertRejected(method, path, body=dict(valid, is_admin=True), field="is_admin")

    def test_wrong_types_for_every_field(self):
        for (method, path), valid in VALID.items():
            for key in valid:
                for wrong in ([1, 2], {"x": 1}, 12345 if not isinstance(valid[key], int) else "x"):
                    if isinstance(valid[key], bool) and isinstance(wrong, int):
                        continue
                    with self.subTest(path=path, key=key, wrong=wrong):
                        self.assertRejected(method, path, body=dict(valid, **{key: wrong}))

    def test_missing_required_fields(self):
        required = {("POST", "/api/v1/session"): ["login", "password"],
                    ("POST", "/api/v1/orgs"): ["code", "name", "kind"],
                    ("POST", "/api/v1/users"): ["login", "password", "org", "name"],
                    ("POST", "/api/v1/users/5/password"): ["password"],
                    ("PUT", "/api/v1/me/password"): ["old_password", "new_password"],
                    ("PUT", "/api/v1/me/email"): ["email"]}
        for (method, path), keys in required.items():
            for key in keys:
                body = dict(VALID[(method, path)])
                del body[key]
                with self.subTest(path=path, key=key):
                    self.assertRejected(method, path, body=body, field=key)

    def test_oversize_body(self):
        big = b"{\"name\":\"" + b"x" * 400_000 + b"\"}"
        for (method, path) in VALID:
            with self.subTest(path=path):
                self.assertRejected(method, path, raw=big, status=413)

    def test_too_long_and_control_characters(self):
        self.assertRejected("POST", "/api/v1/users",
                            body=dict(VALID[("POST", "/api/v1/users")], name="长" * 51), field="name")
        self.assertRejected("POST", "/api/v1/orgs",
                            body=dict(VALID[("POST", "/api/v1/orgs")], name="a\u0000b"), field="name")

    def test_header_injection_in_addresses(self):
        for bad in ["a@b.org\r\nBcc: x@y.org", "a@b.org\nBcc: x@y.org", "<a@b.org>", "a b@c.org",
                    "a@b", "@b.org", "a@" + "b" * 250 + ".org"]:
            with self.subTest(email=bad):
                self.assertRejected("PUT", "/api/v1/me/email", body={"email": bad}, field="email")
                self.assertRejected("PATCH", "/api/v1/users/5", body={"email": bad}, field="email")

    def test_sql_and_script_looking_strings(self):
        self.assertRejected("POST", "/api/v1/users", body=dict(
            VALID[("POST", "/api/v1/users")], login="x'; DROP TABLE users; --"), field="login")
        self.assertRejected("POST", "/api/v1/orgs", body=dict(
            VALID[("POST", "/api/v1/orgs")], code="<script>"), field="code")
        # Stored literally where text is allowed, and returned as data.
        name = "<script>alert(1)</script>'; DROP TABLE users; --"
        status, u, _ = admin.call("POST", "/api/v1/users", dict(
            VALID[("POST", "/api/v1/users")], login="literal-text", name=name))
        self.assertEqual((status, u["name"]), (201, name))
        status, body, _ = admin.call("GET", "/api/v1/users?q=literal")
        self.assertEqual(body["items"][0]["name"], name)
        status, body, _ = admin.call("GET", "/api/v1/users?q=%25%27%20OR%201%3D1%20--")
        self.assertEqual((status, body["total"]), (200, 0))
        self.before = snapshot()

    def test_bad_query_strings_and_ids(self):
        for path, field in [("/api/v1/users?page=0", "page"), ("/api/v1/users?page_size=101", "page_size"),
                            ("/api/v1/users?page=abc", "page"), ("/api/v1/audit?to=2020-02-30", "to"),
                            ("/api/v1/users?org=nowhere", "org")]:
            with self.subTest(path=path):
                self.assertRejected("GET", path, field=field)
        for path in ["/api/v1/users/abc", "/api/v1/users/-1", "/api/v1/users/99999999999999999999"]:
            with self.subTest(path=path):
                self.assertRejected("PATCH", path, body={"name": "x"}, status=404)
        self.assertRejected("PATCH", "/api/v1/orgs/nowhere", body={"name": "x"}, status=404)


if __name__ == "__main__":
    unittest.main()
