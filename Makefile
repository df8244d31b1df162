# The two commands of the README: `make site` and `make test`. Both set up .venv from the pinned
# requirements.lock first, so they work on a fresh machine with only Python 3.11+ and PyPI.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: site test serve bench clean

site: $(READY)
	$(BIN)/civtoll build

test: $(READY)
	$(BIN)/python -m pytest

serve: $(READY)
	$(BIN)/civtoll serve

bench: $(READY)
	$(BIN)/python scripts/bench_validate.py
	$(BIN)/python scripts/bench_build.py

$(READY): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(READY)

clean:
	rm -rf build $(VENV)
