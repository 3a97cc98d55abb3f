"""`make bench`: the site under gunicorn on PostgreSQL, loaded by wrk, in three states.

Loads `load_demo --scale N` into a database of its own (created when missing), collects the static
files, starts gunicorn with the production settings (DEBUG off, 4 workers) and Redis as the cache,
then runs wrk with 16 connections against each page and prints requests/s, p50, p95, and the
server's CPU per request: the gunicorn processes' own and PostgreSQL's, from the kernel's
accounting of their processes (/proc), which holds when the machine is shared. The states:

- afresh: no page cache, no shared parts (FRAGMENT_CACHE_SECONDS=0): every page made whole;
- cold: no page cache, shared parts kept (menus, the home page's lists): a page rendered afresh
  after a change, for a signed-in visitor or a basket;
- warm: the page cache on.

It also prints the queries each page makes, rendered afresh with its shared parts kept.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = 8077
REDIS_URL = "redis://127.0.0.1:6379/7"

# wrk prints its own summary; this adds the 50th and 95th percentiles in a line we can read.
WRK_SCRIPT = """
done = function(summary, latency, requests)
   io.write(string.format("BENCH %f %f %f %d %d\\n", summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.requests))
end
"""

PICK_URLS = """
import json
from catalogue.models import Product
from tours.models import TourPage
from villages.models import VillagePage
product = Product.objects.browsable().filter(stockrecords__isnull=False).order_by("pk").first()
print("URLS" + json.dumps({
    "home": "/",
    "village": VillagePage.objects.live().filter(locale__language_code="vi").order_by("pk").first().url,
    "tour": TourPage.objects.live().filter(locale__language_code="vi").order_by("pk").first().url,
    "product list": "/catalogue/",
    "product detail": product.get_absolute_url(),
    "search": "/search/?q=h%E1%BB%93i",
    "autocomplete": "/search/suggest/?q=ao",
}))
"""


def run(command, env, **kwargs):
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)


def ensure_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def ensure_redis():
    if (
        shutil.which("redis-cli")
        and subprocess.run(
            ["redis-cli", "-p", "6379", "ping"], capture_output=True, text=True
        ).stdout.strip()
        == "PONG"
    ):
        return None
    if not shutil.which("redis-server"):
        sys.exit("Redis is needed for the warm run: apt-get install -y redis-server")
    process = subprocess.Popen(
        ["redis-server", "--port", "6379", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(1)
    return process


def ensure_wrk():
    if shutil.which("wrk"):
        return
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-q"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)


COUNT_QUERIES = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, counts = Client(HTTP_HOST="127.0.0.1"), {}  # a host the production settings allow
for name, path in json.loads(%r).items():
    client.get(path)  # the shared parts, kept
    with CaptureQueriesContext(connection) as captured:
        status = client.get(path).status_code
    counts[name] = len(captured) if status == 200 else f"HTTP {status}"
print("COUNTS" + json.dumps(counts))
"""

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(match):
    """CPU time (user and system) used so far by the processes whose command line `match` accepts."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if match(command):
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def is_gunicorn(command):
    return "gunicorn" in command and "wrk" not in command


def is_postgres(command):
    return command.startswith("postgres:") or "/postgres" in command.split(" ", 1)[0]


def serve(env, page_cache_seconds, workers, fragment_cache_seconds=600):
    env = {
        **env,
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "FRAGMENT_CACHE_SECONDS": str(fragment_cache_seconds),
    }
    process = subprocess.Popen(
        [
            GUNICORN,
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{PORT}",
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _attempt in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    stop(process)
    sys.exit("gunicorn did not answer on /health/")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def measure(url, script, duration, connections):
    for _ in range(20):  # warm each worker's imports, template caches and the page cache
        urllib.request.urlopen(url, timeout=30).read()
    app, database = cpu_seconds(is_gunicorn), cpu_seconds(is_postgres)
    result = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    )
    app, database = cpu_seconds(is_gunicorn) - app, cpu_seconds(is_postgres) - database
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    rps, p50, p95, errors, total = line.split()[1:]
    total = int(total)
    per_request = (1000 * app / total, 1000 * database / total) if total else (0.0, 0.0)
    return float(rps), float(p50), float(p95), int(errors), total, *per_request


ASSET = re.compile(
    r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<script[^>]+src="([^"]+)"|<img[^>]+src="([^"]+)"'
)


def page_weight(url):
    """What a browser fetches for the page (its HTML, stylesheets, scripts and each image's `src`,
    lazy ones included), compressed as served: the number of requests and the bytes, by kind."""
    weights = {"html": 0, "css": 0, "js": 0, "images": 0}

    def fetch(address):
        path = urllib.parse.urlsplit(address).path
        if path.startswith("/media/"):
            # Under the production settings Django serves no uploads (the web server in front or
            # the bucket does): the file itself is what it would send.
            return (ROOT / "var" / urllib.parse.unquote(path).lstrip("/")).read_bytes()
        request = urllib.request.Request(address, headers={"Accept-Encoding": "gzip, br"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    html = fetch(url)
    weights["html"] = len(html)
    assets = {next(part for part in match if part) for match in ASSET.findall(html.decode())}
    for asset in assets:
        kind = "css" if asset.endswith(".css") else "js" if asset.endswith(".js") else "images"
        weights[kind] += len(fetch(urllib.parse.urljoin(url, asset)))
    return 1 + len(assets), weights


def editor_day(env, options):
    """bench/editor_day.py against gunicorn with the page cache on and a task worker beside it, as
    in production (the worker makes dropped pages again and updates the search index)."""
    env = {**env, "SITE_URL": f"http://127.0.0.1:{PORT}"}
    subprocess.run(["redis-cli", "-n", "7", "flushdb"], capture_output=True)
    server = serve(env, 600, options.workers)
    (ROOT / "var").mkdir(exist_ok=True)
    worker_log = open(ROOT / "var" / "bench-worker.log", "w")  # noqa: SIM115 - closed below
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    try:
        replay = [PYTHON, "bench/editor_day.py", "--port", str(PORT), *options.editor_day]
        return subprocess.run(replay, cwd=ROOT, env=env).returncode
    finally:
        stop(worker)
        stop(server)
        worker_log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", 10000)))
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench"),
    )
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--skip-load", action="store_true", help="use the data already loaded")
    parser.add_argument(
        "--editor-day",
        nargs=argparse.REMAINDER,
        help="replay an editor's working day instead (bench/editor_day.py, its options follow)",
    )
    options = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + os.urandom(16).hex()),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": options.database_url,
        "CACHE_URL": REDIS_URL,
        "BIND": f"127.0.0.1:{PORT}",
        "LOG_LEVEL": "WARNING",
    }
    ensure_database(options.database_url)
    ensure_wrk()
    redis = ensure_redis()
    manage = [PYTHON, "manage.py"]
    if not options.skip_load:
        run([*manage, "migrate", "--no-input"], env)
        started = time.monotonic()
        run([*manage, "load_demo", "--scale", str(options.scale)], env)
        print(f"load_demo --scale {options.scale}: {time.monotonic() - started:.0f} s")
    run([*manage, "collectstatic", "--no-input", "-v", "0"], env)
    if options.editor_day is not None:
        sys.exit(editor_day(env, options))
    picked = run([*manage, "shell", "-c", PICK_URLS], env, capture_output=True, text=True)
    urls = json.loads(picked.stdout.split("URLS", 1)[1])
    counted = run(
        [*manage, "shell", "-c", COUNT_QUERIES % json.dumps(urls)],
        {**env, "PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "600"},
        capture_output=True,
        text=True,
    )
    queries = json.loads(counted.stdout.split("COUNTS", 1)[1])

    rows = []
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT)
        script.flush()
        try:
            for mode, pages, parts in (("afresh", 0, 0), ("cold", 0, 600), ("warm", 600, 600)):
                subprocess.run(["redis-cli", "-n", "7", "flushdb"], capture_output=True)
                server = serve(env, pages, options.workers, parts)
                try:
                    if mode == "warm":
                        weight = page_weight(f"http://127.0.0.1:{PORT}/")
                    for name, path in urls.items():
                        url = f"http://127.0.0.1:{PORT}{path}"
                        measured = measure(url, script.name, options.duration, options.connections)
                        rows.append((name, mode, *measured))
                        print(f"  {name:15} {mode}: {measured[0]:8.1f} req/s", flush=True)
                finally:
                    stop(server)
        finally:
            if redis is not None:
                redis.terminate()

    print()
    print(
        f"scale {options.scale}, {options.workers} gunicorn workers, "
        f"{options.connections} connections, {options.duration} s per page"
    )
    requests, kinds = weight
    print(
        f"home page: {requests} requests, {sum(kinds.values()) / 1024:.0f} KB transferred ("
        + ", ".join(f"{kind} {size / 1024:.0f} KB" for kind, size in kinds.items())
        + ")"
    )
    print(
        "| page | state | requests/s | p50 (ms) | p95 (ms) | errors "
        "| app CPU / request (ms) | PostgreSQL CPU / request (ms) | queries |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, mode, rps, p50, p95, errors, _total, app, database in sorted(
        rows, key=lambda r: r[0]
    ):
        count = queries.get(name, "") if mode == "cold" else ""
        print(
            f"| {name} | {mode} | {rps:.0f} | {p50:.1f} | {p95:.1f} | {errors} "
            f"| {app:.1f} | {database:.1f} | {count} |"
        )


if __name__ == "__main__":
    main()
