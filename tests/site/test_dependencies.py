"""Our apps depend on each other one way: pages.base ← villages ← tours ← the shop's links.

Read from the source with `ast`, imports inside functions counted like the others: an import
moved into a function still ties its module to the one it imports, so it cannot hide a circle.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Our packages, by the name they are imported as.
APPS = {
    "config": "site/config",
    "pages": "site/pages",
    "villages": "villages",
    "tours": "tours",
    "plan": "plan",
    "themes": "themes",
    "staff": "staff",
    "catalogue": "catalogue",
    "dashboard": "dashboard",
    "partner": "partner",
    "producers": "producers",
    "basket": "basket",
    "checkout": "checkout",
    "offer": "offer",
    "shipping": "shipping",
    "search": "search",
    "notifications": "notifications",
}

# Modules that put the whole site together, above every app: the settings and URLs, and the demo
# content (every app's `demo*` module and load_demo, built from every app's models). What they
# import makes no app depend on another; they are still checked for circles between modules.
SITE_WIDE = ("config", "pages.management.commands.load_demo")

# The bottom layer: the page base (with its card queryset and JSON-LD) and geography.
BOTTOM = ("pages.base", "pages.geo")


def is_site_wide(name):
    last = name.rsplit(".", 1)[-1]
    return "demo" in last or any(name == top or name.startswith(top + ".") for top in SITE_WIDE)


def find_modules():
    """{module name: path} for every module of our apps but their migrations."""
    found = {}
    for app, folder in APPS.items():
        base = ROOT / folder
        for path in sorted(base.rglob("*.py")):
            parts = path.relative_to(base).with_suffix("").parts
            if "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join((app, *parts))] = path
    return found


MODULES = find_modules()


def app_of(name):
    return name.split(".", 1)[0]


def _package_of(name):
    return name if MODULES[name].name == "__init__.py" else name.rsplit(".", 1)[0]


def imports_of(name):
    """[(module imported, line)] of our modules imported by `name`, wherever in it."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                found += [
                    (".".join(parts[:end]), node.lineno)
                    for end in range(1, len(parts) + 1)
                    if ".".join(parts[:end]) in MODULES
                ]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _package_of(name).split(".")
                package = package[: len(package) - node.level + 1]
                source = ".".join(package + ([node.module] if node.module else []))
            else:
                source = node.module
            if source in MODULES:
                found.append((source, node.lineno))
            found += [
                (f"{source}.{alias.name}", node.lineno)
                for alias in node.names
                if f"{source}.{alias.name}" in MODULES
            ]
    return [(target, line) for target, line in found if target != name]


IMPORTS = {name: imports_of(name) for name in MODULES}


def module_graph():
    return {name: {target for target, _line in IMPORTS[name]} for name in MODULES}


def app_graph():
    """{app: {app it imports: ["module:line → module", …]}}, site-wide modules left out."""
    graph = defaultdict(lambda: defaultdict(list))
    for name, imported in IMPORTS.items():
        if is_site_wide(name):
            continue
        for target, line in imported:
            if app_of(target) != app_of(name):
                graph[app_of(name)][app_of(target)].append(f"{name}:{line} → {target}")
    return graph


def circles(graph):
    """The strongly connected components of more than one node (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.add(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reachable(graph, start):
    seen, todo = set(), [start]
    while todo:
        for other in graph.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def test_the_source_is_read():
    assert {"pages.base", "villages.models", "tours.models", "catalogue.models"} <= set(MODULES)
    assert "pages.base" in module_graph()["villages.models"]
    apps = {path.parent for path in [*ROOT.glob("*/apps.py"), *ROOT.glob("site/*/apps.py")]}
    assert apps <= {ROOT / folder for folder in APPS.values()}, "an app missing from APPS"


def test_no_circle_between_modules():
    graph = module_graph()
    described = [
        " ↔ ".join(component)
        + "".join(
            f"\n    {name}:{line} → {target}"
            for name in component
            for target, line in IMPORTS[name]
            if target in component
        )
        for component in circles(graph)
    ]
    assert not described, "Modules that import each other:\n" + "\n".join(described)


def test_no_circle_between_apps():
    graph = app_graph()
    described = [
        " ↔ ".join(component)
        + "".join(
            f"\n    {where}"
            for app in component
            for other, lines in graph[app].items()
            if other in component
            for where in lines
        )
        for component in circles(graph)
    ]
    assert not described, "Apps that import each other:\n" + "\n".join(described)


def test_the_bottom_layer_imports_none_of_our_apps():
    graph = module_graph()
    for name in BOTTOM:
        outside = sorted(other for other in reachable(graph, name) if app_of(other) != "pages")
        assert not outside, f"{name} leads to {outside}"
        assert "pages.models" not in reachable(graph, name)


def test_the_home_page_shows_other_apps_through_their_template_tags():
    others = sorted(
        other
        for other in reachable(module_graph(), "pages.models")
        if app_of(other) in ("villages", "tours", "catalogue", "plan", "search")
    )
    assert not others, f"pages.models imports {others}"


def test_plan_builds_on_the_page_base_not_on_the_site_pages():
    graph = module_graph()
    for name in MODULES:
        if app_of(name) == "plan" and not is_site_wide(name):
            assert "pages.models" not in reachable(graph, name), f"{name} imports pages.models"


def test_villages_know_neither_tours_nor_the_shop():
    graph = module_graph()
    for name in MODULES:
        if app_of(name) == "villages" and not is_site_wide(name):
            others = sorted(
                other
                for other in reachable(graph, name)
                if app_of(other) in ("tours", "catalogue", "partner", "checkout")
            )
            assert not others, f"{name} imports {others}"


def test_the_shop_reaches_pages_through_what_their_apps_own():
    """A product's address, its village and the tours through it: found by functions and template
    tags of villages and tours, not by the shop reaching into their models."""
    graph = module_graph()
    reached = sorted(
        other for other in reachable(graph, "catalogue.models") if app_of(other) != "catalogue"
    )
    assert set(reached) <= {"pages.text"}, f"catalogue.models imports {reached}"
    direct = sorted(graph["catalogue.views"] & {"villages.models", "tours.models"})
    assert not direct, f"catalogue.views imports {direct}"
    tours = sorted(
        other for other in reachable(graph, "catalogue.views") if app_of(other) == "tours"
    )
    assert not tours, f"catalogue.views imports {tours}"
