"""The house rules of the code (issue 22), read from the source: campaigns → schools → jindu
with only the project's urls and settings looking up; no import circle inside an app; no
source file over 600 lines, demo data and migrations aside."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = {"jindu": ROOT / "site", "schools": ROOT / "schools", "campaigns": ROOT / "campaigns"}
# Which apps each may import: dependencies point one way.
MAY_IMPORT = {"jindu": {"jindu"}, "schools": {"schools", "jindu"}, "campaigns": set(APPS)}
LONGEST = 600


def sources(app):
    for path in sorted(APPS[app].rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def module_name(app, path):
    parts = list(path.relative_to(APPS[app]).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([app, *parts])


def imports(path, app):
    """(module imported, at module level?) for each import in ``path``."""
    tree = ast.parse(path.read_text(), str(path))
    top = set(tree.body)
    package = module_name(app, path) if path.name == "__init__.py" else None
    package = package or module_name(app, path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node in top
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module
            yield name, node in top
            for alias in node.names:  # `from campaigns import models` imports a module
                yield f"{name}.{alias.name}", node in top


def names_of_apps(path):
    """Strings in ``path``'s code that name a model or module of an app ("campaigns.Event")."""
    tree = ast.parse(path.read_text(), str(path))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings and node.value.startswith(("campaigns.", "schools.")):
                yield node.value


@pytest.mark.parametrize("app", list(APPS))
def test_dependencies_point_one_way(app):
    wrong = []
    for path in sources(app):
        looks_up = app == "jindu" and (path.name == "urls.py" or "settings" in path.parts)
        for name, _top in imports(path, app):
            target = name.split(".")[0]
            if target in APPS and target not in MAY_IMPORT[app] and not looks_up:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
        if app == "jindu" and not looks_up:
            wrong += [f"{path.relative_to(ROOT)} names {value}" for value in names_of_apps(path)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("app", list(APPS))
def test_no_import_circle_inside_an_app(app):
    modules = {module_name(app, path): path for path in sources(app)}
    graph = {
        module: {
            name for name, top in imports(path, app) if top and name in modules and name != module
        }
        for module, path in modules.items()
    }
    # A package imports its own modules (`models/__init__.py`); that is not a circle.
    for module in graph:
        graph[module] = {name for name in graph[module] if not module.startswith(name + ".")}

    def circle_from(start):
        stack, seen = [(start, [start])], set()
        while stack:
            module, trail = stack.pop()
            for name in graph[module]:
                if name == start:
                    return [*trail, name]
                if name not in seen:
                    seen.add(name)
                    stack.append((name, [*trail, name]))
        return None

    circles = [" → ".join(circle) for module in graph if (circle := circle_from(module))]
    assert not circles, "\n".join(circles)


def test_no_source_file_is_over_600_lines():
    long = [
        f"{path.relative_to(ROOT)}: {count} lines"
        for app in APPS
        for path in sources(app)
        if "demo" not in path.parts
        and not path.name.startswith("demo")
        and (count := len(path.read_text().splitlines())) > LONGEST
    ]
    long += [
        f"{path.relative_to(ROOT)}: {count} lines"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if (count := len(path.read_text().splitlines())) > LONGEST
    ]
    assert not long, "\n".join(long)
