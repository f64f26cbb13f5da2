# zhili: `make up` starts the local stack with demo data, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: up down test protos install check-protos clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

up: $(STAMP)
	$(PY) -m stack up

down: $(STAMP)
	$(PY) -m stack down

test: $(STAMP)
	$(PY) -m pytest

protos: $(STAMP)
	$(PY) -m stack protos

clean:
	rm -rf var
