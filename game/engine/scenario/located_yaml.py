"""Read YAML safely and remember where every value came from.

PyYAML's safe composer gives us the node tree with marks; we build plain Python values from it
ourselves so that every key path maps to a (line, column) for `PATH:LINE:COLUMN: message` errors.
Building by hand also lets us refuse what a scenario never needs and an attacker might send: tags
outside the YAML core schema (``!!python/...``), anchors and aliases (alias bombs), huge files, and
nesting deeper than any real file needs (PyYAML's composer recurses once per level, so a few thousand
brackets would end in a RecursionError): the depth is checked on the event stream before composing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 512 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 64  # the deepest shipped file nests 8 levels

Key = tuple[int | str, ...]

_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_TYPE_WORDS = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a file; ``str()`` is the contract's one-line form."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class YamlError(Exception):
    """The file could not be read as safe YAML at all; carries one located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class LocatedDoc:
    """A YAML document as plain values, with the position of every key path and how scalars were typed."""

    path: str
    data: Any
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    implicit: dict[Key, tuple[str, str]] = field(default_factory=dict)

    def where(self, key: Key, *, of_key: bool = False) -> tuple[int, int]:
        """(line, column) of the value at ``key`` (or of the key itself), falling back to its parents."""
        table = self.key_positions if of_key else self.positions
        k = tuple(key)
        while k:
            if k in table:
                return table[k]
            if k in self.positions:
                return self.positions[k]
            k = k[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, key: Key, message: str, *, of_key: bool = False) -> Problem:
        line, column = self.where(key, of_key=of_key)
        return Problem(self.path, line, column, message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, doc: LocatedDoc) -> None:
        self.doc = doc
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str) -> YamlError:
        line, column = _mark(node)
        return YamlError(Problem(self.doc.path, line, column, message))

    def build(self, node: yaml.Node, key: Key) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"the file has more than {MAX_NODES} values; split it up")
        if node.tag not in _CORE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(node, f"the tag {tag} is not allowed here (only plain YAML values are); remove it")
        self.doc.positions[key] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for knode, vnode in node.value:
                if knode.tag == "tag:yaml.org,2002:merge":
                    raise self.fail(knode, "merge keys (<<) are not supported; write the values out")
                if not isinstance(knode, yaml.ScalarNode):
                    raise self.fail(knode, "a key must be a plain word")
                name = knode.value
                if name in out:
                    raise self.fail(knode, f"the key {name!r} appears twice")
                self.doc.key_positions[(*key, name)] = _mark(knode)
                out[name] = self.build(vnode, (*key, name))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                raise self.fail(node, f"{node.value!r} is not a real date; write it as YYYY-MM-DD") from None
            raise self.fail(node, f"{node.value!r} is not a valid value here; put it in quotes if it is text") from None
        if node.tag in _TYPE_WORDS and node.style is None:
            self.doc.implicit[key] = (node.value, _TYPE_WORDS[node.tag])
        if isinstance(value, dt.datetime):
            value = value.date()
        return value


def _hint(text: str, line: int) -> str:
    """A likely fix for a syntax error: comparisons like >= 80 start a YAML block scalar unquoted."""
    lines = text.splitlines()
    nearby = " ".join(lines[max(0, line - 2) : line])
    if ": >" in nearby or ": <" in nearby or ": |" in nearby:
        return "; put values that start with >, < or | in quotes, e.g. '>= 80'"
    return ""


def _check_events(text: str, path: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, which PyYAML builds without recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if event.start_mark is None:
            continue
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlError(
                Problem(path, line, column, "anchors and aliases (& and *) are not supported; write the value out")
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                message = f"the values are nested more than {MAX_DEPTH} levels deep; flatten them"
                raise YamlError(Problem(path, line, column, message))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_yaml(text: str, path: str) -> LocatedDoc:
    """Parse ``text`` (named ``path`` in messages) into a LocatedDoc, or raise YamlError."""
    doc = LocatedDoc(path=path, data=None)
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise YamlError(Problem(path, 1, 1, f"the file is larger than {MAX_BYTES // 1024} KiB"))
    try:
        _check_events(text, path)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = (err.problem or err.context or "not valid YAML").strip()
        raise YamlError(Problem(path, line, column, f"YAML syntax error: {reason}{_hint(text, line)}")) from None
    except yaml.reader.ReaderError as err:  # a control character: no mark, a position in characters
        line = text.count("\n", 0, err.position) + 1
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        message = f"the control character U+{code:04X} is not allowed in YAML; remove it"
        raise YamlError(Problem(path, line, column, message)) from None
    except yaml.YAMLError as err:
        reason = str(err).splitlines()[0] if str(err).strip() else "not valid YAML"
        raise YamlError(Problem(path, 1, 1, f"YAML syntax error: {reason}")) from None
    if node is None:
        raise YamlError(Problem(path, 1, 1, "the file is empty"))
    doc.data = _Builder(doc).build(node, ())
    return doc


def read_yaml(path: str | Path) -> LocatedDoc:
    """Read and parse a YAML file, refusing unreadable, oversize or non-UTF-8 files with a located error."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise YamlError(Problem(name, 1, 1, f"the file is larger than {MAX_BYTES // 1024} KiB"))
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlError(Problem(name, 1, 1, "the file is not UTF-8 text")) from None
    except OSError as err:
        raise YamlError(Problem(name, 1, 1, f"cannot read the file: {err.strerror or err}")) from None
    return parse_yaml(text, name)
