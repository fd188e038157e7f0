#!/usr/bin/env python3
"""Waits for a batch of platform.selftest operations to finish, then measures the runner from
the operations' own timestamps (GET /api/v1/operations, RFC 3339 with milliseconds).

    operations_stats.py --base http://127.0.0.1:PORT --token TOKEN --expect N [--timeout 600]

Prints one JSON object:
  ops_per_second        N / (last finished_at - first created_at): creation and running overlap
  create_per_second     N / (last created_at - first created_at)
  drain_per_second      operations finished after the last one was created, divided by
                        (last finished_at - last created_at): the runner alone, working off
                        the backlog (no HTTP load any more)
  best_second           most operations finished in one wall-clock second
  queue_to_finish_ms    p50/p99/max of finished_at - created_at
  notifications_lag_ms  wall time from the last finished_at until the requester's inbox held
                        all N notifications (outbox -> notification consumer), 50 ms polling
Only standard-library modules: no pip installs.
"""
import argparse
import collections
import datetime
import json
import sys
import time
import urllib.request


def get(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * (len(ordered) - 1) + 0.5))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--expect", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    kind = "kind=platform.selftest"
    deadline = time.time() + args.timeout

    # Poll until nothing is queued or running, then until every notification is in the inbox.
    done = False
    notified_at = None
    while time.time() < deadline:
        if not done:
            busy = any(get(args.base, args.token, f"/api/v1/operations?{kind}&state={s}&limit=1")["items"]
                       for s in ("queued", "running"))
            done = not busy
        if done:
            unread = get(args.base, args.token, "/api/v1/notifications?limit=1")["unread_count"]
            if unread >= args.expect:
                notified_at = time.time()
                break
        time.sleep(0.05)

    operations = []
    cursor = None
    while True:
        path = f"/api/v1/operations?{kind}&limit=200" + (f"&cursor={cursor}" if cursor else "")
        page = get(args.base, args.token, path)
        operations.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break

    states = collections.Counter(op["state"] for op in operations)
    finished = [op for op in operations if op["finished_at"]]
    created = [parse_time(op["created_at"]) for op in operations]
    ends = [parse_time(op["finished_at"]) for op in finished]
    first_created, last_created = min(created), max(created)
    last_finished = max(ends) if ends else last_created
    after_creation = [end for end in ends if end > last_created]
    per_second = collections.Counter(int(end) for end in ends)
    # Whole seconds only: the first and last second of the run are partial.
    whole = [n for second, n in per_second.items() if min(per_second) < second < max(per_second)]
    latencies = [(parse_time(op["finished_at"]) - parse_time(op["created_at"])) * 1000 for op in finished]
    n = len(operations)
    window = last_finished - first_created
    drain_window = last_finished - last_created
    result = {
        "operations": n,
        "states": dict(states),
        "window_s": round(window, 3),
        "ops_per_second": round(n / window, 1) if window > 0 else None,
        "create_s": round(last_created - first_created, 3),
        "create_per_second": round(n / (last_created - first_created), 1) if last_created > first_created else None,
        "drained_after_creation": len(after_creation),
        "drain_s": round(drain_window, 3),
        "drain_per_second": round(len(after_creation) / drain_window, 1) if drain_window > 0.05 else None,
        "best_second": max(whole) if whole else None,
        "queue_to_finish_ms": {"p50": round(percentile(latencies, 0.5), 1), "p99": round(percentile(latencies, 0.99), 1),
                               "max": round(max(latencies), 1) if latencies else None},
        "notifications_lag_ms": round((notified_at - last_finished) * 1000) if notified_at else None,
        "all_notified": notified_at is not None,
    }
    print(json.dumps(result))
    return 0 if states.get("succeeded", 0) == args.expect and notified_at else 1


if __name__ == "__main__":
    sys.exit(main())
