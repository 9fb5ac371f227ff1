"""Crash test: a client creates users in a loop while the server is killed
with SIGKILL at a random moment; after a restart, every user whose creation
was answered 2xx exists."""

import random
import threading
import time
import unittest

import harness


class CrashTest(unittest.TestCase):
    def test_acknowledged_writes_survive_sigkill(self):
        server = harness.Server().start()
        admin = server.client("admin")
        acknowledged = []
        stop = threading.Event()

        def create_users():
            i = 0
            while not stop.is_set():
                login = f"crash-{i}"
                i += 1
                try:
                    status, _, _ = admin.call("POST", "/api/v1/users", {
                        "login": login, "password": "password-1", "org": "hubei",
                        "roles": ["member"], "name": "崩溃测试"})
                except OSError:
                    return  # the server is gone
                if 200 <= status < 300:
                    acknowledged.append(login)

        worker = threading.Thread(target=create_users)
        worker.start()
        time.sleep(random.uniform(1.0, 3.0))
        server.kill()
        stop.set()
        worker.join(timeout=30)
        self.assertGreater(len(acknowledged), 0, "no write was acknowledged before the kill")

        again = harness.Server(db_url=server.db_url, demo=False).start()
        try:
            c = again.client("admin")
            status, body, _ = c.call("GET", "/api/v1/users?org=hubei&q=crash-&page_size=100")
            self.assertEqual(status, 200)
            found = {u["login"] for u in body["items"]}
            while len(body["items"]) == 100:  # page through large runs
                page = body["page"] + 1
                body = c.call("GET", f"/api/v1/users?org=hubei&q=crash-&page_size=100&page={page}")[1]
                found |= {u["login"] for u in body["items"]}
            missing = [login for login in acknowledged if login not in found]
            self.assertEqual(missing, [], f"{len(missing)} of {len(acknowledged)} acknowledged users lost")
        finally:
            again.stop()


if __name__ == "__main__":
    unittest.main()
