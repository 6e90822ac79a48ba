# Two commands on a fresh machine: `make demo` (analyse the seeds into ./out) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
SEEDS ?= ../shared/seeds
OUT ?= out

.PHONY: install embed-static demo test test-fast browser bench clean

install: $(VENV)/.installed
	@$(BIN)/python -m newsprism.resources.embed --ensure

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24" setuptools wheel
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

# the default (static) embedding model, distilled offline from the bundled MiniLM into
# ~/.cache/newsprism/minilm-static: `install` builds it once per machine; this rebuilds it
embed-static: install
	$(BIN)/python -m newsprism.resources.embed --distill

demo: install
	$(BIN)/newsprism analyze $(SEEDS) -o $(OUT); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ]

# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium; no browser download).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "browser tests need /usr/bin/chromium: sudo apt-get install chromium"; fi; \
	fi

test: install browser
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not browser and not quality"

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(OUT) .pytest_cache test-artifacts
