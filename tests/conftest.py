"""Shared fixtures. Tests that need the real corpus fail (not skip) in CI when it is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("R2P_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real UN documents in ../shared/corpus (never copied into the project)."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the corpus is missing at {CORPUS}; CI must have ../shared/corpus")
        pytest.skip(f"no corpus at {CORPUS}")
    return CORPUS
