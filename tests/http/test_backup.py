"""Backup and restore on the engine under test: `jianbao backup` while the
server is running and writing, `jianbao restore` into a fresh database, and
every write acknowledged before the backup began is there, with the published
files byte for byte; restore refuses a database that holds data unless
--force."""

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

import harness


def jianbao(*args):
    return subprocess.run([harness.BIN, *args], cwd=harness.ROOT, capture_output=True, text=True,
                          timeout=300)


def published_files(client):
    """Returns {(issue id, format): sha256} of every published issue, checking
    that each file's bytes match its stored hash."""
    status, body, _ = client.call("GET", "/api/v1/bulletins/issues?status=published&page_size=100")
    assert status == 200, body
    out = {}
    for issue in body["items"]:
        for f in issue["files"]:
            url = f"{client.base}/api/v1/bulletins/issues/{issue['id']}/files/{f['format']}"
            raw = client.opener.open(url).read()
            assert hashlib.sha256(raw).hexdigest() == f["sha256"], (issue["id"], f["format"])
            out[(issue["id"], f["format"])] = f["sha256"]
    return out


class BackupTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="jb-backup-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_round_trip_while_the_server_writes(self):
        server = harness.Server().start()
        acknowledged, stop = [], threading.Event()
        try:
            admin = server.client("admin")
            files_before = published_files(admin)
            self.assertTrue(files_before, "the demo has published issues with files")

            reporter = server.client("hubei-reporter")

            def create_pieces():
                i = 0
                while not stop.is_set():
                    title = f"backup-{i}"
                    i += 1
                    status, _, _ = reporter.call("POST", "/api/v1/submissions", {
                        "title": title, "body": "备份测试。", "authors": ["李娜"],
                        "contact": "027-12345678", "tags": ["测试"]})
                    if 200 <= status < 300:
                        acknowledged.append(title)

            worker = threading.Thread(target=create_pieces)
            worker.start()
            try:
                deadline = time.time() + 30
                while len(acknowledged) < 20 and time.time() < deadline:
                    time.sleep(0.05)
                before = list(acknowledged)
                backup = os.path.join(self.tmp, "jianbao.backup")
                r = jianbao("backup", "--db", server.db_url, "-o", backup)
                self.assertEqual(r.returncode, 0, r.stderr)
                written_during = len(acknowledged) - len(before)
                time.sleep(0.5)  # the server keeps writing after the backup
            finally:
                stop.set()
                worker.join(timeout=60)
        finally:
            server.stop()
        self.assertGreater(len(acknowledged), len(before), "no write went on around the backup")
        self.assertTrue(os.path.getsize(backup) > 0)
        self.assertFalse(os.path.exists(backup + ".partial"))

        target = harness.fresh_db_url(self.tmp)
        r = jianbao("restore", "--db", target, backup)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("up to date", r.stdout)
        again = harness.Server(db_url=target, demo=False).start()
        try:
            c = again.client("admin")
            r = again.client("hubei-reporter")
            found = set()
            page = 1
            while True:
                status, body, _ = r.call(
                    "GET", f"/api/v1/submissions?q=backup-&page_size=100&page={page}")
                self.assertEqual(status, 200, body)
                found |= {p["title"] for p in body["items"]}
                if len(body["items"]) < 100:
                    break
                page += 1
            missing = [title for title in before if title not in found]
            self.assertEqual(missing, [], "acknowledged before the backup, missing after restore")
            # A snapshot: the pieces are a prefix of the creation order, without gaps.
            numbers = sorted(int(title.split("-")[1]) for title in found)
            self.assertEqual(numbers, list(range(len(numbers))))
            self.assertLessEqual(len(found), len(acknowledged))
            self.assertEqual(published_files(c), files_before)
            # The restored database takes writes.
            status, body, _ = c.call("POST", "/api/v1/users", {
                "login": "after-restore", "password": "password-1", "org": "hubei",
                "roles": ["member"], "name": "恢复后"})
            self.assertEqual(status, 201, body)
        finally:
            again.stop()
        print(f"\n  backup taken with {written_during} writes acknowledged while it ran;"
              f" {len(found)} of {len(acknowledged)} pieces in it", end=" ")

        r = jianbao("restore", "--db", target, backup)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("already holds data", r.stderr)
        r = jianbao("restore", "--db", target, backup, "--force")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = jianbao("user", "list", "--db", target, "--org", "hubei")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("hubei-reporter", r.stdout)
        self.assertNotIn("after-restore", r.stdout)  # replaced by the backup's contents
        r = jianbao("migrate", "--db", target)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_restore_rejects_a_file_that_is_not_a_backup(self):
        junk = os.path.join(self.tmp, "junk.backup")
        with open(junk, "wb") as f:
            f.write(b"not a backup at all")
        target = harness.fresh_db_url(self.tmp)
        r = jianbao("restore", "--db", target, junk)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, "is not a (SQLite database|pg_dump custom-format archive)")
        r = jianbao("backup", "--db", target, "-o", os.path.join(self.tmp, "no", "such", "dir"))
        self.assertEqual(r.returncode, 1)


if __name__ == "__main__":
    try:
        unittest.main()
    finally:
        harness.stop_postgres()
