"""The write side of the load test: flows that submit pieces, adopt them,
compose, preview, approve and publish issues and acknowledge them in the
inbox, each keeping a ledger of what the server acknowledged (2xx); and the
check, after the load, that the final state agrees with that ledger."""

import hashlib
import queue
import threading
import time

from fixtures import DELIVER_TO
from loadgen import Conn

# Inbox users of the organisations in fixtures.DELIVER_TO.
RECIPIENTS = ["member", "liaison"]


class Ledger:
    """What the server acknowledged. Thread-safe. A write whose answer never
    came is `uncertain`: it may or may not have happened."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pieces = {}  # id -> {"login", "title", "states": set of acceptable states}
        self.comments = {}  # comment id -> piece id
        self.published = {}  # issue id -> number of recipients expected
        self.acked = set()  # (login, issue id)
        self.to_review = queue.Queue()  # piece ids waiting for the editor
        self.to_compose = queue.Queue()  # adopted piece ids for the next issue
        self.to_ack = {login: queue.Queue() for login in RECIPIENTS}
        self.counts = {}  # flow step -> acknowledged count

    def count(self, step):
        with self.lock:
            self.counts[step] = self.counts.get(step, 0) + 1


def _sleep_unless(deadline, secs):
    time.sleep(max(0.0, min(secs, deadline - time.monotonic())))


class Flows:
    """Each method runs one flow on its own connection until `deadline`."""

    def __init__(self, port, sessions, recorder, ledger, fx):
        self.port = port
        self.s = sessions
        self.rec = recorder
        self.ledger = ledger
        self.fx = fx

    def running(self, deadline):
        return time.monotonic() < deadline and not self.rec.aborted.is_set()

    def _call(self, conn, login, method, route, path, **kw):
        return self.rec.call(conn, method, route, path, session=self.s[login], **kw)

    def reporter(self, login, deadline):
        """Creates pieces, comments on them and submits them."""
        conn, n = Conn(self.port), 0
        while self.running(deadline):
            n += 1
            title = f"并发报送 {login} {n} {time.monotonic_ns()}"
            a = self._call(conn, login, "POST", "/api/v1/submissions", "/api/v1/submissions",
                           body={"title": title, "body": f"正文第{n}段。", "authors": ["测试"]})
            if a is None or a.status != 201:
                continue
            pid = a.json()["id"]
            entry = {"login": login, "title": title, "states": {"draft"}}
            with self.ledger.lock:
                self.ledger.pieces[pid] = entry
            self.ledger.count("piece created")
            a = self._call(conn, login, "POST", "/api/v1/submissions/:id/comments",
                           f"/api/v1/submissions/{pid}/comments", body={"body": f"说明{n}"})
            if a is not None and a.status == 201:
                with self.ledger.lock:
                    self.ledger.comments[a.json()["id"]] = pid
            a = self._call(conn, login, "POST", "/api/v1/submissions/:id/actions",
                           f"/api/v1/submissions/{pid}/actions", body={"action": "submit"})
            with self.ledger.lock:
                if a is None:
                    entry["states"] = {"draft", "submitted"}
                elif a.status == 200:
                    entry["states"] = {"submitted"}
            if a is not None and a.status == 200:
                self.ledger.count("piece submitted")
                self.ledger.to_review.put(pid)
        conn.close()

    def editor_review(self, deadline):
        """Adopts submitted pieces."""
        conn = Conn(self.port)
        while self.running(deadline):
            try:
                pid = self.ledger.to_review.get(timeout=0.2)
            except queue.Empty:
                continue
            a = self._call(conn, "editor", "POST", "/api/v1/submissions/:id/actions",
                           f"/api/v1/submissions/{pid}/actions", body={"action": "adopt"})
            with self.ledger.lock:
                entry = self.ledger.pieces[pid]
                if a is None:
                    entry["states"] = {"submitted", "adopted"}
                elif a.status == 200:
                    entry["states"] = {"adopted"}
            if a is not None and a.status == 200:
                self.ledger.count("piece adopted")
                self.ledger.to_compose.put(pid)
        conn.close()

    def _issue_step(self, conn, login, method, route, issue_id, suffix="", expect=200, **kw):
        """Returns the answer when it has status `expect`, else None. Retries
        while the server answers 429 (render queue full), as a client should."""
        path = f"/api/v1/bulletins/issues/{issue_id}{suffix}"
        for _ in range(20):
            a = self._call(conn, login, method, route, path, **kw)
            if a is None or a.status != 429:
                return a if a is not None and a.status == expect else None
            time.sleep(min(float(a.headers.get("Retry-After") or 1), 2.0))
        return None

    def issues(self, deadline, day):
        """Composes issues from adopted pieces, previews, submits, approves, publishes."""
        conn = Conn(self.port)
        while self.running(deadline):
            day += 1
            date = f"{self.fx.year}-02-{day % 28 + 1:02d}"
            a = self._call(conn, "editor", "POST", "/api/v1/bulletins/issues",
                           "/api/v1/bulletins/issues", body={"series": "ccea-epidemic", "date": date})
            if a is None or a.status != 201:
                _sleep_unless(deadline, 0.2)
                continue
            iid = a.json()["id"]
            sections = [{"kind": "text", "title": "编者按", "body": f"第{day}次并发测试。"}]
            try:
                pid = self.ledger.to_compose.get_nowait()
                s = self._call(conn, "editor", "GET", "/api/v1/bulletins/sources/pieces/:id",
                               f"/api/v1/bulletins/sources/pieces/{pid}")
                if s is not None and s.status == 200:
                    sections.append(s.json())
            except queue.Empty:
                pass
            # The composer's presence heartbeat (issue 18), sent while the page is open.
            self._call(conn, "editor", "POST", "/api/v1/presence", "/api/v1/presence",
                       body={"record": f"bulletin_issue:{iid}"})
            base = "/api/v1/bulletins/issues/:id"
            body = {"date": date, "sections": sections, "version": a.json()["version"],
                    "distribution": [{"label": "发", "to": DELIVER_TO}]}
            if not self._issue_step(conn, "editor", "PUT", base, iid, body=body):
                continue
            self._issue_step(conn, "editor", "POST", base + "/preview", iid, "/preview")
            if not self._issue_step(conn, "editor", "POST", base + "/submit", iid, "/submit"):
                continue
            if not self._issue_step(conn, "approver", "POST", base + "/approve", iid, "/approve"):
                continue
            if not self._issue_step(conn, "editor", "POST", base + "/publish", iid, "/publish"):
                continue
            with self.ledger.lock:
                self.ledger.published[iid] = len(DELIVER_TO)
            self.ledger.count("issue published")
            for q in self.ledger.to_ack.values():
                q.put(iid)
        conn.close()

    def recipient(self, login, deadline):
        """Reads the inbox, then marks each new issue read and acknowledged."""
        conn = Conn(self.port)
        while self.running(deadline):
            self._call(conn, login, "GET", "/api/v1/inbox", "/api/v1/inbox")
            try:
                iid = self.ledger.to_ack[login].get(timeout=0.2)
            except queue.Empty:
                continue
            self._call(conn, login, "POST", "/api/v1/inbox/:id/read", f"/api/v1/inbox/{iid}/read")
            a = self._call(conn, login, "POST", "/api/v1/inbox/:id/ack", f"/api/v1/inbox/{iid}/ack")
            if a is not None and a.status == 204:
                with self.ledger.lock:
                    self.ledger.acked.add((login, iid))
                self.ledger.count("inbox acknowledged")
        conn.close()


def _all_pages(conn, session, path):
    items, page = [], 1
    while True:
        sep = "&" if "?" in path else "?"
        a = conn.request("GET", f"{path}{sep}page={page}&page_size=100", session=session)
        if a.status != 200:
            raise AssertionError(f"GET {path} page {page}: {a.status} {a.body[:200]!r}")
        body = a.json()
        items += body["items"]
        if len(body["items"]) < 100:
            return items, body["total"]
        page += 1


def verify(port, sessions, ledger):
    """Returns the list of disagreements between the server's final state and
    the ledger of acknowledged writes."""
    problems = []
    conn = Conn(port, timeout=60)
    try:
        for pid, entry in sorted(ledger.pieces.items()):
            a = conn.request("GET", f"/api/v1/submissions/{pid}", session=sessions[entry["login"]])
            if a.status != 200:
                problems.append(f"piece {pid} (created with 201) answers {a.status}")
                continue
            p = a.json()
            if p["title"] != entry["title"] or p["state"] not in entry["states"]:
                problems.append(f"piece {pid}: title {p['title']!r}, state {p['state']}; "
                                f"acknowledged {entry['title']!r}, {sorted(entry['states'])}")
        by_owner = {}
        for pid, entry in ledger.pieces.items():
            by_owner.setdefault(entry["login"], set()).add(pid)
        for login, ids in sorted(by_owner.items()):
            items, total = _all_pages(conn, sessions[login], "/api/v1/submissions?org=hubei")
            listed = [p["id"] for p in items]
            if len(listed) != total or len(set(listed)) != len(listed):
                problems.append(f"{login}'s piece list: {len(listed)} items over the pages "
                                f"({len(set(listed))} distinct), total says {total}")
            if ids - set(listed):
                problems.append(f"{login}'s piece list misses {sorted(ids - set(listed))[:10]}")
        for cid, pid in sorted(ledger.comments.items()):
            a = conn.request("GET", f"/api/v1/submissions/{pid}/comments",
                             session=sessions[ledger.pieces[pid]["login"]])
            if a.status != 200 or cid not in [c["id"] for c in a.json()["items"]]:
                problems.append(f"comment {cid} on piece {pid} (created with 201) is missing")
        problems += _verify_issues(conn, sessions, ledger)
    finally:
        conn.close()
    return problems


def _verify_issues(conn, sessions, ledger):
    problems = []
    for iid, recipients in sorted(ledger.published.items()):
        a = conn.request("GET", f"/api/v1/bulletins/issues/{iid}", session=sessions["editor"])
        issue = a.json() if a.status == 200 else {}
        files = {f["format"]: f["sha256"] for f in issue.get("files", [])}
        if issue.get("status") != "published" or sorted(files) != ["docx", "html", "pdf", "txt"]:
            problems.append(f"issue {iid} (published with 200): status {issue.get('status')}, "
                            f"files {sorted(files)}")
            continue
        pdf = conn.request("GET", f"/api/v1/bulletins/issues/{iid}/files/pdf",
                           session=sessions["editor"])
        if pdf.status != 200 or hashlib.sha256(pdf.body).hexdigest() != files["pdf"]:
            problems.append(f"issue {iid}: the PDF served does not match its stored SHA-256")
        r = conn.request("GET", f"/api/v1/bulletins/issues/{iid}/receipts",
                         session=sessions["editor"])
        acked = sum(1 for login, i in ledger.acked if i == iid)
        if r.status != 200 or r.json()["total"] != recipients or r.json()["acknowledged"] < acked:
            problems.append(f"issue {iid} receipts: {r.status} {r.body[:200]!r}; expected "
                            f"{recipients} recipients, at least {acked} acknowledged")
    for login in RECIPIENTS:
        items, total = _all_pages(conn, sessions[login], "/api/v1/inbox")
        inbox = {i["issue_id"]: i for i in items}
        if len(items) != total:
            problems.append(f"{login}'s inbox: {len(items)} items over the pages, total {total}")
        for iid in sorted(ledger.published):
            item = inbox.get(iid)
            if item is None:
                problems.append(f"{login}'s inbox lacks published issue {iid}")
            elif (login, iid) in ledger.acked and not item["acknowledged_at"]:
                problems.append(f"{login}'s inbox: issue {iid} acknowledged with 204 but shows "
                                "no acknowledged_at")
    return problems
