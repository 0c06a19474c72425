"""SECURITY.md names every advisory issue 16 lists, and `make audit` says plainly when nothing
could be audited (scripts/audit.py)."""

from __future__ import annotations

import importlib.util
import json
import subprocess

import pytest

ISSUE_16_ADVISORIES = [
    "CVE-2024-52303",
    "CVE-2024-52304",
    "CVE-2025-53643",
    "CVE-2026-59881",
    "CVE-2026-69243",
    "CVE-2024-3660",
]


@pytest.fixture(scope="module")
def security(repo) -> str:
    return (repo / "SECURITY.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("advisory", ISSUE_16_ADVISORIES)
def test_every_advisory_of_issue_16_has_a_row_with_a_status(security, advisory):
    rows = [line for line in security.splitlines() if line.startswith("|") and advisory in line]
    assert rows, advisory
    assert all(line.rstrip().endswith("|") and line.count("|") >= 7 for line in rows)


def test_the_security_doc_has_its_four_parts(security):
    for heading in (
        "## Threat model",
        "## Dependencies and known advisories",
        "## Reporting a problem",
        "## Rebuilding the pins",
    ):
        assert heading in security


@pytest.fixture
def audit(repo):
    """scripts/audit.py, loaded from its file (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("audit_script", repo / "scripts" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_run(reports: dict):
    def run(command, **kwargs):
        service = command[command.index("-s") + 1]
        return subprocess.CompletedProcess(command, 0, stdout=reports.get(service, ""), stderr="")

    return run


def test_audit_says_not_audited_when_no_database_answers(audit, monkeypatch, capsys):
    skipped = json.dumps({"dependencies": [{"name": "aiohttp", "skip_reason": "not found on PyPI"}]})
    monkeypatch.setattr(audit.subprocess, "run", fake_run({"pypi": skipped, "osv": "Traceback"}))
    assert audit.main() == 2
    assert capsys.readouterr().out.count("NOT AUDITED") == 2


def test_audit_fails_on_an_advisory_security_md_does_not_name(audit, monkeypatch, capsys):
    report = json.dumps(
        {
            "dependencies": [
                {
                    "name": "aiohttp",
                    "version": "3.9.5",
                    "vulns": [
                        {"id": "GHSA-xxxx", "aliases": ["CVE-2024-52304"], "fix_versions": ["3.10.11"]}
                    ],
                },
                {
                    "name": "keras",
                    "version": "2.12.0",
                    "vulns": [{"id": "PYSEC-0000-0", "aliases": ["CVE-1999-0001"], "fix_versions": []}],
                },
            ]
        }
    )
    monkeypatch.setattr(audit.subprocess, "run", fake_run({"pypi": report}))
    assert audit.main() == 1
    out = capsys.readouterr().out
    assert "CVE-2024-52304 (fixed in: 3.10.11) - assessed in SECURITY.md" in out
    assert "CVE-1999-0001 (fixed in: no release) - NOT IN SECURITY.md" in out
