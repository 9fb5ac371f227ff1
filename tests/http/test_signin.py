"""Sign-in throttling that nobody can turn against somebody else, client
addresses behind a trusted proxy, session rotation, the password policy and
/metrics for operators only (issue 11, items 5 and 8)."""

import time
import unittest

import harness

proxied = None  # trusts 127.0.0.1 as a reverse proxy
direct = None   # trusts no proxy
with_token = None


def setUpModule():
    global proxied, direct, with_token
    proxied = harness.Server(extra_env={"JIANBAO_SERVER_TRUSTED_PROXIES": "127.0.0.1, ::1"}).start()
    direct = harness.Server().start()
    with_token = harness.Server(demo=False,
                                extra_env={"JIANBAO_SERVER_METRICS_TOKEN": "metrics-t0ken"}).start()


def tearDownModule():
    for s in (proxied, direct, with_token):
        if s:
            s.stop()


def sign_in(server, login, password, address=None, client=None):
    c = client or server.client()
    headers = {"X-Forwarded-For": address} if address else {}
    status, body, hdrs = c.call("POST", "/api/v1/session", {"login": login, "password": password},
                                headers=headers)
    return status, body, hdrs


class ThrottleTest(unittest.TestCase):
    def test_failures_slow_down_only_that_login_from_that_address(self):
        statuses = []
        for _ in range(5):
            status, body, hdrs = sign_in(proxied, "qinghai-reporter", "wrong-password", "203.0.113.5")
            statuses.append(status)
            if status == 429:
                self.assertLessEqual(int(hdrs["Retry-After"]), 60)
        self.assertEqual(statuses[:3], [401, 401, 401])
        self.assertIn(429, statuses)
        status, body, hdrs = sign_in(proxied, "qinghai-reporter", harness.DEMO_PASSWORD,
                                     "203.0.113.5")
        self.assertEqual(status, 429, body)
        wait = int(hdrs["Retry-After"])
        self.assertTrue(1 <= wait <= 60, wait)
        # Her own sign-in from anywhere else is not slowed down: no lock-out from outside.
        status, body, _ = sign_in(proxied, "qinghai-reporter", harness.DEMO_PASSWORD,
                                  "198.51.100.7")
        self.assertEqual(status, 200, body)
        # Nor is anybody else's from the failing address.
        status, body, _ = sign_in(proxied, "hebei-reporter", harness.DEMO_PASSWORD, "203.0.113.5")
        self.assertEqual(status, 200, body)
        time.sleep(wait)
        status, body, _ = sign_in(proxied, "qinghai-reporter", harness.DEMO_PASSWORD,
                                  "203.0.113.5")
        self.assertEqual(status, 200, body)

    def test_one_address_guessing_many_accounts_is_capped(self):
        for i in range(30):
            status, _, _ = sign_in(proxied, f"nobody-{i}", "wrong-password", "203.0.113.9")
            self.assertEqual(status, 401)
        status, body, hdrs = sign_in(proxied, "shaanxi-reporter", harness.DEMO_PASSWORD,
                                     "203.0.113.9")
        self.assertEqual(status, 429, body)
        self.assertGreater(int(hdrs["Retry-After"]), 0)
        status, body, _ = sign_in(proxied, "shaanxi-reporter", harness.DEMO_PASSWORD,
                                  "203.0.113.10")
        self.assertEqual(status, 200, body)

    def test_two_servers_on_one_database_share_the_count(self):
        other = harness.Server(db_url=proxied.db_url, demo=False,
                               extra_env={"JIANBAO_SERVER_TRUSTED_PROXIES": "127.0.0.1"}).start()
        try:
            statuses = [sign_in(s, "approver", "wrong-password", "203.0.113.20")[0]
                        for s in (proxied, other, proxied)]
            self.assertEqual(statuses, [401, 401, 401])
            status, body, hdrs = sign_in(other, "approver", harness.DEMO_PASSWORD, "203.0.113.20")
            self.assertEqual(status, 429, body)
            self.assertLessEqual(int(hdrs["Retry-After"]), 60)
            status, body, _ = sign_in(other, "approver", harness.DEMO_PASSWORD, "203.0.113.21")
            self.assertEqual(status, 200, body)
        finally:
            other.stop()

    def test_forwarded_for_counts_only_from_a_trusted_proxy(self):
        # Without trusted proxies every attempt comes from 127.0.0.1, whatever the header says.
        statuses = []
        for i in range(4):
            status, _, _ = sign_in(direct, "heilongjiang-reporter", "wrong-password",
                                   f"192.0.2.{i + 1}")
            statuses.append(status)
        self.assertEqual(statuses, [401, 401, 401, 429])
        status, _, _ = sign_in(direct, "heilongjiang-reporter", harness.DEMO_PASSWORD, "192.0.2.99")
        self.assertEqual(status, 429)


class SessionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = proxied.client("admin")

    def new_user(self, login, password, roles=("member",)):
        status, body, _ = self.admin.call("POST", "/api/v1/users", {
            "login": login, "password": password, "org": "hubei", "roles": list(roles),
            "name": "会话测试"})
        self.assertEqual(status, 201, body)
        return body["id"]

    @staticmethod
    def token(client):
        return next(c.value for c in client.jar if c.name == "jb_session")

    @staticmethod
    def me_with(token):
        c = proxied.client()
        return c.call("GET", "/api/v1/me", headers={"Cookie": f"jb_session={token}"})[0]

    def test_sign_in_issues_a_new_session_and_ends_the_old_one(self):
        c = proxied.client("editor")
        old = self.token(c)
        status, body, _ = sign_in(proxied, "editor", harness.DEMO_PASSWORD, client=c)
        self.assertEqual(status, 200, body)
        new = self.token(c)
        self.assertNotEqual(old, new)
        self.assertEqual(self.me_with(old), 401, "the cookie the browser had is not reused")
        self.assertEqual(self.me_with(new), 200)

    def test_password_change_ends_the_other_sessions(self):
        self.new_user("sess-change", "Sess-change-1")
        a = proxied.client("sess-change", "Sess-change-1")
        b = proxied.client("sess-change", "Sess-change-1")
        status, body, _ = a.call("PUT", "/api/v1/me/password",
                                 {"old_password": "Sess-change-1", "new_password": "Sess-change-2"})
        self.assertEqual(status, 204, body)
        self.assertEqual(b.call("GET", "/api/v1/me")[0], 401)
        self.assertEqual(a.call("GET", "/api/v1/me")[0], 200)
        self.assertEqual(a.call("PUT", "/api/v1/me/email", {"email": ""})[0], 200)

    def test_admin_reset_ends_every_session(self):
        uid = self.new_user("sess-reset", "Sess-reset-1")
        a = proxied.client("sess-reset", "Sess-reset-1")
        status, body, _ = self.admin.call("POST", f"/api/v1/users/{uid}/password",
                                          {"password": "Sess-reset-2"})
        self.assertEqual(status, 204, body)
        self.assertEqual(a.call("GET", "/api/v1/me")[0], 401)
        proxied.client("sess-reset", "Sess-reset-2")

    def test_role_change_ends_the_users_sessions(self):
        uid = self.new_user("sess-roles", "Sess-roles-1")
        a = proxied.client("sess-roles", "Sess-roles-1")
        self.assertEqual(self.admin.call("PATCH", f"/api/v1/users/{uid}", {"name": "改名"})[0], 200)
        self.assertEqual(a.call("GET", "/api/v1/me")[0], 200, "a new name keeps the session")
        status, body, _ = self.admin.call("PATCH", f"/api/v1/users/{uid}",
                                          {"roles": ["member", "reporter"]})
        self.assertEqual(status, 200, body)
        self.assertEqual(a.call("GET", "/api/v1/me")[0], 401)
        b = proxied.client("sess-roles", "Sess-roles-1")
        status, me, _ = b.call("GET", "/api/v1/me")
        self.assertEqual(sorted(me["user"]["roles"]), ["member", "reporter"])

    def test_password_policy_in_both_languages(self):
        en = proxied.client("admin", lang="en")
        cases = [("short-1A", "weak_password", "至少需要 10 个字符", "at least 10 characters"),
                 ("abcdefghijkl", "password_one_kind", "不能只由一类字符", "must mix"),
                 ("policy-user", "password_is_login", "不能与登录名相同", "must not be the login"),
                 ("Password123", "password_common", "太常见", "too common")]
        for password, key, zh, english in cases:
            for client, text in ((self.admin, zh), (en, english)):
                status, body, _ = client.call("POST", "/api/v1/users", {
                    "login": "policy-user", "password": password, "org": "hubei",
                    "roles": ["member"], "name": "策略"})
                with self.subTest(password=password, lang=client.lang):
                    self.assertEqual(status, 400, body)
                    self.assertEqual((body["error"]["key"], body["error"]["field"]),
                                     (key, "password"))
                    self.assertIn(text, body["error"]["message"])
        uid = self.new_user("policy-user", harness.DEMO_PASSWORD)
        status, body, _ = self.admin.call("POST", f"/api/v1/users/{uid}/password",
                                          {"password": "1234567890"})
        self.assertEqual((status, body["error"]["key"]), (400, "password_one_kind"))
        me = proxied.client("policy-user")
        status, body, _ = me.call("PUT", "/api/v1/me/password",
                                  {"old_password": harness.DEMO_PASSWORD,
                                   "new_password": "policy-user"})
        self.assertEqual((status, body["error"]["field"]), (400, "new_password"))


class MetricsTest(unittest.TestCase):
    def test_loopback_only_by_default(self):
        c = direct.client()
        status, text, _ = c.call("GET", "/metrics")
        self.assertEqual(status, 200)
        self.assertIn("jianbao_http_requests_total", text)
        # A request that came through a proxy is not the operator on this host.
        status, body, _ = c.call("GET", "/metrics", headers={"X-Forwarded-For": "203.0.113.5"})
        self.assertEqual(status, 403)
        self.assertNotIn("jianbao_http_requests_total", str(body))
        # Behind a trusted proxy the client's own address decides.
        c = proxied.client()
        self.assertEqual(c.call("GET", "/metrics")[0], 200)
        self.assertEqual(c.call("GET", "/metrics",
                                headers={"X-Forwarded-For": "203.0.113.5"})[0], 403)

    def test_bearer_token(self):
        c = with_token.client()
        self.assertEqual(c.call("GET", "/metrics")[0], 403)
        self.assertEqual(c.call("GET", "/metrics",
                                headers={"Authorization": "Bearer wrong-token"})[0], 403)
        status, text, _ = c.call("GET", "/metrics",
                                 headers={"Authorization": "Bearer metrics-t0ken"})
        self.assertEqual(status, 200)
        self.assertIn("jianbao_http_requests_total", text)


if __name__ == "__main__":
    unittest.main()
