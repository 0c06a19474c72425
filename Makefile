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

.PHONY: run test shell bootstrap train validate check-directory test-unit test-gateway test-stories eval eval-nlu bench audit clean

# PROFILE=scaled: run `make scaled-deps` once first (docs/deploy.md describes the profiles)
PROFILE ?= default
run: bootstrap  ## start the assistant (trains first if data changed); PROFILE=default|sqlite|scaled
	$(PY) -m bot serve --profile $(PROFILE)

test: bootstrap validate check-directory train test-unit test-gateway test-stories eval eval-nlu  ## every check CI runs
	@echo "All checks passed."

shell: bootstrap  ## talk to the running assistant in the terminal
	$(PY) -m bot shell

bootstrap:
	@bash scripts/bootstrap.sh

.PHONY: scaled-deps test-scaled
scaled-deps:  ## Debian's redis-server and postgresql, for PROFILE=scaled and tests/scaled (.ci/run)
	@bash scripts/install_scaled_deps.sh

# tests/scaled also runs in `make test` (test-unit); this runs it alone (~1.5 min)
test-scaled: bootstrap train scaled-deps  ## the scaled profile: real PostgreSQL + Redis, two Rasa
	$(PY) -m pytest -q -m scaled tests/scaled

train: bootstrap
	$(PY) -m bot train

validate: bootstrap  ## domain, rules, stories and NLU agree with each other
	$(RASA) data validate --config config.yml --domain domain.yml \
	  --data data/nlu data/rules data/stories --fail-on-warnings

check-directory: bootstrap  ## the service directory is valid
	$(PY) -m bot validate-directory --strict

# pytest runs once per environment; each collects its own share (tests/environments.py)
test-unit: bootstrap train  ## Rasa's side: .venv
	$(PY) -m pytest -q

test-gateway: bootstrap train  ## the gateway's and the bridge's suites: .venv-gateway
	$(GW) -m pytest -q

audit: bootstrap  ## known vulnerabilities in both environments' pins (SECURITY.md)
	@bash scripts/audit.sh

test-stories: bootstrap train  ## end-to-end test stories through the trained model
	$(RASA) test core --model models/current.tar.gz --stories tests/test_stories.yml \
	  --endpoints endpoints.yml --fail-on-prediction-errors --out results/stories

eval: bootstrap train  ## safety gold set: recall/precision gates for emergency and crisis
	$(PY) -m bot eval

eval-nlu: bootstrap  ## NLU cross-validation report (results/nlu-cv)
	$(PY) -m bot.serve.nlu_cv --nlu data/nlu --config config.yml --domain domain.yml \
	  --cross-validation --folds 3 --out results/nlu-cv
	$(PY) -m bot.serve.nlu_report results/nlu-cv

bench: bootstrap train  ## load test at 1/20/50/100 conversations, 1 and N Rasa workers, memory, start-up: results/bench.json
	$(PY) -m bot bench $(BENCH_ARGS)

clean:
	rm -rf models results .rasa
