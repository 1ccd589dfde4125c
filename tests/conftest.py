from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "data" / "seeds"
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True, scope="session")
def _private_result_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """`checker audit` runs in tests keep their result cache out of the user's."""
    import os

    os.environ.setdefault("CHECKER_CACHE_DIR", str(tmp_path_factory.mktemp("result-cache")))


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/data/seeds is absent (seed articles are not part of the repo)")
    return SEEDS


def seed(name_prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/data/seeds is absent (seed articles are not part of the repo)")
    return next(SEEDS.glob(f"{name_prefix}*.txt"))
