"""Train the Rasa model only when what it is trained from has changed.

`rasa train` fingerprints too, but it loads TensorFlow and the old model to find out (~15 s);
hashing the inputs ourselves answers "nothing changed" in milliseconds for `make run`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Optional

from bot import REPO_ROOT

TRAINING_INPUTS = ("config.yml", "domain.yml", "data/nlu", "data/rules", "data/stories")
MODEL_DIR = REPO_ROOT / "models"
MODEL_NAME = "current"
MODEL_PATH = MODEL_DIR / f"{MODEL_NAME}.tar.gz"
FINGERPRINT_PATH = MODEL_DIR / f"{MODEL_NAME}.inputs.sha256"
# how long the last training took, for `make bench` (which never retrains by itself)
TRAINING_RECORD_PATH = MODEL_DIR / f"{MODEL_NAME}.train.json"


def training_fingerprint(root: Path = REPO_ROOT) -> str:
    digest = hashlib.sha256()
    for name in TRAINING_INPUTS:
        path = root / name
        if not path.exists():
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def model_is_current(root: Path = REPO_ROOT) -> bool:
    return (
        MODEL_PATH.exists()
        and FINGERPRINT_PATH.exists()
        and FINGERPRINT_PATH.read_text().strip() == training_fingerprint(root)
    )


def deterministic_env() -> dict[str, str]:
    # same seed + deterministic TF kernels => the same model and the same intent ranking
    return {
        **os.environ,
        "TF_DETERMINISTIC_OPS": "1",
        "PYTHONHASHSEED": "0",
        "RASA_TELEMETRY_ENABLED": "false",
    }


def write_training_record(seconds: float, path: Optional[Path] = None) -> dict:
    record = {"seconds": round(seconds, 1), "date": date.today().isoformat(), "cpus": os.cpu_count()}
    (path or TRAINING_RECORD_PATH).write_text(json.dumps(record) + "\n")
    return record


def read_training_record(path: Optional[Path] = None) -> Optional[dict]:
    """{"seconds": .., "date": .., "cpus": ..} of the last successful training, or None."""
    try:
        record = json.loads((path or TRAINING_RECORD_PATH).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("seconds"), (int, float)):
        return None
    return record


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot train")
    parser.add_argument("--force", action="store_true", help="train even if nothing changed")
    args = parser.parse_args(argv)
    if not args.force and model_is_current():
        print(f"Model is up to date ({MODEL_PATH.relative_to(REPO_ROOT)}).")
        return 0
    print("Training the model (data, config or domain changed)...", flush=True)
    fingerprint = training_fingerprint()
    command = [
        sys.executable,
        "-m",
        "rasa",
        "train",
        "--fixed-model-name",
        MODEL_NAME,
        "--out",
        str(MODEL_DIR),
        "--config",
        "config.yml",
        "--domain",
        "domain.yml",
        "--data",
        "data/nlu",
        "data/rules",
        "data/stories",
    ]
    started = time.monotonic()
    result = subprocess.run(command, cwd=REPO_ROOT, env=deterministic_env())
    if result.returncode != 0:
        print("Training failed; see the messages above.", file=sys.stderr)
        return result.returncode
    FINGERPRINT_PATH.write_text(fingerprint + "\n")
    record = write_training_record(time.monotonic() - started)
    print(f"Trained in {record['seconds']:.0f} s.")
    return 0
