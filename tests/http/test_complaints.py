"""The complaint desk (issue 13): the public form, the Order No. 35 workflow
between the provincial desk and the operator's liaison, masking of personal
data on every route for every role, region and operator isolation, abuse of
the public form, and the purge that keeps the counts."""

import hashlib
import io
import json
import os
import subprocess
import unittest
import zipfile

import harness

server = None
ROLES = ["admin", "editor", "approver", "hubei-admin", "hubei-reporter", "hubei-desk", "member",
         "liaison", "hebei-reporter"]
PUBLIC = "/api/v1/public/complaints"
FULL_PHONE = "13912345678"
FULL_NAME = "欧阳娜娜"


def solve(form):
    """Returns (token, solution) for the form's challenge (as the browser does)."""
    if not form.get("challenge_enabled"):
        return None, None
    token, bits = form["challenge"]["token"], form["challenge"]["difficulty"]
    i = 0
    while True:
        digest = hashlib.sha256(f"{token}:{i}".encode()).digest()
        value = int.from_bytes(digest, "big")
        if value >> (256 - bits) == 0:
            return token, str(i)
        i += 1


def filing(**over):
    body = {"kind": "complaint", "category": "billing", "operator": "cmcc", "region": "420000",
            "name": FULL_NAME, "phone": FULL_PHONE, "description": "疫情期间套餐被多扣费。",
            "operator_contacted_on": "2026-01-05", "operator_answer": "客服未同意退费。"}
    body.update(over)
    return body


def file_public(client, srv=None, **over):
    c = client
    status, form, _ = c.call("GET", "/api/v1/public/complaint-form")
    assert status == 200, form
    body = filing(**over)
    token, solution = solve(form)
    if token:
        body["challenge"], body["solution"] = token, solution
    return c.call("POST", PUBLIC, body)


def setUpModule():
    global server
    server = harness.Server(extra_env={
        "JIANBAO_COMPLAINTS_PUBLIC_CHALLENGE_BITS": "6",
        "JIANBAO_COMPLAINTS_PUBLIC_RATE_LIMIT": "1000"}).start()


def tearDownModule():
    server.stop()


def act(client, cid, action, **extra):
    return client.call("POST", f"/api/v1/complaints/{cid}/actions", dict(action=action, **extra))


class WorkflowTest(unittest.TestCase):
    def test_consumer_desk_liaison_and_back(self):
        anon = server.client()
        status, filed, _ = file_public(anon)
        self.assertEqual(status, 201, filed)
        self.assertEqual(filed["status"], "received")
        self.assertEqual(filed["phone"], "139****5678")
        number = filed["number"]
        desk, liaison = server.client("hubei-desk"), server.client("liaison")
        status, page, _ = desk.call("GET", "/api/v1/complaints?q=" + number)
        self.assertEqual(status, 200, page)
        self.assertEqual(page["total"], 1)
        cid = page["items"][0]["id"]
        self.assertEqual(page["items"][0]["number"], number)
        # The liaison does not see a case before it is forwarded.
        self.assertEqual(liaison.call("GET", f"/api/v1/complaints/{cid}")[0], 404)
        status, c, _ = act(desk, cid, "accept")
        self.assertEqual(status, 200, c)
        self.assertEqual(act(desk, cid, "close", outcome="x", satisfaction=3)[0], 409)
        self.assertEqual(act(liaison, cid, "reply", text="x")[0], 404)
        status, c, _ = act(desk, cid, "forward")
        self.assertEqual(status, 200, c)
        self.assertEqual(c["status"], "forwarded")
        self.assertEqual(act(desk, cid, "reply", text="x")[0], 403)
        status, seen, _ = liaison.call("GET", f"/api/v1/complaints/{cid}")
        self.assertEqual(status, 200, seen)
        self.assertEqual(seen["phone"], "139****5678")
        self.assertEqual(seen["allowed_actions"], ["reply"])
        status, c, _ = act(liaison, cid, "reply", text="已退还多扣费用。", reply_outcome="退费")
        self.assertEqual(status, 200, c)
        self.assertEqual(act(desk, cid, "verify", text="回访确认")[0], 200)
        self.assertEqual(act(desk, cid, "close", outcome="x", satisfaction=9)[0], 400)
        status, c, _ = act(desk, cid, "close", outcome="运营商已退费，用户满意。", satisfaction=5)
        self.assertEqual(status, 200, c)
        self.assertEqual(c["status"], "closed")
        status, pub, _ = anon.call("GET", f"{PUBLIC}/{number}?phone={FULL_PHONE}")
        self.assertEqual(status, 200, pub)
        self.assertEqual(pub["status"], "closed")
        self.assertEqual(pub["outcome"], "运营商已退费，用户满意。")
        self.assertNotIn("已退还多扣费用", json.dumps(pub, ensure_ascii=False))
        # 404 without a hint which part was wrong.
        s1, b1, _ = anon.call("GET", f"{PUBLIC}/{number}?phone=13900000000")
        s2, b2, _ = anon.call("GET", f"{PUBLIC}/TS0000?phone={FULL_PHONE}")
        self.assertEqual((s1, s2), (404, 404))
        self.assertEqual(b1, b2)

    def test_workflow_table_and_refusal(self):
        desk = server.client("hubei-desk")
        status, wf, _ = desk.call("GET", "/api/v1/complaints/workflow")
        self.assertEqual(status, 200)
        self.assertIn({"from": "forwarded", "action": "reply", "role": "liaison", "to": "replied",
                       "needs": "text"}, wf["transitions"])
        status, c, _ = desk.call("POST", "/api/v1/complaints", filing(kind="consultation",
                                                                      operator_contacted_on="",
                                                                      operator_answer=""))
        self.assertEqual(status, 201, c)
        self.assertEqual(c["channel"], "phone")
        self.assertEqual(act(desk, c["id"], "refuse")[1]["error"]["field"], "reason")
        status, r, _ = act(desk, c["id"], "refuse", reason="已超过两年，不予受理。")
        self.assertEqual(status, 200, r)
        self.assertEqual(r["status"], "not_accepted")

    def test_overdue_queue_and_clocks(self):
        desk = server.client("hubei-desk")
        status, page, _ = desk.call("GET", "/api/v1/complaints?overdue=true&page_size=100")
        self.assertEqual(status, 200, page)
        self.assertGreater(page["total"], 0)  # the demo data has overdue cases
        for item in page["items"]:
            self.assertTrue(item["overdue"], item)
            self.assertEqual([k["name"] for k in item["clocks"]],
                             ["acceptance", "operator_reply", "closure"])
        self.assertEqual(desk.call("GET", "/api/v1/complaints?overdue=maybe")[0], 400)


class AttachmentTest(unittest.TestCase):
    PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082")

    def test_images_and_pdf_only_sniffed_and_size_limited(self):
        desk, liaison = server.client("hubei-desk"), server.client("liaison")
        page = desk.call("GET", "/api/v1/complaints?status=forwarded&operator=cmcc")[1]
        cid = page["items"][0]["id"]
        path = f"/api/v1/complaints/{cid}/attachments"
        status, a, _ = liaison.call("POST", path + "?name=%E5%9B%9E%E6%89%A7.png", raw=self.PNG)
        self.assertEqual(status, 201, a)
        self.assertEqual(a["mime"], "image/png")
        status, pdf, _ = desk.call("POST", path + "?name=x.pdf", raw=b"%PDF-1.4\n%%EOF\n")
        self.assertEqual(status, 201, pdf)
        # Named .png but plain text: the bytes decide.
        status, body, _ = desk.call("POST", path + "?name=fake.png", raw="不是图片".encode())
        self.assertEqual((status, body["error"]["key"]), (400, "unsupported_type"))
        status, body, _ = desk.call("POST", path + "?name=big.pdf",
                                    raw=b"%PDF-1.4\n" + b"0" * (6 << 20))
        self.assertEqual(status, 413, body)
        status, case, _ = desk.call("GET", f"/api/v1/complaints/{cid}")
        self.assertEqual([x["name"] for x in case["attachments"]][-2:], ["回执.png", "x.pdf"])
        status, raw, hdrs = liaison.call("GET", f"{path}/{a['id']}")
        self.assertEqual((status, hdrs["Content-Type"]), (200, "image/png"))
        self.assertEqual(hdrs["X-Content-Type-Options"], "nosniff")
        self.assertEqual(server.client("member").call("GET", f"{path}/{a['id']}")[0], 403)


class MaskingTest(unittest.TestCase):
    """Every route that answers a case, as every role: the full phone number
    and name appear only in GET /api/v1/complaints/{id} for the desk."""

    @classmethod
    def setUpClass(cls):
        anon = server.client()
        status, filed, _ = file_public(anon)
        assert status == 201, filed
        cls.number = filed["number"]
        desk = server.client("hubei-desk")
        status, page, _ = desk.call("GET", "/api/v1/complaints?q=" + cls.number)
        cls.cid = page["items"][0]["id"]
        assert act(desk, cls.cid, "accept")[0] == 200
        assert act(desk, cls.cid, "forward")[0] == 200

    def assert_masked(self, body, where):
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        self.assertNotIn(FULL_PHONE, text, where)
        self.assertNotIn(FULL_NAME, text, where)

    def test_every_route_every_role(self):
        paths = ["/api/v1/complaints", f"/api/v1/complaints?q={self.number}",
                 "/api/v1/complaints?overdue=true", f"/api/v1/complaints/{self.cid}",
                 "/api/v1/complaints/stats", "/api/v1/audit?action=complaint",
                 "/api/v1/notifications", "/api/v1/bulletins/sources/complaints?region=420000"]
        for who in ROLES + ["anonymous"]:
            c = server.client(None if who == "anonymous" else who)
            for path in paths:
                status, body, _ = c.call("GET", path)
                if who == "hubei-desk" and path == f"/api/v1/complaints/{self.cid}":
                    self.assertEqual(status, 200, body)
                    self.assertEqual(body["phone"], FULL_PHONE)
                    self.assertEqual(body["name"], FULL_NAME)
                    self.assertFalse(body["personal_data_masked"])
                    continue
                with self.subTest(who=who, path=path):
                    self.assert_masked(body, f"{who} GET {path}")
            status, body, _ = c.call("GET", f"{PUBLIC}/{self.number}?phone={FULL_PHONE}")
            self.assertEqual(status, 200)
            self.assert_masked(body, f"{who} public status")
            self.assertEqual(body["phone"], "139****5678")
            self.assertEqual(body["name"], "欧***")
        # The action answers and the export are masked for the desk too.
        desk = server.client("hubei-desk")
        status, body, _ = act(server.client("liaison"), self.cid, "reply", text="已处理。")
        self.assertEqual(status, 200, body)
        self.assert_masked(body, "liaison reply")
        status, body, _ = act(desk, self.cid, "verify")
        self.assertEqual(status, 200, body)
        self.assert_masked(body, "desk verify")
        for who in ("hubei-desk", "admin"):
            status, xlsx, hdrs = server.client(who).call("GET", "/api/v1/complaints/stats/export")
            self.assertEqual(status, 200)
            self.assertIn("spreadsheetml", hdrs["Content-Type"])
            raw = urlopen_bytes(server.client(who), "/api/v1/complaints/stats/export")
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                for name in z.namelist():
                    self.assert_masked(z.read(name).decode("utf-8", "replace"), who + " " + name)

    def test_unmasked_view_is_audited(self):
        desk = server.client("hubei-desk")
        self.assertEqual(desk.call("GET", f"/api/v1/complaints/{self.cid}")[0], 200)
        status, page, _ = server.client("admin").call(
            "GET", "/api/v1/audit?action=complaint.view_personal_data&page_size=100")
        self.assertEqual(status, 200, page)
        ids = [e["entity_id"] for e in page["items"] if e["actor"] == "hubei-desk"]
        self.assertIn(str(self.cid), ids)
        self.assert_masked(page, "audit log")


def urlopen_bytes(client, path):
    import urllib.request
    req = urllib.request.Request(client.base + path)
    with client.opener.open(req, timeout=30) as r:
        return r.read()


class IsolationTest(unittest.TestCase):
    def test_roles_without_the_desk_are_refused(self):
        for who in ("editor", "approver", "hubei-admin", "hubei-reporter", "member",
                    "hebei-reporter"):
            c = server.client(who)
            with self.subTest(who=who):
                self.assertEqual(c.call("GET", "/api/v1/complaints")[0], 403)
                self.assertEqual(c.call("GET", "/api/v1/complaints/stats")[0], 403)
        self.assertEqual(server.client().call("GET", "/api/v1/complaints")[0], 401)

    def test_region_and_operator_isolation(self):
        admin = server.client("admin")
        status, body, _ = admin.call("POST", "/api/v1/users", {
            "login": "hebei-desk", "password": "Hebei-desk-2020", "org": "hebei",
            "roles": ["complaint_handler"], "name": "河北受理员"})
        self.assertEqual(status, 201, body)
        hebei = server.client("hebei-desk", "Hebei-desk-2020")
        status, page, _ = hebei.call("GET", "/api/v1/complaints?page_size=100")
        self.assertEqual(status, 200, page)
        self.assertTrue(all(i["region"] == "130000" for i in page["items"]), page)
        desk = server.client("hubei-desk")
        status, hubei, _ = desk.call("GET", "/api/v1/complaints?page_size=100")
        self.assertTrue(all(i["region"] == "420000" for i in hubei["items"]))
        some = hubei["items"][0]["id"]
        self.assertEqual(hebei.call("GET", f"/api/v1/complaints/{some}")[0], 404)
        self.assertEqual(act(hebei, some, "accept")[0], 404)
        self.assertEqual(hebei.call("GET", "/api/v1/complaints/stats?region=420000")[0], 403)
        # The liaison (China Mobile Hubei) sees forwarded China Mobile cases only.
        status, lp, _ = server.client("liaison").call("GET", "/api/v1/complaints?page_size=100")
        self.assertEqual(status, 200, lp)
        self.assertGreater(lp["total"], 0)
        for i in lp["items"]:
            self.assertEqual((i["operator"], i["region"]), ("cmcc", "420000"))
            self.assertNotEqual(i["forwarded_on"], "")
        # The national admin sees every region.
        status, all_, _ = admin.call("GET", "/api/v1/complaints?page_size=100")
        self.assertEqual({i["region"] for i in all_["items"]} >= {"420000", "130000"}, True)


class PublicAbuseTest(unittest.TestCase):
    def count(self):
        status, page, _ = server.client("admin").call("GET", "/api/v1/complaints?page_size=1")
        return page["total"]

    def test_bad_input_is_400_naming_the_field_and_stores_nothing(self):
        anon = server.client()
        before = self.count()
        cases = [
            ({"description": "长" * 2001}, "description"),
            ({"description": "<script>alert(1)</script>"}, "description"),
            ({"name": "<img src=x onerror=alert(1)>"}, "name"),
            ({"operator_answer": "<b>x</b>"}, "operator_answer"),
            ({"phone": "12345"}, "phone"),
            ({"category": "weather"}, "category"),
            ({"operator": "acme"}, "operator"),
            ({"region": "999999"}, "region"),
            ({"operator_contacted_on": "2099-01-01"}, "operator_contacted_on"),
            ({"operator_contacted_on": "2026-13-40"}, "operator_contacted_on"),
            ({"kind": "rant"}, "kind"),
            ({"extra": "x"}, "extra"),
        ]
        for over, field in cases:
            status, body, _ = file_public(anon, **over)
            with self.subTest(field=field, over=str(over)[:40]):
                self.assertEqual(status, 400, body)
                self.assertEqual(body["error"]["field"], field)
        body = filing()
        body["challenge"], body["solution"] = "forged.1.1.x", "0"
        status, r, _ = anon.call("POST", PUBLIC, body)
        self.assertEqual((status, r["error"]["key"]), (400, "challenge_failed"))
        self.assertEqual(self.count(), before)

    def test_flood_is_429_with_retry_after_and_nothing_stored(self):
        flood = harness.Server(db_url=None, extra_env={
            "JIANBAO_COMPLAINTS_PUBLIC_CHALLENGE": "false"}).start()
        try:
            # The demo data's bulletin sentence (a fresh server: only the demo cases):
            # twelve Hubei cases, one of them a merged duplicate; five were forwarded.
            status, section, _ = flood.client("editor").call(
                "GET", "/api/v1/bulletins/sources/complaints?region=420000")
            self.assertEqual(status, 200, section)
            self.assertTrue(section["body"].startswith(
                "截止目前，共受理用户咨询及申诉11件，其中转运营商协调处理的申诉5件。"), section)
            self.assertEqual(section["title"], "湖北省电信用户申诉受理情况")
            anon = flood.client()
            status, form, _ = anon.call("GET", "/api/v1/public/complaint-form")
            self.assertFalse(form["challenge_enabled"])
            admin = flood.client("admin")
            total = lambda: admin.call("GET", "/api/v1/complaints?page_size=1")[1]["total"]
            before = total()
            for i in range(5):  # refused or not, each counts
                status, body, _ = anon.call("POST", PUBLIC, filing(phone="1" if i % 2 else FULL_PHONE))
                self.assertIn(status, (201, 400), body)
            after_five = total()
            for _ in range(3):
                status, body, hdrs = anon.call("POST", PUBLIC, filing())
                self.assertEqual(status, 429, body)
                self.assertGreater(int(hdrs["Retry-After"]), 0)
            self.assertEqual(total(), after_five)
            self.assertEqual(after_five, before + 3)
            status, body, _ = anon.call("POST", PUBLIC, raw=b"{not json")
            self.assertEqual(status, 429)
        finally:
            flood.stop()


class StatsAndBulletinTest(unittest.TestCase):
    def test_stats_names_and_bulletin_sentence(self):
        desk = server.client("hubei-desk")
        status, s, _ = desk.call("GET", "/api/v1/complaints/stats")
        self.assertEqual(status, 200, s)
        for key in ("received", "consultations", "complaints", "accepted", "resolved_directly",
                    "forwarded", "closed", "overdue", "average_handling_days", "satisfaction"):
            self.assertIn(key, s)
        self.assertEqual(s["region"], "420000")
        status, section, _ = server.client("editor").call(
            "GET", "/api/v1/bulletins/sources/complaints?region=420000")
        self.assertEqual(status, 200, section)
        self.assertEqual(section["body"].split("。")[0],
                         f"截止目前，共受理用户咨询及申诉{s['received']}件，"
                         f"其中转运营商协调处理的申诉{s['forwarded']}件")
        self.assertEqual(desk.call("GET", "/api/v1/bulletins/sources/complaints")[0], 403)
        self.assertEqual(desk.call("GET", "/api/v1/complaints/stats?from=2026-99-01")[0], 400)

    def test_calendar_is_data_admins_edit(self):
        admin, desk = server.client("admin"), server.client("hubei-desk")
        status, cal, _ = desk.call("GET", "/api/v1/complaints/calendar?year=2020")
        self.assertEqual(status, 200)
        self.assertIn({"date": "2020-01-31", "kind": "holiday", "name": "春节（延长至2月2日）"},
                      cal["items"])
        self.assertEqual(desk.call("PUT", "/api/v1/complaints/calendar/2026-12-24",
                                   {"kind": "holiday"})[0], 403)
        status, d, _ = admin.call("PUT", "/api/v1/complaints/calendar/2026-12-24",
                                  {"kind": "holiday", "name": "测试"})
        self.assertEqual(status, 200, d)
        self.assertEqual(admin.call("DELETE", "/api/v1/complaints/calendar/2026-12-24")[0], 204)


class PurgeTest(unittest.TestCase):
    def test_purge_keeps_counts(self):
        desk = server.client("hubei-desk")
        status, before, _ = desk.call("GET", "/api/v1/complaints/stats")
        closed_page = desk.call("GET", "/api/v1/complaints?status=closed&page_size=1")[1]
        cid = closed_page["items"][0]["id"]
        db = server.db_url
        out = subprocess.run([harness.BIN, "complaints", "purge", "--db", db, "--before",
                              "2999-01-01"], capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("personal data erased from", out.stdout)
        status, after, _ = desk.call("GET", "/api/v1/complaints/stats")
        for key in ("received", "closed", "forwarded", "complaints"):
            self.assertEqual(before[key], after[key], key)
        status, c, _ = desk.call("GET", f"/api/v1/complaints/{cid}")
        self.assertEqual(status, 200)
        self.assertEqual((c["name"], c["phone"], c["description"]), ("", "", ""))
        self.assertTrue(c["personal_data_erased"])
        bad = subprocess.run([harness.BIN, "complaints", "purge", "--db", db, "--before", "soon"],
                             capture_output=True, text=True, timeout=60)
        self.assertNotEqual(bad.returncode, 0)


if __name__ == "__main__":
    unittest.main()
