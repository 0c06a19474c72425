"""Run pip-audit on both environments' pins and say plainly what could and could not be checked.

    .venv-audit/bin/python scripts/audit.py      (make audit builds .venv-audit first)

For each of constraints.txt (.venv: Rasa, the action server) and constraints-gateway.txt
(.venv-gateway: the web gateway, the Telegram bridge) it asks PyPI's vulnerability data, then
OSV, through pip-audit (--no-deps --disable-pip: the files are complete pins, nothing is
installed). A package pip-audit could not look up is reported as not audited; when no package
of a file could be looked up in any database, the file counts as not audited at all.
Every advisory found must be named (by its id or one of its aliases, e.g. the CVE) in
SECURITY.md, which says why it does or does not apply. Exit codes: 0 audited and all assessed;
1 an advisory SECURITY.md does not name; 2 a file could not be audited.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FILES = {
    "constraints.txt": ".venv (Rasa, action server; 127.0.0.1 only)",
    "constraints-gateway.txt": ".venv-gateway (web gateway, Telegram bridge; faces the internet)",
}
SERVICES = ("pypi", "osv")


def pip_audit(path: Path, service: str) -> dict | None:
    """pip-audit's JSON report, or None when the service could not be reached at all."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--disable-pip",
            "--no-deps",
            "-r",
            str(path),
            "-s",
            service,
            "-f",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(done.stdout)
    except ValueError:
        return None
    dependencies = report.get("dependencies", [])
    if dependencies and all("skip_reason" in d for d in dependencies):
        return None  # nothing could be looked up: the database did not answer
    return report


def main() -> int:
    assessed = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    worst = 0
    for name, what in FILES.items():
        report, used = None, None
        for service in SERVICES:
            report = pip_audit(REPO / name, service)
            if report is not None:
                used = service
                break
        if report is None:
            print(
                f"{name} ({what}): NOT AUDITED. No advisory database could be reached "
                f"({', '.join(SERVICES)}); run `make audit` where pypi.org or api.osv.dev answers."
            )
            worst = max(worst, 2)
            continue
        dependencies = report["dependencies"]
        skipped = [d["name"] for d in dependencies if "skip_reason" in d]
        found = [(d["name"], d["version"], v) for d in dependencies for v in d.get("vulns", [])]
        print(
            f"{name} ({what}): {len(dependencies) - len(skipped)} package(s) audited with {used}, "
            f"{len(found)} advisory(ies)" + (f"; not audited: {', '.join(skipped)}" if skipped else "")
        )
        for package, version, vuln in found:
            names = [vuln["id"], *vuln.get("aliases", [])]
            status = "assessed in SECURITY.md" if any(n in assessed for n in names) else "NOT IN SECURITY.md"
            print(
                f"  {package} {version}: {', '.join(names)} (fixed in: "
                f"{', '.join(vuln.get('fix_versions', [])) or 'no release'}) - {status}"
            )
            if status != "assessed in SECURITY.md":
                worst = max(worst, 1)
    return worst


if __name__ == "__main__":
    sys.exit(main())
