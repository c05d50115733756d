"""Rule files: read, validate and turn into ``Rule`` objects.

A rule file is YAML data, one rule per file, read with PyYAML's safe loader only: nothing in
it is ever evaluated as code. Every problem is a ``RuleFileError`` that names the file and the
1-based line of the offending key or value (``rules/DATE101.yaml:7: ...``), like a linter does.

The YAML is first composed into nodes (which know their lines), then turned into plain data by
this module itself, so that duplicate keys, merge keys, aliases to collections and unusual tags
can be refused with a line number instead of being silently accepted.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from discrepancy import resources
from discrepancy.engine.registry import COMMON_FIELDS, CheckType, check_types
from discrepancy.linear_regex import compile_linear
from discrepancy.models import SEVERITIES, Rule

RULE_KEYS = ("id", "name", "check", "params", "severity", "message", "description", "groups",
             "examples")
"""The keys a rule file has: all of them, and no others."""

ID_PATTERN = re.compile(r"[A-Z]{2,8}[0-9]{3}")
"""A rule id: two to eight capitals and three digits (``DATE101``)."""

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)*")
"""A rule name: lowercase words joined by dots or dashes (``date.part-conflict``)."""

GROUP_PATTERN = re.compile(r"[a-z][a-z0-9_.-]*")
"""A group name: lowercase, so that it can never be mistaken for an id prefix by ``--select``."""

EXAMPLE_NAME_PATTERN = re.compile(r"[^/\\]+\.(?:md|txt)")
"""An example article's name: a file name without folders, ending in .md or .txt."""

RULE_SUFFIXES = (".yaml", ".yml")
"""File name endings of rule files."""

_PATTERN_PARAM = re.compile(r"(?:.*_)?patterns?")
"""Parameter names holding user regular expressions: ``pattern``, ``*_pattern`` (and plurals)."""

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))


class RuleFileError(Exception):
    """A rule file (or rule folder) that cannot be used; ``str()`` is ``path:line: message``."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path = str(path)
        """The rule file (or the rule folder, for a folder that cannot be read)."""
        self.line = line
        """1-based line of the offending key or value; None only for folder-level problems."""
        self.message = message
        """What is wrong, in one line."""
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


def bundled_rules_dir() -> Path:
    """The folder of rules that ship with discrepancy."""
    return resources.rules_dir()


def compile_user_pattern(p: str):
    """Compile a regular expression from a rule file with google-re2 (linear time, cannot hang).

    Returns the ``re2`` pattern object (``search``, ``finditer``, ``fullmatch`` like ``re``).
    Raises ``ValueError`` with re2's reason for a pattern it rejects (backreferences,
    lookaround and other constructs that need backtracking).
    """
    return compile_linear(p)


def load_rules(dirs: Sequence[Path], registry: Mapping[str, CheckType] | None = None
               ) -> tuple[Rule, ...]:
    """Load every rule file directly inside each folder of ``dirs``, sorted by rule id.

    Only ``*.yaml``/``*.yml`` files directly in a folder are rules; subfolders (such as
    ``lexicons/``) and hidden files are skipped. Folders are read in the order given (a folder
    given twice is read once), files by name. ``registry`` is the set of check types rules may
    name, by default ``check_types()``. Raises ``RuleFileError`` for the first problem found,
    including an id defined in two files.
    """
    registry = check_types() if registry is None else registry
    seen_dirs: set[Path] = set()
    by_id: dict[str, Rule] = {}
    for folder in dirs:
        folder = Path(folder)
        key = folder.resolve()
        if key in seen_dirs:
            continue
        seen_dirs.add(key)
        if not folder.is_dir():
            raise RuleFileError(folder, None, "rule folder does not exist or is not a folder")
        files = sorted(p for p in folder.iterdir()
                       if p.suffix in RULE_SUFFIXES and not p.name.startswith(".") and p.is_file())
        for path in files:
            rule, id_line = _load_rule_file(path, registry)
            if rule.id in by_id:
                first = by_id[rule.id]
                raise RuleFileError(path, id_line, f"duplicate rule id {rule.id!r}: "
                                    f"already defined in {first.path}:{first.line}")
            by_id[rule.id] = rule
    return tuple(by_id[i] for i in sorted(by_id))


def load_rule_file(path: Path, registry: Mapping[str, CheckType] | None = None) -> Rule:
    """Load and validate one rule file (no duplicate-id check: that needs all the files)."""
    return _load_rule_file(Path(path), check_types() if registry is None else registry)[0]


# --- reading YAML into plain data, keeping the nodes for line numbers -------------------------


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _CollectionAlias(Exception):
    """An alias to a list or mapping, refused while composing (where its own line is known)."""

    def __init__(self, mark: yaml.Mark):
        super().__init__(mark)
        self.line = mark.line + 1


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing aliases to lists and mappings (no "billion laughs" files)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = self.anchors.get(event.anchor)
            if target is not None and not isinstance(target, yaml.ScalarNode):
                raise _CollectionAlias(event.start_mark)
        return super().compose_node(parent, index)


class _Reader:
    """Turns composed YAML nodes into plain Python data, refusing anything unusual."""

    def __init__(self, path: Path, loader: yaml.SafeLoader):
        self.path = path
        self.loader = loader

    def error(self, node: yaml.Node | None, message: str) -> RuleFileError:
        return RuleFileError(self.path, _line(node) if node is not None else 1, message)

    def plain(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise self.error(node, f"unsupported YAML tag {node.tag!r}")
            try:
                return self.loader.construct_object(node)
            except yaml.YAMLError as exc:
                raise self.error(node, f"bad YAML value: {_yaml_problem(exc)}") from None
            except ValueError as exc:  # a date-shaped value that is no date (2025-13-45)
                raise self.error(node, f"bad YAML value {node.value!r}: {exc}") from None
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                raise self.error(node, f"unsupported YAML tag {node.tag!r}")
            return [self.plain(item) for item in node.value]
        if node.tag != _TAG + "map":
            raise self.error(node, f"unsupported YAML tag {node.tag!r}")
        return {key: self.plain(value) for key, (_, value) in self.pairs(node).items()}

    def pairs(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The mapping's entries, key -> (key node, value node); refuses duplicate and odd keys."""
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise self.error(key_node, "YAML merge keys (<<) are not supported")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                raise self.error(key_node, "keys must be strings")
            key = key_node.value
            if key in out:
                raise self.error(key_node, f"duplicate key {key!r} "
                                           f"(first at line {_line(out[key][0])})")
            out[key] = (key_node, value_node)
        return out


def _yaml_problem(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        parts = [p for p in (exc.context, exc.problem) if p]
        return ", ".join(parts) or "invalid YAML"
    return str(exc).replace("\n", " ")


def _node_at(node: yaml.Node, path: Sequence[str | int]) -> tuple[yaml.Node, bool]:
    """The node a value path leads to (as far as it exists), and whether it was found whole."""
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                    node = value_node
                    break
            else:
                return node, False
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return node, False
    return node, True


def _key_node(mapping: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for key_node, _ in mapping.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node
    return None


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    return type(value).__name__


# --- one rule file ---------------------------------------------------------------------------


def _load_rule_file(path: Path, registry: Mapping[str, CheckType]) -> tuple[Rule, int]:
    """The rule in one file, and the line of its id (for the duplicate-id message)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(path, 1, f"cannot read: not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise RuleFileError(path, 1, f"cannot read: {exc.strerror or exc}") from None

    try:
        loader = _Loader(text)  # the reader refuses control characters here already
        root = loader.get_single_node()
        if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _TAG + "null"
                            and not root.value):
            raise RuleFileError(path, 1, "empty rule file: expected a mapping with keys "
                                + ", ".join(RULE_KEYS))
        reader = _Reader(path, loader)
        if not isinstance(root, yaml.MappingNode):
            raise reader.error(root, "a rule file must be a mapping of keys "
                               f"({', '.join(RULE_KEYS)}), not {_describe(reader.plain(root))}")
        entries = reader.pairs(root)
        for key, (key_node, _) in entries.items():
            if key not in RULE_KEYS:
                raise reader.error(key_node, f"unknown key {key!r}; a rule file has the keys "
                                   + ", ".join(RULE_KEYS))
        missing = [k for k in RULE_KEYS if k not in entries]
        if missing:
            raise reader.error(root, "missing key" + ("s " if len(missing) > 1 else " ")
                               + ", ".join(repr(k) for k in missing))
        data = {key: reader.plain(value) for key, (_, value) in entries.items()}
        return _build(path, reader, root, entries, data, registry), _line(entries["id"][1])
    except _CollectionAlias as exc:
        raise RuleFileError(path, exc.line, "YAML aliases to lists or mappings are not "
                                            "supported (aliases to plain values are)") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise RuleFileError(path, line, f"YAML syntax error: {_yaml_problem(exc)}") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, 1, f"YAML error: {_yaml_problem(exc)}") from None
    except RecursionError:
        raise RuleFileError(path, 1, "YAML nested too deeply") from None
    finally:
        if "loader" in locals():
            loader.dispose()


def _build(path: Path, reader: _Reader, root: yaml.MappingNode,
           entries: dict[str, tuple[yaml.Node, yaml.Node]], data: dict[str, Any],
           registry: Mapping[str, CheckType]) -> Rule:
    def value_node(key: str) -> yaml.Node:
        return entries[key][1]

    def need_string(key: str) -> str:
        value = data[key]
        if not isinstance(value, str):
            raise reader.error(value_node(key), f"{key!r} must be a string, not {_describe(value)}")
        return value

    rule_id = need_string("id")
    if not ID_PATTERN.fullmatch(rule_id):
        raise reader.error(value_node("id"), f"id {rule_id!r} must be 2 to 8 capital letters "
                                             "and 3 digits, like DATE101")

    name = need_string("name")
    if not NAME_PATTERN.fullmatch(name):
        raise reader.error(value_node("name"), f"name {name!r} must be lowercase words joined "
                                               "by dots or dashes, like date.part-conflict")

    check_name = need_string("check")
    if check_name not in registry:
        known = ", ".join(sorted(registry)) or "(none registered)"
        raise reader.error(value_node("check"), f"unknown check type {check_name!r}; "
                                                f"known check types: {known}")
    check = registry[check_name]

    params = _validate_params(reader, entries["params"], data["params"], check)

    severity = need_string("severity")
    if severity not in SEVERITIES:
        raise reader.error(value_node("severity"), f"severity {severity!r} must be one of "
                                                   "error, warning, info")

    message = need_string("message")
    _validate_template(reader, value_node("message"), message, check)

    description = need_string("description")
    if not description.strip():
        raise reader.error(value_node("description"), "'description' must not be empty")

    groups = _validate_groups(reader, value_node("groups"), data["groups"])

    examples_fail, examples_pass = _validate_examples(reader, entries["examples"],
                                                      data["examples"])

    return Rule(id=rule_id, name=name, check=check_name, params=params, severity=severity,
                message=message, description=description, groups=groups,
                examples_pass=examples_pass, examples_fail=examples_fail, path=str(path),
                line=_line(root))


def _jsonable(value: Any) -> Any:
    # YAML's own dates become ISO strings, which the strict JSON validation accepts for dates.
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _validate_params(reader: _Reader, entry: tuple[yaml.Node, yaml.Node], value: Any,
                     check: CheckType) -> BaseModel:
    key_node, node = entry
    if not isinstance(value, dict):
        raise reader.error(node, f"'params' must be a mapping, not {_describe(value)}")
    model = check.params
    try:
        # Strict validation from JSON: "3" is not an int and true is not a number, while lists
        # still fill tuple and set fields and ISO strings fill date fields.
        params = model.model_validate_json(json.dumps(_jsonable(value), allow_nan=False),
                                           strict=True)
    except ValueError as exc:
        if not isinstance(exc, ValidationError):
            raise reader.error(node, f"params: {exc}") from None
        raise _params_error(reader, key_node, node, exc, check) from None

    for field in type(params).model_fields:
        if not _PATTERN_PARAM.fullmatch(field):
            continue
        given = getattr(params, field)
        items = [(None, given)] if isinstance(given, str) else (
            list(enumerate(given)) if isinstance(given, (list, tuple)) else [])
        for index, pattern in items:
            if not isinstance(pattern, str):
                continue
            try:
                compile_user_pattern(pattern)
            except ValueError as exc:
                where = ("params", field) if index is None else ("params", field, index)
                target, found = _node_at(node, where[1:])
                label = f"params.{field}" + ("" if index is None else f"[{index}]")
                raise reader.error(target if found else key_node,
                                   f"{label}: regular expression {pattern!r} is not supported "
                                   f"by re2 ({exc}); rule patterns use RE2 syntax, which runs "
                                   "in linear time: no backreferences or lookaround") from None
    return params


def _params_error(reader: _Reader, key_node: yaml.Node, node: yaml.Node,
                  exc: ValidationError, check: CheckType) -> RuleFileError:
    known = ", ".join(sorted(check.params.model_fields))
    found_errors = []
    for order, err in enumerate(exc.errors()):
        loc = tuple(err["loc"])
        label = "params" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in loc)
        if err["type"] == "extra_forbidden":
            parent, _ = _node_at(node, loc[:-1])
            target = _key_node(parent, str(loc[-1])) if loc else None
            text = (f"params: unknown parameter {loc[-1]!r} for check {check.name!r}; "
                    f"known parameters: {known}")
        elif err["type"] == "missing":
            parent, _ = _node_at(node, loc[:-1])
            target = key_node if not loc[:-1] else parent
            text = f"params: missing required parameter {label[len('params.'):]!r} " \
                   f"for check {check.name!r}"
        else:
            target, _ = _node_at(node, loc)
            got = repr(err.get("input"))
            got = got if len(got) <= 60 else got[:57] + "..."
            text = f"{label}: {err['msg']}, got {got}"
        line = _line(target) if target is not None else _line(key_node)
        found_errors.append((line, order, text))
    line, _, text = min(found_errors)
    more = len(found_errors) - 1
    if more:
        text += f" (and {more} more problem{'s' if more > 1 else ''} in params)"
    return RuleFileError(reader.path, line, text)


def _validate_template(reader: _Reader, node: yaml.Node, message: str, check: CheckType) -> None:
    allowed = tuple(COMMON_FIELDS) + tuple(f for f in check.fields if f not in COMMON_FIELDS)
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        raise reader.error(node, f"message: bad template: {exc} "
                                 "(write {{ and }} for literal braces)") from None
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier():
            raise reader.error(node, f"message: field {{{field}}} must be a plain name "
                                     "(no positions, attributes or indexes); "
                                     f"fields: {', '.join(allowed)}")
        if field not in allowed:
            raise reader.error(node, f"message: unknown field {{{field}}} for check "
                                     f"{check.name!r}; fields: {', '.join(allowed)}")
        if spec or conversion:
            shown = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise reader.error(node, f"message: field {{{shown}}} must be a plain {{{field}}} "
                                     "(no conversions or format specs)")


def _validate_groups(reader: _Reader, node: yaml.Node, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise reader.error(node, f"'groups' must be a list of strings, not {_describe(value)}")
    groups: list[str] = []
    for index, item in enumerate(value):
        item_node = node.value[index]
        if not isinstance(item, str):
            raise reader.error(item_node, f"groups[{index}] must be a string, "
                                          f"not {_describe(item)}")
        if not GROUP_PATTERN.fullmatch(item):
            raise reader.error(item_node, f"group {item!r} must be lowercase "
                                          "(letters, digits, dots, dashes, underscores)")
        if item not in groups:
            groups.append(item)
    if "all" not in groups:
        groups.append("all")
    return tuple(groups)


def _validate_examples(reader: _Reader, entry: tuple[yaml.Node, yaml.Node], value: Any):
    key_node, node = entry
    if not isinstance(value, dict):
        raise reader.error(node, "'examples' must be a mapping with 'fail' and 'pass' lists, "
                                 f"not {_describe(value)}")
    for key in value:
        if key not in ("fail", "pass"):
            raise reader.error(_key_node(node, key), f"examples: unknown key {key!r}; "
                                                     "expected 'fail' and 'pass'")
    out = []
    for kind in ("fail", "pass"):
        if kind not in value:
            raise reader.error(key_node, f"examples: missing {kind!r}: a rule needs at least "
                                         f"one {kind} example")
        kind_node, _ = _node_at(node, (kind,))
        clusters = value[kind]
        if not isinstance(clusters, list):
            raise reader.error(kind_node, f"examples.{kind} must be a list of examples, "
                                          f"not {_describe(clusters)}")
        if not clusters:
            raise reader.error(kind_node, f"examples.{kind} is empty: a rule needs at least "
                                          f"one {kind} example")
        parsed = []
        for index, cluster in enumerate(clusters):
            label = f"examples.{kind}[{index}]"
            cluster_node = kind_node.value[index]
            if not isinstance(cluster, dict):
                raise reader.error(cluster_node, f"{label} must be a mapping of article file "
                                                 f"name to article text, not {_describe(cluster)}")
            if not cluster:
                raise reader.error(cluster_node, f"{label} is empty: an example needs at least "
                                                 "one article")
            articles = []
            for name, text in cluster.items():
                if not EXAMPLE_NAME_PATTERN.fullmatch(name):
                    raise reader.error(_key_node(cluster_node, name),
                                       f"{label}: article name {name!r} must be a file name "
                                       "(no folders) ending in .md or .txt")
                if not isinstance(text, str):
                    text_node, _ = _node_at(cluster_node, (name,))
                    raise reader.error(text_node, f"{label}: the text of {name!r} must be a "
                                                  f"string, not {_describe(text)}")
                articles.append((name, text))
            parsed.append(tuple(articles))
        out.append(tuple(parsed))
    return out[0], out[1]
