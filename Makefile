# Every entry point of korusticket-python. `make demo` and `make check` work on a fresh clone:
# both create .venv from the pinned lock file first.
SHELL      := /bin/bash
PYTHON     ?= python3
VENV       := .venv
PY         := $(VENV)/bin/python
SPEC       := spec/openapi.yaml
SPEC_URL   ?= https://docs.korusticket.com/_spec/openapi.yaml
DOWNLOAD   := build/openapi.downloaded.yaml
GEN_PKG    := generated/korusticket_api
BASE       ?= HEAD
export PATH := $(abspath $(VENV)/bin):$(PATH)

.PHONY: help venv spec generate check-generated lint typecheck test check demo standin record api-diff api-diff-ci release bench clean

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

venv: $(VENV)/.installed ## create .venv from the pinned lock file

spec: ## download the published spec to build/ for `make release SPEC=build/openapi.downloaded.yaml` (SPEC_URL= to override)
	@mkdir -p build && tmp=$$(mktemp) && err=$$(mktemp) && \
	if curl --fail --silent --show-error --location --connect-timeout 5 --max-time 30 -o "$$tmp" "$(SPEC_URL)" 2>"$$err"; then \
	  mv "$$tmp" $(DOWNLOAD) && rm -f "$$err" && echo "spec: wrote $(DOWNLOAD) from $(SPEC_URL); next: make release SPEC=$(DOWNLOAD)"; \
	else \
	  echo "spec: could not download $(SPEC_URL) ($$(sed 's/^curl: ([0-9]*) //' "$$err" | head -n1)); nothing written" >&2; \
	  rm -f "$$tmp" "$$err"; exit 1; \
	fi

generate: venv ## regenerate generated/ and api.md from spec/ and the operations table (pinned generator, zero warnings)
	$(PY) scripts/codegen/generate.py $(SPEC) $(GEN_PKG) api.md

check-generated: generate ## fail if generated/ differs from what `make generate` produces
	@git diff --exit-code --stat -- generated api.md || { echo "generated/ or api.md is stale or hand-edited: run make generate and commit" >&2; exit 1; }
	@untracked=$$(git status --porcelain --untracked-files=all -- generated api.md); \
	if [ -n "$$untracked" ]; then echo "$$untracked"; echo "generated/ has files git does not track" >&2; exit 1; fi

lint: venv ## ruff on hand-written code
	$(PY) -m ruff check overrides scripts tests examples benchmarks
	$(PY) -m ruff format --check overrides scripts tests examples benchmarks

typecheck: venv ## mypy --strict on overrides/ and generated/
	$(PY) -m mypy overrides/korusticket generated/korusticket_api

test: venv ## pytest, network blocked, cassettes replayed only
	$(PY) -m pytest

check: lint typecheck test check-generated api-diff-ci ## everything CI runs

demo: venv ## the booking walkthrough against the local stand-in (or the demo server with credentials)
	$(PY) examples/booking_walkthrough.py

standin: venv ## serve the local KorusTicket stand-in on http://127.0.0.1:8787 (PORT= to change)
	$(PY) -m korusticket.testing serve --port $(or $(PORT),8787)

record: venv ## re-record cassettes against the demo server (needs credentials)
	$(PY) scripts/record_cassettes.py

api-diff: venv ## changelog of spec/ and the korusticket API against BASE (git ref or spec file)
	$(PY) scripts/api_diff.py --base $(BASE)

api-diff-ci: venv ## spec and client against the last release (spec/releases/); fails on a breaking change CHANGELOG.md does not acknowledge
	$(PY) scripts/api_diff.py --base last-release --ack CHANGELOG.md

release: venv ## take a new spec release through generation, diff and a changelog draft (SPEC=<new file>)
	@test "$(SPEC)" != "spec/openapi.yaml" || { echo "usage: make release SPEC=path/to/new/openapi.yaml" >&2; exit 2; }
	$(PY) scripts/release.py $(SPEC)

bench: venv ## benchmarks; writes benchmarks/RESULTS.md
	$(PY) benchmarks/run.py

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
