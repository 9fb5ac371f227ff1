"""Platform scenarios: sessions, accounts, organisations, users, audit, static files."""

import base64
import hashlib
import re
import unittest

import harness

server = None


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


class SessionTest(unittest.TestCase):
    def test_sign_in_sets_http_only_cookie_and_csrf(self):
        c = server.client()
        status, body, headers = c.call("POST", "/api/v1/session",
                                       {"login": "editor", "password": harness.DEMO_PASSWORD})
        self.assertEqual(status, 200)
        self.assertEqual(body["user"]["login"], "editor")
        self.assertEqual(body["user"]["org"]["code"], "ccea-sec")
        self.assertEqual(len(body["csrf_token"]), 32)
        cookie = headers["Set-Cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        status, me, _ = c.call("GET", "/api/v1/me")
        self.assertEqual(status, 200)
        self.assertEqual(me["user"]["roles"], ["editor"])

    def test_sign_out(self):
        c = server.client("approver")
        self.assertEqual(c.call("DELETE", "/api/v1/session")[0], 204)
        self.assertEqual(c.call("GET", "/api/v1/me")[0], 401)

    def test_wrong_password_then_throttled(self):
        c = server.client()
        status, body, _ = c.call("POST", "/api/v1/session", {"login": "liaison", "password": "x"})
        self.assertEqual(status, 401)
        self.assertEqual(body["error"]["code"], "unauthenticated")
        self.assertEqual(body["error"]["message"], "用户名或密码不正确")
        for _ in range(4):
            c.call("POST", "/api/v1/session", {"login": "liaison", "password": "x"})
        status, body, headers = c.call("POST", "/api/v1/session",
                                       {"login": "liaison", "password": harness.DEMO_PASSWORD})
        self.assertEqual(status, 429)
        self.assertGreater(int(headers["Retry-After"]), 0)

    def test_english_errors(self):
        c = server.client(lang="en")
        status, body, _ = c.call("GET", "/api/v1/me")
        self.assertEqual(status, 401)
        self.assertEqual(body["error"]["message"], "please sign in")

    def test_password_change(self):
        c = server.client("admin")
        status, body, _ = c.call("POST", "/api/v1/users", {
            "login": "pw-user", "password": "first-pass", "org": "hubei", "roles": ["member"],
            "name": "改密用户"})
        self.assertEqual(status, 201, body)
        u = server.client("pw-user", "first-pass")
        status, body, _ = u.call("PUT", "/api/v1/me/password",
                                 {"old_password": "wrong", "new_password": "second-pass"})
        self.assertEqual((status, body["error"]["field"]), (400, "old_password"))
        status, body, _ = u.call("PUT", "/api/v1/me/password",
                                 {"old_password": "first-pass", "new_password": "short"})
        self.assertEqual((status, body["error"]["field"]), (400, "new_password"))
        self.assertEqual(u.call("PUT", "/api/v1/me/password",
                                {"old_password": "first-pass", "new_password": "second-pass"})[0], 204)
        server.client("pw-user", "second-pass")


class OrgsAndUsersTest(unittest.TestCase):
    def test_demo_organisations(self):
        c = server.client("member")
        status, body, _ = c.call("GET", "/api/v1/orgs")
        self.assertEqual(status, 200)
        orgs = {o["code"]: o for o in body["items"]}
        for code in ["ccea", "ccea-sec", "hubei", "hebei", "shaanxi", "qinghai", "heilongjiang"]:
            self.assertIn(code, orgs)
        self.assertEqual(orgs["hubei"]["short_name"], "湖北行协")
        self.assertEqual(orgs["hubei"]["parent"], "ccea")
        self.assertEqual(orgs["ccea-sec"]["parent"], "ccea")
        self.assertEqual(orgs["hebei"]["name"], "河北省信息通信行业协会")

    def test_provincial_admin_manages_own_subtree_only(self):
        c = server.client("hubei-admin")
        status, org, _ = c.call("POST", "/api/v1/orgs", {
            "code": "hubei-new-unit", "name": "湖北新会员单位", "kind": "member", "parent": "hubei"})
        self.assertEqual(status, 201, org)
        status, body, _ = c.call("POST", "/api/v1/orgs", {
            "code": "hebei-x", "name": "x", "kind": "member", "parent": "hebei"})
        self.assertEqual(status, 403)
        status, body, _ = c.call("PATCH", "/api/v1/orgs/hubei-new-unit", {"short_name": "新单位"})
        self.assertEqual((status, body["short_name"]), (200, "新单位"))
        status, body, _ = c.call("GET", "/api/v1/users?org=hubei&page_size=100")
        self.assertEqual(status, 200)
        self.assertTrue(all(u["org"]["code"].startswith("hubei") for u in body["items"]))
        self.assertIn("liaison", [u["login"] for u in body["items"]])  # operator under hubei
        self.assertEqual(c.call("GET", "/api/v1/users?org=hebei")[0], 403)

    def test_user_lifecycle_filters_and_paging(self):
        c = server.client("admin")
        status, u, _ = c.call("POST", "/api/v1/users", {
            "login": "new.reporter", "password": "secret-123", "org": "qinghai",
            "roles": ["reporter", "reporter"], "name": "新报送员"})
        self.assertEqual(status, 201, u)
        self.assertEqual(u["roles"], ["reporter"])
        status, body, _ = c.call("POST", "/api/v1/users", {
            "login": "new.reporter", "password": "secret-123", "org": "qinghai",
            "roles": ["reporter"], "name": "x"})
        self.assertEqual((status, body["error"]["field"]), (409, "login"))
        status, body, _ = c.call("GET", "/api/v1/users?org=qinghai&role=reporter&q=%E6%96%B0")
        self.assertEqual([x["login"] for x in body["items"]], ["new.reporter"])
        status, body, _ = c.call("GET", "/api/v1/users?page=2&page_size=5")
        self.assertEqual((body["page"], len(body["items"])), (2, 5))
        self.assertGreater(body["total"], 10)
        status, body, _ = c.call("PATCH", f"/api/v1/users/{u['id']}",
                                 {"roles": ["reporter", "editor"], "disabled": True})
        self.assertEqual((status, body["roles"], body["disabled"]), (200, ["editor", "reporter"], True))
        self.assertEqual(server.client().call("POST", "/api/v1/session", {
            "login": "new.reporter", "password": "secret-123"})[0], 401)
        self.assertEqual(c.call("PATCH", f"/api/v1/users/{u['id']}", {"disabled": False})[0], 200)
        self.assertEqual(c.call("POST", f"/api/v1/users/{u['id']}/password",
                                {"password": "another-123"})[0], 204)
        server.client("new.reporter", "another-123")
        self.assertEqual(c.call("PATCH", "/api/v1/users/999999", {"name": "x"})[0], 404)

    def test_audit_log_records_before_and_after(self):
        c = server.client("admin")
        status, u, _ = c.call("POST", "/api/v1/users", {
            "login": "audit-me", "password": "secret-123", "org": "hubei", "roles": ["member"],
            "name": "审计对象"})
        c.call("PATCH", f"/api/v1/users/{u['id']}", {"name": "审计对象二"})
        status, body, _ = c.call("GET", "/api/v1/audit?entity=user&action=user.update&actor=admin")
        self.assertEqual(status, 200)
        entry = next(e for e in body["items"] if e["entity_id"] == str(u["id"]))
        self.assertEqual(entry["before"]["name"], "审计对象")
        self.assertEqual(entry["after"]["name"], "审计对象二")
        self.assertEqual(entry["ip"], "127.0.0.1")
        status, body, _ = c.call("GET", "/api/v1/audit?from=2000-01-01&to=2000-01-02")
        self.assertEqual((status, body["total"]), (200, 0))
        status, body, _ = c.call("GET", "/api/v1/audit?from=yesterday")
        self.assertEqual((status, body["error"]["field"]), (400, "from"))
        hubei = server.client("hubei-admin")
        status, body, _ = hubei.call("GET", "/api/v1/audit?page_size=100")
        self.assertEqual(status, 200)
        self.assertTrue(all(e["org"].startswith("hubei") for e in body["items"]), body["items"][:3])


class ServingTest(unittest.TestCase):
    def test_health_metrics_and_spa(self):
        c = server.client()
        self.assertEqual(c.call("GET", "/healthz")[1], {"status": "ok"})
        status, text, headers = c.call("GET", "/metrics")
        self.assertIn("jianbao_http_requests_total", text)
        self.assertIn('route="/healthz"', text)
        status, text, headers = c.call("GET", "/users/list")
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["Content-Type"])
        self.assertEqual(headers["Cache-Control"], "no-cache")
        status, body, _ = c.call("GET", "/api/v1/no-such-thing")
        self.assertEqual((status, body["error"]["code"]), (404, "not_found"))

    def test_security_headers_on_every_kind_of_answer(self):
        c = server.client("editor")
        for path in ("/healthz", "/api/v1/me", "/api/v1/no-such-thing", "/users/list",
                     "/public/bulletins/hubei-daily"):
            with self.subTest(path=path):
                _, _, headers = c.call("GET", path)
                self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
                self.assertEqual(headers["X-Frame-Options"], "DENY")
                self.assertEqual(headers["Referrer-Policy"], "same-origin")
                csp = headers["Content-Security-Policy"]
                self.assertIn("frame-ancestors 'none'", csp)
                self.assertNotIn("unsafe-eval", csp)
                self.assertNotIn("unsafe-inline", csp)
                directives = dict((d.split(" ", 1) + [""])[:2] for d in csp.split("; "))
                self.assertEqual(directives["default-src"], "'self'")
                self.assertEqual(directives["script-src"], "'self'")
                self.assertTrue(directives["style-src"].startswith("'self'"))
                self.assertEqual(directives["object-src"], "'none'")

    def test_inline_styles_of_server_pages_are_allowed_by_hash(self):
        # The public archive page writes one <style> element; the CSP allows exactly it.
        c = server.client("editor")
        status, html, headers = c.call("GET", "/public/bulletins/hubei-daily")
        self.assertEqual(status, 200)
        csp = headers["Content-Security-Policy"]
        styles = re.findall(r"<style>(.*?)</style>", html, re.S)
        self.assertTrue(styles)
        for css in styles:
            digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
            self.assertIn(f"'sha256-{digest}'", csp)
        self.assertNotIn(" style=", html)


if __name__ == "__main__":
    unittest.main()
