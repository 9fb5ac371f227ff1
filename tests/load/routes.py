"""How the load test fills in every GET route of the server.

`jianbao routes` prints the router's table (`METHOD PATTERN auth|open` per
line). Every GET pattern it prints must appear in TABLE (how to fill its
parameters) or in SKIP (why it cannot be exercised meaningfully); the test
fails on a route that is in neither, and on a table entry for a route that no
longer exists. A new GET route therefore needs a line here before `make test`
passes again.

Each TABLE entry maps a pattern to a function of the fixtures (ids found or
made before the load starts, see fixtures.py) returning the concrete paths to
request, query strings included. HEAVY patterns render or export something
costly; the timed phase requests them less often than the rest.
"""

import subprocess
import urllib.parse

E = "/api/v1/epidemic"
C = "/api/v1/complaints"
RS = "/api/v1/resumption"
SU = "/api/v1/supplies"


def q(path, **params):
    return path + "?" + urllib.parse.urlencode(params) if params else path


def _issue_paths(fx, suffix=""):
    return [f"/api/v1/bulletins/issues/{i}{suffix}" for i in fx.issue_ids]


TABLE = {
    # Outside the router (App::Handle answers them itself), listed here so that
    # `jianbao routes` may print them or not.
    "/healthz": lambda fx: ["/healthz"],
    "/metrics": lambda fx: ["/metrics"],
    # orgs
    "/api/v1/me": lambda fx: ["/api/v1/me"],
    "/api/v1/workbench/todos": lambda fx: ["/api/v1/workbench/todos"],
    "/api/v1/orgs": lambda fx: ["/api/v1/orgs"],
    "/api/v1/users": lambda fx: ["/api/v1/users", q("/api/v1/users", org="hubei", page_size=5)],
    "/api/v1/audit": lambda fx: ["/api/v1/audit", q("/api/v1/audit", action="submission.create")],
    # notify
    "/api/v1/notifications": lambda fx: ["/api/v1/notifications",
                                         q("/api/v1/notifications", unread=1)],
    "/api/v1/notifications/unread-count": lambda fx: ["/api/v1/notifications/unread-count"],
    # submissions
    "/api/v1/submissions": lambda fx: [
        q("/api/v1/submissions", page_size=20),
        q("/api/v1/submissions", state="submitted,resubmitted", org="hubei"),
        q("/api/v1/submissions", q="通信", page=2, page_size=5)],
    "/api/v1/submissions/workflow": lambda fx: ["/api/v1/submissions/workflow"],
    "/api/v1/submissions/targets": lambda fx: ["/api/v1/submissions/targets"],
    "/api/v1/submissions/stats": lambda fx: [q("/api/v1/submissions/stats", period=fx.year)],
    "/api/v1/submissions/stats/pieces": lambda fx: [
        q("/api/v1/submissions/stats/pieces", period=fx.year, org="hubei", kind="adopted")],
    "/api/v1/submissions/stats/export": lambda fx: [
        q("/api/v1/submissions/stats/export", period=fx.year, format="xlsx")],
    "/api/v1/submissions/:id": lambda fx: [f"/api/v1/submissions/{i}" for i in fx.piece_ids],
    "/api/v1/submissions/:id/versions": lambda fx: [
        f"/api/v1/submissions/{i}/versions" for i in fx.piece_ids],
    "/api/v1/submissions/:id/versions/:n": lambda fx: [
        f"/api/v1/submissions/{i}/versions/1" for i in fx.piece_ids],
    "/api/v1/submissions/:id/diff": lambda fx: [
        q(f"/api/v1/submissions/{fx.versioned_piece}/diff", **{"from": 1, "to": 2})],
    "/api/v1/submissions/:id/comments": lambda fx: [
        f"/api/v1/submissions/{i}/comments" for i in fx.piece_ids],
    "/api/v1/submissions/:id/attachments/:aid": lambda fx: [
        f"/api/v1/submissions/{fx.attachment[0]}/attachments/{fx.attachment[1]}"],
    "/api/v1/commissions": lambda fx: ["/api/v1/commissions", q("/api/v1/commissions", status="open")],
    "/api/v1/commissions/:id": lambda fx: [f"/api/v1/commissions/{i}" for i in fx.commission_ids],
    # bulletins
    "/api/v1/bulletins/series": lambda fx: ["/api/v1/bulletins/series"],
    "/api/v1/bulletins/issues": lambda fx: [
        "/api/v1/bulletins/issues", q("/api/v1/bulletins/issues", page_size=1),
        q("/api/v1/bulletins/issues", series="ccea-epidemic", status="published")],
    "/api/v1/bulletins/issues/:id": lambda fx: _issue_paths(fx),
    "/api/v1/bulletins/issues/:id/files/:format": lambda fx: [
        f"/api/v1/bulletins/issues/{fx.published_issue}/files/{f}"
        for f in ("pdf", "docx", "html", "txt")],
    "/api/v1/bulletins/issues/:id/receipts": lambda fx: _issue_paths(fx, "/receipts"),
    "/api/v1/bulletins/issues/:id/receipts.xlsx": lambda fx: _issue_paths(fx, "/receipts.xlsx"),
    "/api/v1/bulletins/issues/:id/distribution-sheet": lambda fx: _issue_paths(
        fx, "/distribution-sheet"),
    "/api/v1/bulletins/issues/:id/comments": lambda fx: _issue_paths(fx, "/comments"),
    "/api/v1/bulletins/sources/pieces": lambda fx: ["/api/v1/bulletins/sources/pieces",
                                                     q("/api/v1/bulletins/sources/pieces", q="协会")],
    "/api/v1/bulletins/sources/pieces/:id": lambda fx: [
        f"/api/v1/bulletins/sources/pieces/{fx.adopted_piece}"],
    "/api/v1/bulletins/sources/epidemic": lambda fx: [
        q("/api/v1/bulletins/sources/epidemic", date=fx.epidemic_date)],
    "/api/v1/bulletins/sources/summaries": lambda fx: ["/api/v1/bulletins/sources/summaries"],
    "/api/v1/bulletins/sources/summaries/:key": lambda fx: [
        q(f"/api/v1/bulletins/sources/summaries/{k}", **{"from": f"{fx.year}-01-01",
                                                       "to": f"{fx.year}-12-31"})
        for k in fx.summary_keys],
    "/api/v1/bulletins/government-recipients": lambda fx: [
        q("/api/v1/bulletins/government-recipients", association="ccea"),
        q("/api/v1/bulletins/government-recipients", association="hubei")],
    "/api/v1/inbox": lambda fx: ["/api/v1/inbox", q("/api/v1/inbox", page=2, page_size=1)],
    "/api/v1/search": lambda fx: [q("/api/v1/search", q="网络"), q("/api/v1/search", q="疫情"),
                                  q("/api/v1/search", q="通信 协会", kind="piece", page=2),
                                  q("/api/v1/search", q='"5G 基站"')],
    "/public/bulletins/:series": lambda fx: [f"/public/bulletins/{s}" for s in fx.public_series],
    "/public/bulletins/:series/feed.atom": lambda fx: [
        f"/public/bulletins/{s}/feed.atom" for s in fx.public_series],
    # complaints
    "/api/v1/public/complaint-form": lambda fx: ["/api/v1/public/complaint-form"],
    "/api/v1/public/complaints/:number": lambda fx: [
        q(f"/api/v1/public/complaints/{fx.complaint_public[0]}", phone=fx.complaint_public[1])],
    C: lambda fx: [C, q(C, overdue="true"), q(C, status="forwarded", operator="cmcc", page_size=5),
                   q(C, q="疫情")],
    C + "/workflow": lambda fx: [C + "/workflow"],
    C + "/stats": lambda fx: [C + "/stats", q(C + "/stats", **{"from": f"{fx.year}-01-01"})],
    C + "/stats/export": lambda fx: [C + "/stats/export"],
    C + "/calendar": lambda fx: [q(C + "/calendar", year=fx.year)],
    C + "/org-settings": lambda fx: [C + "/org-settings"],
    C + "/:id": lambda fx: [f"{C}/{i}" for i in fx.complaint_ids],
    C + "/:id/attachments/:aid": lambda fx: [
        f"{C}/{fx.complaint_attachment[0]}/attachments/{fx.complaint_attachment[1]}"],
    "/api/v1/bulletins/sources/complaints": lambda fx: [
        q("/api/v1/bulletins/sources/complaints", region="420000")],
    # epidemic
    E + "/regions": lambda fx: [E + "/regions"],
    E + "/fields": lambda fx: [E + "/fields"],
    E + "/dates": lambda fx: [E + "/dates"],
    E + "/days/:date": lambda fx: [f"{E}/days/{fx.epidemic_date}"],
    E + "/days/:date/figures": lambda fx: [f"{E}/days/{fx.epidemic_date}/figures"],
    E + "/corrections": lambda fx: [E + "/corrections"],
    E + "/notes": lambda fx: [E + "/notes"],
    E + "/followups": lambda fx: [E + "/followups", q(E + "/followups", status="open", assignee="me"),
                                  q(E + "/followups", status="closed", page=2, page_size=5)],
    E + "/followups/assignees": lambda fx: [E + "/followups/assignees"],
    E + "/followups/:id": lambda fx: [f"{E}/followups/{i}" for i in fx.followup_ids],
    E + "/validation": lambda fx: [q(E + "/validation", **{"from": fx.epidemic_date,
                                                          "to": fx.epidemic_date})],
    E + "/series": lambda fx: [q(E + "/series", region="420000", field="cum_confirmed")],
    E + "/hubei-vs-rest": lambda fx: [q(E + "/hubei-vs-rest", field="cum_confirmed")],
    E + "/current-by-province": lambda fx: [q(E + "/current-by-province", date=fx.epidemic_date)],
    E + "/narrative": lambda fx: [q(E + "/narrative", date=fx.epidemic_date),
                                  q(E + "/narrative", date=fx.epidemic_date, chart="true", days=10)],
    E + "/templates/:name": lambda fx: [E + "/templates/default", E + "/templates/plain"],
    E + "/chart.png": lambda fx: [q(E + "/chart.png", date=fx.epidemic_date)],
    # members (复工复产)
    RS + "/reports": lambda fx: [RS + "/reports", q(RS + "/reports", org="hubei-ctc", page_size=5)],
    RS + "/schedules": lambda fx: [RS + "/schedules"],
    RS + "/schedules/:id": lambda fx: [f"{RS}/schedules/{fx.schedule_id}"],
    RS + "/rate": lambda fx: [q(RS + "/rate", schedule=fx.schedule_id, period="2020-03-19")],
    RS + "/dashboard": lambda fx: [q(RS + "/dashboard", schedule=fx.schedule_id,
                                     period="2020-03-19")],
    RS + "/export": lambda fx: [q(RS + "/export", schedule=fx.schedule_id, period="2020-03-19")],
    RS + "/followups": lambda fx: [RS + "/followups", q(RS + "/followups", status="open")],
    RS + "/followups/:id": lambda fx: [f"{RS}/followups/{i}" for i in fx.need_ids],
    SU + "/transactions": lambda fx: [SU + "/transactions", q(SU + "/transactions", holder="hubei",
                                                                year="2020")],
    SU + "/balances": lambda fx: [SU + "/balances", q(SU + "/balances", item="masks")],
    SU + "/items": lambda fx: [SU + "/items"],
    SU + "/summary": lambda fx: [q(SU + "/summary", year="2020")],
    SU + "/export": lambda fx: [q(SU + "/export", year="2020")],
    "/api/v1/members": lambda fx: ["/api/v1/members", q("/api/v1/members", q="通信")],
    # notices (通知): the demo's sent letter and draft
    "/api/v1/notices": lambda fx: ["/api/v1/notices", q("/api/v1/notices", status="sent",
                                                        kind="sympathy", q="慰问", page_size=5)],
    "/api/v1/notices/groups": lambda fx: ["/api/v1/notices/groups"],
    "/api/v1/notices/:id": lambda fx: [f"/api/v1/notices/{i}" for i in fx.notice_ids],
    "/api/v1/notices/:id/receipts": lambda fx: [f"/api/v1/notices/{i}/receipts"
                                                for i in fx.notice_ids],
    "/api/v1/notices/:id/receipts.xlsx": lambda fx: [f"/api/v1/notices/{i}/receipts.xlsx"
                                                     for i in fx.notice_ids],
    "/api/v1/notices/:id/distribution-sheet": lambda fx: [
        f"/api/v1/notices/{i}/distribution-sheet" for i in fx.notice_ids],
    "/api/v1/notices/:id/pdf": lambda fx: [f"/api/v1/notices/{i}/pdf" for i in fx.notice_ids],
    # policy library and training (members)
    "/api/v1/policies": lambda fx: ["/api/v1/policies",
                                    q("/api/v1/policies", q="复工", region="420000", year="2020")],
    "/api/v1/policies/:id": lambda fx: [f"/api/v1/policies/{i}" for i in fx.policy_ids],
    "/api/v1/policies/:id/attachment": lambda fx: [
        f"/api/v1/policies/{fx.policy_ids[0]}/attachment"],
    "/api/v1/training/courses": lambda fx: ["/api/v1/training/courses",
                                            q("/api/v1/training/courses", format="online")],
    "/api/v1/training/courses/:id": lambda fx: [f"/api/v1/training/courses/{fx.course_id}"],
    "/api/v1/training/courses/:id/registrations": lambda fx: [
        f"/api/v1/training/courses/{fx.course_id}/registrations"],
    # group robots
    "/api/v1/robots": lambda fx: ["/api/v1/robots"],
    "/api/v1/robots/deliveries": lambda fx: ["/api/v1/robots/deliveries",
                                             q("/api/v1/robots/deliveries", status="failed")],
}

# GET routes that the load test does not request, with the reason.
SKIP = {
}

# Costly routes (each request takes 0.1-1 s of CPU on the demo data: they
# read every stored epidemic row or draw a chart): the sweep requests them
# as the editor only (not by every role at once), the timed phase at a tenth
# of the rate of the others.
HEAVY = {
    E + "/hubei-vs-rest",
    E + "/chart.png",
    E + "/narrative",
    E + "/validation",
    E + "/dates",
    "/api/v1/notices/:id/pdf",
}
HEAVY_ROLE = "editor"


def server_routes(binary):
    """Returns [(method, pattern, auth)] as printed by `jianbao routes`.
    Raises AssertionError when the command fails or prints nothing."""
    out = subprocess.run([binary, "routes"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise AssertionError(f"`jianbao routes` failed ({out.returncode}): {out.stderr[-2000:]}")
    routes = []
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            routes.append(tuple(parts))
        elif parts:
            raise AssertionError(f"`jianbao routes`: unexpected line {line!r}")
    if not routes:
        raise AssertionError("`jianbao routes` printed no routes")
    return routes


def check_table(get_patterns):
    """Returns a list of problems: GET patterns neither in TABLE nor in SKIP,
    and TABLE/SKIP entries for patterns the server no longer has."""
    problems = []
    for p in sorted(get_patterns):
        if p not in TABLE and p not in SKIP:
            problems.append(f"GET {p} is not exercised by the load test: add it to "
                            "tests/load/routes.py TABLE (or SKIP with a reason)")
    for p in sorted(set(TABLE) | set(SKIP)):
        if p not in get_patterns and p not in ("/healthz", "/metrics"):
            problems.append(f"tests/load/routes.py lists GET {p}, which the server no longer has")
    return problems
