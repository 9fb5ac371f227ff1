"""全文检索 scenarios on a corpus the test builds (run on SQLite and, with
JIANBAO_TEST_DB=postgres, on PostgreSQL: both must give the expected sets, so
they give the same sets): recall and precision for 1-, 2- and 4-character
queries and phrases, no phrase across sentence punctuation, traditional and
simplified, permissions (no hit, count or facet of what a user may not read),
reindex equal to the incremental index."""

import json
import random
import subprocess
import unicodedata
import unittest
import urllib.parse

import harness

server = None
# Rare characters, so that the demo data never matches; 網/絡 are traditional.
ALPHABET = list("鑫淼犇焱垚骉羴猋麤龘")
PUNCT = ["，", "。", "！", "；", "\n\n", "、"]
CORPUS = []  # (id, title, body, submitted)


def fold(text):
    """The folding the index applies, enough for this corpus."""
    return unicodedata.normalize("NFKC", text).replace("網", "网").replace("絡", "络")


def setUpModule():
    global server
    server = harness.Server().start()
    reporter = server.client("hubei-reporter")
    rng = random.Random(15)

    def text(n):
        return "".join(rng.choice(PUNCT) if rng.random() < 0.12 else rng.choice(ALPHABET)
                       for _ in range(n))

    fixed = [("检索鑫淼", "鑫淼。犇焱相隔", False), ("检索網絡", "香港的網絡鑫垚", True)]
    for i in range(40):
        fixed.append(("检索" + text(5), text(rng.randint(30, 120)), i % 3 != 0))
    for title, body, submit in fixed:
        code, piece, _ = reporter.call("POST", "/api/v1/submissions",
                                       {"title": title, "body": body, "authors": ["李娜"]})
        assert code == 201, piece
        if submit:
            code, resp, _ = reporter.call("POST", f"/api/v1/submissions/{piece['id']}/actions",
                                          {"action": "submit"})
            assert code == 200, resp
        CORPUS.append((piece["id"], title, body, submit))


def tearDownModule():
    server.stop()


def search(client, q, **params):
    """Returns (ids of every hit, total, facets) of a search, all pages."""
    ids, page = [], 1
    while True:
        query = urllib.parse.urlencode({"q": q, "page": page, "page_size": 100, **params})
        code, body, _ = client.call("GET", "/api/v1/search?" + query)
        assert code == 200, (q, body)
        ids += [(i["kind"], i["id"]) for i in body["items"]]
        if len(body["items"]) < 100:
            return ids, body["total"], body["facets"]["kind"]
        page += 1


class SearchScenarioTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.reporter = server.client("hubei-reporter")
        cls.editor = server.client("editor")
        cls.other = server.client("hebei-reporter")

    def expected(self, q, submitted_only=False):
        f = fold(q)
        return {("piece", pid) for pid, title, body, sub in CORPUS
                if (f in fold(title) or f in fold(body)) and (sub or not submitted_only)}

    def queries(self):
        rng = random.Random(7)
        out = ["鑫", "網絡鑫", "网络鑫垚", "鑫淼", "犇焱", "淼犇焱垚"]
        for _ in range(40):
            _, title, body, _ = rng.choice(CORPUS)
            runs = [r for r in fold(body).replace("\n", ",").replace("。", ",").replace(
                "!", ",").replace(";", ",").replace("、", ",").split(",") if r]
            run = rng.choice(runs)
            n = rng.choice([1, 2, 4])
            if len(run) >= n:
                start = rng.randrange(len(run) - n + 1)
                out.append(run[start:start + n])
        return out

    def test_every_match_and_only_matches_for_short_queries_and_phrases(self):
        for q in self.queries():
            want = self.expected(q)
            for text in (q, f'"{q}"'):
                ids, total, facets = search(self.reporter, text)
                self.assertEqual(set(ids), want, text)
                self.assertEqual(len(ids), len(set(ids)), text)
                self.assertEqual(total, len(want), text)
                self.assertEqual(facets["piece"], len(want), text)

    def test_phrases_never_cross_sentence_punctuation(self):
        ids, _, _ = search(self.reporter, "淼犇")
        self.assertNotIn(("piece", CORPUS[0][0]), ids)
        ids, _, _ = search(self.reporter, "鑫淼 犇焱")
        self.assertIn(("piece", CORPUS[0][0]), ids)

    def test_traditional_and_simplified(self):
        self.assertIn(("piece", CORPUS[1][0]), search(self.reporter, "网络鑫")[0])
        self.assertIn(("piece", CORPUS[1][0]), search(self.reporter, "網絡")[0])

    def test_users_see_no_hit_count_or_facet_they_may_not_read(self):
        for q in ["鑫", "犇焱", "检索"]:
            ids, total, facets = search(self.other, q)
            self.assertEqual((ids, total, facets["piece"]), ([], 0, 0), q)
            # The editor sees submitted pieces, never drafts.
            want = self.expected(q, submitted_only=True)
            ids, total, facets = search(self.editor, q, kind="piece")
            self.assertEqual({i for i in ids if i[1] in {c[0] for c in CORPUS}}, want, q)
            self.assertTrue(want)
        anonymous = server.client()
        code, _, _ = anonymous.call("GET", "/api/v1/search?q=%E9%91%AB")
        self.assertEqual(code, 401)

    def test_errors(self):
        for q, key in [("", "required"), ("-鑫", "search_query_empty"),
                       ("，。", "search_query_empty")]:
            code, body, _ = self.reporter.call("GET", "/api/v1/search?" +
                                               urllib.parse.urlencode({"q": q}))
            self.assertEqual(code, 400, q)
            self.assertEqual(body["error"]["key"], key, q)
        code, body, _ = self.reporter.call("GET", "/api/v1/search?q=a&kind=nope")
        self.assertEqual(body["error"]["key"], "invalid_kind")
        code, body, _ = self.reporter.call("GET", "/api/v1/search?q=a&from=2026-13-01")
        self.assertEqual(body["error"]["key"], "invalid_date")

    def test_snippets_mark_matches_and_escape_the_rest(self):
        code, piece, _ = self.reporter.call("POST", "/api/v1/submissions", {
            "title": "检索转义", "body": "<script>x</script> 龘龘羴 & more", "authors": ["李娜"]})
        self.assertEqual(code, 201)
        code, body, _ = self.reporter.call("GET", "/api/v1/search?q=" + urllib.parse.quote("龘羴"))
        item = [i for i in body["items"] if i["id"] == piece["id"]][0]
        self.assertEqual(item["snippet"], "&lt;script&gt;x&lt;/script&gt; 龘<mark>龘羴</mark> &amp; more 李娜")
        self.assertEqual(set(item), {"kind", "id", "title", "snippet", "date", "org", "score"})
        self.assertEqual(item["org"], "hubei")

    def test_answers_follow_writes_at_once(self):
        """Answers are cached under the index generation (docs/search.md): a
        repeated search, then an edit and a submit (new readers), each seen at
        once in hits, totals and facets."""
        code, piece, _ = self.reporter.call("POST", "/api/v1/submissions", {
            "title": "检索缓存", "body": "夔夔魑魅", "authors": ["李娜"]})
        self.assertEqual(code, 201)
        mine = ("piece", piece["id"])
        for _ in range(2):  # the second answer comes from the cache
            ids, total, facets = search(self.reporter, "夔魑魅")
            self.assertEqual((ids, total, facets["piece"]), ([mine], 1, 1))
            self.assertEqual(search(self.editor, "夔魑魅")[1], 0)  # a draft
        code, _, _ = self.reporter.call("PATCH", f"/api/v1/submissions/{piece['id']}",
                                        {"body": "夔夔魑", "note": "改"})
        self.assertEqual(code, 200)
        self.assertEqual(search(self.reporter, "夔魑魅")[1], 0)
        self.assertEqual(search(self.reporter, "夔夔魑")[0], [mine])
        code, _, _ = self.reporter.call("POST", f"/api/v1/submissions/{piece['id']}/actions",
                                        {"action": "submit"})
        self.assertEqual(code, 200)
        self.assertIn(mine, search(self.editor, "夔夔魑")[0])

    def test_reindex_gives_the_same_answers(self):
        qs = ["鑫", "犇焱", "淼犇焱垚", "检索"]
        before = {q: search(self.reporter, q) for q in qs}
        out = subprocess.run([harness.BIN, "search", "reindex", "--db", server.db_url],
                             cwd=harness.ROOT, capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("indexed", out.stderr)
        for q in qs:
            self.assertEqual(search(self.reporter, q), before[q], q)
        out = subprocess.run([harness.BIN, "search", "query", "--db", server.db_url, "--as",
                              "hubei-reporter", "犇焱", "--json", "--page-size", "100"],
                             cwd=harness.ROOT, capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        answer = json.loads(out.stdout)
        self.assertEqual({("piece", i["id"]) for i in answer["items"]}, self.expected("犇焱"))


class ComplaintSearchTest(unittest.TestCase):
    """Complaints are found by complaint staff only: the desk of the case's
    region and the national administrators; never by a liaison, an editor, a
    member or another region's desk (no hit, no count, no facet); the
    consumer's phone number is not indexed."""

    def test_only_complaint_staff_find_a_case(self):
        desk = server.client("hubei-desk")
        code, case, _ = desk.call("POST", "/api/v1/complaints", {
            "kind": "complaint", "category": "billing", "operator": "cmcc", "region": "420000",
            "name": "欧阳娜娜", "phone": "13912345678", "description": "套餐被多扣费，鳜鲥鳊鲂。",
            "operator_contacted_on": "2026-01-05", "operator_answer": "客服未同意退费。"})
        self.assertEqual(code, 201, case)
        for who in ("hubei-desk", "admin"):
            ids, total, facets = search(server.client(who), "鳜鲥")
            self.assertEqual((ids, total), ([("complaint", case["id"])], 1), who)
            self.assertEqual(facets.get("complaint"), 1, who)
        code, body, _ = server.client("admin").call("POST", "/api/v1/users", {
            "login": "hebei-desk-search", "password": "Hebei-desk-2020", "org": "hebei",
            "roles": ["complaint_handler"], "name": "河北受理员"})
        self.assertEqual(code, 201, body)
        others = [server.client(w) for w in ("editor", "liaison", "member", "hubei-reporter")]
        others.append(server.client("hebei-desk-search", "Hebei-desk-2020"))
        for client in others:
            ids, total, facets = search(client, "鳜鲥")
            self.assertEqual((ids, total), ([], 0))
            self.assertFalse(facets.get("complaint"), facets)
        self.assertEqual(search(desk, "13912345678")[0], [])
        code, body, _ = desk.call("GET", "/api/v1/search?q=" + urllib.parse.quote("鳜鲥"))
        self.assertIn("<mark>", body["items"][0]["snippet"])


class FilterTest(unittest.TestCase):
    """The series and state filters narrow hits, totals and facets alike."""

    def test_state_filter(self):
        reporter = server.client("hubei-reporter")
        everything, total, _ = search(reporter, "鑫")
        submitted, sub_total, facets = search(reporter, "鑫", state="submitted")
        expected = {("piece", pid) for pid, title, body, sub in CORPUS
                    if sub and ("鑫" in fold(title) or "鑫" in fold(body))}
        self.assertEqual(set(submitted), expected)
        self.assertEqual((sub_total, facets.get("piece")), (len(expected), len(expected)))
        self.assertLess(sub_total, total)
        self.assertEqual(search(reporter, "鑫", state="draft")[1], total - sub_total)

    def test_series_filter(self):
        editor = server.client("editor")
        code, series, _ = editor.call("GET", "/api/v1/bulletins/series")
        self.assertEqual(code, 200, series)
        codes = [s["code"] for s in series["items"]]
        issues, total, _ = search(editor, "简报", kind="issue")
        self.assertGreater(total, 0)
        per_series = sum(search(editor, "简报", kind="issue", series=c)[1] for c in codes)
        self.assertEqual(per_series, total)
        self.assertEqual(search(editor, "简报", series="no-such-series")[1], 0)
        # Pieces have no series: the filter leaves only issues.
        _, _, facets = search(editor, "简报", series=codes[0])
        self.assertFalse(facets.get("piece"), facets)


class NoticePolicySearchTest(unittest.TestCase):
    """Notices are found by exactly those who may open them (GET
    /api/v1/notices/{id}): the sending association's staff, drafts included,
    and once sent the recipient units' users. Policies are found by everyone
    signed in. Edits, sending and deletion reach the index; reindex gives the
    same answers."""

    WHO = ("hubei-admin", "admin", "editor", "member", "liaison", "hubei-reporter",
           "hebei-reporter")

    @classmethod
    def setUpClass(cls):
        cls.clients = {w: server.client(w) for w in cls.WHO}

    def found(self, q, kind):
        """Returns the logins whose search finds something of `kind` for `q`,
        checking that hits, total and facet agree for every one of them."""
        out = {}
        for who, client in self.clients.items():
            ids, total, facets = search(client, q, kind=kind)
            self.assertEqual(total, len(ids), who)
            self.assertEqual(facets.get(kind, 0), len(ids), who)
            self.assertTrue(all(k == kind for k, _ in ids), who)
            if ids:
                out[who] = ids
        return out

    def readers(self, notice_id):
        return {w for w, c in self.clients.items()
                if c.call("GET", f"/api/v1/notices/{notice_id}")[0] == 200}

    def test_notices_found_by_those_who_may_open_them(self):
        hubei = self.clients["hubei-admin"]
        code, n, _ = hubei.call("POST", "/api/v1/notices", {
            "title": "关于鼋鼍的通知", "kind": "notice", "body": "各会员单位：\n\n请做好鼋鼍工作。",
            "recipients": ["hubei-ctc", "hubei-cmcc"]})
        self.assertEqual(code, 201, n)
        hit = {("notice", n["id"])}
        found = self.found("鼋鼍", "notice")
        self.assertEqual(set(found), self.readers(n["id"]))
        self.assertEqual(set(found), {"hubei-admin"})  # a draft: its association's staff
        self.assertEqual(set(found["hubei-admin"]), hit)
        code, n, _ = hubei.call("PUT", f"/api/v1/notices/{n['id']}", {
            "title": "关于鼋鼍的通知", "kind": "notice", "body": "各会员单位：\n\n请做好鼊鼉工作。",
            "recipients": ["hubei-ctc", "hubei-cmcc"], "version": n["version"]})
        self.assertEqual(code, 200, n)
        self.assertEqual(set(self.found("鼊鼉", "notice")), {"hubei-admin"})
        self.assertEqual(self.found("做好鼋鼍", "notice"), {})
        code, n, _ = hubei.call("POST", f"/api/v1/notices/{n['id']}/send")
        self.assertEqual(code, 200, n)
        found = self.found("鼊鼉", "notice")
        self.assertEqual(set(found), self.readers(n["id"]))
        self.assertEqual(set(found), {"hubei-admin", "member", "liaison"})
        ids, _, _ = search(self.clients["member"], "鼊鼉", state="sent")
        self.assertEqual(set(ids), hit)
        self.assertEqual(search(self.clients["member"], "鼊鼉", state="draft")[1], 0)
        self.assert_reindex_keeps(["鼋鼍", "鼊鼉"], "notice")

    def test_policies_found_by_everyone_signed_in(self):
        hubei = self.clients["hubei-admin"]
        body = {"title": "獬豸支持措施", "issuer": "湖北省人民政府", "issued_on": "2020-02-12",
                "doc_number": "鄂政发〔2020〕6号", "region": "420000", "tags": ["复工复产"],
                "summary": "要点：狴犴。", "link": "https://www.hubei.gov.cn/"}
        code, p, _ = hubei.call("POST", "/api/v1/policies", body)
        self.assertEqual(code, 201, p)
        for q in ("獬豸", "狴犴"):
            found = self.found(q, "policy")
            self.assertEqual(set(found), set(self.WHO), q)
            self.assertTrue(all(ids == [("policy", p["id"])] for ids in found.values()), q)
        self.assertEqual(server.client().call("GET", "/api/v1/search?q=%E7%8D%AC")[0], 401)
        code, p, _ = hubei.call("PUT", f"/api/v1/policies/{p['id']}", {**body, "summary": "要点：睚眦。"})
        self.assertEqual(code, 200, p)
        self.assertEqual(self.found("狴犴", "policy"), {})
        self.assertEqual(set(self.found("睚眦", "policy")), set(self.WHO))
        self.assert_reindex_keeps(["獬豸", "睚眦"], "policy")
        self.assertEqual(hubei.call("DELETE", f"/api/v1/policies/{p['id']}")[0], 204)
        self.assertEqual(self.found("獬豸", "policy"), {})

    def assert_reindex_keeps(self, qs, kind):
        before = {q: self.found(q, kind) for q in qs}
        out = subprocess.run([harness.BIN, "search", "reindex", "--db", server.db_url],
                             cwd=harness.ROOT, capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        for q in qs:
            self.assertEqual(self.found(q, kind), before[q], q)


if __name__ == "__main__":
    unittest.main()
