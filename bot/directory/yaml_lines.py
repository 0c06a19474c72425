"""Read YAML keeping the line of every key and list item, so that the validator can tell an
administrator exactly where a mistake is ("croydon.yml line 12: phone ...")."""

from __future__ import annotations

from pathlib import Path

import yaml


class LineDict(dict):
    """A mapping that remembers the line of itself, of each value and of any repeated keys."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict = {}
        self.repeated: list[tuple[object, int]] = []

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A list that remembers its own line and the line of each item."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # C parser when available: faster
    pass


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            key = str(key)
        if key in result:
            result.repeated.append((key, key_node.start_mark.line + 1))
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


class YamlSyntaxError(Exception):
    """The file is not valid YAML; `line` is 1-based (0 when unknown)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(path: Path):
    """Parse one file into LineDict/LineList values. Raises YamlSyntaxError (never a raw traceback)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlSyntaxError(0, "the file is not UTF-8 text; save it again as UTF-8") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        problem = error.problem or "unreadable"
        hint = ""
        if "mapping values are not allowed" in problem:
            hint = " (a value containing ': ' must be put in quotes)"
        elif "tab" in problem or "\t" in problem:
            hint = " (use spaces, not tabs, to indent)"
        elif "expected <block end>" in problem or "did not find expected" in problem:
            hint = " (check the indentation of this line and the one above)"
        return_message = f"this is not valid YAML: {problem}{hint}"
        raise YamlSyntaxError(line, return_message) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(0, f"this is not valid YAML: {error}") from None
