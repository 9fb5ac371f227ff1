"""Authorisation matrix generated from the router.

`jianbao routes` lists every API route (METHOD PATTERN auth|open). ROUTES below
holds, for each of them, the requests to make (on a resource of Hubei and of
Hebei where the route is about an organisation's resource, so that every role
meets its own and another organisation's) and the status every demo role —
and an anonymous client — must get. A route the router has and ROUTES lacks
fails the test, as does an entry for a route the router no longer has.

Statuses: the success code where a role is allowed; 403 where a signed-in
role is refused; 404 where the service hides a resource the role may not see
(pieces, drafts); 401 for anonymous on routes that need a session.

Run `python3 tests/http/test_authz.py --probe` to print what the server
answers now, one line per route, request and role: a start for the entry of
a new route (never copy it without reading it: the table says what *should*
happen).
"""

import itertools
import subprocess
import sys
import unittest

import harness

server = None
clients = {}
W = {}  # the fixture world: ids of what setUpModule created
SIGNED_IN = ["admin", "editor", "approver", "hubei-admin", "hubei-reporter", "hubei-desk",
             "member", "liaison", "hebei-reporter"]
ROLES = SIGNED_IN + ["anonymous"]
HUBEI = {"hubei-admin", "hubei-reporter", "hubei-desk", "member", "liaison"}
counter = itertools.count(1)


# ---- expectations ----

def expect(ok, allowed, denied=403, anonymous=401, **overrides):
    """Returns {role: status}: `ok` for the roles in `allowed` (a set, or "all"),
    `denied` for the other signed-in roles, `anonymous` for no session;
    `overrides` (role names with _ for -) win."""
    allowed = set(SIGNED_IN) if allowed == "all" else set(allowed)
    out = {r: (ok if r in allowed else denied) for r in SIGNED_IN}
    out["anonymous"] = anonymous
    for k, v in overrides.items():
        out[k.replace("_", "-")] = v
    return out


class Case:
    """One request of a route: `path` and `body` are format strings over W (or
    callables of (W, role)); `expect` maps each role to a status or a set."""

    def __init__(self, name, path, expect, body=None, raw=None, headers=None):
        self.name, self.path, self.expect = name, path, expect
        self.body, self.raw, self.headers = body, raw, headers

    def resolve(self, who):
        def value(v):
            if callable(v):
                return v(W, who)
            if isinstance(v, str):
                return v.format(**W)
            if isinstance(v, dict):
                return {k: value(x) for k, x in v.items()}
            if isinstance(v, list):
                return [value(x) for x in v]
            return v
        return value(self.path), value(self.body), value(self.raw)


# ---- fixtures made per request, where a request changes what it touches ----

def new_piece(org, submit=True, target=None):
    reporter = {"hubei": "hubei-reporter", "hebei": "hebei-reporter"}[org]
    body = {"title": f"矩阵稿件{next(counter)}", "body": "正文。", "authors": ["作者"]}
    if target:
        body["target"] = target
    status, p, _ = clients[reporter].call("POST", "/api/v1/submissions", body)
    assert status == 201, p
    if submit:
        status, r, _ = clients[reporter].call("POST", f"/api/v1/submissions/{p['id']}/actions",
                                              {"action": "submit"})
        assert status == 200, r
    return p["id"]


def new_attachment(org, piece=None):
    reporter = {"hubei": "hubei-reporter", "hebei": "hebei-reporter"}[org]
    piece = piece or new_piece(org, submit=False)
    status, a, _ = clients[reporter].call(
        "POST", f"/api/v1/submissions/{piece}/attachments?name=a.txt", raw="附件".encode())
    assert status == 201, a
    return piece, a["id"]


def new_commission(org):
    status, c, _ = clients["editor"].call("POST", "/api/v1/commissions", {
        "topic": f"约稿{next(counter)}", "org": org, "deadline": "2030-12-31"})
    assert status == 201, c
    return c["id"]


def new_issue(series="ccea-epidemic", by="editor"):
    status, i, _ = clients[by].call("POST", "/api/v1/bulletins/issues",
                                    {"series": series, "date": "2020-05-01"})
    assert status == 201, i
    status, i, _ = clients[by].call("PUT", f"/api/v1/bulletins/issues/{i['id']}", {
        "date": "2020-05-01", "sections": [{"kind": "text", "title": "矩阵", "body": "正文。"}]})
    assert status == 200, i
    return i["id"]


def submitted_issue(series="ccea-epidemic", by="editor"):
    iid = new_issue(series, by)
    status, r, _ = clients[by].call("POST", f"/api/v1/bulletins/issues/{iid}/submit")
    assert status == 200, r
    return iid


def published_issue(series="ccea-epidemic", editor="editor", approver="approver",
                    distribution=None):
    iid = new_issue(series, editor)
    if distribution is not None:
        status, i, _ = clients[editor].call("PUT", f"/api/v1/bulletins/issues/{iid}", {
            "date": "2020-05-01", "distribution": distribution,
            "sections": [{"kind": "text", "title": "矩阵", "body": "正文。"}]})
        assert status == 200, i
    for who, action in ((editor, "submit"), (approver, "approve"), (editor, "publish")):
        status, r, _ = clients[who].call("POST", f"/api/v1/bulletins/issues/{iid}/{action}")
        assert status == 200, r
    return iid


def new_correction(w, who):
    status, c, _ = clients["editor"].call("POST", "/api/v1/epidemic/corrections", {
        "date": w["day"], "region": w["region"], "field": "cum_confirmed", "delta": 1,
        "reason": f"矩阵{next(counter)}", "source": "测试"})
    assert status == 201, c
    return f"/api/v1/epidemic/corrections/{c['id']}"


def new_note(w, who):
    status, n, _ = clients["editor"].call("POST", "/api/v1/epidemic/notes", {
        "regions": [w["region"]], "rule": "daily_jump", "reason": f"矩阵{next(counter)}",
        "reference": "测试"})
    assert status == 201, n
    return f"/api/v1/epidemic/notes/{n['id']}"


def own_notification(w, who):
    if who == "anonymous":
        return "/api/v1/notifications/1/read"
    status, page, _ = clients[who].call("GET", "/api/v1/notifications")
    items = page["items"] if status == 200 else []
    return f"/api/v1/notifications/{items[0]['id'] if items else 999999}/read"


def png_1x1():
    """Returns a valid 1×1 PNG (an attachment the complaint desk accepts)."""
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def new_complaint(w, who):
    """Files a fresh Hubei China Mobile case by phone (as the Hubei desk); returns its id."""
    status, c, _ = clients["hubei-desk"].call("POST", "/api/v1/complaints", {
        "kind": "complaint", "category": "billing", "operator": "cmcc", "name": "矩阵",
        "phone": "13800001111", "description": f"矩阵申诉{next(counter)}",
        "operator_contacted_on": "2026-01-05", "operator_answer": "未处理"})
    assert status == 201, c
    return c["id"]


def calendar_day_to_delete(w, who):
    """Creates a calendar entry (as the national admin) and returns its path."""
    day = f"2031-01-{10 + next(counter) % 15:02d}"
    status, d, _ = clients["admin"].call("PUT", f"{C}/calendar/{day}", {"kind": "holiday"})
    assert status == 200, d
    return f"{C}/calendar/{day}"


# ---- the table: every route of the router ----

P = "/api/v1/submissions"
B = "/api/v1/bulletins"
C = "/api/v1/complaints"
DESK = {"hubei-desk"}
CASE_READERS = {"hubei-desk", "liaison", "admin"}
E = "/api/v1/epidemic"
EDITOR_ONLY = {"editor"}
ADMINS = {"admin", "hubei-admin"}
REPORTERS = {"hubei-reporter", "hebei-reporter"}


def org_cases(name, path_of, body_of, expect_by_org, **kw):
    """Cases of one route on Hubei's and on Hebei's resource; `path_of(org)` and
    `body_of(org)` (or a plain body) give what Case takes."""
    return [Case(f"{name} ({org})", path_of(org), expect_by_org[org],
                 body=body_of(org) if callable(body_of) else body_of, **kw)
            for org in ("hubei", "hebei")]


def piece_view(ok=200):
    """Who sees a submitted piece of each organisation: its reporters and the
    target association's editors (ccea); everybody else gets 404."""
    return {"hubei": expect(ok, {"hubei-reporter", "editor"}, denied=404),
            "hebei": expect(ok, {"hebei-reporter", "editor"}, denied=404)}


ROUTES = {
    # orgs: sessions, users, organisations, audit
    "POST /api/v1/session": [
        Case("wrong password", "/api/v1/session", expect(401, "all", anonymous=401),
             body=lambda w, who: {"login": f"nobody-{who}", "password": "wrong-password"}),
    ],
    "DELETE /api/v1/session": [
        Case("sign out (a second session)", "/api/v1/session", expect(204, "all"),
             headers="second-session"),
    ],
    "GET /api/v1/me": [Case("me", "/api/v1/me", expect(200, "all"))],
    "GET /api/v1/workbench/todos": [Case("to-dos", "/api/v1/workbench/todos", expect(200, "all"))],
    "PUT /api/v1/me/password": [
        Case("wrong old password", "/api/v1/me/password", expect(400, "all"),
             body={"old_password": "wrong-one", "new_password": "Whatever-12"}),
    ],
    "PUT /api/v1/me/email": [Case("own e-mail", "/api/v1/me/email", expect(200, "all"),
                                  body={"email": ""})],
    "POST /api/v1/presence": [Case("heartbeat", "/api/v1/presence", expect(200, "all"),
                                   body={"record": "bulletin_issue:1"})],
    "POST /api/v1/presence/leave": [Case("leave", "/api/v1/presence/leave", expect(204, "all"),
                                         body={"record": "bulletin_issue:1"})],
    "GET /api/v1/orgs": [Case("orgs", "/api/v1/orgs", expect(200, "all"))],
    "POST /api/v1/orgs": org_cases(
        "create org under", lambda o: "/api/v1/orgs",
        lambda o: (lambda w, who: {"code": f"m{next(counter)}-{o}", "name": "单位", "kind": "member",
                                   "parent": o}),
        {"hubei": expect(201, ADMINS), "hebei": expect(201, {"admin"})}),
    "PATCH /api/v1/orgs/:code": org_cases(
        "patch org", lambda o: f"/api/v1/orgs/{o}", {"short_name": None},
        {"hubei": expect(200, ADMINS), "hebei": expect(200, {"admin"})}),
    "GET /api/v1/users": org_cases(
        "list users of", lambda o: f"/api/v1/users?org={o}", None,
        {"hubei": expect(200, ADMINS), "hebei": expect(200, {"admin"})}),
    "POST /api/v1/users": org_cases(
        "create user in", lambda o: "/api/v1/users",
        lambda o: (lambda w, who: {"login": f"u{next(counter)}", "password": "Matrix-pass1",
                                   "org": o, "roles": ["member"], "name": "新"}),
        {"hubei": expect(201, ADMINS), "hebei": expect(201, {"admin"})}),
    "PATCH /api/v1/users/:id": org_cases(
        "patch user in", lambda o: "/api/v1/users/{user_" + o + "}", {"name": "目标"},
        {"hubei": expect(200, ADMINS), "hebei": expect(200, {"admin"})}),
    "POST /api/v1/users/:id/password": org_cases(
        "reset password in", lambda o: "/api/v1/users/{user_" + o + "}/password",
        {"password": "Target-pass1"},
        {"hubei": expect(204, ADMINS), "hebei": expect(204, {"admin"})}),
    "GET /api/v1/audit": [Case("audit", "/api/v1/audit", expect(200, ADMINS))],

    # notifications
    "GET /api/v1/notifications": [Case("list", "/api/v1/notifications", expect(200, "all"))],
    "GET /api/v1/notifications/unread-count": [
        Case("unread", "/api/v1/notifications/unread-count", expect(200, "all"))],
    "POST /api/v1/notifications/read-all": [
        Case("read all", "/api/v1/notifications/read-all", expect(204, "all"))],
    "POST /api/v1/notifications/:id/read": [
        Case("another user's", "/api/v1/notifications/{notification_editor}/read",
             expect(404, "all", editor=204)),
    ],

    # submissions: pieces
    "GET /api/v1/submissions/workflow": [Case("workflow", f"{P}/workflow", expect(200, "all"))],
    "GET /api/v1/submissions/targets": [Case("targets", f"{P}/targets", expect(200, "all"))],
    "GET /api/v1/submissions": [Case("list", P, expect(200, "all"))],
    "POST /api/v1/submissions": [
        Case("create", P, expect(201, REPORTERS), body={"title": "新稿件", "body": "正文。"})],
    "POST /api/v1/submissions/preview": [
        Case("preview", f"{P}/preview", expect(200, "all"), body={"body": "**正文**"})],
    "POST /api/v1/submissions/bulk": [
        # Each piece is checked on its own: the answer is 200 with per-piece results.
        Case("bulk return", f"{P}/bulk", expect(200, "all"),
             body=lambda w, who: {"ids": [new_piece("hubei")], "action": "return",
                                  "reason": "矩阵"}),
    ],
    "GET /api/v1/submissions/:id": org_cases(
        "get piece", lambda o: P + "/{piece_" + o + "}", None, piece_view()),
    "PATCH /api/v1/submissions/:id": org_cases(
        "edit a draft", lambda o: (lambda w, who: f"{P}/{new_piece(o, submit=False)}"),
        {"title": "改题"},
        {"hubei": expect(200, {"hubei-reporter"}, denied=404),
         "hebei": expect(200, {"hebei-reporter"}, denied=404)}),
    "POST /api/v1/submissions/:id/actions": org_cases(
        "return a submitted piece",
        lambda o: (lambda w, who: f"{P}/{new_piece(o)}/actions"),
        {"action": "return", "reason": "请补充"},
        {"hubei": expect(200, {"editor"}, denied=404, hubei_reporter=403),
         "hebei": expect(200, {"editor"}, denied=404, hebei_reporter=403)}),
    "GET /api/v1/submissions/:id/versions": org_cases(
        "versions", lambda o: P + "/{piece_" + o + "}/versions", None, piece_view()),
    "GET /api/v1/submissions/:id/versions/:n": org_cases(
        "version 1", lambda o: P + "/{piece_" + o + "}/versions/1", None, piece_view()),
    "GET /api/v1/submissions/:id/diff": org_cases(
        "diff", lambda o: P + "/{piece_" + o + "}/diff?from=1&to=1", None, piece_view()),
    "GET /api/v1/submissions/:id/comments": org_cases(
        "comments", lambda o: P + "/{piece_" + o + "}/comments", None, piece_view()),
    "POST /api/v1/submissions/:id/comments": org_cases(
        "comment", lambda o: P + "/{piece_" + o + "}/comments", {"body": "意见"}, piece_view(201)),
    "POST /api/v1/submissions/:id/attachments": org_cases(
        "attach to a draft",
        lambda o: (lambda w, who: f"{P}/{new_piece(o, submit=False)}/attachments?name=b.txt"),
        None,
        {"hubei": expect(201, {"hubei-reporter"}, denied=404),
         "hebei": expect(201, {"hebei-reporter"}, denied=404)},
        raw=b"text"),
    "GET /api/v1/submissions/:id/attachments/:aid": org_cases(
        "attachment", lambda o: P + "/{piece_" + o + "}/attachments/{attachment_" + o + "}", None,
        piece_view()),
    "DELETE /api/v1/submissions/:id/attachments/:aid": org_cases(
        "detach from a draft",
        lambda o: (lambda w, who: "{}/{}/attachments/{}".format(P, *new_attachment(o))),
        None,
        {"hubei": expect(204, {"hubei-reporter"}, denied=404),
         "hebei": expect(204, {"hebei-reporter"}, denied=404)}),
    "POST /api/v1/submissions/import": [
        Case("import text", f"{P}/import?format=txt", expect(201, REPORTERS),
             raw="标题\n正文。".encode())],
    "POST /api/v1/submissions/convert": [
        Case("convert text", f"{P}/convert?format=txt", expect(200, "all"),
             raw="标题\n正文。".encode())],

    # submissions: commissions
    "GET /api/v1/commissions": [Case("list", "/api/v1/commissions", expect(200, "all"))],
    "POST /api/v1/commissions": [
        Case("commission", "/api/v1/commissions", expect(201, EDITOR_ONLY),
             body={"topic": "约稿", "org": "hubei", "deadline": "2030-12-31"})],
    "GET /api/v1/commissions/:id": org_cases(
        "commission to", lambda o: "/api/v1/commissions/{commission_" + o + "}", None,
        {"hubei": expect(200, {"editor", "hubei-reporter"}, denied=404),
         "hebei": expect(200, {"editor", "hebei-reporter"}, denied=404)}),
    "POST /api/v1/commissions/:id/close": org_cases(
        "close commission to",
        lambda o: (lambda w, who: f"/api/v1/commissions/{new_commission(o)}/close"), None,
        {"hubei": expect(200, EDITOR_ONLY, denied=404, hubei_reporter=403),
         "hebei": expect(200, EDITOR_ONLY, denied=404, hebei_reporter=403)}),

    # submissions: statistics (staff of the target and reporters below it)
    "GET /api/v1/submissions/stats": [
        Case("national", f"{P}/stats?target=ccea",
             expect(200, {"admin", "editor", "approver"} | REPORTERS)),
        Case("hubei", f"{P}/stats?target=hubei", expect(200, {"hubei-admin"})),
    ],
    "GET /api/v1/submissions/stats/pieces": [
        Case("national, hubei's row", f"{P}/stats/pieces?target=ccea&org=hubei&kind=submitted",
             expect(200, {"admin", "editor", "approver", "hubei-reporter"})),
        Case("hubei, a member unit's row",
             f"{P}/stats/pieces?target=hubei&org=hubei-xinke&kind=submitted",
             expect(200, {"hubei-admin"})),
    ],
    "GET /api/v1/submissions/stats/export": [
        Case("national", f"{P}/stats/export?target=ccea&format=csv",
             expect(200, {"admin", "editor", "approver"} | REPORTERS)),
        Case("hubei", f"{P}/stats/export?target=hubei&format=csv", expect(200, {"hubei-admin"})),
    ],

    # bulletins: series and issues
    "GET /api/v1/bulletins/series": [Case("series", f"{B}/series", expect(200, "all"))],
    "POST /api/v1/bulletins/series": [
        Case("a series of hubei", f"{B}/series", expect(201, {"hubei-admin", "admin"}),
             body=lambda w, who: {"code": f"s{next(counter)}", "title": "湖北专报",
                                  "owner": "hubei"}),
    ],
    "GET /api/v1/bulletins/issues": [Case("list", f"{B}/issues", expect(200, "all"))],
    "POST /api/v1/bulletins/issues": [
        Case("ccea issue", f"{B}/issues", expect(201, EDITOR_ONLY),
             body={"series": "ccea-epidemic", "date": "2020-06-01"}),
    ],
    "GET /api/v1/bulletins/issues/:id": [
        Case("a draft", B + "/issues/{issue_draft}",
             expect(200, {"admin", "editor", "approver"}, denied=404, anonymous=401)),
        Case("published, private, to hubei-ctc", B + "/issues/{issue_private}",
             expect(200, {"admin", "editor", "approver", "member"}, anonymous=401)),
        Case("published, public", B + "/issues/{issue_public}", expect(200, "all", anonymous=200)),
    ],
    "PUT /api/v1/bulletins/issues/:id": [
        Case("edit a draft", B + "/issues/{issue_draft}", expect(200, EDITOR_ONLY, denied=403,
                                                                  hubei_admin=404,
                                                                  hubei_reporter=404,
                                                                  hubei_desk=404, member=404,
                                                                  liaison=404, hebei_reporter=404),
             body={"date": "2020-05-01",
                   "sections": [{"kind": "text", "title": "矩阵", "body": "正文。"}]}),
    ],
    "POST /api/v1/bulletins/issues/:id/approve": [
        # The role is checked before the issue is looked up: outsiders get 403, not 404.
        Case("approve a submitted issue", lambda w, who: f"{B}/issues/{submitted_issue()}/approve",
             expect(200, {"approver"})),
        # 签发 only from pending_approval: a draft that was not submitted is refused.
        Case("approve a draft (not submitted)", B + "/issues/{issue_draft}/approve",
             expect(409, {"approver"})),
    ],
    "POST /api/v1/bulletins/issues/:id/submit": [
        Case("submit a draft", lambda w, who: f"{B}/issues/{new_issue()}/submit",
             expect(200, EDITOR_ONLY)),
    ],
    "POST /api/v1/bulletins/issues/:id/return": [
        Case("return a submitted issue", lambda w, who: f"{B}/issues/{submitted_issue()}/return",
             expect(200, {"approver"}), body={"comment": "请修改"}),
    ],
    "GET /api/v1/bulletins/issues/:id/comments": [
        # Editors and approvers of the owning organisation only.
        Case("thread of a draft", B + "/issues/{issue_draft}/comments",
             expect(200, set(EDITOR_ONLY) | {"approver"})),
    ],
    "POST /api/v1/bulletins/issues/:id/comments": [
        Case("comment on a draft", B + "/issues/{issue_draft}/comments",
             expect(201, set(EDITOR_ONLY) | {"approver"}), body={"comment": "矩阵意见"}),
    ],
    "DELETE /api/v1/bulletins/issues/:id": [
        Case("discard a draft", lambda w, who: f"{B}/issues/{new_issue()}",
             expect(204, EDITOR_ONLY)),
    ],
    "POST /api/v1/bulletins/issues/:id/publish": [
        Case("publish a draft (not approved)", B + "/issues/{issue_draft}/publish",
             expect(409, EDITOR_ONLY)),
    ],
    "POST /api/v1/bulletins/issues/:id/reopen": [
        # Editors and approvers of the owner; a draft is not approved, so 409 for them.
        Case("reopen a draft (not approved)", B + "/issues/{issue_draft}/reopen",
             expect(409, set(EDITOR_ONLY) | {"approver"}), body={"reason": "退回"}),
    ],
    "POST /api/v1/bulletins/issues/:id/corrections": [
        Case("correct a draft", B + "/issues/{issue_draft}/corrections",
             expect(409, EDITOR_ONLY), body={"note": "更正"}),
    ],
    "POST /api/v1/bulletins/issues/:id/preview": [
        # Editors and approvers of the owning organisation only (docs/bulletins.md):
        # approvers read the pages before they sign.
        Case("preview a draft", B + "/issues/{issue_draft}/preview?dpi=24",
             expect(200, set(EDITOR_ONLY) | {"approver"}, denied=403, hubei_admin=404, hubei_reporter=404,
                    hubei_desk=404, member=404, liaison=404, hebei_reporter=404)),
        # Only its editors (hubei-editor, not a demo role); staff without the role get 403.
        Case("preview hubei's draft", B + "/issues/{issue_hubei_draft}/preview?dpi=24",
             expect(200, set(), denied=404, admin=403, hubei_admin=403, hubei_reporter=403,
                    hubei_desk=403)),
    ],
    "GET /api/v1/bulletins/issues/:id/files/:format": [
        Case("private pdf", B + "/issues/{issue_private}/files/pdf",
             expect(200, {"admin", "editor", "approver", "member"}, anonymous=401)),
        Case("public pdf", B + "/issues/{issue_public}/files/pdf",
             expect(200, "all", anonymous=200)),
    ],
    "GET /api/v1/bulletins/issues/:id/receipts": [
        Case("receipts", B + "/issues/{issue_private}/receipts",
             expect(200, {"admin", "editor", "approver"})),
    ],
    "GET /api/v1/bulletins/issues/:id/receipts.xlsx": [
        Case("receipts .xlsx", B + "/issues/{issue_private}/receipts.xlsx",
             expect(200, {"admin", "editor", "approver"})),
    ],
    "GET /api/v1/bulletins/issues/:id/distribution-sheet": [
        Case("分发签收单", B + "/issues/{issue_private}/distribution-sheet",
             expect(200, {"admin", "editor", "approver"})),
    ],
    # A fresh published issue for the editor (a reminder is allowed once an hour).
    "POST /api/v1/bulletins/issues/:id/remind": [
        Case("催办", lambda w, who: B + "/issues/" + str(
            published_issue(distribution=[{"label": "发", "to": ["hubei-ctc"]}])
            if who == "editor" else w["issue_private"]) + "/remind",
             expect(200, EDITOR_ONLY), body={}),
    ],
    "POST /api/v1/bulletins/issues/:id/mail/retry": [
        Case("retry mail", B + "/issues/{issue_private}/mail/retry", expect(200, EDITOR_ONLY)),
    ],
    "GET /api/v1/bulletins/sources/pieces": [
        Case("adopted pieces", f"{B}/sources/pieces", expect(200, EDITOR_ONLY))],
    "GET /api/v1/bulletins/sources/pieces/:id": [
        Case("an adopted piece", B + "/sources/pieces/{piece_adopted}", expect(200, EDITOR_ONLY))],
    "GET /api/v1/bulletins/sources/epidemic": [
        Case("epidemic section", B + "/sources/epidemic?date={day}", expect(200, EDITOR_ONLY))],
    "GET /api/v1/bulletins/sources/summaries": [
        Case("summary kinds", f"{B}/sources/summaries", expect(200, EDITOR_ONLY))],
    "GET /api/v1/bulletins/sources/summaries/:key": [
        Case("summary section", f"{B}/sources/summaries/submissions?from=2026-01-01&to=2026-12-31",
             expect(200, EDITOR_ONLY))],
    "GET /api/v1/bulletins/sources/complaints": [
        Case("complaint-desk section", f"{B}/sources/complaints?region=420000",
             expect(200, EDITOR_ONLY))],
    "POST /api/v1/bulletins/import": [
        Case("legacy text (not a bulletin)", f"{B}/import", expect(400, EDITOR_ONLY),
             body={"series": "ccea-epidemic", "text": "不是简报"}),
    ],
    # bulletins: the government recipients an association allows (its admins and the national admin)
    "GET /api/v1/bulletins/government-recipients": org_cases(
        "government recipients of", lambda o: f"{B}/government-recipients?association={o}", None,
        {"hubei": expect(200, ADMINS), "hebei": expect(200, {"admin"})}),
    "PUT /api/v1/bulletins/government-recipients": org_cases(
        "set government recipients of", lambda o: f"{B}/government-recipients",
        lambda o: {"association": o, "orgs": ["hubei-ca"] if o == "hubei" else []},
        {"hubei": expect(200, ADMINS), "hebei": expect(200, {"admin"})}),
    "GET /api/v1/inbox": [Case("inbox", "/api/v1/inbox", expect(200, "all"))],
    # search: every signed-in user searches; what they find is their own (test_search.py)
    "GET /api/v1/search": [
        Case("search", "/api/v1/search?q=%E7%BD%91%E7%BB%9C", expect(200, "all")),
        Case("search pieces of hebei", "/api/v1/search?q=%E7%BD%91&kind=piece&org=hebei",
             expect(200, "all")),
    ],
    "POST /api/v1/inbox/:id/read": [
        Case("read", "/api/v1/inbox/{issue_private}/read", expect(204, {"member"}, denied=404))],
    "POST /api/v1/inbox/:id/ack": [
        Case("acknowledge", "/api/v1/inbox/{issue_private}/ack", expect(204, {"member"},
                                                                        denied=404))],
    "GET /public/bulletins/:series": [
        Case("public series", "/public/bulletins/hubei-daily", expect(200, "all", anonymous=200)),
        Case("private series", "/public/bulletins/ccea-epidemic",
             expect(404, "all", anonymous=404)),
    ],
    "GET /public/bulletins/:series/feed.atom": [
        Case("public feed", "/public/bulletins/hubei-daily/feed.atom",
             expect(200, "all", anonymous=200)),
    ],

    # complaints: the public form is open; cases are for the desk of their province, the
    # liaison of their operator (once forwarded) and the national admin.
    "GET /api/v1/public/complaint-form": [
        Case("form", "/api/v1/public/complaint-form", expect(200, "all", anonymous=200))],
    "POST /api/v1/public/complaints": [
        Case("without a proof of work", "/api/v1/public/complaints",
             expect(400, "all", anonymous=400),
             body={"kind": "consultation", "category": "other", "operator": "cmcc",
                   "region": "420000", "name": "矩阵", "phone": "13800001111",
                   "description": "矩阵"})],
    "GET /api/v1/public/complaints/:number": [
        Case("by number and phone", "/api/v1/public/complaints/{complaint_number}?phone="
             "{complaint_phone}", expect(200, "all", anonymous=200)),
        Case("wrong phone", "/api/v1/public/complaints/{complaint_number}?phone=13800000000",
             expect(404, "all", anonymous=404))],
    f"GET {C}/workflow": [Case("workflow", f"{C}/workflow", expect(200, "all"))],
    f"GET {C}": [Case("list", C, expect(200, CASE_READERS))],
    f"POST {C}": [Case("phone intake", C, expect(201, DESK), body={
        "kind": "consultation", "category": "other", "operator": "cmcc", "name": "矩阵",
        "phone": "13800001111", "description": "矩阵咨询"})],
    f"GET {C}/:id": [Case("forwarded case", C + "/{complaint}", expect(200, CASE_READERS))],
    f"POST {C}/:id/actions": [
        Case("accept a new case", lambda w, who: f"{C}/{new_complaint(w, who)}/actions",
             expect(200, DESK, liaison=404), body={"action": "accept"})],
    f"POST {C}/:id/attachments": [
        Case("attach a PNG", C + "/{complaint}/attachments?name=a.png",
             expect(201, {"hubei-desk", "liaison"}), raw=png_1x1())],
    f"GET {C}/:id/attachments/:aid": [
        Case("attachment", C + "/{complaint}/attachments/{complaint_attachment}",
             expect(200, CASE_READERS))],
    f"GET {C}/stats": [Case("stats", f"{C}/stats", expect(200, {"hubei-desk", "admin"}))],
    f"GET {C}/stats/export": [
        Case("export", f"{C}/stats/export", expect(200, {"hubei-desk", "admin"}))],
    f"GET {C}/calendar": [Case("calendar", f"{C}/calendar?year=2026", expect(200, CASE_READERS))],
    f"PUT {C}/calendar/:date": [
        Case("set a day", f"{C}/calendar/2031-02-03", expect(200, {"admin"}),
             body={"kind": "holiday", "name": "矩阵"})],
    f"DELETE {C}/calendar/:date": [
        Case("delete a day", calendar_day_to_delete, expect(204, {"admin"}))],
    f"GET {C}/org-settings": [Case("settings", f"{C}/org-settings", expect(200, {"admin"}))],
    f"PUT {C}/org-settings/:code": [
        Case("region of Hubei", f"{C}/org-settings/hubei", expect(200, {"admin"}),
             body={"region": "420000"})],

    # epidemic: reading is open to every signed-in user, changing to the data desk (editor)
    f"GET {E}/regions": [Case("regions", f"{E}/regions", expect(200, "all"))],
    f"GET {E}/fields": [Case("fields", f"{E}/fields", expect(200, "all"))],
    f"GET {E}/dates": [Case("dates", f"{E}/dates", expect(200, "all"))],
    f"GET {E}/days/:date": [Case("day", E + "/days/{day}", expect(200, "all"))],
    f"GET {E}/days/:date/figures": [Case("figures", E + "/days/{day}/figures", expect(200, "all"))],
    f"PUT {E}/days/:date/figures/:region": [
        Case("the same figures again", E + "/days/{day}/figures/{region}",
             expect(200, EDITOR_ONLY), body=lambda w, who: w["region_figures"]),
    ],
    f"POST {E}/import": [
        Case("empty import", f"{E}/import", expect(400, EDITOR_ONLY),
             body={"content": "", "source": "矩阵"}),
    ],
    f"GET {E}/corrections": [Case("corrections", f"{E}/corrections", expect(200, "all"))],
    f"POST {E}/corrections": [
        Case("a zero correction", f"{E}/corrections", expect(201, EDITOR_ONLY),
             body=lambda w, who: {"date": w["day"], "region": w["region"],
                                  "field": "cum_confirmed", "delta": 1,
                                  "reason": f"矩阵{next(counter)}", "source": "测试"}),
    ],
    f"POST {E}/corrections/known": [
        Case("known corrections", f"{E}/corrections/known", expect(200, EDITOR_ONLY))],
    f"GET {E}/notes": [Case("source notes", f"{E}/notes", expect(200, "all"))],
    f"POST {E}/notes": [
        Case("a source note", f"{E}/notes", expect(201, EDITOR_ONLY),
             body=lambda w, who: {"regions": [w["region"]], "rule": "daily_jump",
                                  "from": w["day"], "to": w["day"],
                                  "reason": f"矩阵{next(counter)}", "reference": "测试"}),
    ],
    f"POST {E}/notes/known": [
        Case("known notes", f"{E}/notes/known", expect(200, EDITOR_ONLY))],
    f"DELETE {E}/notes/:id": [Case("delete a source note", new_note, expect(204, EDITOR_ONLY))],
    # follow-ups: the list and a follow-up are read by everyone signed in; marking,
    # actions and the assignee list are the data desk's (editor)
    f"GET {E}/followups": [Case("follow-ups", f"{E}/followups?status=open", expect(200, "all"))],
    f"POST {E}/followups": [
        Case("mark a finding that is not there", f"{E}/followups", expect(400, EDITOR_ONLY),
             body={"date": "2019-06-04", "region": "110000", "rule": "daily_jump",
                   "field": "cum_deaths"}),
    ],
    f"GET {E}/followups/assignees": [
        Case("assignees", f"{E}/followups/assignees", expect(200, EDITOR_ONLY))],
    f"GET {E}/followups/:id": [Case("a follow-up", E + "/followups/{followup}", expect(200, "all"))],
    f"POST {E}/followups/:id/actions": [
        Case("comment", E + "/followups/{followup}/actions", expect(200, EDITOR_ONLY),
             body={"action": "comment", "text": "矩阵"}),
    ],
    f"DELETE {E}/corrections/:id": [
        Case("delete a correction", new_correction, expect(204, EDITOR_ONLY))],
    f"GET {E}/validation": [Case("validation", E + "/validation?date={day}", expect(200, "all"))],
    f"GET {E}/series": [Case("series", f"{E}/series", expect(200, "all"))],
    f"GET {E}/hubei-vs-rest": [Case("hubei vs rest", f"{E}/hubei-vs-rest", expect(200, "all"))],
    f"GET {E}/current-by-province": [
        Case("current", E + "/current-by-province?date={day}", expect(200, "all"))],
    f"GET {E}/narrative": [Case("narrative", E + "/narrative?date={day}", expect(200, "all"))],
    f"POST {E}/narrative": [
        Case("narrative from a template", f"{E}/narrative", expect(200, "all"),
             body=lambda w, who: {"date": w["day"], "template": "{{date_cn}}"}),
    ],
    f"GET {E}/templates/:name": [
        Case("default template", f"{E}/templates/default", expect(200, "all"))],
    f"GET {E}/chart.png": [Case("chart", E + "/chart.png?date={day}", expect(200, "all"))],
}


# members (复工复产): association staff over Hubei (the national admin, the
# secretariat's editor acting for the national association, Hubei's admin);
# member units report for themselves and read their own.
RS = "/api/v1/resumption"
SU = "/api/v1/supplies"
ASSOC = {"admin", "editor", "hubei-admin"}
ASSOC_OR_MEMBER = ASSOC | {"member"}


def report_body(w, who):
    n = next(counter)
    return {"date": f"2019-{n % 12 + 1:02d}-{n % 28 + 1:02d}", "status": "partial",
            "staff_back_pct": 50, "capacity_pct": 40}


def import_csv(org):
    code = "91420100MA4K0009X" if org == "hubei" else "91130100MA4K0009X"
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(c) * w for c, w in zip(code[:17], weights))
    code = code[:17] + alphabet[(31 - total % 31) % 31]
    return f"单位名称,统一社会信用代码\n矩阵导入公司,{code}\n".encode()


ROUTES.update({
    f"POST {RS}/reports": [Case("own report", f"{RS}/reports", expect(201, {"member"}),
                                body=report_body)],
    f"GET {RS}/reports": [Case("reports", f"{RS}/reports", expect(200, ASSOC_OR_MEMBER))],
    f"GET {RS}/schedules": [Case("schedules", f"{RS}/schedules", expect(200, "all"))],
    f"POST {RS}/schedules": [
        Case("daily schedule for hubei-ctc", f"{RS}/schedules", expect(201, ASSOC),
             body={"name": "矩阵", "kind": "daily", "start": "2020-03-01", "units": ["hubei-ctc"]})],
    f"GET {RS}/schedules/:id": [
        Case("the demo schedule", RS + "/schedules/{schedule}",
             expect(200, ASSOC_OR_MEMBER, denied=404))],
    f"POST {RS}/schedules/:id/units": [
        Case("add a unit", RS + "/schedules/{schedule}/units",
             expect(200, ASSOC, denied=404, member=403), body={"units": ["hubei-xinke"]})],
    f"GET {RS}/rate": [
        Case("rate", RS + "/rate?schedule={schedule}&period=2020-03-19",
             expect(200, ASSOC, denied=404, member=403))],
    f"GET {RS}/dashboard": [
        Case("dashboard", RS + "/dashboard?schedule={schedule}&period=2020-03-19",
             expect(200, ASSOC, denied=404, member=403))],
    f"GET {RS}/export": [
        Case("dashboard .xlsx", RS + "/export?schedule={schedule}&period=2020-03-19",
             expect(200, ASSOC, denied=404, member=403))],
    f"GET {RS}/followups": [Case("follow-ups", f"{RS}/followups", expect(200, ASSOC_OR_MEMBER))],
    f"GET {RS}/followups/:id": [
        Case("a need of hubei-ctc", RS + "/followups/{need}",
             expect(200, ASSOC_OR_MEMBER, denied=404))],
    f"POST {RS}/followups/:id/actions": [
        Case("comment on a need", RS + "/followups/{need}/actions",
             expect(200, ASSOC, denied=404, member=403), body={"action": "comment", "note": "矩阵"})],
    f"POST {SU}/transactions": [
        Case("a donation to hubei", f"{SU}/transactions", expect(201, ASSOC),
             body={"item": "masks", "quantity": 1, "from": "矩阵捐赠方", "to": "hubei",
                   "date": "2020-03-01"})],
    f"GET {SU}/transactions": [Case("ledger", f"{SU}/transactions", expect(200, ASSOC_OR_MEMBER))],
    f"GET {SU}/balances": [Case("balances", f"{SU}/balances", expect(200, ASSOC_OR_MEMBER))],
    f"GET {SU}/items": [Case("items", f"{SU}/items", expect(200, "all"))],
    f"GET {SU}/summary": [Case("summary", f"{SU}/summary?year=2020", expect(200, ASSOC_OR_MEMBER))],
    f"GET {SU}/export": [Case("ledger .xlsx", f"{SU}/export?year=2020", expect(200, ASSOC_OR_MEMBER))],
    "GET /api/v1/members": [Case("member units", "/api/v1/members", expect(200, ASSOC))],
    "POST /api/v1/members/import": org_cases(
        "import preview under", lambda o: f"/api/v1/members/import?parent={o}&format=csv&dry_run=1",
        None, {"hubei": expect(200, ADMINS), "hebei": expect(200, {"admin"})},
        raw=None),
})
for case, org in zip(ROUTES["POST /api/v1/members/import"], ("hubei", "hebei")):
    case.raw = import_csv(org)


# notices (通知): written and sent by association staff for their association
# (Hubei's here: the national admin and editor are another association: 404);
# read and acknowledged by the users of the recipient units (member, liaison).
NO = "/api/v1/notices"
NOTICE_READERS = {"hubei-admin", "member", "liaison"}


def new_notice(send=False):
    status, n, _ = clients["hubei-admin"].call("POST", NO, {
        "title": f"矩阵通知{next(counter)}", "kind": "notice", "body": "各单位：\n\n正文。",
        "recipients": ["hubei-ctc", "hubei-cmcc"]})
    assert status == 201, n
    if send:
        status, n, _ = clients["hubei-admin"].call("POST", f"{NO}/{n['id']}/send")
        assert status == 200, n
    return n["id"]


def new_group():
    status, g, _ = clients["hubei-admin"].call("POST", f"{NO}/groups", {
        "name": f"矩阵分组{next(counter)}", "orgs": ["hubei-ctc"]})
    assert status == 201, g
    return g["id"]


def notice_body(w, who):
    return {"title": f"矩阵通知{next(counter)}", "kind": "sympathy", "body": "正文。", "recipients": []}


OTHER_ASSOC = {"admin": 404, "editor": 404}
ROUTES.update({
    f"GET {NO}/groups": [Case("groups", f"{NO}/groups", expect(200, ASSOC))],
    f"POST {NO}/groups": [
        Case("a group", f"{NO}/groups", expect(201, ASSOC),
             body=lambda w, who: {"name": f"矩阵分组{next(counter)}", "orgs": ["hubei-ctc"]})],
    f"DELETE {NO}/groups/:id": [
        Case("hubei's group", lambda w, who: f"{NO}/groups/{new_group() if who == 'hubei-admin' else w['notice_group']}",
             expect(204, {"hubei-admin"}, **OTHER_ASSOC))],
    f"POST {NO}": [Case("a draft", NO, expect(201, ASSOC), body=notice_body)],
    f"GET {NO}": [Case("notices", NO, expect(200, "all"))],
    f"GET {NO}/:id": [
        Case("hubei's notice", NO + "/{notice}", expect(200, NOTICE_READERS, denied=404))],
    f"PUT {NO}/:id": [
        Case("hubei's draft", NO + "/{notice_draft}", expect(200, {"hubei-admin"}, **OTHER_ASSOC),
             body=notice_body)],
    f"POST {NO}/:id/send": [
        Case("send", lambda w, who: f"{NO}/{new_notice() if who == 'hubei-admin' else w['notice_draft']}/send",
             expect(200, {"hubei-admin"}, **OTHER_ASSOC))],
    f"POST {NO}/:id/acknowledge": [
        Case("签收", NO + "/{notice}/acknowledge", expect(200, {"member", "liaison"}, denied=404))],
    f"GET {NO}/:id/receipts": [
        Case("receipts", NO + "/{notice}/receipts", expect(200, {"hubei-admin"}, **OTHER_ASSOC))],
    f"GET {NO}/:id/receipts.xlsx": [
        Case("receipts .xlsx", NO + "/{notice}/receipts.xlsx",
             expect(200, {"hubei-admin"}, **OTHER_ASSOC))],
    f"GET {NO}/:id/distribution-sheet": [
        Case("分发签收单", NO + "/{notice}/distribution-sheet",
             expect(200, {"hubei-admin"}, **OTHER_ASSOC))],
    f"POST {NO}/:id/remind": [
        Case("催办", lambda w, who: f"{NO}/{new_notice(send=True) if who == 'hubei-admin' else w['notice']}/remind",
             expect(200, {"hubei-admin"}, **OTHER_ASSOC), body={})],
    f"GET {NO}/:id/pdf": [
        Case("pdf", NO + "/{notice}/pdf", expect(200, NOTICE_READERS, denied=404))],
})


# policy library and training (members): association staff write, everyone
# signed in reads; member units' staff register; the organiser (Hubei's
# association, or the national one above it) marks attendance and reschedules.
PO = "/api/v1/policies"
TC = "/api/v1/training/courses"


def policy_body(w, who):
    return {"title": f"矩阵政策{next(counter)}", "issuer": "湖北省人民政府",
            "issued_on": "2020-02-10", "doc_number": "鄂政办发〔2020〕5号", "region": "420000"}


def course_body(w, who):
    return {"title": f"矩阵课程{next(counter)}", "format": "online", "start": "2020-04-01T09:00",
            "end": "2020-04-01T10:00", "capacity": 100}


def new_policy(w, who):
    status, p, _ = clients["hubei-admin"].call("POST", PO, policy_body(w, who))
    assert status == 201, p
    return f"{PO}/{p['id']}"


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def new_policy_file(w, who):
    path = new_policy(w, who)
    status, p, _ = clients["hubei-admin"].call("POST", path + "/attachment?name=a.pdf", raw=PDF)
    assert status == 200, p
    return path + "/attachment"


def new_course(w, who, register=False):
    status, c, _ = clients["hubei-admin"].call("POST", TC, course_body(w, who))
    assert status == 201, c
    if register:
        status, r, _ = clients["member"].call("POST", f"{TC}/{c['id']}/register")
        assert status == 200, r
    return f"{TC}/{c['id']}/register"


def extend_body(w, who):
    n = next(counter)
    return {"valid_until": f"{2030 + n // 300}-{n // 28 % 12 + 1:02d}-{n % 28 + 1:02d}",
            "reason": "矩阵"}


# group robots: an organisation's admins; another organisation's robot is 404.
RB = "/api/v1/robots"


def robot_body(w, who):
    return {"name": f"矩阵机器人{next(counter)}", "kind": "generic",
            "url": "https://robot.invalid/hook", "enabled": False}


def new_robot(w, who):
    status, r, _ = clients["hubei-admin"].call("POST", RB, robot_body(w, who))
    assert status == 201, r
    return f"{RB}/{r['id']}"


HUBEI_ADMIN_ONLY = expect(200, {"hubei-admin"}, admin=404)
ROUTES.update({
    f"GET {PO}": [Case("policies", PO, expect(200, "all"))],
    f"POST {PO}": [Case("a policy", PO, expect(201, ASSOC), body=policy_body)],
    f"GET {PO}/:id": [Case("hubei's policy", PO + "/{policy}", expect(200, "all"))],
    f"PUT {PO}/:id": [Case("hubei's policy", PO + "/{policy}", expect(200, ASSOC),
                           body=policy_body)],
    f"DELETE {PO}/:id": [Case("a new policy of hubei", new_policy, expect(204, ASSOC))],
    f"POST {PO}/:id/attachment": [
        Case("a file for hubei's policy", PO + "/{policy}/attachment?name=a.pdf", expect(200, ASSOC),
             raw=PDF)],
    f"GET {PO}/:id/attachment": [
        Case("the file of a policy", PO + "/{policy_file}/attachment", expect(200, "all"))],
    f"DELETE {PO}/:id/attachment": [
        Case("the file of a new policy", new_policy_file, expect(204, ASSOC))],
    f"POST {PO}/digest": [Case("digest", f"{PO}/digest", expect(200, ASSOC),
                               body=lambda w, who: {"policy_ids": [w["policy"]], "title": "矩阵"})],
    f"GET {TC}": [Case("courses", TC, expect(200, "all"))],
    f"POST {TC}": [Case("a course", TC, expect(201, ASSOC), body=course_body)],
    f"GET {TC}/:id": [Case("hubei's course", TC + "/{course}", expect(200, "all"))],
    f"PUT {TC}/:id": [Case("hubei's course", TC + "/{course}", expect(200, ASSOC),
                           body=course_body)],
    f"POST {TC}/:id/register": [Case("register for a new course", new_course,
                                     expect(200, {"member"}))],
    f"DELETE {TC}/:id/register": [
        Case("cancel the member's registration", lambda w, who: new_course(w, who, True),
             expect(200, {"member"}, denied=404))],
    f"GET {TC}/:id/registrations": [
        Case("registrations", TC + "/{course}/registrations", expect(200, ASSOC_OR_MEMBER))],
    f"POST {TC}/:id/attendance": [
        Case("attendance", TC + "/{course}/attendance", expect(200, ASSOC), body={"items": []})],
    f"POST {TC}/:id/postpone": [
        Case("postpone", TC + "/{course}/postpone", expect(200, ASSOC),
             body={"start": "2020-04-02T09:00", "end": "2020-04-02T10:00", "reason": "矩阵"})],
    f"POST {TC}/:id/extend": [
        Case("extend", TC + "/{course}/extend", expect(200, ASSOC), body=extend_body)],
    f"GET {RB}": [Case("robots", RB, expect(200, ADMINS))],
    f"POST {RB}": [Case("a disabled robot", RB, expect(201, ADMINS), body=robot_body)],
    f"PUT {RB}/:id": [Case("hubei's robot", RB + "/{robot}", HUBEI_ADMIN_ONLY, body=robot_body)],
    f"DELETE {RB}/:id": [Case("a new robot of hubei", new_robot,
                              expect(204, {"hubei-admin"}, admin=404))],
    f"POST {RB}/:id/test": [Case("test hubei's robot", RB + "/{robot}/test",
                                 expect(202, {"hubei-admin"}, admin=404))],
    f"GET {RB}/deliveries": [Case("deliveries", f"{RB}/deliveries", expect(200, ADMINS))],
})


# Cases the server still gets wrong, each with the defect it shows. The matrix
# checks that each still deviates (so the entry goes once the fix lands: an
# entry whose case passes fails the test) and reports it without failing.
KNOWN_DEFECTS = {}


# ---- the world ----

def setUpModule():
    global server
    # Every role files on the public form from one address: no rate limit in the matrix.
    server = harness.Server(extra_env={"JIANBAO_COMPLAINTS_PUBLIC_RATE_LIMIT": "100000"}).start()
    for login in SIGNED_IN:
        clients[login] = server.client(login)
    clients["anonymous"] = server.client()
    admin, hubei_admin = clients["admin"], clients["hubei-admin"]
    for org in ("hubei", "hebei"):
        status, u, _ = admin.call("POST", "/api/v1/users", {
            "login": f"target-{org}", "password": "Target-pass1", "org": org, "roles": ["member"],
            "name": "目标"})
        assert status == 201, u
        W[f"user_{org}"] = u["id"]
        W[f"piece_{org}"], W[f"attachment_{org}"] = new_attachment(org)
        reporter = {"hubei": "hubei-reporter", "hebei": "hebei-reporter"}[org]
        status, r, _ = clients[reporter].call("POST", f"{P}/{W[f'piece_{org}']}/actions",
                                              {"action": "submit"})
        assert status == 200, r
        W[f"commission_{org}"] = new_commission(org)
    for login, role in (("hubei-editor", "editor"), ("hubei-approver", "approver")):
        status, u, _ = hubei_admin.call("POST", "/api/v1/users", {
            "login": login, "password": "Hubei-staff1", "org": "hubei", "roles": [role],
            "name": login})
        assert status == 201, u
        clients[login] = server.client(login, "Hubei-staff1")
    adopted = new_piece("hubei")
    status, r, _ = clients["editor"].call("POST", f"{P}/{adopted}/actions", {"action": "adopt"})
    assert status == 200, r
    W["piece_adopted"] = adopted
    W["issue_draft"] = new_issue()
    W["issue_private"] = published_issue(distribution=[{"label": "发", "to": ["hubei-ctc"]}])
    W["issue_public"] = published_issue("hubei-daily", "hubei-editor", "hubei-approver")
    W["issue_hubei_draft"] = new_issue("hubei-daily", "hubei-editor")
    status, page, _ = clients["editor"].call("GET", "/api/v1/notifications")
    W["notification_editor"] = page["items"][0]["id"] if page.get("items") else 999999
    status, dates, _ = clients["editor"].call("GET", f"{E}/dates")
    assert status == 200 and dates["last"], dates
    W["day"] = dates["last"]
    status, figures, _ = clients["editor"].call("GET", f"{E}/days/{W['day']}/figures")
    assert status == 200, figures
    row = figures["items"][0]
    W["region"] = row["region"]
    W["region_figures"] = {k: v for k, v in row["figures"].items() if v is not None}
    desk = clients["hubei-desk"]
    status, page, _ = desk.call("GET", f"{C}?status=forwarded&operator=cmcc")
    assert status == 200 and page["items"], page
    W["complaint"] = page["items"][0]["id"]
    status, case, _ = desk.call("GET", f"{C}/{W['complaint']}")
    W["complaint_number"], W["complaint_phone"] = case["number"], case["phone"]
    status, a, _ = desk.call("POST", f"{C}/{W['complaint']}/attachments?name=a.png",
                             raw=png_1x1())
    assert status == 201, a
    W["complaint_attachment"] = a["id"]
    # A follow-up of a finding of its own (Beijing's deaths jump by 400 on 2019-06-05).
    jump = "date,region,cum_deaths\n" + "".join(
        f"2019-06-0{d},110000,{10 + d if d < 5 else 414}\n" for d in range(1, 6))
    status, r, _ = clients["editor"].call("POST", f"{E}/import", {"content": jump,
                                                                   "source": "矩阵"})
    assert status == 200, r
    status, f, _ = clients["editor"].call("POST", f"{E}/followups", {
        "date": "2019-06-05", "region": "110000", "rule": "daily_jump", "field": "cum_deaths"})
    assert status == 201, f
    W["followup"] = f["id"]
    status, page, _ = hubei_admin.call("GET", f"{RS}/schedules")
    assert status == 200 and page["items"], page
    W["schedule"] = page["items"][-1]["id"]
    status, page, _ = hubei_admin.call("GET", f"{RS}/followups?org=hubei-ctc")
    assert status == 200 and page["items"], page
    W["need"] = page["items"][0]["id"]
    W["notice"] = new_notice(send=True)
    W["notice_draft"] = new_notice()
    W["notice_group"] = new_group()
    W["policy"] = int(new_policy(W, "hubei-admin").rsplit("/", 1)[1])
    W["course"] = int(new_course(W, "hubei-admin").split("/")[-2])
    W["policy_file"] = int(new_policy_file(W, "hubei-admin").split("/")[-2])
    W["robot"] = int(new_robot(W, "hubei-admin").rsplit("/", 1)[1])


def tearDownModule():
    server.stop()


def router_routes():
    out = subprocess.run([harness.BIN, "routes"], check=True, capture_output=True, text=True)
    routes = {}
    for line in out.stdout.splitlines():
        method, pattern, auth = line.split()
        routes[f"{method} {pattern}"] = auth
    return routes


def call(key, case, who):
    """Makes the request of `case` for route `key` as `who`; returns (status, answer, headers)."""
    path, body, raw = case.resolve(who)
    c = clients[who]
    if case.headers == "second-session" and who != "anonymous":
        c = server.client(who)
    return c.call(key.split()[0], path, body=body, raw=raw)


class AuthorizationMatrixTest(unittest.TestCase):
    def test_every_route_has_an_entry(self):
        routes = router_routes()
        self.assertGreater(len(routes), 80)
        missing = sorted(set(routes) - set(ROUTES))
        self.assertEqual(missing, [], "routes without an entry in ROUTES (tests/http/test_authz.py)")
        stale = sorted(set(ROUTES) - set(routes))
        self.assertEqual(stale, [], "entries for routes the router does not have")
        for key, auth in routes.items():
            anonymous = {c.expect["anonymous"] for c in ROUTES[key]}
            if auth == "auth":
                self.assertEqual(anonymous, {401}, key)

    def test_matrix(self):
        checked = 0
        for key, cases in ROUTES.items():
            for case in cases:
                defect = KNOWN_DEFECTS.get((key, case.name))
                wrong = []
                for who in ROLES:
                    status, resp, _ = call(key, case, who)
                    want = case.expect[who]
                    want = want if isinstance(want, set) else {want}
                    checked += 1
                    if status in want:
                        continue
                    wrong.append(f"{who}: {status}")
                    if not defect:
                        with self.subTest(route=key, case=case.name, who=who):
                            self.fail(f"{key} [{case.name}] as {who}: {status} {str(resp)[:300]}")
                if defect:
                    with self.subTest(route=key, case=case.name, known_defect=defect):
                        self.assertTrue(wrong, "fixed: remove it from KNOWN_DEFECTS")
                        sys.stderr.write(f"\n  known defect, {key} [{case.name}]: {defect}; "
                                         f"got {', '.join(wrong)}\n")
        self.assertGreater(checked, 900)

    def test_csrf_required_for_every_state_change(self):
        c = clients["admin"]
        for method, path, body in [
            ("POST", "/api/v1/orgs", {"code": "csrf-x", "name": "x", "kind": "member", "parent": "hubei"}),
            ("PATCH", "/api/v1/orgs/hubei", {"short_name": "x"}),
            ("POST", "/api/v1/users", {"login": "csrf-x", "password": "Password-x1", "org": "hubei",
                                        "roles": ["member"], "name": "x"}),
            ("PATCH", f"/api/v1/users/{W['user_hubei']}", {"name": "x"}),
            ("POST", f"/api/v1/users/{W['user_hubei']}/password", {"password": "Password-x1"}),
            ("PUT", "/api/v1/me/password", {"old_password": "a", "new_password": "Bbbbbbbbbb1"}),
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


def probe():
    """Prints what the server answers now for every case and role."""
    setUpModule()
    try:
        routes = router_routes()
        for key in sorted(routes):
            if key not in ROUTES:
                print(f"{key}: NO ENTRY")
                continue
            for case in ROUTES[key]:
                got = {who: call(key, case, who)[0] for who in ROLES}
                bad = {w: s for w, s in got.items()
                       if s not in (case.expect[w] if isinstance(case.expect[w], set)
                                    else {case.expect[w]})}
                print(f"{key} [{case.name}]: " + " ".join(f"{w}={s}" for w, s in got.items()) +
                      (f"   DIFFERS: {bad}" if bad else ""))
    finally:
        tearDownModule()
        harness.stop_postgres()


if __name__ == "__main__":
    if "--probe" in sys.argv:
        probe()
    else:
        unittest.main()
