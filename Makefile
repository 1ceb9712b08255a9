# Two commands a new user needs:
#   make demo   installs everything into .venv and builds the example case's dossier
#   make test   installs everything (with test extras) and runs the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= demo-out

.PHONY: demo test install install-test deps bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

demo: install
	$(BIN)/collingwood demo --out $(OUT)

# Debian packages the tests need (Tesseract for OCR), installed when missing.
deps:
	bash scripts/ci-deps.sh

test: install-test deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run_all.py

docs: install
	$(BIN)/collingwood schema --markdown > docs/predicates.md

clean:
	rm -rf $(OUT) build *.egg-info src/*.egg-info
