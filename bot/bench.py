"""`make bench`: per-message costs of the deterministic parts, printed and written to JSON.

Figures, not pass/fail: speed targets belong here, never in a timed unit test. Bounded: a fixed
number of iterations, in-process, no servers.
"""
from __future__ import annotations

import argparse
import json
import platform
from datetime import date
from pathlib import Path

from bot import REPO_ROOT
from bot.directory.bench import measure_lookups
from bot.safety.bench import measure_net


def run(n_messages: int, n_lookups: int) -> dict:
    return {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "safety_net_per_message_ms": measure_net(n=n_messages),
        "directory_lookup_ms": measure_lookups(n=n_lookups),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot bench")
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "results" / "bench.json")
    args = parser.parse_args(argv)
    figures = run(args.messages, args.lookups)
    net, lookup = figures["safety_net_per_message_ms"], figures["directory_lookup_ms"]
    print(f"Benchmark ({figures['date']}, {figures['machine']})")
    print(f"  safety net (normalise + lexicon), per message: p50 {net['p50_ms']:.3f} ms, "
          f"p95 {net['p95_ms']:.3f} ms over {args.messages}")
    print(f"  directory lookup (resolve place + select services): p50 {lookup['p50_ms']:.3f} ms, "
          f"p95 {lookup['p95_ms']:.3f} ms over {args.lookups}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"  written to {args.out}")
    return 0
