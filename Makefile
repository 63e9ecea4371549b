# GiftHub. `make run` and `make test` bootstrap everything they need (uv, then the locked environment).
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
export UV_LINK_MODE ?= copy

.PHONY: help bootstrap run serve migrate demo test test-fast lint format bench clean

help:
	@echo "make run      start GiftHub on http://127.0.0.1:8000 (SQLite under var/, demo data)"
	@echo "make test     lint, import contracts and every test (SQLite and embedded PostgreSQL)"
	@echo "make bench    benchmarks under bench/ with their baselines"
	@echo "make lint     ruff and import-linter;  make format  ruff format"

bootstrap:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --user uv || $(PYTHON) -m pip install --quiet uv
	@$(UV) sync --frozen --quiet

run: bootstrap
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

test: lint
	$(UV) run --frozen pytest

bench: bootstrap
	$(UV) run --frozen python -m bench

clean:
	rm -rf .pytest_cache .ruff_cache var/test-*
