"""OpenVINO backend: convert the model's transformer once, cache the IR, run it on CPU."""

from __future__ import annotations

import os
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

from search.embed import OpenVinoEmbedder, embedding_dim, model_fingerprint
from search.errors import EmbeddingError


def openvino_embedder(st: Any, *, name: str, source: str, batch_size: int, cache_dir: Path) -> OpenVinoEmbedder:
    """An :class:`OpenVinoEmbedder` for the loaded SentenceTransformer ``st``."""
    try:
        import openvino as ov
    except ImportError as exc:
        raise EmbeddingError("the openvino backend needs the 'openvino' package (pip install openvino)") from exc
    _check_pooling(st)
    xml = cache_dir / "openvino" / f"{model_fingerprint(source)}-{_safe(ov.__version__)}" / "model.xml"
    if not xml.exists():
        _convert(st, ov, xml)
    core = ov.Core()
    try:
        compiled = core.compile_model(str(xml), "CPU")
    except Exception as exc:
        raise EmbeddingError(f"cannot compile the OpenVINO model {xml}: {exc}") from exc
    inputs = [i.get_any_name() for i in compiled.inputs]
    return OpenVinoEmbedder(
        compiled, st.tokenizer, name=name, dim=embedding_dim(st),
        max_length=int(st.max_seq_length or 512), batch_size=batch_size, input_names=inputs,
    )


def _check_pooling(st: Any) -> None:
    """Only mean pooling (+ normalisation) is reproduced here; other models stay on torch."""
    modules = list(st)
    pooling = modules[1] if len(modules) > 1 else None
    mode = getattr(pooling, "pooling_mode_mean_tokens", None)
    cfg: dict[str, object] = getattr(pooling, "get_config_dict", dict)()
    if not (mode or cfg.get("pooling_mode") == "mean" or cfg.get("pooling_mode_mean_tokens")):
        raise EmbeddingError("the openvino backend supports mean-pooling models only; use backend torch")


def _convert(st: Any, ov: Any, xml: Path) -> None:
    """Trace the transformer with a small example and save the IR atomically."""
    transformer = st[0].auto_model.eval()
    enc = st.tokenizer(["an example sentence", "a second, longer example sentence"], padding=True,
                       return_tensors="pt")
    example = {k: enc[k] for k in ("input_ids", "attention_mask", "token_type_ids") if k in enc}
    xml.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            model = ov.convert_model(transformer, example_input=example)
        except Exception as exc:
            raise EmbeddingError(f"cannot convert the model to OpenVINO: {exc}") from exc
    tmp = Path(tempfile.mkdtemp(dir=xml.parent.parent, prefix=".tmp-"))
    ov.save_model(model, str(tmp / "model.xml"))
    for name in ("model.bin", "model.xml"):  # the .xml last: its presence means the pair is complete
        os.replace(tmp / name, xml.parent / name)
    for leftover in tmp.iterdir():
        leftover.unlink()
    tmp.rmdir()


def _safe(version: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "_", version)[:40]
