"""Settings, read from the environment (prefix ``R2P_``, nested with ``__``) and ``.env``.

Built only in the CLI callback and in ``create_app()``; code below ``api/`` receives arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class GraphSettings(BaseModel):
    backend: Literal["kuzu", "neo4j"] = "kuzu"
    uri: str = "bolt://localhost:7687"  # Neo4j only
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str | None = None
    # Kùzu only, when a store is created: keep the HNSW vector index (~100-200 vectors/s to maintain on
    # 2 cores) or not (dense search then ranks exactly; see docs/decisions/0002-exact-dense-search.md)
    vector_index: bool = True
    # Kùzu only: cap on the database's buffer pool (page cache) in MiB; 0 = Kùzu's default, ~80% of RAM.
    # Smaller than 128 MiB is refused: Kùzu cannot write a document with less (graph.kuzu_store.MIN_BUFFER_POOL_MB).
    buffer_pool_mb: int = 0


class EmbeddingSettings(BaseModel):
    model: str = ""  # a sentence-transformers model name or path; "" = the bundled all-MiniLM-L6-v2
    backend: Literal["torch", "openvino", "onnx"] = "openvino"  # same vectors as torch, ~2-5x faster
    batch_size: int = 32


class ApiSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = 8000
    read_access: Literal["open", "key"] = "open"
    max_upload_mb: int = 50


class RdfSettings(BaseModel):
    base_iri: str = "https://r2p-graph.example.org/"
    license: str = "https://creativecommons.org/licenses/by/4.0/"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="R2P_", env_nested_delimiter="__", env_file=".env", extra="ignore"
    )

    store: Path = Path("data/store")  # embedded store directory (also holds uploaded PDFs and keys)
    graph: GraphSettings = GraphSettings()
    embedding: EmbeddingSettings = EmbeddingSettings()
    api: ApiSettings = ApiSettings()
    rdf: RdfSettings = RdfSettings()
