"""The freeze of issue 10: a few concurrent readers of the bulletin routes
held every pooled database session and waited for a second one, and the
server never answered again (not even /healthz, nor SIGTERM). Many readers
at once must all be answered, /healthz must stay quick, and SIGTERM must end
the process."""

import concurrent.futures
import http.client
import signal
import threading
import time
import unittest

import harness


def fetch(port, path, cookie, timeout=10.0):
    """Returns (status, seconds) for one GET on a fresh connection."""
    start = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Cookie": cookie})
        resp = conn.getresponse()
        resp.read()
        return resp.status, time.monotonic() - start
    finally:
        conn.close()


def session_cookie(client):
    return "; ".join(f"{c.name}={c.value}" for c in client.jar)


class ConcurrentReadersTest(unittest.TestCase):
    def test_many_readers_of_issue_routes_are_all_answered(self):
        server = harness.Server().start()
        try:
            editor = server.client("editor")
            member = server.client("member")
            status, page, _ = editor.call("GET", "/api/v1/bulletins/issues?page_size=5")
            self.assertEqual(status, 200)
            issue_id = page["items"][0]["id"]
            paths = [
                ("/api/v1/bulletins/issues", session_cookie(editor)),
                (f"/api/v1/bulletins/issues/{issue_id}", session_cookie(editor)),
                (f"/api/v1/bulletins/issues/{issue_id}/files/txt", session_cookie(editor)),
                ("/api/v1/inbox", session_cookie(member)),
                ("/api/v1/bulletins/issues", session_cookie(member)),
            ]
            results, health = [], []
            stop = threading.Event()

            def watch_health():
                while not stop.is_set():
                    health.append(fetch(server.port, "/healthz", "", timeout=5.0))
                    time.sleep(0.05)

            watcher = threading.Thread(target=watch_health)
            watcher.start()
            with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
                futures = [pool.submit(fetch, server.port, *paths[i % len(paths)])
                           for i in range(640)]
                for f in futures:
                    results.append(f.result())
            stop.set()
            watcher.join()
            statuses = sorted({s for s, _ in results})
            self.assertEqual(statuses, [200], f"answers: {statuses}")
            self.assertLess(max(t for _, t in results), 10.0)
            self.assertTrue(health and all(s == 200 for s, _ in health))
            self.assertLess(max(t for _, t in health), 1.0)
            self.assertEqual(fetch(server.port, "/healthz", "", timeout=1.0)[0], 200)
            server.proc.send_signal(signal.SIGTERM)
            self.assertEqual(server.proc.wait(timeout=15), 0)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
