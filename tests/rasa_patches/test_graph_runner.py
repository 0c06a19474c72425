"""Rasa's graph runs without dask (bot.rasa_patches.graph_runner) and gives what dask gave: the same
nodes called with the same arguments, the same results, the same errors."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

import pytest
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.exceptions import RasaException

from bot.rasa_patches import graph_runner

CALLS: List[Text] = []


@pytest.fixture(autouse=True)
def rasa_as_it_was(monkeypatch):
    """Whatever these tests install is put back as it was afterwards."""
    monkeypatch.setattr(DaskGraphRunner, "run", DaskGraphRunner.run)


class Step(GraphComponent):
    """Records that it ran and returns what it was given, tagged with its name."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.name = config["name"]

    @classmethod
    def create(cls, config, model_storage, resource, execution_context, **kwargs) -> "Step":
        return cls(config)

    def run(self, **inputs: Any) -> Any:
        CALLS.append(self.name)
        if self.name in inputs.get("fail_at", ()):
            raise inputs.get("error", RuntimeError)("failed")
        return {self.name: {k: v for k, v in sorted(inputs.items()) if k != "fail_at"}}


def node(name: Text, needs: Dict[Text, Text], target: bool = False) -> SchemaNode:
    return SchemaNode(
        needs=needs,
        uses=Step,
        constructor_name="create",
        fn="run",
        config={"name": name},
        eager=True,
        is_target=target,
    )


# shaped like Rasa's: an NLU chain from __message__, policies fanning in from __tracker__
SCHEMA = GraphSchema(
    {
        "domain": node("domain", {}),
        "tokens": node("tokens", {"message": "__message__"}),
        "features": node("features", {"message": "tokens"}),
        "intent": node("intent", {"message": "features", "domain": "domain"}, target=True),
        "policy_a": node("policy_a", {"tracker": "__tracker__", "domain": "domain"}),
        "policy_b": node("policy_b", {"tracker": "__tracker__", "domain": "domain"}),
        "unused": node("unused", {"tracker": "__tracker__"}),
        "select": node("select", {"a": "policy_a", "b": "policy_b", "tracker": "__tracker__"}, target=True),
        "failing": node("failing", {"fail_at": "__fail_at__", "error": "__error__", "before": "policy_a"}),
    }
)


@pytest.fixture
def runners(tmp_path, monkeypatch):
    """A runner with dask (Rasa's run) and the same graph with the patch."""
    original = graph_runner.dask_run
    monkeypatch.setattr(DaskGraphRunner, "run", original)
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(SCHEMA, "model")
    with_dask = DaskGraphRunner(SCHEMA, storage, context)
    graph_runner.install()
    patched = DaskGraphRunner(SCHEMA, storage, context)

    def run_with_dask(**kwargs):
        return original(with_dask, **kwargs)

    CALLS.clear()
    return run_with_dask, patched.run


def both(runners, **kwargs):
    """Each runner's result and the nodes each called (as a set: dask's order among nodes that
    do not depend on each other is its own)."""
    outcomes = []
    for run in runners:
        CALLS.clear()
        outcomes.append((run(**kwargs), sorted(CALLS)))
    return outcomes


@pytest.mark.parametrize(
    "kwargs",
    [
        {"inputs": {"__message__": ["hello"]}, "targets": ["intent"]},
        {"inputs": {"__tracker__": "tracker"}, "targets": ["select"]},
        {"inputs": {"__message__": ["hi"], "__tracker__": "tracker"}, "targets": ["intent", "select"]},
        {"inputs": {"__tracker__": "tracker"}, "targets": ["policy_a", "domain"]},
        # an input given under a node's name replaces the node, and what only it needed is not run
        {"inputs": {"__tracker__": "tracker", "policy_b": "given"}, "targets": ["select"]},
    ],
)
def test_the_same_results_and_the_same_nodes_as_dask(runners, kwargs):
    (dask_result, dask_calls), (result, calls) = both(runners, **kwargs)
    assert result == dask_result
    assert calls == dask_calls


def test_a_need_nothing_provides_is_reported_as_with_dask(runners, caplog):
    messages = []
    for run in runners:
        caplog.clear()
        with caplog.at_level(logging.WARNING), pytest.raises(GraphRunError) as raised:
            run(inputs={}, targets=["select"])
        assert "Node '__tracker__' was not resolved" in caplog.text
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "Missing input to run node" in messages[0]


def test_each_node_runs_after_what_it_needs_and_once():
    order = graph_runner.execution_order(SCHEMA, ["intent", "select"])
    assert sorted(order) == ["domain", "features", "intent", "policy_a", "policy_b", "select", "tokens"]
    for position, name in enumerate(order):
        for need in SCHEMA.nodes[name].needs.values():
            assert need not in SCHEMA.nodes or order.index(need) < position


def test_an_input_value_that_names_a_node_is_refused_as_with_dask(runners):
    for run in runners:
        with pytest.raises(GraphRunError, match="clashes with a node name"):
            run(inputs={"__tracker__": "policy_a"}, targets=["select"])


class RasaRuntimeError(RasaException, RuntimeError):
    """A RuntimeError that GraphNode lets through unwrapped, as dask's own errors are."""


@pytest.mark.parametrize(
    "error, raised", [(RasaRuntimeError, GraphRunError), (ValueError, GraphComponentException)]
)
def test_errors_are_raised_as_dask_raises_them(runners, error, raised):
    for run in runners:
        with pytest.raises(raised):
            run(
                inputs={"__tracker__": "t", "__fail_at__": ("failing",), "__error__": error},
                targets=["failing"],
            )


def test_the_order_is_worked_out_once_per_set_of_targets(runners, monkeypatch):
    _, run = runners
    run(inputs={"__tracker__": "t"}, targets=["select"])
    monkeypatch.setattr(graph_runner, "execution_order", lambda *args: pytest.fail("worked out again"))
    run(inputs={"__tracker__": "t"}, targets=["select"])


def test_installing_twice_keeps_one_patch():
    graph_runner.install()
    first = DaskGraphRunner.run
    graph_runner.install()
    assert DaskGraphRunner.run is first and graph_runner.is_installed()
