"""The safeguarding assistant's own code: directory, safety net, NLG, channels and tools.

Nothing in bot/ imports actions/ (actions are thin wrappers over bot.*).
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
