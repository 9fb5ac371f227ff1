"""Load test: correctness under concurrency, on one engine.

    python3 tests/load/run.py sqlite|postgres

Starts the demo server (tests/http/harness.py), then with 64 concurrent
keep-alive connections:
  1. sweeps every GET route of `jianbao routes` (filled in by routes.py) as
     each of several roles, and anonymously for open routes;
  2. for LOAD_SECONDS (default 12) mixes reads of every route with writes:
     pieces submitted and adopted, issues composed, previewed, approved and
     published, inbox items read and acknowledged.
It fails on any 5xx, any request without an answer within 10 s, /healthz not
answering within 1 s during or after the load, a GET route that is neither
exercised nor skipped with a reason (or never answered 2xx/3xx to any role),
and a final state that disagrees with the writes the server acknowledged.
Times only what the issue asks for; it measures nothing (see bench/http).
"""

import http.client
import os
import queue
import random
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "http"))
if len(sys.argv) > 1:
    os.environ["JIANBAO_TEST_DB"] = sys.argv[1]

import fixtures  # noqa: E402
import harness  # noqa: E402
import routes  # noqa: E402
import writes  # noqa: E402
from loadgen import Conn, HealthWatch, Recorder, sign_in  # noqa: E402

CONNECTIONS = 64
ROLES = ["admin", "editor", "approver", "hubei-admin", "hubei-reporter", "hubei-desk", "member",
         "liaison"]
LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "12"))
# LOAD_VERBOSE=1 prints the answers per route.
AFTER_SECONDS = 2.0  # /healthz keeps being probed this long after the load


def plan(fx, get_patterns, open_patterns):
    """Returns {login or None: [(pattern, path)]}: what each role requests."""
    by_role = {}
    for login in ROLES + [None]:
        items = []
        for pattern in sorted(get_patterns & set(routes.TABLE)):
            if login is None and pattern not in open_patterns:
                continue
            items += [(pattern, path) for path in routes.TABLE[pattern](fx)]
        by_role[login] = items
    return by_role


def run_threads(targets, join_timeout):
    threads = [threading.Thread(target=t, daemon=True) for t in targets]
    for t in threads:
        t.start()
    end = time.monotonic() + join_timeout
    for t in threads:
        t.join(max(0.1, end - time.monotonic()))
    stuck = sum(t.is_alive() for t in threads)
    if stuck:
        raise AssertionError(f"{stuck} load threads still waiting {join_timeout:.0f} s after the end")


def sweep(port, sessions, rec, by_role):
    """Every (role, route) once (costly routes by one role), drained by
    CONNECTIONS workers."""
    work = queue.Queue()
    items = [(login, pattern, path) for login, lst in by_role.items() for pattern, path in lst
             if pattern not in routes.HEAVY or login == routes.HEAVY_ROLE]
    random.Random(1).shuffle(items)
    for item in items:
        work.put(item)

    def worker():
        conn = Conn(port)
        while not rec.aborted.is_set():
            try:
                login, pattern, path = work.get_nowait()
            except queue.Empty:
                break
            rec.call(conn, "GET", pattern, path, session=sessions.get(login))
        conn.close()

    run_threads([worker] * CONNECTIONS, 120)
    return len(items)


def mixed(port, sessions, rec, by_role, fx, ledger):
    """Reads of every route and the write flows, for LOAD_SECONDS."""
    deadline = time.monotonic() + LOAD_SECONDS
    flows = writes.Flows(port, sessions, rec, ledger, fx)
    writers = [lambda: flows.reporter("hubei-reporter", deadline),
               lambda: flows.reporter("hubei-reporter", deadline),
               lambda: flows.editor_review(deadline),
               lambda: flows.issues(deadline, 0),
               lambda: flows.issues(deadline, 14)]
    writers += [lambda login=login: flows.recipient(login, deadline) for login in writes.RECIPIENTS]

    def reader(login, seed):
        rng = random.Random(seed)
        items = by_role[login]
        weights = [0.1 if pattern in routes.HEAVY else 1.0 for pattern, _ in items]
        conn = Conn(port)
        while time.monotonic() < deadline and not rec.aborted.is_set():
            pattern, path = rng.choices(items, weights)[0]
            rec.call(conn, "GET", pattern, path, session=sessions.get(login))
        conn.close()

    logins = ROLES + [None]
    readers = [lambda i=i: reader(logins[i % len(logins)], i)
               for i in range(CONNECTIONS - len(writers))]
    run_threads(writers + readers, LOAD_SECONDS + 60)


def coverage_problems(rec, get_patterns):
    problems = []
    for pattern in sorted(get_patterns & set(routes.TABLE)):
        if ("GET", pattern) not in rec.ok_routes:
            answers = rec.counts.get(("GET", pattern), {})
            problems.append(f"GET {pattern} never answered 2xx/3xx to any role (answers: "
                            f"{answers or 'none'}): fix its entry in tests/load/routes.py")
    return problems


def main():
    engine = harness.engine()
    listed = routes.server_routes(harness.BIN)
    get_patterns = {p for m, p, _ in listed if m == "GET"}
    open_patterns = {p for m, p, auth in listed if auth == "open"}
    problems = routes.check_table(get_patterns)
    if problems:
        print("\n".join(problems))
        return 1
    started = time.monotonic()
    server = harness.Server().start()
    try:
        port = server.port
        sessions = {login: sign_in(port, login, harness.DEMO_PASSWORD) for login in ROLES}
        fx = fixtures.make(port, sessions)
        by_role = plan(fx, get_patterns, open_patterns)
        rec, ledger = Recorder(), writes.Ledger()
        health = HealthWatch(port).start()
        t0 = time.monotonic()
        swept = sweep(port, sessions, rec, by_role)
        t1 = time.monotonic()
        mixed(port, sessions, rec, by_role, fx, ledger)
        t2 = time.monotonic()
        time.sleep(AFTER_SECONDS)
        probes, health_problems = health.stop()
        if server.proc.poll() is not None:
            problems.append(f"the server exited during the load: {server.read_log()}")
        problems += rec.failures + health_problems
        if rec.failures:
            problems += [f"server log: {line}" for line in server.read_log(tail=10**7).splitlines()
                         if "answering 5" in line or "threw" in line][:10]
        if rec.failure_count > len(rec.failures):
            problems.append(f"… and {rec.failure_count - len(rec.failures)} more failed requests")
        problems += coverage_problems(rec, get_patterns)
        problems += writes.verify(port, sessions, ledger)
        print(f"load_{engine}: {len(get_patterns)} GET routes, {len(routes.SKIP)} skipped; "
              f"sweep {swept} requests in {t1 - t0:.1f} s; mixed {t2 - t1:.1f} s; "
              f"{rec.requests} answers ({rec.status_summary()}); slowest {rec.slowest[0]:.2f} s "
              f"({rec.slowest[1]}); /healthz probed {probes} times")
        if os.environ.get("LOAD_VERBOSE"):
            for (method, route), by_status in sorted(rec.counts.items()):
                print(f"  {method} {route}: {dict(sorted(by_status.items()))}")
        print("acknowledged writes: " + ", ".join(f"{k} {v}" for k, v in sorted(ledger.counts.items())))
    except (AssertionError, OSError, http.client.HTTPException) as e:
        problems.append(f"{type(e).__name__}: {e}")
    finally:
        server.stop()
        harness.stop_postgres()
    print(f"load_{engine}: {time.monotonic() - started:.0f} s in all")
    if problems:
        print(f"FAILED: {len(problems)} problems:")
        print("\n".join("  " + p for p in problems))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
