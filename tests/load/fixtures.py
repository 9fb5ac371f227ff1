"""Finds or makes, before the load starts, the records whose ids fill the GET
routes' parameters (see routes.py): pieces with versions, an attachment and
comments, commissions, a published issue delivered to two organisations, the
epidemic data's dates, summary kinds and public series."""

import time

from loadgen import Conn

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082")

# The organisations of the demo's member and liaison users: published test
# issues go to them, so that their inboxes fill and they can acknowledge.
DELIVER_TO = ["hubei-ctc", "hubei-cmcc"]


class SetupError(AssertionError):
    pass


class Fixtures:
    def __init__(self):
        self.year = time.strftime("%Y", time.gmtime(time.time() + 8 * 3600))  # Asia/Shanghai
        self.piece_ids = []
        self.versioned_piece = None
        self.adopted_piece = None
        self.attachment = None  # (piece id, attachment id)
        self.commission_ids = []
        self.issue_ids = []
        self.published_issue = None
        self.epidemic_date = None
        self.followup_ids = []
        self.summary_keys = []
        self.public_series = []
        self.complaint_ids = []
        self.complaint_attachment = None  # (case id, attachment id)
        self.complaint_public = None  # (number, phone)
        self.schedule_id = None
        self.need_ids = []
        self.notice_ids = []
        self.policy_ids = []
        self.course_id = None


class Setup:
    """Sends the set-up requests one by one, failing loudly on a wrong answer."""

    def __init__(self, port, sessions):
        self.conn = Conn(port, timeout=60)
        self.s = sessions

    def call(self, login, method, path, expect, body=None, raw=None, content_type=None):
        a = self.conn.request(method, path, session=self.s[login], body=body, raw=raw,
                              content_type=content_type)
        if a.status != expect:
            raise SetupError(f"set-up: {method} {path} as {login}: {a.status}, expected {expect}: "
                             f"{a.body[:300]!r}")
        return a.json() if a.body and a.headers.get_content_type() == "application/json" else a


def new_piece(setup, login, title):
    body = {"title": title, "body": "第一段。\n\n第二段。", "authors": ["测试"],
            "contact": "027-12345678", "tags": ["压力测试"]}
    return setup.call(login, "POST", "/api/v1/submissions", 201, body=body)


def compose_issue(setup, date, piece_id=None):
    """Creates, fills, submits, approves and publishes an issue; returns its id."""
    issue = setup.call("editor", "POST", "/api/v1/bulletins/issues", 201,
                       body={"series": "ccea-epidemic", "date": date})
    sections = [{"kind": "text", "title": "编者按", "body": "本期为并发测试内容。"}]
    if piece_id:
        sections.append(setup.call("editor", "GET", f"/api/v1/bulletins/sources/pieces/{piece_id}",
                                   200))
    setup.call("editor", "PUT", f"/api/v1/bulletins/issues/{issue['id']}", 200,
               body={"date": date, "sections": sections,
                     "distribution": [{"label": "发", "to": DELIVER_TO}]})
    setup.call("editor", "POST", f"/api/v1/bulletins/issues/{issue['id']}/submit", 200)
    setup.call("approver", "POST", f"/api/v1/bulletins/issues/{issue['id']}/approve", 200)
    setup.call("editor", "POST", f"/api/v1/bulletins/issues/{issue['id']}/publish", 200)
    return issue["id"]


def make(port, sessions):
    """Returns the Fixtures. Raises SetupError when the server answers wrongly."""
    st = Setup(port, sessions)
    fx = Fixtures()
    try:
        piece = new_piece(st, "hubei-reporter", "并发测试：带附件和版本的稿件")
        pid = piece["id"]
        st.call("hubei-reporter", "PATCH", f"/api/v1/submissions/{pid}", 200,
                body={"body": "第一段。\n\n第二段。\n\n第三段。", "note": "补充"})
        att = st.call("hubei-reporter", "POST", f"/api/v1/submissions/{pid}/attachments?name=dot.png",
                      201, raw=PNG, content_type="image/png")
        st.call("hubei-reporter", "POST", f"/api/v1/submissions/{pid}/comments", 201,
                body={"body": "请审阅。"})
        st.call("hubei-reporter", "POST", f"/api/v1/submissions/{pid}/actions", 200,
                body={"action": "submit"})
        st.call("editor", "POST", f"/api/v1/submissions/{pid}/actions", 200, body={"action": "adopt"})
        fx.versioned_piece, fx.adopted_piece, fx.attachment = pid, pid, (pid, att["id"])
        listed = st.call("editor", "GET", "/api/v1/submissions?page_size=4", 200)
        fx.piece_ids = [pid] + [p["id"] for p in listed["items"] if p["id"] != pid][:3]
        commissions = st.call("editor", "GET", "/api/v1/commissions", 200)
        fx.commission_ids = [c["id"] for c in commissions["items"]][:2]
        fx.published_issue = compose_issue(st, f"{fx.year}-01-02", pid)
        draft = st.call("editor", "POST", "/api/v1/bulletins/issues", 201,
                        body={"series": "ccea-epidemic", "date": f"{fx.year}-01-03"})
        issues = st.call("editor", "GET", "/api/v1/bulletins/issues?status=published&page_size=5", 200)
        fx.issue_ids = [fx.published_issue, draft["id"]] + [
            i["id"] for i in issues["items"] if i["id"] != fx.published_issue][:2]
        dates = st.call("editor", "GET", "/api/v1/epidemic/dates", 200)
        fx.epidemic_date = dates["last"]
        # A finding of its own (before the demo data, so the dates above stay) on the
        # follow-up list: Beijing's cumulative deaths jump by 400 on 2019-06-05.
        jump = "date,region,cum_deaths\n" + "".join(
            f"2019-06-0{d},110000,{10 + d if d < 5 else 414}\n" for d in range(1, 6))
        st.call("editor", "POST", "/api/v1/epidemic/import", 200,
                body={"content": jump, "source": "load-fixtures"})
        marked = st.call("editor", "POST", "/api/v1/epidemic/followups", 201,
                         body={"date": "2019-06-05", "region": "110000", "rule": "daily_jump",
                               "field": "cum_deaths", "comment": "压力测试"})
        fx.followup_ids = [marked["id"]]
        kinds = st.call("editor", "GET", "/api/v1/bulletins/sources/summaries", 200)
        fx.summary_keys = [k["key"] for k in kinds["items"]]
        series = st.call("editor", "GET", "/api/v1/bulletins/series", 200)
        fx.public_series = [s["code"] for s in series["items"] if s.get("public")]
        cases = st.call("hubei-desk", "GET", "/api/v1/complaints?operator=cmcc&status=forwarded", 200)
        fx.complaint_ids = [c["id"] for c in cases["items"]][:3]
        case = st.call("hubei-desk", "GET", f"/api/v1/complaints/{fx.complaint_ids[0]}", 200)
        fx.complaint_public = (case["number"], case["phone"])
        att = st.call("hubei-desk", "POST",
                      f"/api/v1/complaints/{fx.complaint_ids[0]}/attachments?name=dot.png",
                      201, raw=PNG, content_type="image/png")
        fx.complaint_attachment = (fx.complaint_ids[0], att["id"])
        schedules = st.call("hubei-admin", "GET", "/api/v1/resumption/schedules", 200)
        fx.schedule_id = schedules["items"][0]["id"] if schedules["items"] else None
        followups = st.call("hubei-admin", "GET", "/api/v1/resumption/followups?page_size=2", 200)
        fx.need_ids = [f["id"] for f in followups["items"]]
        notices = st.call("hubei-admin", "GET", "/api/v1/notices?page_size=3", 200)
        fx.notice_ids = [n["id"] for n in notices["items"]]
        policies = st.call("hubei-admin", "GET", "/api/v1/policies?page_size=2", 200)
        fx.policy_ids = [p["id"] for p in policies["items"]]
        if fx.policy_ids:
            st.call("hubei-admin", "POST", f"/api/v1/policies/{fx.policy_ids[0]}/attachment?name=a.pdf",
                    200, raw=b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
        courses = st.call("hubei-admin", "GET", "/api/v1/training/courses?page_size=1", 200)
        fx.course_id = courses["items"][0]["id"] if courses["items"] else None
    finally:
        st.conn.close()
    for name in ("commission_ids", "summary_keys", "public_series", "complaint_ids", "schedule_id",
                 "followup_ids", "need_ids", "notice_ids", "policy_ids", "course_id"):
        if not getattr(fx, name):
            raise SetupError(f"set-up: the demo data has no {name}; routes.py cannot fill them")
    if not fx.epidemic_date:
        raise SetupError("set-up: the demo data has no epidemic days")
    return fx
