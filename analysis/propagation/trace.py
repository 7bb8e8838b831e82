"""The report's propagation as a graph and as text: what `newsclaims trace` prints.

The graph is a networkx DiGraph (articles as nodes with outlet and date, copy edges that carry the
error as edges, origins marked) so that GraphML and DOT come from the library, not hand-written XML.
Everything scraped (URLs, outlet names) goes into attributes, never into markup by hand.
"""
from __future__ import annotations

import io

import networkx as nx


def error_graph(entry: dict, uses: dict[str, dict]) -> nx.DiGraph:
    """One error's chains: nodes are articles (url, outlet, published, origin?, corrected?), edges copies."""
    graph = nx.DiGraph(error=entry["error"].get("form") or str(entry["error"].get("value")))
    for chain in entry["chains"]:
        corrected = {c["url"]: c for c in chain.get("corrected", ())}
        for url in chain["member_urls"]:
            use = uses.get(url, {})
            graph.add_node(url, outlet=use.get("outlet") or "", published=use.get("published") or "",
                           origin=url == chain["origin_url"], confidence=chain["confidence"] if url == chain["origin_url"] else 1.0,
                           corrected=(f"version {corrected[url]['to_version']} ({corrected[url]['kind']})"
                                      if url in corrected else ""))
        for edge in chain["edges"]:
            graph.add_edge(edge["source_url"], edge["target_url"], kind=edge["kind"], direction=edge.get("direction") or "")
    return graph


def as_text(entry: dict, uses: dict[str, dict]) -> str:
    """The chains of one error as an indented tree, origins first (earliest first)."""
    graph = error_graph(entry, uses)
    error = entry["error"]
    lines = [f"{error.get('form') or error.get('value')} (error for {error.get('canonical', '?')}): "
             f"{len(entry['chains'])} chain(s)"]
    for chain in entry["chains"]:
        def walk(url: str, depth: int, seen: set) -> None:
            node = graph.nodes[url]
            marks = []
            if node["origin"]:
                marks.append(f"origin, confidence {node['confidence']:.2f}")
            if node["corrected"]:
                marks.append(f"corrected in {node['corrected']}")
            lines.append("  " * depth + f"- {node['published'] or 'undated'}  {node['outlet']}  {url}"
                         + (f"  [{'; '.join(marks)}]" if marks else ""))
            for child in sorted(graph.successors(url), key=lambda u: (graph.nodes[u]["published"], u)):
                if child not in seen:
                    seen.add(child)
                    walk(child, depth + 1, seen)
        walk(chain["origin_url"], 1, {chain["origin_url"]})
    return "\n".join(lines)


def as_graphml(entry: dict, uses: dict[str, dict]) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(error_graph(entry, uses), buffer)
    return buffer.getvalue().decode("utf-8")


def as_dot(entry: dict, uses: dict[str, dict]) -> str:
    """Graphviz DOT; every label is quoted with DOT's escaping (a URL or name cannot break out)."""
    graph = error_graph(entry, uses)

    def quote(text: str) -> str:
        return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    lines = [f"digraph {quote(graph.graph['error'])} {{", "  rankdir=LR;"]
    for url, node in graph.nodes(data=True):
        label = f"{node['outlet']} · {node['published'] or 'undated'}"
        lines.append(f"  {quote(url)} [label={quote(label)}{', peripheries=2' if node['origin'] else ''}];")
    for source, target in graph.edges():
        lines.append(f"  {quote(source)} -> {quote(target)};")
    lines.append("}")
    return "\n".join(lines) + "\n"
