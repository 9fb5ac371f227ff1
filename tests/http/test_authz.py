"""Authorisation matrix: every platform route x every demo role x own/other
organisation, asserting allowed (2xx, or 400 for a deliberately wrong
password) versus 401 (anonymous) and 403 (signed in, not allowed)."""

import itertools
import unittest

import harness

server = None
clients = {}
targets = {}
ROLES = ["admin", "editor", "approver", "hubei-admin", "hubei-reporter", "hubei-desk", "member",
         "liaison"]
ADMINS_OVER = {"hubei": {"admin", "hubei-admin"}, "hebei": {"admin"}}
counter = itertools.count()


def setUpModule():
    global server
    server = harness.Server().start()
    for login in ROLES:
        clients[login] = server.client(login)
    clients["anonymous"] = server.client()
    root = clients["admin"]
    for org in ("hubei", "hebei"):
        status, u, _ = root.call("POST", "/api/v1/users", {
            "login": f"target-{org}", "password": "target-pass", "org": org, "roles": ["member"],
            "name": "目标"})
        assert status == 201, u
        targets[org] = u["id"]


def tearDownModule():
    server.stop()


def cases():
    """Yields (name, method, path-or-callable, body-callable, allowed set, ok statuses)."""
    everyone = set(ROLES)
    for org in ("hubei", "hebei"):
        admins = ADMINS_OVER[org]
        yield (f"create org under {org}", "POST", lambda o=org: "/api/v1/orgs",
               lambda o=org: {"code": f"m{next(counter)}-{o}", "name": "单位", "kind": "member",
                              "parent": o}, admins, {201})
        yield (f"patch org {org}", "PATCH", lambda o=org: f"/api/v1/orgs/{o}",
               lambda: {"short_name": None}, admins, {200})
        yield (f"list users of {org}", "GET", lambda o=org: f"/api/v1/users?org={o}", None, admins,
               {200})
        yield (f"create user in {org}", "POST", lambda: "/api/v1/users",
               lambda o=org: {"login": f"u{next(counter)}", "password": "password-1", "org": o,
                              "roles": ["member"], "name": "新"}, admins, {201})
        yield (f"patch user in {org}", "PATCH", lambda o=org: f"/api/v1/users/{targets[o]}",
               lambda: {"name": "目标"}, admins, {200})
        yield (f"reset password in {org}", "POST",
               lambda o=org: f"/api/v1/users/{targets[o]}/password",
               lambda: {"password": "target-pass"}, admins, {204})
    yield ("me", "GET", lambda: "/api/v1/me", None, everyone, {200})
    yield ("orgs", "GET", lambda: "/api/v1/orgs", None, everyone, {200})
    yield ("audit", "GET", lambda: "/api/v1/audit", None, {"admin", "hubei-admin"}, {200})
    yield ("change own password (wrong old)", "PUT", lambda: "/api/v1/me/password",
           lambda: {"old_password": "wrong-one", "new_password": "whatever-1"}, everyone, {400})
    yield ("set own e-mail", "PUT", lambda: "/api/v1/me/email", lambda: {"email": ""}, everyone, {200})
    # Composer sources: editors only (the service checks the role).
    yield ("summary kinds", "GET", lambda: "/api/v1/bulletins/sources/summaries", None, {"editor"}, {200})
    yield ("summary section", "GET",
           lambda: "/api/v1/bulletins/sources/summaries/submissions?from=2026-01-01&to=2026-12-31", None,
           {"editor"}, {200})


class AuthorizationMatrixTest(unittest.TestCase):
    def test_matrix(self):
        checked = 0
        for name, method, path, body, allowed, ok in cases():
            for who in ROLES + ["anonymous"]:
                status, resp, _ = clients[who].call(method, path(), body() if body else None)
                if who == "anonymous":
                    expected = {401}
                elif who in allowed:
                    expected = ok
                else:
                    expected = {403}
                with self.subTest(route=name, who=who):
                    self.assertIn(status, expected, f"{name} as {who}: {status} {resp}")
                checked += 1
        self.assertGreater(checked, 100)

    def test_csrf_required_for_every_state_change(self):
        c = clients["admin"]
        for method, path, body in [
            ("POST", "/api/v1/orgs", {"code": "csrf-x", "name": "x", "kind": "member", "parent": "hubei"}),
            ("PATCH", "/api/v1/orgs/hubei", {"short_name": "x"}),
            ("POST", "/api/v1/users", {"login": "csrf-x", "password": "password-1", "org": "hubei",
                                        "roles": ["member"], "name": "x"}),
            ("PATCH", f"/api/v1/users/{targets['hubei']}", {"name": "x"}),
            ("POST", f"/api/v1/users/{targets['hubei']}/password", {"password": "password-x"}),
            ("PUT", "/api/v1/me/password", {"old_password": "a", "new_password": "bbbbbbbb"}),
            ("PUT", "/api/v1/me/email", {"email": "csrf@jianbao.test"}),
            ("DELETE", "/api/v1/session", None),
        ]:
            with self.subTest(method=method, path=path):
                status, resp, _ = c.call(method, path, body, csrf=False)
                self.assertEqual((status, resp["error"]["key"]), (403, "csrf"))
                status, resp, _ = c.call(method, path, body, headers={"X-CSRF-Token": "forged"},
                                         csrf=False)
                self.assertEqual(status, 403)
        self.assertEqual(c.call("GET", "/api/v1/me")[0], 200)  # the session survived


if __name__ == "__main__":
    unittest.main()
