"""The house rules of the code, read from the source: campaigns → schools → jindu with only
the project's urls and settings looking up; no import circle, counting the imports made
inside functions; no source file over 400 lines (tests 600), demo data and migrations
aside."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = {"jindu": ROOT / "site", "schools": ROOT / "schools", "campaigns": ROOT / "campaigns"}
# Which apps each may import: dependencies point one way.
MAY_IMPORT = {"jindu": {"jindu"}, "schools": {"schools", "jindu"}, "campaigns": set(APPS)}
LONGEST = 400
# Test modules read as tables of cases around shared fixtures: a looser bound for now.
LONGEST_TEST = 600


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


def import_graph():
    """{module: modules it imports}, over every app, imports inside functions included; an
    imported name is resolved to the module that defines it."""
    modules = {module_name(app, path): (app, path) for app in APPS for path in sources(app)}
    graph = {}
    for module, (app, path) in modules.items():
        targets = set()
        for name, _top in imports(path, app):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            # A package imports its own modules (`models/__init__.py`): not a circle.
            if name and name != module and not module.startswith(name + "."):
                targets.add(name)
        graph[module] = targets
    return graph


def circles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    order, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(module):
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for target in graph[module]:
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in graph:
        if module not in order:
            visit(module)
    return groups


def test_no_import_circle_even_through_imports_inside_functions():
    found = circles(import_graph())
    assert not found, "\n".join(" ↔ ".join(group) for group in found)


def test_the_circle_check_sees_imports_inside_functions():
    """The check above cannot pass by not looking: a circle made only of an import inside a
    function is found."""
    graph = {"a": {"b"}, "b": set()}
    assert circles(graph) == []
    graph["b"].add("a")
    assert circles(graph) == [["a", "b"]]
    assert import_graph()  # the real graph is read, with its function-level imports
    tree_imports = [top for app in APPS for path in sources(app) for _n, top in imports(path, app)]
    assert False in tree_imports


def test_no_source_file_is_over_400_lines():
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
        if (count := len(path.read_text().splitlines())) > LONGEST_TEST
    ]
    assert not long, "\n".join(long)
