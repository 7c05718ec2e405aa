# Every entry point of korusticket-python. `make demo` and `make check` work on a fresh clone:
# `make demo` creates .venv-run from requirements.lock (runtime dependencies only), `make check` creates
# .venv from requirements-dev.lock; both are made exactly their lock by the pinned uv, with --require-hashes.
# `make lock` rewrites the locks.
SHELL      := /bin/bash
PYTHON     ?= python3
VENV       := .venv
PY         := $(VENV)/bin/python
RUN_VENV   := .venv-run
RUN_PY     := $(RUN_VENV)/bin/python
LOCK_VENV  := .venv-lock
SPEC       := spec/openapi.yaml
SPEC_URL   ?= https://docs.korusticket.com/_spec/openapi.yaml
DOWNLOAD   := build/openapi.downloaded.yaml
GEN_PKG    := generated/korusticket_api
BASE       ?= HEAD
# Branch coverage of korusticket + korusticket_api by the test suite: 77.3% when this floor was set.
COV_FLOOR  := 75
# UV_NO_CONFIG: a user's uv.toml does not change what is installed; no Python is ever downloaded.
UV         := UV_NO_CONFIG=1 UV_PYTHON_DOWNLOADS=never $(LOCK_VENV)/bin/uv
# `uv pip compile` for both locks: Python 3.11 (requires-python), one hash per published file.
UV_COMPILE = $(UV) pip compile --quiet --python-version 3.11 --generate-hashes --custom-compile-command "make lock" $(LOCK_ARGS)
export PATH := $(abspath $(VENV)/bin):$(PATH)

.PHONY: help venv venv-run lock lock-check spec generate check-generated lint typecheck test coverage check demo standin \
        record api-diff api-diff-ci release redraft lock-names bench bench-profile dist clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

# uv bootstraps every venv: the interpreter's bundled pip (23.2.1 on 3.11) mishandles a requirement with
# an extra in hash-checking mode (pypa/pip#9644), so it only installs uv itself, pinned and hashed.
# The venvs only need uv to exist (order-only), so a uv upgrade does not rebuild them.
$(LOCK_VENV)/.installed: requirements-uv.lock
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-input --require-hashes -r requirements-uv.lock
	touch $@

# A changed lock rebuilds the venv from scratch; `uv pip sync` makes it exactly the lock (nothing more, every
# file hash-checked). The project goes in editable with --no-deps --no-build-isolation: its dependencies and
# its build backend (setuptools, group `build`) come hashed from the lock; a changed pyproject.toml only
# reinstalls the project.
UV_SYNC    = $(UV) pip sync --quiet --require-hashes --python
UV_INSTALL = $(UV) pip install --quiet --no-deps --no-build-isolation --python
$(VENV)/.locked: requirements-dev.lock | $(LOCK_VENV)/.installed
	rm -rf $(VENV) && $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV_SYNC) $(PY) requirements-dev.lock
	touch $@

$(VENV)/.installed: $(VENV)/.locked pyproject.toml
	$(UV_INSTALL) $(PY) -e .
	touch $@

$(RUN_VENV)/.locked: requirements.lock | $(LOCK_VENV)/.installed
	rm -rf $(RUN_VENV) && $(UV) venv --quiet --python $(PYTHON) $(RUN_VENV)
	$(UV_SYNC) $(RUN_PY) requirements.lock
	touch $@

$(RUN_VENV)/.installed: $(RUN_VENV)/.locked pyproject.toml
	$(UV_INSTALL) $(RUN_PY) -e .
	touch $@

venv: $(VENV)/.installed ## create .venv (everything make check needs) from requirements-dev.lock

venv-run: $(RUN_VENV)/.installed ## create .venv-run (runtime dependencies only) from requirements.lock

LOCKS := requirements-dev.lock requirements.lock requirements-uv.lock
LOCK_DIR ?= .
LOCK_OUT = $(if $(filter .,$(LOCK_DIR)),,$(LOCK_DIR)/)
lock: $(LOCK_VENV)/.installed ## re-lock from pyproject.toml, hashed (LOCK_ARGS="-P NAME" to upgrade one package)
	$(UV_COMPILE) pyproject.toml --group dev -o $(LOCK_OUT)requirements-dev.lock
	$(UV_COMPILE) pyproject.toml --group build -c $(LOCK_OUT)requirements-dev.lock -o $(LOCK_OUT)requirements.lock
	$(UV_COMPILE) --group lock -o $(LOCK_OUT)requirements-uv.lock
	@echo "lock: wrote requirements-dev.lock, requirements.lock, requirements-uv.lock (existing pins kept; LOCK_ARGS='-P NAME' upgrades one, LOCK_ARGS=-U all)"

# Re-locks into a scratch folder (the committed pins as preferences) and compares the name==version lines:
# a dependency added to or changed in pyproject.toml without `make lock` fails here. Hashes are not compared,
# so a wheel published later for a locked version does not fail the build.
lock-check: $(LOCK_VENV)/.installed ## fail if the locks' pins no longer follow from pyproject.toml
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && cp $(LOCKS) "$$tmp"/ && \
	$(MAKE) --no-print-directory -s lock LOCK_DIR="$$tmp" >/dev/null && \
	for f in $(LOCKS); do \
	  diff <(grep -E '^[A-Za-z0-9]' $$f | cut -d' ' -f1) <(grep -E '^[A-Za-z0-9]' "$$tmp/$$f" | cut -d' ' -f1) >"$$tmp/diff" || \
	  { sed 's/^/  /' "$$tmp/diff"; echo "lock-check: $$f does not match pyproject.toml (< locked, > resolved): run make lock" >&2; exit 1; }; \
	done && echo "lock-check: $(LOCKS) match pyproject.toml"

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

# Refuses to start over uncommitted changes in generated/ (regenerating would discard a hand edit), then
# regenerates and fails if that changed a tracked file or added one git does not track.
check-generated: venv ## regenerate and fail if generated/ or api.md differs from the committed tree
	@dirty=$$(git status --porcelain --untracked-files=all -- generated api.md); \
	if [ -n "$$dirty" ]; then \
	  echo "$$dirty"; \
	  echo "check-generated: generated/ or api.md has uncommitted changes (above); regenerating would discard them." >&2; \
	  echo "  Commit them, or drop them (git checkout -- generated api.md && git clean -fd -- generated), then rerun." >&2; \
	  exit 1; \
	fi
	$(PY) scripts/codegen/generate.py $(SPEC) $(GEN_PKG) api.md
	@changed=$$(git status --porcelain --untracked-files=all -- generated api.md); \
	modified=$$(grep -v '^??' <<<"$$changed" || true); untracked=$$(grep '^??' <<<"$$changed" || true); \
	if [ -n "$$modified" ]; then \
	  git diff --stat -- generated api.md; \
	  echo "check-generated: make generate changes or removes committed files in generated/ (above): the tree is stale or was hand-edited; commit the regenerated files" >&2; \
	fi; \
	if [ -n "$$untracked" ]; then \
	  echo "$$untracked"; \
	  echo "check-generated: make generate writes files in generated/ that git does not track (above): git add them" >&2; \
	fi; \
	[ -z "$$changed" ] || exit 1

lint: venv ## ruff on hand-written code
	$(PY) -m ruff check overrides scripts tests examples benchmarks
	$(PY) -m ruff format --check overrides scripts tests examples benchmarks

typecheck: venv ## mypy --strict on overrides/, generated/, scripts/ and examples/; relaxed on tests/
	$(PY) -m mypy overrides/korusticket overrides/pytest_korusticket generated/korusticket_api
	$(PY) -m mypy scripts
	$(PY) -m mypy --strict examples
	$(PY) -m mypy tests

test: venv ## pytest, network blocked, cassettes replayed only (PYTEST_ARGS= to add options)
	$(PY) -m pytest $(PYTEST_ARGS)

coverage: venv ## pytest with coverage; prints the figure, fails under COV_FLOOR
	$(PY) -m pytest --cov --cov-report= $(PYTEST_ARGS)
	@total=$$($(PY) -m coverage report --format=total --precision=1) && \
	echo "coverage: $$total% of korusticket + korusticket_api (floor $(COV_FLOOR)%)" && \
	$(PY) -m coverage report --fail-under=$(COV_FLOOR) --format=total >/dev/null || \
	{ echo "coverage: $$total% is under the floor of $(COV_FLOOR)%" >&2; exit 1; }

# The code is generated once: check-generated first (so everything after runs on the committed tree that
# it just proved current), and the test that regenerates twice into a scratch folder (marked `regenerates`)
# is skipped here; `make test` still runs it.
check: ## everything CI runs: lock-check, check-generated, lint, typecheck, tests with coverage, api-diff-ci
	@$(MAKE) --no-print-directory lock-check
	@$(MAKE) --no-print-directory check-generated
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory typecheck
	@$(MAKE) --no-print-directory coverage PYTEST_ARGS='-m "not regenerates"'
	@$(MAKE) --no-print-directory api-diff-ci

demo: venv-run ## the booking walkthrough against the local stand-in (or the demo server with credentials)
	$(RUN_PY) examples/booking_walkthrough.py

standin: venv-run ## serve the local KorusTicket stand-in on http://127.0.0.1:8787 (PORT= to change)
	$(RUN_PY) -m korusticket.testing serve --port $(or $(PORT),8787)

record: venv ## re-record cassettes against the demo server (needs credentials)
	$(PY) scripts/record_cassettes.py

api-diff: venv ## changelog of spec/ and the korusticket API against BASE (git ref or spec file)
	$(PY) scripts/api_diff.py --base $(BASE)

api-diff-ci: venv ## spec and client against the release before the current one (spec/releases/manifest.txt); fails on a breaking change CHANGELOG.md does not acknowledge
	$(PY) scripts/api_diff.py --base last-release --ack CHANGELOG.md

release: venv ## take a new spec release through generation, diff and a changelog draft (SPEC=<new file>)
	@test "$(SPEC)" != "spec/openapi.yaml" || { echo "usage: make release SPEC=path/to/new/openapi.yaml" >&2; exit 2; }
	$(PY) scripts/release.py $(SPEC)

redraft: venv ## write the CHANGELOG.md draft of the current release again (after operations.yaml edits and make generate)
	$(PY) scripts/release.py --redraft

lock-names: venv ## a same-release spec correction that adds a schema: record its model name in the names lock
	$(PY) scripts/release.py --lock-names

bench: venv ## benchmarks; writes benchmarks/RESULTS.md
	$(PY) benchmarks/run.py

bench-profile: venv ## where a prefetched drain spends its CPU, by package (cProfile)
	$(PY) -m benchmarks.profile_drain

dist: venv ## build the wheel and the sdist into dist/ (tests/test_wheel.py installs such a wheel on its own)
	rm -rf dist && $(UV) build --quiet --no-build-isolation --python $(PY) --out-dir dist .
	@# setuptools leaves korusticket.egg-info here, which would shadow the editable install's entry points
	rm -rf korusticket.egg-info
	@ls dist/*

clean: ## remove caches, build output and coverage data (keeps the venvs)
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .coverage
