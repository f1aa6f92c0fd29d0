"""Inbound SMS webhooks per second stored durably, and acknowledgement latency, on PostgreSQL
under gunicorn; then a fault run that kills the worker mid-batch.

Throughput: wrk posts Twilio-shaped SMS webhooks, each signed with the test auth token
(Twilio's own RequestValidator), each with its own MessageSid, from its own number, to
gunicorn started as bin/production starts it. Every 200 must mean the message and its
processing task were committed: the run counts the rows afterwards against wrk's count.
No worker runs meanwhile, so the figures are for acknowledging alone.

Fault run (first, on an empty queue): a batch is posted, a worker (db_worker) is started and killed with SIGKILL
mid-batch, a second worker is started, and the sweep for messages left behind
(manage.py process_waiting_messages) runs. Each message from a new number must end with
exactly its two replies (the language menu), each handed to the (local, stand-in) Twilio
API once.

    .venv/bin/python bench/channels.py [--seconds 20] [--connections 20] [--batch 1000]
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screening import fresh_database, parse_wrk  # noqa: E402
from bench.serving import running_site  # noqa: E402

TARGET_PER_SECOND = 300
TARGET_P99_MS = 100
SITE_URL = "https://everydoor.bench"  # the public address Twilio signs; gunicorn listens locally
AUTH_TOKEN = "bench-auth-token-0123456789abcdef"
WEBHOOK = "/conversations/twilio/messages/"
WRK_SCRIPT = ROOT / "bench" / "wrk" / "webhooks.lua"


def options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    # wrk is a closed loop: each connection waits for its answer, so latency grows with the
    # connections in flight (at 340/s, 20 connections is 20 requests arriving every ~60 ms).
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * os.cpu_count() + 1, help="gunicorn workers")
    parser.add_argument("--batch", type=int, default=1000, help="messages in the fault run")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="everydoor_bench_channels")
    return parser.parse_args()


def main():
    opts = options()
    from everydoor.conversations.tests.twilio_shapes import ACCOUNT_SID, FakeTwilioApi

    api = FakeTwilioApi()
    with fresh_database(opts.server, opts.database) as database_url, tempfile.TemporaryDirectory() as workdir:
        os.environ.update({
            "DATABASE_URL": database_url, "DEBUG": "0", "SECRET_KEY": "bench-" + "b" * 50, "EVERYDOOR_HTTPS": "0",
            "STATIC_ROOT": f"{workdir}/static", "DJANGO_SETTINGS_MODULE": "everydoor.settings", "SITE_URL": SITE_URL,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_SMS_FROM": "+447700900001",
            "TWILIO_API_URL": api.url, "ALLOWED_HOSTS": "127.0.0.1,localhost",
        })
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        with running_site(workdir, database_url, workers=opts.workers, role="web") as url:
            fault = fault_run(url, opts.batch, api)  # first, on an empty queue
            capacity = opts.seconds * 2000  # more signed requests than wrk can send in the time
            requests_file = signed_requests(Path(workdir) / "requests.txt", capacity, first_number=0)
            throughput = measure_throughput(url, requests_file, opts)
    api.close()
    print_tables(throughput, fault, opts)


def signed_requests(path, count, first_number):
    """One line per request: signature, tab, form body. Each from its own number."""
    from twilio.request_validator import RequestValidator

    from everydoor.conversations.tests.twilio_shapes import sms_webhook

    validator = RequestValidator(AUTH_TOKEN)
    with open(path, "w") as lines:
        for number in range(first_number, first_number + count):
            fields = sms_webhook(f"+4477{number:08d}", "hi", message_sid=f"SM{number:032x}")
            signature = validator.compute_signature(SITE_URL + WEBHOOK, fields)
            lines.write(f"{signature}\t{urllib.parse.urlencode(fields)}\n")
    return path


def measure_throughput(url, requests_file, opts):
    from django.utils import timezone

    from everydoor.conversations.models import InboundMessage

    started = timezone.now()
    command = ["wrk", "--threads=2", f"--connections={opts.connections}", f"--duration={opts.seconds}s",
               "--timeout=10s", "--latency", f"--script={WRK_SCRIPT}", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True,
                            env={**os.environ, "EVERYDOOR_BENCH_REQUESTS": str(requests_file)}).stdout
    result = parse_wrk(output)
    time.sleep(3)  # requests wrk gave up on at the end may still be finishing
    acknowledged = result["requests"] - result["failed"]
    ours = InboundMessage.objects.filter(received_at__gte=started)
    stored = ours.count()
    distinct = ours.values("provider_message_id").distinct().count()
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(task_path__endswith="process_inbound", enqueued_at__gte=started).count()
    return {**result, "acknowledged": acknowledged, "stored": stored, "distinct": distinct, "queued": queued,
            "stored_per_second": stored / result["seconds"]}


def fault_run(url, batch, api):
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from everydoor.conversations.models import Contact, InboundMessage, OutboundMessage
    from everydoor.conversations.outbound import SEND_GIVEN_UP_AFTER

    before_api = len(api.requests)
    with tempfile.TemporaryDirectory() as workdir:
        path = signed_requests(Path(workdir) / "batch.txt", batch, first_number=50_000_000)
        for line in path.read_text().splitlines():
            signature, body = line.split("\t")
            request = urllib.request.Request(url + WEBHOOK, data=body.encode(),
                                             headers={"X-Twilio-Signature": signature})
            urllib.request.urlopen(request).read()
    first = start_worker()
    processed_at_kill = wait_for(lambda: processed() >= batch * 0.3, timeout=300) and processed()
    os.killpg(first.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    first.wait()
    processed_at_kill = processed()
    second = start_worker()
    # The sweep as bin/production runs it each minute; here at once, and again after the
    # new worker has drained its queue, for sends the killed worker had taken. A send the
    # killed worker was in the middle of is settled once it is surely over (by asking the
    # stand-in API whether it took the message).
    swept = sweep()
    wait_for(lambda: not DBTaskResult.objects.ready().exists(), timeout=300)
    time.sleep(max(0, killed_at + SEND_GIVEN_UP_AFTER.total_seconds() + 1 - time.monotonic()))
    swept += sweep()
    wait_for(lambda: not DBTaskResult.objects.ready().exists(), timeout=300)
    everything_sent = wait_for(
        lambda: processed() == batch and not OutboundMessage.objects.exclude(status="sent").exists()
        and OutboundMessage.objects.count() == 2 * batch, timeout=600)
    os.killpg(second.pid, signal.SIGTERM)
    second.wait()
    replies = InboundMessage.objects.annotate(reply_count=Count("replies")).values_list("reply_count", flat=True)
    sends = [request["fields"]["To"] + request["fields"]["Body"][:20] for request in api.requests[before_api:]]
    return {
        "batch": batch, "contacts": Contact.objects.count(), "processed_at_kill": processed_at_kill,
        "swept": swept, "processed": processed(), "finished": everything_sent,
        "lost": sum(1 for count in replies if count == 0) + (batch - InboundMessage.objects.count()),
        "duplicated": sum(1 for count in replies if count > 2),
        "replies": OutboundMessage.objects.count(),
        "api_sends": len(sends), "api_sent_twice": len(sends) - len(set(sends)),
    }


def sweep():
    output = subprocess.run([sys.executable, "manage.py", "process_waiting_messages", "--older-than", "0"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return int(re.search(r"(\d+) waiting", output).group(1))


def processed():
    from everydoor.conversations.models import InboundMessage

    return InboundMessage.objects.filter(status="processed").count()


def start_worker():
    return subprocess.Popen([sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def print_tables(throughput, fault, opts):
    t = throughput
    print(f"\nInbound SMS webhooks on PostgreSQL, gunicorn with {opts.workers} workers, {opts.connections} "
          f"connections, {opts.seconds} s, {os.cpu_count()} CPU cores (wrk on the same cores)")
    print(f"{'acknowledged':>12} {'stored':>7} {'distinct':>8} {'tasks':>7} {'stored/s':>9} {'p50 ms':>7} "
          f"{'p99 ms':>7} {'failed':>7}")
    print(f"{t['acknowledged']:>12} {t['stored']:>7} {t['distinct']:>8} {t['queued']:>7} "
          f"{t['stored_per_second']:>9.0f} {t['p50_ms']:>7.1f} {t['p99_ms']:>7.1f} "
          f"{t['failed'] + t['socket_errors']:>7}")
    # wrk stops mid-request at the end: those may be stored without wrk seeing the 200.
    met = (t["stored_per_second"] >= TARGET_PER_SECOND and t["p99_ms"] < TARGET_P99_MS
           and t["stored"] >= t["acknowledged"] and t["stored"] == t["distinct"] == t["queued"])
    print(f"target: >= {TARGET_PER_SECOND} stored/s, p99 < {TARGET_P99_MS} ms, every acknowledged message stored "
          f"and queued once: {'met' if met else 'MISSED'}")
    f = fault
    print(f"\nFault run: {f['batch']} messages, each from a new number; first worker killed (SIGKILL) mid-batch")
    print(f"{'processed at kill':>17} {'swept':>6} {'processed':>9} {'lost':>5} {'duplicated':>10} {'replies':>8} "
          f"{'sent to API':>11} {'sent twice':>10}")
    print(f"{f['processed_at_kill']:>17} {f['swept']:>6} {f['processed']:>9} {f['lost']:>5} {f['duplicated']:>10} "
          f"{f['replies']:>8} {f['api_sends']:>11} {f['api_sent_twice']:>10}")
    ok = (f["finished"] and f["lost"] == 0 and f["duplicated"] == 0 and f["processed"] == f["batch"]
          and f["api_sent_twice"] == 0)
    print(f"target: every message processed exactly once, every reply sent once: {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
