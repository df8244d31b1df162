# The two commands of the README: `make site` and `make test`. Both set up .venv from the pinned
# requirements.lock first, so they work on a fresh machine with only Python 3.11+ and PyPI.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
CHROMIUM := /usr/bin/chromium

.PHONY: site test serve bench weight clean

site: $(READY)
	$(BIN)/civtoll build

test: $(READY) $(CHROMIUM)
	$(BIN)/python -m pytest

serve: $(READY)
	$(BIN)/civtoll serve

weight: $(READY) $(CHROMIUM)
	$(BIN)/civtoll build --quiet
	$(BIN)/python scripts/page_weight.py

bench: $(READY)
	$(BIN)/python scripts/bench_validate.py
	$(BIN)/python scripts/bench_build.py

# The browser tests drive Debian's chromium (Playwright never downloads a browser here).
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "install Chromium at $(CHROMIUM) to run the browser tests"; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(READY): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(READY)

clean:
	rm -rf build $(VENV)
