#!/usr/bin/env python3
"""HTTP bench: per route, requests/s, p50/p99 latency and server CPU per
request at 64 keep-alive connections (wrk), side by side with Debian's nginx
serving a static file of the same size in the same run.

    bench/http/run.py [--bin build/jianbao] [--seconds 10] [--connections 64]
                      [--routes /api/v1/me,/healthz] [--threads N]

Builds nothing: it starts the given server binary with the demo data on a
fresh SQLite file and nginx with its own configuration (-p DIR -c FILE) on
loopback ports, and prints a Markdown table. CPU per request comes from
/proc/PID/stat (utime + stime of the whole process, nginx's master and
workers summed) before and after each wrk run, divided by wrk's request
count. Needs the Debian packages nginx-light and wrk.
"""

import argparse
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "load"))
sys.path.insert(0, os.path.join(ROOT, "tests", "http"))

import harness  # noqa: E402
from loadgen import Conn, sign_in  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")

# (label, path, login): the routes the issue names. {issue} is filled in.
ROUTES = [
    ("/healthz", "/healthz", None),
    ("/api/v1/me", "/api/v1/me", "editor"),
    ("/api/v1/orgs", "/api/v1/orgs", "editor"),
    ("/api/v1/submissions?page_size=20", "/api/v1/submissions?page_size=20", "editor"),
    ("/api/v1/inbox", "/api/v1/inbox", "member"),
    ("/api/v1/bulletins/issues", "/api/v1/bulletins/issues", "editor"),
    ("/api/v1/bulletins/issues/{id}", "/api/v1/bulletins/issues/{issue}", "editor"),
    ("/api/v1/epidemic/regions", "/api/v1/epidemic/regions", "editor"),
    ("/api/v1/epidemic/corrections", "/api/v1/epidemic/corrections", "editor"),
    ("/api/v1/notifications", "/api/v1/notifications", "hubei-reporter"),
    ("/api/v1/notifications/unread-count", "/api/v1/notifications/unread-count", "hubei-reporter"),
]


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    return total / TICK


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def parse_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def wrk(url, seconds, connections, threads, cookie=None):
    """Returns (requests, requests/s, p50 ms, p99 ms, non-2xx, socket errors)."""
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if cookie:
        cmd += ["-H", f"Cookie: jb_session={cookie}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_ms(re.search(r"50%\s+(\S+)", out).group(1))
    p99 = parse_ms(re.search(r"99%\s+(\S+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return requests, rps, p50, p99, int(non2xx.group(1)) if non2xx else 0, \
        errors.group(1) if errors else ""


def measure(pids, url, args, cookie=None):
    before = cpu_seconds(pids)
    requests, rps, p50, p99, bad, errors = wrk(url, args.seconds, args.connections, args.wrk_threads,
                                               cookie)
    cpu = cpu_seconds(pids) - before
    return {"rps": rps, "p50": p50, "p99": p99, "cpu_us": cpu / max(requests, 1) * 1e6,
            "bad": bad, "errors": errors}


NGINX_CONF = """worker_processes auto;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log {dir}/access.log;
  client_body_temp_path {dir}/tmp; proxy_temp_path {dir}/tmp; fastcgi_temp_path {dir}/tmp;
  uwsgi_temp_path {dir}/tmp; scgi_temp_path {dir}/tmp;
  default_type application/json;
  server {{
    listen 127.0.0.1:{port};
    root {dir}/www;
    location / {{ add_header Cache-Control no-store; }}
  }}
}}
"""


def start_nginx(tmp, port):
    os.makedirs(os.path.join(tmp, "tmp"), exist_ok=True)
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX_CONF.format(dir=tmp, port=port))
    proc = subprocess.Popen(["nginx", "-p", tmp, "-c", conf], stderr=subprocess.DEVNULL)
    for _ in range(100):
        if children(proc.pid):
            return proc
        time.sleep(0.05)
    raise RuntimeError("nginx did not start: see " + os.path.join(tmp, "error.log"))


def start_server(binary, tmp, threads):
    port = harness.free_port()
    args = [binary, "serve", "--db", "sqlite:" + os.path.join(tmp, "bench.db"), "--demo",
            "--listen", f"127.0.0.1:{port}", "--web-root", os.path.join(ROOT, "web", "dist")]
    if threads:
        args += ["--threads", str(threads)]
    log = open(os.path.join(tmp, "server.log"), "ab")
    proc = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=log)
    conn = Conn(port, timeout=2)
    for _ in range(600):
        try:
            if conn.request("GET", "/healthz").status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start: see " + os.path.join(tmp, "server.log"))


def publish_issue(port, sessions):
    """Publishes one issue to the member's organisation; returns its id."""
    conn = Conn(port, timeout=120)
    ed, ap = sessions["editor"], sessions["approver"]
    iid = conn.request("POST", "/api/v1/bulletins/issues", session=ed,
                       body={"series": "ccea-epidemic", "date": "2020-03-20"}).json()["id"]
    conn.request("PUT", f"/api/v1/bulletins/issues/{iid}", session=ed, body={
        "date": "2020-03-20", "distribution": [{"label": "发", "to": ["hubei-ctc"]}],
        "sections": [{"kind": "text", "title": "编者按", "body": "性能测试。"}]})
    conn.request("POST", f"/api/v1/bulletins/issues/{iid}/approve", session=ap)
    a = conn.request("POST", f"/api/v1/bulletins/issues/{iid}/publish", session=ed)
    if a.status != 200:
        raise RuntimeError(f"publish: {a.status} {a.body[:200]!r}")
    conn.close()
    return iid


def machine():
    model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}, nproc {os.cpu_count()}, "
            f"{model}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bin", default=harness.BIN)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--wrk-threads", type=int, default=2)
    p.add_argument("--threads", type=int, default=0, help="server handler threads (default its own)")
    p.add_argument("--routes", default="", help="comma-separated labels (default all)")
    args = p.parse_args()
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool) and not os.path.exists("/usr/sbin/" + tool):
            sys.exit(f"{tool} not found: install the Debian package (scripts/setup)")
    tmp = tempfile.mkdtemp(prefix="jb-bench-http-")
    server, nginx = None, None
    try:
        server, port = start_server(args.bin, tmp, args.threads)
        logins = {login for _, _, login in ROUTES if login} | {"approver"}
        sessions = {login: sign_in(port, login, harness.DEMO_PASSWORD) for login in logins}
        issue = publish_issue(port, sessions)
        nginx_port = harness.free_port()
        routes = [r for r in ROUTES if not args.routes or r[0] in args.routes.split(",")]
        os.makedirs(os.path.join(tmp, "www"))
        conn = Conn(port)
        for i, (label, path, login) in enumerate(routes):
            a = conn.request("GET", path.format(issue=issue), session=sessions.get(login))
            if a.status != 200:
                raise RuntimeError(f"GET {path} as {login}: {a.status} {a.body[:200]!r}")
            with open(os.path.join(tmp, "www", f"r{i}"), "wb") as f:
                f.write(b"x" * len(a.body))
        conn.close()
        nginx = start_nginx(tmp, nginx_port)
        nginx_pids = [nginx.pid] + children(nginx.pid)
        print(f"# bench/http — {machine()}")
        print(f"# wrk -t{args.wrk_threads} -c{args.connections} -d{args.seconds}s per route; "
              "CPU = utime+stime per request\n")
        print("| route | bytes | jianbao req/s | p50 ms | p99 ms | CPU µs/req | "
              "nginx req/s | p50 ms | p99 ms | CPU µs/req | CPU ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for i, (label, path, login) in enumerate(routes):
            size = os.path.getsize(os.path.join(tmp, "www", f"r{i}"))
            s = sessions.get(login)
            j = measure([server.pid], f"http://127.0.0.1:{port}{path.format(issue=issue)}", args,
                        s.cookie if s else None)
            n = measure(nginx_pids, f"http://127.0.0.1:{nginx_port}/r{i}", args)
            flag = "" if not (j["bad"] or j["errors"]) else f" ⚠ {j['bad']} non-2xx {j['errors']}"
            print(f"| {label}{flag} | {size} | {j['rps']:.0f} | {j['p50']:.2f} | {j['p99']:.2f} | "
                  f"{j['cpu_us']:.0f} | {n['rps']:.0f} | {n['p50']:.2f} | {n['p99']:.2f} | "
                  f"{n['cpu_us']:.0f} | {j['cpu_us'] / max(n['cpu_us'], 0.1):.1f}× |", flush=True)
        print(f"\n# after: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        for proc in (nginx, server):
            if proc and proc.poll() is None:
                proc.send_signal(signal.SIGTERM if proc is server else signal.SIGQUIT)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
