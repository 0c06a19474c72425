# The two set-up commands are `make run` and `make test`; both bootstrap both environments
# themselves (scripts/bootstrap.sh): .venv (Python 3.10: Rasa, the action server) and
# .venv-gateway (python3 3.11+: the web gateway and the Telegram bridge). README "Two environments".
SHELL := /bin/bash
PY := .venv/bin/python
GW := .venv-gateway/bin/python
RASA := $(PY) -m rasa
export PYTHONHASHSEED := 0
export TF_DETERMINISTIC_OPS := 1
export TF_CPP_MIN_LOG_LEVEL := 2
# nothing leaves this machine: Rasa's usage telemetry is off
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help run test test-fast lint format shell bootstrap train validate check-directory test-unit \
	test-gateway test-training test-stories eval eval-nlu holdout-eval bench audit clean

# PROFILE=scaled: run `make scaled-deps` once first (docs/deploy.md describes the profiles)
PROFILE ?= default
# What `make run` prints is what a user needs: deploy/logging.yml leaves out the library
# deprecations listed in bot/serve/library_warnings.py (by category and module, never errors).
# TF_DETERMINISTIC_OPS (exported above for the tests) only makes Rasa warn about GPUs when it
# serves; training sets it itself (bot/serve/train.py)
run: bootstrap  ## start the assistant (trains first if data changed); PROFILE=default|sqlite|scaled
	env -u TF_DETERMINISTIC_OPS $(PY) -m bot serve --profile $(PROFILE)

test: bootstrap lint validate check-directory train test-unit test-gateway test-training test-stories eval  ## every check CI runs
	@echo "All checks passed."

# What needs no model, no browser and no database: the command to run on every change (< 2 min).
# Both environments' shares run side by side, one per core; each one's output appears when it ends.
FAST := not needs_rasa and not browser and not training and not scaled
test-fast: bootstrap lint  ## lint + both environments' tests that need no model, browser or database
	@echo "pytest in .venv and .venv-gateway at once (-m '$(FAST)'); output as each finishes..."
	@$(MAKE) --no-print-directory -j2 --output-sync=target fast-rasa fast-gateway
	@echo "Fast checks passed."

.PHONY: fast-rasa fast-gateway
fast-rasa:
	$(PY) -m pytest -q -m "$(FAST)"
fast-gateway:
	$(GW) -m pytest -q -m "$(FAST)"

lint: bootstrap  ## ruff's lint rules and formatter check (pyproject.toml), over both environments' code
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: bootstrap  ## apply ruff's formatter to the whole tree (pyproject.toml)
	.venv/bin/ruff format .

help:  ## this list
	@awk -F ':.*## ' '/^[a-zA-Z_-]+:.*## / { printf "  %-16s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

shell: bootstrap  ## talk to the running assistant in the terminal
	$(PY) -m bot shell

bootstrap:  ## build or update .venv and .venv-gateway from their pins
	@bash scripts/bootstrap.sh

.PHONY: scaled-deps test-scaled
scaled-deps:  ## Debian's redis-server and postgresql, for PROFILE=scaled and the tests marked scaled (.ci/run)
	@bash scripts/install_scaled_deps.sh

# the tests marked scaled also run in `make test` (test-unit); this runs them alone (~1.5 min)
test-scaled: bootstrap train scaled-deps  ## the scaled profile: real PostgreSQL + Redis, two Rasa
	$(PY) -m pytest -q -m scaled

train: bootstrap  ## train the model if data/, config.yml or domain.yml changed
	$(PY) -m bot train

validate: bootstrap  ## domain, rules, stories and NLU agree with each other
	$(RASA) data validate --config config.yml --domain domain.yml \
	  --data data/nlu data/rules data/stories --fail-on-warnings

check-directory: bootstrap  ## the service directory is valid
	$(PY) -m bot validate-directory --strict

# pytest runs once per environment; each collects its own share (tests/environments.py).
# The tests marked `training` train models of their own: test-training runs them once per set of
# inputs (bot/serve/check_cache.py), as test-stories and eval are run.
CHECK := $(PY) -m bot.serve.check_cache
test-unit: bootstrap train  ## Rasa's side: .venv (all but the training tests)
	$(PY) -m pytest -q -m "not training"

test-gateway: bootstrap train  ## the gateway's and the bridge's suites: .venv-gateway
	$(GW) -m pytest -q

audit: bootstrap  ## known vulnerabilities in both environments' pins (SECURITY.md)
	@bash scripts/audit.sh

test-training: bootstrap  ## two trainings agree; shuffled labels still escalate (once per inputs)
	$(CHECK) reproducible-training -- $(PY) -m pytest -q -m training tests/serve/test_reproducible_training.py
	$(CHECK) shuffled-labels -- $(PY) -m pytest -q -m training tests/safety/test_shuffled_labels.py

test-stories: bootstrap train  ## end-to-end test stories through the trained model (once per inputs)
	$(CHECK) test-stories -- $(RASA) test core --model models/current.tar.gz --stories tests/test_stories.yml \
	  --endpoints endpoints.yml --fail-on-prediction-errors --out results/stories

eval: bootstrap train  ## safety gold set: recall/precision gates for emergency and crisis (once per inputs)
	$(CHECK) eval -- $(PY) -m bot eval

# a report, not a gate (docs/safety/blind-runs.md): not part of `make test` (about a minute or two);
# run it after changing data/safety/urgency_examples or the classifier's settings
holdout-eval: bootstrap  ## risk stage + urgency classifier on held-out blind sets (results/holdout-eval.json)
	$(PY) -m bot.safety.holdout_eval

# a report, not a gate (README "Checks"): not part of `make test`; run it after changing data/nlu
eval-nlu: bootstrap  ## NLU cross-validation report (results/nlu-cv), ~5 min
	$(PY) -m bot.serve.nlu_cv --nlu data/nlu --config config.yml --domain domain.yml \
	  --cross-validation --folds 3 --out results/nlu-cv
	$(PY) -m bot.serve.nlu_report results/nlu-cv

bench: bootstrap train  ## load test at 1/20/50/100 conversations, 1 and N Rasa workers, memory, start-up: results/bench.json
	$(PY) -m bot bench $(BENCH_ARGS)

clean:  ## delete the model, the checks' passes (models/checks), results and Rasa's cache
	rm -rf models results .rasa
