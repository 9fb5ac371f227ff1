"""Shutdown always ends: after SIGTERM the server finishes what it is doing
within server.shutdown_grace_seconds, and a request still running after that
no longer keeps the process alive."""

import signal
import threading
import time
import unittest

import harness


class ShutdownTest(unittest.TestCase):
    def test_a_long_request_does_not_outlive_the_grace(self):
        server = harness.Server(extra_env={"JIANBAO_SERVER_SHUTDOWN_GRACE_SECONDS": "1"}).start()
        try:
            editor = server.client("editor")
            status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                           {"series": "ccea-epidemic", "date": "2020-07-01"})
            self.assertEqual(status, 201, issue)
            body = "\n\n".join("长段落，用来让排版多花一些时间。" * 40 for _ in range(60))
            sections = [{"kind": "text", "title": f"第{i}篇", "body": body} for i in range(12)]
            status, _, _ = editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}",
                                       {"date": "2020-07-01", "sections": sections})
            self.assertEqual(status, 200)
            answers = []

            def preview():
                try:
                    answers.append(editor.call(
                        "POST", f"/api/v1/bulletins/issues/{issue['id']}/preview?dpi=150")[0])
                except OSError as e:  # the process went away mid-answer
                    answers.append(str(e))

            worker = threading.Thread(target=preview)
            worker.start()
            time.sleep(0.5)  # the render is running
            sent = time.monotonic()
            server.proc.send_signal(signal.SIGTERM)
            code = server.proc.wait(timeout=20)
            elapsed = time.monotonic() - sent
            worker.join(timeout=60)
            self.assertEqual(code, 0)
            # Grace of 1 s, plus the time to notice; far below the render's own length.
            self.assertLess(elapsed, 10, f"exited {elapsed:.1f} s after SIGTERM")
            # The render was still running when the grace ended (it takes far longer).
            self.assertIn("exiting without them", server.read_log())
        finally:
            server.stop()

    def test_idle_server_stops_at_once(self):
        server = harness.Server().start()
        try:
            server.client("editor").call("GET", "/api/v1/me")
            server.proc.send_signal(signal.SIGTERM)
            self.assertEqual(server.proc.wait(timeout=15), 0)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
