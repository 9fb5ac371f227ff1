"""Policy library (政策汇编) and online training (培训), issue 14: policies
with their checks, filters and paging, the digest; courses with capacity
enforced under concurrent registrations, attendance, postponement and
extension with reasons — on the engine under test
(JIANBAO_TEST_DB=sqlite|postgres)."""

import threading
import unittest
import urllib.parse

import harness

server = None
P = "/api/v1/policies"
T = "/api/v1/training/courses"


def setUpModule():
    global server
    server = harness.Server().start()


def tearDownModule():
    server.stop()
    harness.stop_postgres()


def policy(**kw):
    body = {"title": "关于支持复工复产的若干措施", "issuer": "湖北省人民政府",
            "issued_on": "2020-02-12", "doc_number": "鄂政发〔2020〕6号", "region": "420000",
            "tags": ["复工复产"], "summary": "要点。", "link": "https://www.hubei.gov.cn/"}
    body.update(kw)
    return body


def course(**kw):
    body = {"title": "防疫培训", "provider": "湖北省通信行业协会", "format": "online",
            "start": "2020-04-01T09:00", "end": "2020-04-01T11:00",
            "link": "https://meeting.example/1", "capacity": 2, "valid_until": "2020-12-31"}
    body.update(kw)
    return body


class PoliciesTest(unittest.TestCase):
    def test_crud_filters_paging_and_digest(self):
        hubei, member = server.client("hubei-admin"), server.client("member")
        status, page, _ = member.call("GET", P)
        self.assertEqual(status, 200, page)
        demo_total = page["total"]
        self.assertGreaterEqual(demo_total, 2)  # the demo's two policies
        status, p, _ = hubei.call("POST", P, policy(tags=["稳岗", "测试标签"]))
        self.assertEqual(status, 201, p)
        self.assertEqual(p["owner"], "hubei")
        for i in range(3):
            status, r, _ = hubei.call("POST", P, policy(title=f"分页政策{i}", issued_on="2019-0{}-01"
                                                        .format(i + 1), region="110000", tags=[], doc_number=""))
            self.assertEqual(status, 201, r)
        status, page, _ = member.call("GET", P + "?page_size=2&page=2")
        self.assertEqual((page["total"], len(page["items"]), page["page"]), (demo_total + 4, 2, 2))
        for query, n in (({"tag": "测试标签"}, 1), ({"region": "110000"}, 3), ({"year": "2019"}, 3),
                         ({"q": "分页政策"}, 3), ({"q": "鄂政发〔2020〕6号"}, 1),
                         ({"q": "不存在的词"}, 0)):
            status, page, _ = member.call("GET", P + "?" + urllib.parse.urlencode(query))
            self.assertEqual((status, page["total"]), (200, n), query)
        status, r, _ = member.call("GET", P + "?year=20")
        self.assertEqual(r["error"]["key"], "invalid_year")

        for body, field in ((policy(doc_number="第六号"), "doc_number"),
                            (policy(region="4200"), "region"),
                            (policy(link="ftp://x.example/"), "link"),
                            (policy(issued_on="2020-02-30"), "issued_on"),
                            (policy(title=""), "title")):
            status, r, _ = hubei.call("POST", P, body)
            self.assertEqual((status, r["error"]["field"]), (400, field), body)
        status, r, _ = member.call("POST", P, policy())
        self.assertEqual(status, 403, r)

        status, r, _ = hubei.call("PUT", f"{P}/{p['id']}", policy(title="已修改"))
        self.assertEqual((status, r["title"]), (200, "已修改"))
        status, r, _ = server.client("hebei-reporter").call("PUT", f"{P}/{p['id']}", policy())
        self.assertEqual(status, 403, r)

        status, d, _ = hubei.call("POST", P + "/digest",
                                  {"policy_ids": [p["id"]], "title": "政策汇编（第1期）"})
        self.assertEqual(status, 200, d)
        self.assertEqual(d["title"], "政策汇编（第1期）")
        self.assertTrue(d["body"].startswith("1. **已修改**（鄂政发〔2020〕6号）"), d["body"])
        status, r, _ = hubei.call("POST", P + "/digest", {"policy_ids": [], "title": "x"})
        self.assertEqual(r["error"]["field"], "policy_ids")

        # One file per policy, typed by its bytes, served to everyone signed in.
        pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
        status, r, _ = hubei.call("POST", f"{P}/{p['id']}/attachment?name=%E9%80%9A%E7%9F%A5.pdf",
                                  raw=b"MZ\x90\x00")
        self.assertEqual((status, r["error"]["key"]), (400, "unsupported_attachment"))
        status, r, _ = member.call("POST", f"{P}/{p['id']}/attachment?name=a.pdf", raw=pdf)
        self.assertEqual(status, 403, r)
        status, r, _ = hubei.call("POST", f"{P}/{p['id']}/attachment?name=%E9%80%9A%E7%9F%A5.pdf",
                                  raw=pdf)
        self.assertEqual(status, 200, r)
        self.assertEqual(r["attachment"], {"name": "通知.pdf", "mime": "application/pdf",
                                           "size": len(pdf)})
        status, body, headers = member.call("GET", f"{P}/{p['id']}/attachment")
        self.assertEqual((status, headers["Content-Type"], headers["X-Content-Type-Options"]),
                         (200, "application/pdf", "nosniff"))
        status, _, _ = hubei.call("DELETE", f"{P}/{p['id']}/attachment")
        self.assertEqual(status, 204)
        status, r, _ = member.call("GET", f"{P}/{p['id']}/attachment")
        self.assertEqual((status, r["error"]["key"]), (404, "policy_file_not_found"))

        status, _, _ = hubei.call("DELETE", f"{P}/{p['id']}")
        self.assertEqual(status, 204)
        status, r, _ = member.call("GET", f"{P}/{p['id']}")
        self.assertEqual((status, r["error"]["key"]), (404, "policy_not_found"))


class TrainingTest(unittest.TestCase):
    def test_capacity_attendance_and_history(self):
        hubei = server.client("hubei-admin")
        status, c, _ = hubei.call("POST", T, course(capacity=1))
        self.assertEqual(status, 201, c)
        # Members of three units race for one seat: exactly one wins.
        admin = server.client("admin")
        logins = []
        for i in range(3):
            login = f"trainee{i}"
            status, u, _ = admin.call("POST", "/api/v1/users", {
                "login": login, "password": "Trainee-pass1", "org": "hubei-ctc",
                "roles": ["member"], "name": login})
            self.assertEqual(status, 201, u)
            logins.append(login)
        clients = [server.client(login, "Trainee-pass1") for login in logins]
        results = []

        def register(cl):
            status, r, _ = cl.call("POST", f"{T}/{c['id']}/register")
            results.append((status, r.get("error", {}).get("key") if status != 200 else None))
        threads = [threading.Thread(target=register, args=(cl,)) for cl in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(s for s, _ in results), [200, 409, 409], results)
        self.assertEqual([k for s, k in results if s == 409], ["course_full", "course_full"])
        status, got, _ = hubei.call("GET", f"{T}/{c['id']}")
        self.assertEqual(got["registered"], 1)
        winner = next(cl for cl, l in zip(clients, logins)
                      if cl.call("GET", f"{T}/{c['id']}")[1]["registered_by_me"])
        winner_login = logins[clients.index(winner)]
        status, r, _ = hubei.call("POST", f"{T}/{c['id']}/register")
        self.assertEqual(status, 403, r)

        status, regs, _ = hubei.call("GET", f"{T}/{c['id']}/registrations")
        self.assertEqual([r["login"] for r in regs["items"]], [winner_login])
        self.assertEqual(regs["items"][0]["org"], "hubei-ctc")
        status, regs, _ = hubei.call("POST", f"{T}/{c['id']}/attendance",
                                     {"items": [{"login": winner_login, "attended": True}]})
        self.assertEqual(status, 200, regs)
        self.assertTrue(regs["items"][0]["attended"])
        status, r, _ = hubei.call("POST", f"{T}/{c['id']}/attendance",
                                  {"items": [{"login": "member", "attended": True}]})
        self.assertEqual((status, r["error"]["field"]), (400, "items[0].login"))
        status, r, _ = winner.call("POST", f"{T}/{c['id']}/attendance",
                                   {"items": [{"login": winner_login, "attended": True}]})
        self.assertEqual(status, 403, r)

        # Unregistering frees the seat.
        status, r, _ = winner.call("DELETE", f"{T}/{c['id']}/register")
        self.assertEqual((status, r["registered"]), (200, 0))
        status, r, _ = winner.call("DELETE", f"{T}/{c['id']}/register")
        self.assertEqual((status, r["error"]["key"]), (404, "registration_not_found"))

        status, r, _ = hubei.call("POST", f"{T}/{c['id']}/postpone",
                                  {"start": "2020-04-08T09:00", "end": "2020-04-08T11:00",
                                   "reason": "讲师居家隔离"})
        self.assertEqual((status, r["start"]), (200, "2020-04-08T09:00"))
        status, r, _ = hubei.call("POST", f"{T}/{c['id']}/extend",
                                  {"valid_until": "2021-06-30", "reason": "疫情期间顺延"})
        self.assertEqual(status, 200, r)
        self.assertEqual([(h["kind"], h["reason"]) for h in r["history"]],
                         [("postpone", "讲师居家隔离"), ("extend", "疫情期间顺延")])
        status, r, _ = hubei.call("POST", f"{T}/{c['id']}/extend",
                                  {"valid_until": "2021-01-01", "reason": "x"})
        self.assertEqual(r["error"]["key"], "validity_not_extended")
        status, r, _ = hubei.call("POST", f"{T}/{c['id']}/postpone",
                                  {"start": "2020-04-08T09:00", "end": "2020-04-08T11:00"})
        self.assertEqual(r["error"]["field"], "reason")

        status, r, _ = hubei.call("PUT", f"{T}/{c['id']}", course(title="改名", capacity=5))
        self.assertEqual((status, r["title"], r["capacity"], r["start"]),
                         (200, "改名", 5, "2020-04-08T09:00"))

    def test_list_filters_and_bad_input(self):
        hubei = server.client("hubei-admin")
        status, c, _ = hubei.call("POST", T, course(format="offline", title="线下课程"))
        self.assertEqual(status, 201, c)
        status, page, _ = server.client("member").call("GET", T + "?format=offline")
        self.assertEqual(status, 200, page)
        self.assertTrue(page["items"] and all(x["format"] == "offline" for x in page["items"]))
        status, page, _ = server.client("member").call("GET", T + "?from=2020-04-01&to=2020-04-01")
        self.assertIn(c["id"], [x["id"] for x in page["items"]])
        for body, field in ((course(format="hybrid"), "format"), (course(start="2020-04-01"), "start"),
                            (course(end="2020-03-01T09:00"), "end"), (course(capacity=0), "capacity"),
                            (course(link="javascript:x"), "link")):
            status, r, _ = hubei.call("POST", T, body)
            self.assertEqual((status, r["error"]["field"]), (400, field), body)
        status, r, _ = server.client("member").call("POST", T, course())
        self.assertEqual(status, 403, r)
        status, r, _ = hubei.call("GET", T + "/999999")
        self.assertEqual((status, r["error"]["key"]), (404, "course_not_found"))


if __name__ == "__main__":
    unittest.main()
