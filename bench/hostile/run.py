#!/usr/bin/env python3
"""Benchmark: the requests of issue 11 that crashed or stalled the server, timed
against the real server on SQLite (figures, never pass/fail).

usage: bench/hostile/run.py [JIANBAO_BINARY] [RUNS]

Starts the server with --demo through the HTTP test harness, sends each
hostile request RUNS times (default 3) and prints the status, the median
wall time and the answer's size; then the server's peak RSS (VmHWM).
"""

import json
import os
import statistics
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "http"))
if len(sys.argv) > 1:
    os.environ["JIANBAO_BIN"] = os.path.abspath(sys.argv[1])
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3

import harness  # noqa: E402


def wide_table(columns):
    return "|h" * columns + "|\n" + "|-" * columns + "|\n"


def pdftotext_like(long_line):
    return ("某某省信息通信行业协会\n\n工作动态\n\n第 5 期\n\n某某省信息通信行业协会秘书处\n\n2021 年 5 月 6 日\n\n"
            "目 录\n\n1. 湖北行协·长文 ........ 1\n\f湖北行协·长文\n\n" + long_line + "\n")


def cpu_seconds(pid):
    """User + system CPU time of process `pid` so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    server = harness.Server().start()
    try:
        editor = server.client("editor")
        member = server.client("member")
        approver = server.client("approver")
        reporter = server.client("hubei-reporter")
        status, issue, _ = editor.call("POST", "/api/v1/bulletins/issues",
                                       {"series": "ccea-epidemic", "date": "2020-04-05"})
        assert status == 201, issue
        nested = "{{#hk_macau_taiwan.regions}}" * 15 + "{{name}}" + "{{/hk_macau_taiwan.regions}}" * 15
        cases = [
            ("legacy import, 10,000 '-' (member)", member, "POST", "/api/v1/bulletins/import",
             {"series": "ccea-epidemic", "text": "-" * 10000}, None),
            ("legacy import, 10,000 '-' (editor)", editor, "POST", "/api/v1/bulletins/import",
             {"series": "ccea-epidemic", "text": "-" * 10000}, None),
            ("legacy import, one 1 MB line, rendered", editor, "POST", "/api/v1/bulletins/import",
             {"series": "ccea-epidemic", "text": pdftotext_like("通信行业保障网络畅通，" * 30000 + "。")},
             "number"),
            ("PUT issue, sections nested 300,000 deep", editor, "PUT",
             f"/api/v1/bulletins/issues/{issue['id']}",
             b'{"date":"2020-04-05","sections":' + b"[" * 300000 + b"]" * 300000 + b"}", None),
            ("narrative, 15 nested sections", approver, "POST", "/api/v1/epidemic/narrative",
             {"date": "2020-03-18", "template": nested}, None),
            ("preview, 20,000-column table", reporter, "POST", "/api/v1/submissions/preview",
             {"body": wide_table(20000)}, None),
            ("preview, 64 columns x 300 rows", reporter, "POST", "/api/v1/submissions/preview",
             {"body": wide_table(64) + ("|x" * 64 + "|\n") * 300}, None),
        ]
        print(f"machine: {os.cpu_count()} cores; load average {open('/proc/loadavg').read().split()[:3]}")
        print(f"date:    {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}")
        print(f"{'request':45s} {'status':>6s} {'median s':>9s} {'CPU s':>7s} {'answer B':>9s}")
        number = 900
        for name, client, method, path, body, numbered in cases:
            times, cpus, status, size = [], [], 0, 0
            for _ in range(RUNS):
                if numbered:
                    number += 1
                    body = dict(body, number=number)
                raw = body if isinstance(body, bytes) else json.dumps(body).encode()
                start, cpu = time.monotonic(), cpu_seconds(server.proc.pid)
                status, resp, _ = client.call(method, path, raw=raw)
                times.append(time.monotonic() - start)
                cpus.append(cpu_seconds(server.proc.pid) - cpu)
                size = len(json.dumps(resp)) if resp is not None else 0
            print(f"{name:45s} {status:6d} {statistics.median(times):9.3f} "
                  f"{statistics.median(cpus):7.2f} {size:9d}")
        with open(f"/proc/{server.proc.pid}/status") as f:
            hwm = [l for l in f if l.startswith("VmHWM")][0].split()[1]
        print(f"server peak RSS: {int(hwm) // 1024} MiB")
    finally:
        server.stop()
        harness.stop_postgres()


if __name__ == "__main__":
    main()
