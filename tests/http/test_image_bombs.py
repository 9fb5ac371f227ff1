"""Image decompression bombs (issue 11, item 3): a 7.8 KB 1-bit PNG declares
8000 x 8000 pixels (256 MB decoded). Where images enter they are refused on
what they declare; what reaches the typesetter is capped per image and per
issue and decoded reduced, page by page. The server's peak memory (VmHWM) is
measured around each preview, reported on stderr and held under 1 GB."""

import base64
import struct
import sys
import unittest
import zlib

import harness

server = None
LIMIT_KB = 1024 * 1024  # 1 GB


def bomb_png(width, height):
    """Returns a 1-bit greyscale PNG of black pixels: a few KB that declare width x height."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def body_with(png, count):
    uri = "data:image/png;base64," + base64.b64encode(png).decode()
    return "现场照片如下。\n\n" + "".join(f"![图{i + 1}]({uri})\n\n" for i in range(count))


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


def peak_kb():
    with open(f"/proc/{server.proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM")


class ImageBombTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.editor = server.client("editor")
        cls.reporter = server.client("hubei-reporter")
        cls.bomb = bomb_png(8000, 8000)
        cls.big = bomb_png(8000, 6000)  # 48 megapixels: allowed alone

    def preview(self, body, date):
        """Puts `body` into a fresh draft issue's only section; returns the
        preview's (status, answer) and the server's peak memory after it."""
        status, issue, _ = self.editor.call("POST", "/api/v1/bulletins/issues",
                                            {"series": "ccea-epidemic", "date": date})
        self.assertEqual(status, 201, issue)
        status, saved, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": date, "sections": [{"kind": "text", "title": "现场", "body": body}]})
        self.assertEqual(status, 200, saved)
        before = peak_kb()
        status, answer, _ = self.editor.call("POST",
                                             f"/api/v1/bulletins/issues/{issue['id']}/preview")
        after = peak_kb()
        sys.stderr.write(f"\n  [{self.id().rsplit('.', 1)[-1]}, {harness.engine()}] server VmHWM "
                         f"{before / 1024:.0f} MB before the preview, {after / 1024:.0f} MB after "
                         f"(preview answered {status})\n")
        self.assertEqual(server.proc.poll(), None, "the server is still running")
        self.assertLess(after, LIMIT_KB)
        return status, answer

    def test_ten_bombs_in_a_piece_body(self):
        self.assertLess(len(self.bomb), 8 * 1024)
        body = body_with(self.bomb, 10)
        self.assertLess(len(body.encode()), 110 * 1024)
        # Where a piece's images enter, the bomb is refused on the size it declares ...
        status, answer, _ = self.reporter.call("POST", "/api/v1/submissions", {
            "title": "十张照片", "body": body, "authors": ["李娜"]})
        self.assertEqual(status, 400, answer)
        self.assertEqual((answer["error"]["key"], answer["error"]["field"]),
                         ("image_too_large", "body"))
        # ... and so is a bulletin section holding it, when it is saved, naming the section.
        status, issue, _ = self.editor.call("POST", "/api/v1/bulletins/issues",
                                            {"series": "ccea-epidemic", "date": "2020-04-01"})
        self.assertEqual(status, 201, issue)
        status, answer, _ = self.editor.call("PUT", f"/api/v1/bulletins/issues/{issue['id']}", {
            "date": "2020-04-01", "sections": [{"kind": "text", "title": "现场", "body": body}]})
        self.assertEqual(status, 400, answer)
        self.assertEqual((answer["error"]["key"], answer["error"]["field"]),
                         ("image_too_large", "sections[0].body"))
        self.assertEqual(server.proc.poll(), None, "the server is still running")

    def test_the_issue_budget_refuses_ten_large_images(self):
        status, answer = self.preview(body_with(self.big, 10), "2020-04-02")
        self.assertEqual(status, 400, answer)
        self.assertEqual((answer["error"]["key"], answer["error"]["field"]),
                         ("too_many_pixels", "sections[0].body"))

    def test_large_images_within_the_budget_render_reduced(self):
        status, answer = self.preview(body_with(self.big, 4), "2020-04-03")
        self.assertEqual(status, 200, answer)
        self.assertGreaterEqual(len(answer["pages"]), 2)

    def test_attachments_are_refused_on_their_declared_size(self):
        status, piece, _ = self.reporter.call("POST", "/api/v1/submissions", {
            "title": "附件炸弹", "body": "正文。", "authors": ["李娜"]})
        self.assertEqual(status, 201, piece)
        status, answer, _ = self.reporter.call(
            "POST", f"/api/v1/submissions/{piece['id']}/attachments?name=bomb.png", raw=self.bomb)
        self.assertEqual(status, 400, answer)
        self.assertEqual((answer["error"]["key"], answer["error"]["field"]),
                         ("image_too_large", "file"))


if __name__ == "__main__":
    unittest.main()
