# One command runner for Teamlead. `make run` and `make test` work on a fresh clone.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test repeat stress lint format bench screenshots dialog-shots icons translations clean package smoke-bundle

$(STAMP): pyproject.toml setup.py
	@py=$$(scripts/find-python) || exit 1; \
	if [ ! -x $(BIN)/python ]; then echo "Creating $(VENV) with $$py"; "$$py" -m venv $(VENV) || exit 1; fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# PyInstaller only where the app is packaged (docs/packaging.md).
$(VENV)/.installed-package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,package]'
	@touch $@

run: $(STAMP)
	$(BIN)/teamlead

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not stress" $(PYTEST_ARGS)

repeat: $(STAMP)
	.ci/repeat $(RUNS)

stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen TEAMLEAD_STRESS=1 $(BIN)/python -m pytest -m stress $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check teamlead tests benchmarks scripts
	$(BIN)/ruff format --check teamlead tests benchmarks scripts
	$(BIN)/mypy teamlead
	$(BIN)/lint-imports --no-logo

format: $(STAMP)
	$(BIN)/ruff format teamlead tests benchmarks scripts
	$(BIN)/ruff check --fix teamlead tests benchmarks scripts

# The PostgreSQL figures need a server: the one named by TEAMLEAD_BENCH_POSTGRES_URL or TEAMLEAD_TEST_POSTGRES_URL,
# else one started here as CI starts its own (none when PostgreSQL is not installed: those figures are skipped).
bench: $(STAMP)
	@url="$${TEAMLEAD_BENCH_POSTGRES_URL:-$$TEAMLEAD_TEST_POSTGRES_URL}"; \
	if [ -z "$$url" ]; then url=$$(.ci/pg-start /tmp/teamlead-bench-pg 55436 2>/dev/null || true); fi; \
	TEAMLEAD_BENCH_POSTGRES_URL="$$url" QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(BENCH_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

# Every dialog in Dutch and in English (docs/screenshots/dialogs/<language>/); prints any text in the wrong language.
dialog-shots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/dialog_shots.py

icons: $(STAMP)
	$(BIN)/python scripts/make_icons.py

# After editing a .po in resources/translations/ (by hand or in Poedit): compile it to the .mo the app reads.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

package: $(VENV)/.installed-package
	$(BIN)/python scripts/build_bundle.py

smoke-bundle: $(STAMP)
	$(BIN)/python scripts/smoke_bundle.py $(SMOKE_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .grimp_cache build dist *.egg-info
