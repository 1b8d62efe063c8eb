"""Turn pydantic's validation errors into located, kindly worded problems.

Every error in a file is reported, not just the first; an unknown key gets a "did you mean"; a value
that YAML 1.1 silently turned into a boolean, number or date is explained with the fix (quote it).
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from rapidfuzz import process

from game.engine.scenario.located_yaml import Key, LocatedDoc, Problem

M = TypeVar("M", bound=BaseModel)


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    """A ``; did you mean 'x'?`` suffix when a close choice exists, else empty."""
    found = process.extractOne(str(word), list(choices), score_cutoff=70)
    return f"; did you mean {found[0]!r}?" if found else ""


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated/list/dict annotations."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _model_at(model: type[BaseModel], key: Key) -> type[BaseModel] | None:
    """The model class that holds the mapping found at ``key`` inside ``model``."""
    current: Any = model
    for part in key:
        nxt = None
        for tp in _unwrap(current):
            if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
                if part in tp.model_fields:
                    nxt = tp.model_fields[part].annotation
            elif typing.get_origin(tp) in (list, tuple) and isinstance(part, int):
                nxt = typing.get_args(tp)[0]
            elif typing.get_origin(tp) is dict and isinstance(part, str):
                nxt = typing.get_args(tp)[1]
            if nxt is not None:
                break
        if nxt is None:
            return None
        current = nxt
    for tp in _unwrap(current):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
    return None


def _data_key(data: Any, loc: tuple[int | str, ...]) -> Key:
    """Map pydantic's loc (which names union members too) onto the document's own key path."""
    key: list[int | str] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            key.append(part)
            node = node[part]
            continue
        # A missing or extra key names a field that is not (yet) a data path; keep it, last.
        union_member = part in ("str", "list", "int", "float", "bool") or "[" in str(part)
        if isinstance(node, dict) and isinstance(part, str) and key[-1:] != [part] and not union_member:
            key.append(part)
            node = None
    return tuple(key)


_NOUNS = {"on": "beat", "counter": "act", "requires": "act", "on_acts": "act"}
_PATTERN_HINTS = {
    "id": "use lowercase letters, digits and dashes, e.g. angry-contractor",
    "currency": "use a three-letter ISO code in capitals, e.g. USD, GBP, CNY",
    "total": "write a comparison in quotes, e.g. '>= 70'",
}


def _last_name(key: Key) -> str:
    """The nearest field name on a key path (list indexes skipped)."""
    return next((str(part) for part in reversed(key) if isinstance(part, str)), "")


def _message(err: Any, doc: LocatedDoc, model: type[BaseModel], key: Key) -> tuple[str, bool]:
    """The message for one pydantic error and whether it points at the key rather than the value."""
    kind = err["type"]
    field_name = key[-1] if key else ""
    if kind == "extra_forbidden":
        parent = _model_at(model, key[:-1])
        choices = parent.model_fields if parent else {}
        return f"unknown field {field_name!r}{suggest(str(field_name), choices)}", True
    if kind == "missing":
        return f"missing required field {field_name!r}", False
    if kind == "finite_number":
        raw = doc.implicit[key][0] if key in doc.implicit else str(err.get("input"))
        return f"{_last_name(key) or 'this value'}: {raw} is not a finite number; write a plain number such as 5", False
    if "expect" in key and kind == "string_type" and isinstance(err.get("input"), int | float):
        value = err["input"]
        return f'write the score as a comparison in quotes, e.g. ">= {value:g}" or "<= {value:g}"', False
    if key in doc.implicit and kind in ("string_type", "literal_error", "dict_type", "list_type", "model_type"):
        raw, word = doc.implicit[key]
        if word == "empty (null)":
            return f"{_last_name(key) or 'this value'} is empty; give it a value or remove the key", False
        return f'YAML read {raw!r} as {word}, not text; put it in quotes: "{raw}"', False
    if kind == "string_pattern_mismatch" and _last_name(key) in _PATTERN_HINTS:
        return f"{_last_name(key)}: {_PATTERN_HINTS[_last_name(key)]}", False
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in str(expected).replace(" or ", ",").split(",") if o.strip()]
        value = err.get("input")
        hint = suggest(str(value), options)
        name = _NOUNS.get(_last_name(key), _last_name(key) or "value")
        return f"unknown {name} {value!r}{hint or '; expected one of ' + ', '.join(options)}", False
    msg = str(err["msg"])
    where = f"{field_name}: " if isinstance(field_name, str) and field_name else ""
    return where + msg[0].lower() + msg[1:], False


def check_model(model: type[M], doc: LocatedDoc) -> tuple[M | None, list[Problem]]:
    """Validate ``doc.data`` against ``model``; return the instance or every located problem."""
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "the file must be a mapping of fields (key: value)")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        found: list[tuple[str, Key, Problem]] = []
        for err in exc.errors():
            key = _data_key(doc.data, tuple(err["loc"]))
            message, of_key = _message(err, doc, model, key)
            found.append((err["type"], key, doc.problem(key, message, of_key=of_key)))
        # A misspelt key also shows up as a missing field; its "did you mean" already says it all.
        meant = {(*key[:-1], _meant(p.message)) for kind, key, p in found if kind == "extra_forbidden"}
        # A value a union refuses is explained once: by the literal it missed, not also by each member.
        literal = {key for kind, key, _ in found if kind == "literal_error"}
        problems = {
            p
            for kind, key, p in found
            if not (kind == "missing" and key in meant) and not (key in literal and kind.endswith("_type"))
        }
        return None, sorted(problems)


def _meant(message: str) -> str:
    _, _, tail = message.partition("did you mean '")
    return tail.split("'")[0]
