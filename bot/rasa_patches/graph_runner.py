"""Run Rasa's prediction graph in a fixed order worked out once, instead of through dask each time.

Rasa 3.6 runs the graph twice or three times per message (the NLU pipeline once, the policies
once per predicted action) with `DaskGraphRunner.run`, which on every call rebuilds the minimal
schema for its targets, builds a dask graph, orders it (dask.order) and executes it through
dask's asynchronous scheduler with a synchronous executor. For our 14-node NLU graph and
8-node policy graph that bookkeeping cost ~1.8 ms of Rasa's ~14 ms of main-thread CPU per message
(scripts/profile_rasa.py --stages, docs/bench/profile-2026-11-30.md) and computed nothing.

The nodes, their inputs and what each returns are unchanged: each target set's nodes are put in a
dependency order once and cached, and every run calls the same `GraphNode` objects with the same
arguments dask would pass (a parent's `(name, output)` pair; an input as `(name, value)`; a need
that nothing provides as its bare name, which `GraphNode` reports as dask's does). Errors are
raised as `DaskGraphRunner.run` raises them. Only the graph runner's bookkeeping goes.

Installed by bot.rasa_patches.install_all (never by itself); written for Rasa 3.6.
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner

from bot.rasa_patches import check_rasa_version

WRITTEN_FOR = "3.6."
PLANS = "_planned_runs"
# Rasa's own run, kept for comparison (tests/rasa_patches/test_graph_runner.py)
dask_run = DaskGraphRunner.run


def execution_order(
    schema: GraphSchema, targets: List[Text], given: FrozenSet[Text] = frozenset()
) -> Tuple[Text, ...]:
    """The nodes `targets` need (themselves included), each after every node it needs, in the
    schema's own order where the dependencies allow. A node named in `given` is an input of the
    run (dask replaces such a node by the input), so what only it needs is left out. Raises
    GraphRunError on a cycle."""
    order: List[Text] = []
    state: Dict[Text, int] = {}  # 1: being visited, 2: placed

    def visit(name: Text) -> None:
        if state.get(name) == 2 or name not in schema.nodes:
            return  # placed already, or an input placeholder such as __message__
        if state.get(name) == 1:
            raise GraphRunError(f"The graph has a cycle through '{name}'.")
        state[name] = 1
        if name not in given:
            for need in schema.nodes[name].needs.values():
                visit(need)
        state[name] = 2
        order.append(name)

    needed = set(schema.minimal_graph_schema(targets).nodes)
    for name in schema.nodes:
        if name in needed:
            visit(name)
    # the schema's order first, then anything a target needs that the walk reached only through
    # an input (never, for a graph Rasa built; kept so that the targets are always placed)
    for target in targets:
        visit(target)
    return tuple(order)


def run(
    self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None
) -> Dict[Text, Any]:
    """DaskGraphRunner.run without dask: same nodes, same arguments, same results."""
    run_targets = list(targets) if targets else list(self._graph_schema.target_names)
    nodes = self._graph_schema.nodes
    inputs = inputs or {}
    given = frozenset(name for name in inputs if name in nodes)
    plans = self.__dict__.setdefault(PLANS, {})
    key = (tuple(run_targets), given)
    plan = plans.get(key)
    if plan is None:
        plan = plans[key] = (
            execution_order(self._graph_schema, run_targets, given),
            frozenset(self._graph_schema.minimal_graph_schema(run_targets).nodes),
        )
    order, in_graph = plan
    results: Dict[Text, Any] = {}
    for input_name, input_value in inputs.items():
        # as DaskGraphRunner._add_inputs_to_graph: an input's value may not name a key of the
        # graph being run (its nodes and the inputs added before it)
        if isinstance(input_value, str) and (input_value in in_graph or input_value in results):
            raise GraphRunError(
                f"Input value '{input_value}' clashes with a node name. Make sure "
                f"that none of the input names passed to the `run` method are the "
                f"same as node names in the graph schema."
            )
        results[input_name] = (input_name, input_value)
    try:
        for name in order:
            if name in given:
                continue
            results[name] = self._instantiated_nodes[name](
                *(results.get(need, need) for need in nodes[name].needs.values())
            )
        return dict(results[target] for target in run_targets)
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error


def is_installed() -> bool:
    return getattr(DaskGraphRunner.run, "runs_without_dask", False)


def install() -> None:
    check_rasa_version(__name__, WRITTEN_FOR)
    if is_installed():
        return
    run.runs_without_dask = True  # type: ignore[attr-defined]
    DaskGraphRunner.run = run  # type: ignore[method-assign]
