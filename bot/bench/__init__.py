"""`make bench` / `python -m bot bench`: how fast the assistant is, printed and written to
results/bench.json. Figures, not pass/fail: no speed is asserted in a test.

One job per file: stats (percentiles), mix (the committed conversations), stack (start and stop
the services), load (the concurrent-conversation driver), memory (resident memory and the
tracker store's growth), chart (the latency-vs-concurrency PNG), report (print and JSON),
run (the command line that ties them together), and keepalive_http (the load driver's HTTP client;
the gateway itself talks to Rasa with aiohttp, bot.channels.rasa_client).
"""


def main(argv: list[str]) -> int:
    """`python -m bot bench [args]` (imported lazily, so `python -m bot.bench.chart` runs clean)."""
    from bot.bench.run import main as run

    return run(argv)
