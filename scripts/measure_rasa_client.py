"""Side by side, in one run: the gateway's hop to Rasa with aiohttp's client and with the hand-made
keep-alive client (bot.bench.keepalive_http), at one conversation (one message at a time).

    .venv-gateway/bin/python scripts/measure_rasa_client.py [--rasa-url URL] [--blocks 12]

Without --rasa-url it starts a stand-in on 127.0.0.1: Sanic from .venv (the same Sanic 21.12
Rasa serves its REST channel with) answering every POST with a Rasa-shaped reply of ~1.5 KB, so
what differs is the client alone. With --rasa-url it talks to a running Rasa (loopback only).
Bounded: blocks x messages per client, after a warm-up; the clients take turns block by block
(ABBA order), on uvloop as the gateway does. Prints per-message wall time (median, mean) and the
client process's CPU time per message, for each client, and the paired difference of block
medians (aiohttp minus keep-alive; positive: the hand-made client is faster). Issue 16 keeps the
hand-made client only if it saves more than 1 ms per message.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.serve.ports import free_port  # noqa: E402
from bot.bench.keepalive_http import Endpoint, KeepAlivePool  # noqa: E402

STAND_IN = r"""
import sys
from sanic import Sanic, response
app = Sanic("rasa_stand_in")
TEXT = ("Thank you for telling me. It's not your fault. " * 12).strip()
REPLY = [{"recipient_id": "x", "text": TEXT,
          "buttons": [{"title": "Support near me", "payload": "/ask_local_support"},
                      {"title": "Not now", "payload": "/say_not_now"}]},
         {"recipient_id": "x", "text": TEXT}]
@app.get("/")
async def status(request):
    return response.text("ok")
@app.post("/webhooks/rest/webhook")
async def webhook(request):
    assert isinstance(request.json, dict)
    return response.json(REPLY)
app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False, workers=1)
"""


def start_stand_in() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "python"), "-c", STAND_IN, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/", timeout=1).read()
            return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the Sanic stand-in did not start")


def body_for(n: int) -> dict:
    return {"sender": "bench-sender-" + "0" * 30, "message": f"is there any support near me {n}"}


async def run(url: str, blocks: int, per_block: int, warmup: int) -> dict:
    webhook = f"{url}/webhooks/rest/webhook"
    endpoint = Endpoint.parse(webhook)
    pool = KeepAlivePool()
    timeout = aiohttp.ClientTimeout(total=30)

    async with aiohttp.ClientSession(trust_env=False) as session:

        async def with_aiohttp(n: int) -> list:
            async with session.post(webhook, json=body_for(n), timeout=timeout) as response:
                if response.status != 200:
                    raise RuntimeError(f"HTTP {response.status}")
                return await response.json()

        async def with_keepalive(n: int) -> list:
            reply = await pool.post_json(endpoint, json.dumps(body_for(n)).encode(), 30.0)
            if reply.status != 200:
                raise RuntimeError(f"HTTP {reply.status}")
            return json.loads(reply.body)

        clients = {"aiohttp": with_aiohttp, "keepalive": with_keepalive}
        for send in clients.values():
            for n in range(warmup):
                await send(n)
        times = {name: [] for name in clients}
        block_medians = {name: [] for name in clients}
        cpu = {name: 0.0 for name in clients}
        for block in range(blocks):
            order = ["aiohttp", "keepalive"] if block % 2 == 0 else ["keepalive", "aiohttp"]
            for name in order:
                send, walls = clients[name], []
                cpu_start = time.process_time()
                for n in range(per_block):
                    start = time.perf_counter()
                    output = await send(n)
                    walls.append((time.perf_counter() - start) * 1000)
                    assert isinstance(output, list) and output
                cpu[name] += time.process_time() - cpu_start
                times[name] += walls
                block_medians[name].append(statistics.median(walls))
        pool.close()

    messages = blocks * per_block
    result = {
        name: {
            "median_ms": round(statistics.median(values), 3),
            "mean_ms": round(statistics.fmean(values), 3),
            "p95_ms": round(sorted(values)[int(0.95 * len(values)) - 1], 3),
            "client_cpu_ms_per_message": round(cpu[name] * 1000 / messages, 3),
        }
        for name, values in times.items()
    }
    differences = [a - k for a, k in zip(block_medians["aiohttp"], block_medians["keepalive"])]
    result["paired_block_median_difference_ms"] = {
        "median": round(statistics.median(differences), 3),
        "min": round(min(differences), 3),
        "max": round(max(differences), 3),
    }
    result["messages_per_client"] = messages
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasa-url", help="a running Rasa on 127.0.0.1 (default: a Sanic stand-in)")
    parser.add_argument("--blocks", type=int, default=12)
    parser.add_argument("--per-block", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=30)
    args = parser.parse_args()
    if args.rasa_url and not args.rasa_url.startswith(("http://127.0.0.1", "http://localhost")):
        raise SystemExit("loopback only: --rasa-url must be http://127.0.0.1:PORT")
    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
        loop_name = "uvloop"
    except ImportError:
        loop_name = "asyncio"
    process = None
    url = args.rasa_url
    if url is None:
        process, url = start_stand_in()
    try:
        result = asyncio.run(run(url, args.blocks, args.per_block, args.warmup))
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
    result.update(
        server="rasa" if args.rasa_url else "sanic stand-in",
        loop=loop_name,
        aiohttp_version=aiohttp.__version__,
        python=sys.version.split()[0],
        date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        cpus=os.cpu_count(),
    )
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
