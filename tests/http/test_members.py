"""Member services (复工复产, issue 14, first half): work-resumption reports,
schedules and DHIS2 reporting rates, follow-ups, the supplies ledger (never
negative, also under concurrent transactions), member import (HTTP and CLI),
on the engine under test (JIANBAO_TEST_DB=sqlite|postgres)."""

import datetime
import io
import json
import os
import subprocess
import tempfile
import threading
import unittest
import urllib.parse
import zipfile

import harness

server = None
R = "/api/v1/resumption"
S = "/api/v1/supplies"
TODAY = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date().isoformat()


def credit_code(n):
    """A valid 统一社会信用代码 (GB 32100 check character)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    body = f"9142010{n:010d}"
    total = sum(alphabet.index(c) * w for c, w in zip(body, weights))
    return body + alphabet[(31 - total % 31) % 31]


def xlsx(rows, formula_cell=None, merge=None):
    """A minimal .xlsx with inline strings; optionally a formula cell or merged cells."""
    def col(i):
        return chr(ord("A") + i)
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if ref == formula_cell:
                cells.append(f'<c r="{ref}" t="str"><f>A1&amp;B1</f><v>x</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    merges = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>' if merge else ""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets>'
                   '<sheet name="会员名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   f'<worksheet><sheetData>{"".join(sheet_rows)}</sheetData>{merges}</worksheet>')
    return out.getvalue()


def bomb():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<worksheet>" + b" " * (40 << 20))
    return out.getvalue()


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()


class ReportsTest(unittest.TestCase):
    def setUp(self):
        self.member = server.client("member")

    def report(self, **over):
        body = {"date": TODAY, "status": "partial", "staff_back_pct": 70, "capacity_pct": 60,
                "difficulties": [{"category": "supplies", "text": "口罩不足"}],
                "needs": [{"kind": "masks", "quantity": 500, "note": "一线"}]}
        body.update(over)
        return body

    def count(self):
        status, page, _ = self.member.call("GET", f"{R}/reports?page_size=100")
        self.assertEqual(status, 200, page)
        return page["total"]

    def test_bad_reports_name_the_field_and_store_nothing(self):
        before = self.count()
        for over, field in [({"staff_back_pct": 101}, "staff_back_pct"),
                            ({"capacity_pct": -1}, "capacity_pct"),
                            ({"status": "closed"}, "status"),
                            ({"needs": [{"kind": "rice", "quantity": 1}]}, "needs[0].kind"),
                            ({"needs": [{"kind": "masks", "quantity": 0}]}, "needs[0].quantity"),
                            ({"difficulties": [{"category": "weather"}]},
                             "difficulties[0].category"),
                            ({"date": "2020-02-30"}, "date")]:
            with self.subTest(field=field):
                status, body, _ = self.member.call("POST", f"{R}/reports", self.report(**over))
                self.assertEqual((status, body["error"]["field"]), (400, field), body)
        status, body, _ = self.member.call("POST", f"{R}/reports", self.report(org="hubei-xinke"))
        self.assertEqual(status, 403, body)
        staff = server.client("hubei-admin")
        self.assertEqual(staff.call("POST", f"{R}/reports", self.report())[0], 403)
        self.assertEqual(self.count(), before)

    def test_a_unit_reports_once_a_day_and_its_needs_are_followed_up(self):
        status, rep, _ = self.member.call("POST", f"{R}/reports", self.report(date="2020-03-02"))
        self.assertEqual(status, 201, rep)
        self.assertEqual((rep["org"], rep["needs"][0]["kind"]), ("hubei-ctc", "masks"))
        status, body, _ = self.member.call("POST", f"{R}/reports", self.report(date="2020-03-02"))
        self.assertEqual((status, body["error"]["key"]), (409, "report_exists"))
        staff = server.client("hubei-admin")
        status, page, _ = staff.call("GET", f"{R}/followups?status=open&org=hubei-ctc&kind=masks")
        self.assertEqual(status, 200, page)
        item = next(i for i in page["items"] if i["report"] == rep["id"])
        status, body, _ = self.member.call("POST", f"{R}/followups/{item['id']}/actions",
                                           {"action": "start"})
        self.assertEqual(status, 403, body)
        status, body, _ = staff.call("POST", f"{R}/followups/{item['id']}/actions",
                                     {"action": "assign", "owner": "hubei-admin"})
        self.assertEqual((status, body["status"], body["owner"]), (200, "in_progress", "hubei-admin"))
        status, body, _ = staff.call("POST", f"{R}/followups/{item['id']}/actions",
                                     {"action": "resolve"})
        self.assertEqual((status, body["error"]["field"]), (400, "note"))
        status, body, _ = staff.call("POST", f"{R}/followups/{item['id']}/actions",
                                     {"action": "resolve", "note": "已调拨"})
        self.assertEqual((status, body["status"]), (200, "resolved"))
        self.assertEqual([h["action"] for h in body["history"]], ["create", "assign", "resolve"])
        status, body, _ = staff.call("POST", f"{R}/followups/{item['id']}/actions",
                                     {"action": "close", "note": "x"})
        self.assertEqual((status, body["error"]["key"]), (409, "followup_transition"))
        other = server.client("hebei-reporter")
        self.assertEqual(other.call("GET", f"{R}/followups/{item['id']}")[0], 404)


class SchedulesTest(unittest.TestCase):
    def setUp(self):
        self.staff = server.client("hubei-admin")

    def test_the_demo_weekly_schedule_and_its_rate(self):
        status, page, _ = self.staff.call("GET", f"{R}/schedules")
        self.assertEqual(status, 200, page)
        weekly = next(s for s in page["items"] if s["kind"] == "weekly")
        self.assertEqual((weekly["weekday"], weekly["first_period"]), (5, "2020-02-08"))
        status, rate, _ = self.staff.call("GET", f"{R}/rate?schedule={weekly['id']}&period=2020-03-19")
        self.assertEqual(status, 200, rate)
        self.assertEqual(rate["period"], {"index": 5, "start": "2020-03-14", "end": "2020-03-20"})
        self.assertEqual(rate["expected"], 8)
        self.assertEqual(rate["reported"] + len(rate["missing"]), rate["expected"])
        self.assertEqual(rate["reported"] - len(rate["late"]), rate["on_time"])
        self.assertTrue(rate["missing"])
        status, dash, _ = self.staff.call(
            "GET", f"{R}/dashboard?schedule={weekly['id']}&period=2020-03-19")
        self.assertEqual(status, 200, dash)
        self.assertEqual(len(dash["series"]), 6)
        self.assertEqual(dash["by_province"][0]["key"], "hubei")
        self.assertIn("通信工程", [g["key"] for g in dash["by_sector"]])
        status, data, headers = self.staff.call(
            "GET", f"{R}/export?schedule={weekly['id']}&period=2020-03-19")
        self.assertEqual(status, 200)
        self.assertIn("spreadsheetml", headers["Content-Type"])
        # Outside the association: no schedule, no rate.
        hebei = server.client("hebei-reporter")
        self.assertEqual(hebei.call("GET", f"{R}/rate?schedule={weekly['id']}&period=2020-03-19")[0],
                         404)
        member = server.client("member")
        status, mine, _ = member.call("GET", f"{R}/schedules")
        self.assertIn(weekly["id"], [s["id"] for s in mine["items"]])
        self.assertEqual(member.call("GET", f"{R}/rate?schedule={weekly['id']}&period=2020-03-19")[0],
                         403)
        for q, key in [("period=2020-03-19", "required"),
                       (f"schedule={weekly['id']}&period=2019-01-01", "period_outside_schedule"),
                       (f"schedule={weekly['id']}&period=x", "invalid_date")]:
            with self.subTest(q=q):
                status, body, _ = self.staff.call("GET", f"{R}/rate?{q}")
                self.assertEqual((status, body["error"]["key"]), (400, key), body)

    def test_a_new_daily_schedule_counts_todays_report(self):
        status, sc, _ = self.staff.call("POST", f"{R}/schedules", {
            "name": "每日报", "kind": "daily", "start": TODAY, "units": ["hubei-ctc", "hubei-xinke"]})
        self.assertEqual(status, 201, sc)
        self.assertEqual((sc["first_period"], sc["unit_count"]), (TODAY, 2))
        for body, field in [({"name": "x", "kind": "weekly", "start": TODAY, "units": ["hubei-ctc"]},
                             "weekday"),
                            ({"name": "x", "kind": "daily", "start": TODAY, "units": ["hebei-zhiyuan"]},
                             "units"),
                            ({"name": "x", "kind": "once", "start": TODAY, "deadline": "2020-01-01",
                              "units": ["hubei-ctc"]}, "deadline")]:
            with self.subTest(field=field):
                status, err, _ = self.staff.call("POST", f"{R}/schedules", body)
                self.assertEqual((status, err["error"]["field"]), (400, field), err)
        member = server.client("member")
        status, rep, _ = member.call("POST", f"{R}/reports", {
            "date": TODAY, "status": "resumed", "staff_back_pct": 100, "capacity_pct": 90})
        self.assertIn(status, (201, 409), rep)
        status, rate, _ = self.staff.call("GET", f"{R}/rate?schedule={sc['id']}&period={TODAY}")
        self.assertEqual(status, 200, rate)
        self.assertEqual((rate["expected"], rate["reported"], rate["on_time"], rate["missing"]),
                         (2, 1, 1, ["hubei-xinke"]))
        self.assertEqual(server.client("member").call("POST", f"{R}/schedules", {
            "name": "x", "kind": "daily", "start": TODAY, "units": ["hubei-ctc"]})[0], 403)


class LedgerTest(unittest.TestCase):
    def setUp(self):
        self.staff = server.client("hubei-admin")

    def tx(self, **body):
        base = {"item": "gloves", "quantity": 1, "from": "hubei", "to": "hubei-ctc",
                "date": "2020-03-01", "note": ""}
        base.update(body)
        return self.staff.call("POST", f"{S}/transactions", base)

    def balance(self, holder, item):
        status, page, _ = self.staff.call("GET", f"{S}/balances?holder={holder}&item={item}")
        self.assertEqual(status, 200, page)
        return page["items"][0]["balance"] if page["items"] else 0

    def test_a_transaction_that_would_overdraw_is_refused_with_the_balance(self):
        status, t, _ = self.tx(item="goggles", quantity=30, **{"from": "爱心企业", "to": "hubei"})
        self.assertEqual(status, 201, t)
        self.assertEqual((t["from"], t["from_org"], t["to"], t["unit"]), ("爱心企业", False, "hubei", "pcs"))
        status, page, _ = self.staff.call("GET", f"{S}/transactions?holder=hubei&item=goggles")
        before = page["total"]
        status, body, _ = self.tx(item="goggles", quantity=31)
        self.assertEqual((status, body["error"]["key"]), (409, "negative_balance"), body)
        self.assertIn("30", body["error"]["message"])
        self.assertEqual(self.balance("hubei", "goggles"), 30)
        status, page, _ = self.staff.call("GET", f"{S}/transactions?holder=hubei&item=goggles")
        self.assertEqual(page["total"], before)
        for body, field in [({"item": "rice"}, "item"), ({"quantity": 0}, "quantity"),
                            ({"quantity": 1.234}, "quantity"), ({"date": "x"}, "date"),
                            ({"to": "hubei"}, "to"), ({"unit": "litre"}, "unit")]:
            with self.subTest(field=field):
                status, err, _ = self.tx(**body)
                self.assertEqual((status, err["error"]["field"]), (400, field), err)
        self.assertEqual(self.tx(**{"from": "hebei"})[0], 403)
        self.assertEqual(server.client("member").call("POST", f"{S}/transactions", {
            "item": "masks", "quantity": 1, "from": "hubei-ctc", "to": "x", "date": "2020-03-01"})[0],
            403)

    def test_concurrent_transactions_never_overdraw(self):
        status, _, _ = self.tx(item="thermometers", quantity=10, **{"from": "捐赠方", "to": "hubei"})
        self.assertEqual(status, 201)
        results = []
        lock = threading.Lock()

        def worker(n):
            c = server.client("hubei-admin")
            for i in range(4):
                to = "hubei-ctc" if (n + i) % 2 else "武汉市某医院"
                status, _, _ = c.call("POST", f"{S}/transactions", {
                    "item": "thermometers", "quantity": 1, "from": "hubei", "to": to,
                    "date": "2020-03-02"})
                with lock:
                    results.append(status)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(set(results)), [201, 409], results)
        self.assertEqual(results.count(201), 10)
        self.assertEqual(self.balance("hubei", "thermometers"), 0)

    def test_summary_export_and_bulletin_section(self):
        status, s, _ = self.staff.call("GET", f"{S}/summary?year=2020")
        self.assertEqual(status, 200, s)
        masks = next(r for r in s["items"] if r["item"] == "masks")
        self.assertGreater(masks["received"], 0)
        self.assertIn("口罩", s["section"]["body"])
        status, data, headers = self.staff.call("GET", f"{S}/export?year=2020")
        self.assertEqual(status, 200)
        self.assertIn("spreadsheetml", headers["Content-Type"])
        editor = server.client("editor")
        status, kinds, _ = editor.call("GET", "/api/v1/bulletins/sources/summaries")
        self.assertIn("supplies", [k["key"] for k in kinds["items"]])
        status, sec, _ = editor.call(
            "GET", "/api/v1/bulletins/sources/summaries/supplies?from=2020-01-01&to=2020-12-31")
        self.assertEqual(status, 200, sec)
        self.assertIn("防疫物资", sec["title"])
        self.assertIn("湖北省慈善总会", sec["body"])


class ImportTest(unittest.TestCase):
    HEADER = ["单位名称", "简称", "统一社会信用代码", "联系人", "手机", "邮箱", "行业"]

    def setUp(self):
        self.admin = server.client("hubei-admin")

    def post(self, data, fmt="xlsx", dry=False, parent="hubei", client=None):
        q = f"/api/v1/members/import?parent={parent}&format={fmt}" + ("&dry_run=1" if dry else "")
        return (client or self.admin).call("POST", q, raw=data,
                                           headers={"Content-Type": "application/octet-stream"})

    def rows(self, first, n, name="导入测试公司"):
        return [[f"{name}{i}", f"导入{i}", credit_code(first + i), "张三", f"1390000{i:04d}",
                 f"i{i}@example.com", "通信工程"] for i in range(n)]

    def members(self, text):
        status, page, _ = self.admin.call("GET", "/api/v1/members?q=" + urllib.parse.quote(text))
        self.assertEqual(status, 200, page)
        return page["total"]

    def test_preview_errors_all_or_nothing_and_update(self):
        rows = self.rows(5000, 3)
        status, body, _ = self.post(xlsx([self.HEADER] + rows), dry=True)
        self.assertEqual((status, body["created"], body["stored"]), (200, 3, False), body)
        self.assertEqual(self.members("导入测试"), 0)
        bad = [r[:] for r in rows]
        bad[1][2] = "91350100M000100Y44"
        bad[2][5] = "not-mail"
        status, body, _ = self.post(xlsx([self.HEADER] + bad))
        self.assertEqual((status, body["error"]["key"]), (400, "import_rejected"), body)
        self.assertEqual([(e["row"], e["column"]) for e in body["errors"]],
                         [(3, "统一社会信用代码"), (4, "邮箱")])
        self.assertEqual(self.members("导入测试"), 0)
        status, body, _ = self.post(xlsx([self.HEADER] + rows))
        self.assertEqual((status, body["created"], body["stored"]), (200, 3, True), body)
        rows[0][0] = "导入测试股份公司0"
        csv = "\n".join(",".join(r) for r in [["name", "credit_code"]] + [[r[0], r[2]] for r in rows])
        status, body, _ = self.post(csv.encode(), fmt="csv")
        self.assertEqual((status, body["created"], body["updated"]), (200, 0, 3), body)
        self.assertEqual(self.members("导入测试"), 3)
        self.assertEqual(self.members("导入测试股份"), 1)

    def test_new_and_updated_units_in_one_file(self):
        # The batch writes (200 organisations to a statement): 210 new units, then one file
        # with 3 new, 201 renamed and 9 unchanged ones. Each renamed unit's version goes up
        # exactly once, stamped with the importer; one audit entry per import.
        rows = self.rows(20000, 210, name="批量导入公司")
        status, body, _ = self.post(xlsx([self.HEADER] + rows))
        self.assertEqual((status, body["created"]), (200, 210), body)
        again = [r[:] for r in rows] + self.rows(20210, 3, name="批量导入新公司")
        for r in again[:201]:
            r[0] = r[0].replace("批量导入公司", "批量导入股份公司")
        status, body, _ = self.post(xlsx([self.HEADER] + again))
        self.assertEqual((status, body["created"], body["updated"]), (200, 3, 210), body)
        status, orgs, _ = self.admin.call("GET", "/api/v1/orgs")
        self.assertEqual(status, 200)
        mine = [o for o in orgs["items"] if o["name"].startswith("批量导入")]
        self.assertEqual(len(mine), 213)
        self.assertEqual({o["parent"] for o in mine}, {"hubei"})
        renamed = [o for o in mine if "股份" in o["name"]]
        self.assertEqual(len(renamed), 201)
        self.assertEqual({(o["version"], o["updated_by"]) for o in renamed}, {(2, "周涛")})
        self.assertEqual({o["version"] for o in mine if "股份" not in o["name"]}, {1})
        status, audit, _ = self.admin.call("GET", "/api/v1/audit?action=members.import&page_size=1")
        self.assertEqual(status, 200, audit)
        self.assertEqual(audit["items"][0]["after"], {"created": 3, "updated": 210})

    def test_malformed_spreadsheets_are_refused(self):
        rows = [self.HEADER] + self.rows(6000, 2)
        for data, key in [(xlsx(rows, formula_cell="A3"), "sheet_formula"),
                          (xlsx(rows, merge="A1:B1"), "sheet_merged"),
                          (xlsx([["序号", "备注"], ["1", "x"]]), "sheet_no_header"),
                          (b"PK\x03\x04garbage", "sheet_malformed"),
                          (bomb(), "sheet_bomb")]:
            with self.subTest(key=key):
                status, body, _ = self.post(data)
                self.assertEqual((status, body["error"]["key"]), (400, key), body)
        many = "name,credit_code\n" + "".join(f"x{i},{credit_code(7000 + i)}\n" for i in range(10000))
        status, body, _ = self.post(many.encode(), fmt="csv")
        self.assertEqual((status, body["error"]["key"]), (400, "sheet_too_many_rows"))
        self.assertEqual(self.members("导入测试公司6"), 0)
        for who in ("member", "hubei-reporter", "hebei-reporter"):
            with self.subTest(who=who):
                status, _, _ = self.post(xlsx(rows), client=server.client(who))
                self.assertEqual(status, 403)

    def test_cli_import(self):
        with tempfile.TemporaryDirectory() as tmp:
            good = os.path.join(tmp, "members.csv")
            with open(good, "w", encoding="utf-8") as f:
                f.write("单位名称,统一社会信用代码,联系人\n命令行导入公司,%s,李四\n" % credit_code(8001))
            bad = os.path.join(tmp, "bad.csv")
            with open(bad, "w", encoding="utf-8") as f:
                f.write("单位名称,统一社会信用代码\n,%s\n错码公司,123\n" % credit_code(8002))
            run = lambda *a: subprocess.run([harness.BIN, "members", "import", *a, "--db",
                                             server.db_url, "--parent", "hubei", "--json"],
                                            capture_output=True, text=True)
            r = run(bad)
            self.assertEqual(r.returncode, 1, r.stderr)
            out = json.loads(r.stdout)
            self.assertEqual((out["created"], [(e["row"], e["column"]) for e in out["errors"]]),
                             (0, [(2, "单位名称"), (3, "统一社会信用代码")]))
            r = run(good, "--dry-run")
            self.assertEqual((r.returncode, json.loads(r.stdout)["created"]), (0, 1), r.stderr)
            self.assertEqual(self.members("命令行导入"), 0)
            r = run(good)
            self.assertEqual((r.returncode, json.loads(r.stdout)["created"]), (0, 1), r.stderr)
            self.assertEqual(self.members("命令行导入"), 1)


if __name__ == "__main__":
    unittest.main()
