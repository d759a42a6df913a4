"""bench/results/page-latency.svg: ListCertificatesByCA page p50 (pageSize 250) against depth and N.

Drawn from every result of bench/bench.py (bench/results/*.json: certreg through wrk, one connection) and of
bench/moto_bench.py (bench/results/moto/*.json: certreg and moto_server in one run, one Python client connection).
moto does not paginate: its one response holds the whole list, so a moto run is one diamond at the first page,
labelled with the number of certificates it returned. The y axis is logarithmic: a page of certreg takes well under
a millisecond, moto's whole list of thousands tens or hundreds of milliseconds.
"""

from __future__ import annotations

import glob
import json
import math
import os

DEPTHS = ("first", "middle", "last")
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f",
          "#bcbd22"]


def _fmt_load(x) -> str:
    return f"{x:.1f}" if isinstance(x, (int, float)) else "?"


def series(results: list[dict], moto_results: list[dict]) -> list[dict]:
    """One entry per line or marker: label, p50 by depth (None where not measured), and its style."""
    out = []
    for r in results:
        pl = r["page_latency"]
        out.append({"label": f"{r['label']}, certreg {r['store']}, N={r['n']:,}, wrk "
                             f"(load {_fmt_load(pl['middle']['load'])})",
                    "p50": [pl[k]["p50_ms"] for k in DEPTHS], "style": "line"})
    for r in moto_results:
        c = r["certreg"]["page_latency"]
        out.append({"label": f"{r['label']}, certreg sqlite, N={r['n']:,}, Python (load {_fmt_load(c['load'])})",
                    "p50": [c[k]["p50_ms"] for k in DEPTHS], "style": "dashed"})
        m = r["moto"]["whole_list"]
        out.append({"label": f"{r['label']}, moto, N={r['n']:,}: all {m['items']:,} in one response",
                    "p50": [m["p50_ms"], None, None], "style": "diamond"})
    return out


def svg(entries: list[dict]) -> str:
    width, left, bottom, top, right = 820, 60, 50, 30, 420
    height = max(380, top + 14 * len(entries) + 20)  # room for every entry of the legend
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for e in entries for v in e["p50"] if v] or [0.5]
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    if hi <= lo:
        hi = lo * 10
    span = math.log10(hi) - math.log10(lo)

    def ypos(v: float) -> float:
        return top + plot_h - plot_h * (math.log10(v) - math.log10(lo)) / span

    def xpos(j: int) -> float:  # the three depths, kept clear of the axis
        return left + 20 + (plot_w - 40) * j / 2

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="18" font-size="13">ListCertificatesByCA, page of 250, p50 against depth '
           f'(log scale)</text>']
    for d in range(round(span) + 1):
        decade = lo * 10 ** d
        for k in (1, 2, 5):
            v = decade * k
            if v > hi * 1.0001:
                break
            y = ypos(v)
            out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                       f'stroke="{"#ccc" if k == 1 else "#eee"}"/>')
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v:g}</text>')
    out.append(f'<text x="14" y="{top + plot_h / 2}" transform="rotate(-90 14 {top + plot_h / 2})" '
               f'text-anchor="middle">p50, ms</text>')
    for j, name in enumerate(DEPTHS):
        out.append(f'<text x="{xpos(j):.1f}" y="{top + plot_h + 18}" text-anchor="middle">{name} page</text>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 10}" text-anchor="middle">depth in the walk '
               f'(moto: its one response)</text>')
    for i, e in enumerate(entries):
        color = COLORS[i % len(COLORS)]
        pts = [(xpos(j), ypos(v)) for j, v in enumerate(e["p50"]) if v]
        if e["style"] == "diamond":
            for x, y in pts:
                out.append(f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} L{x:.1f},{y + 6:.1f} '
                           f'L{x - 6:.1f},{y:.1f} Z" fill="{color}"/>')
        else:
            dash = ' stroke-dasharray="6 3"' if e["style"] == "dashed" else ""
            for x, y in pts:
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>')
            out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2"{dash} points="'
                       + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + '"/>')
        ly = top + 14 * i + 8
        lx = left + plot_w + 15
        if e["style"] == "diamond":
            out.append(f'<path d="M{lx + 5},{ly - 8} L{lx + 10},{ly - 3} L{lx + 5},{ly + 2} L{lx},{ly - 3} Z" '
                       f'fill="{color}"/>')
        else:
            dash = ' stroke-dasharray="4 2"' if e["style"] == "dashed" else ""
            out.append(f'<line x1="{lx}" y1="{ly - 3}" x2="{lx + 10}" y2="{ly - 3}" stroke="{color}" '
                       f'stroke-width="3"{dash}/>')
        out.append(f'<text x="{lx + 15}" y="{ly + 1}">{e["label"]}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def redraw(results_dir: str) -> str:
    """Redraws results_dir/page-latency.svg from results_dir/*.json and results_dir/moto/*.json; returns its path."""
    def read(pattern: str) -> list[dict]:
        found = []
        for name in sorted(glob.glob(os.path.join(results_dir, pattern))):
            with open(name) as f:
                found.append(json.load(f))
        return found

    path = os.path.join(results_dir, "page-latency.svg")
    with open(path, "w") as f:
        f.write(svg(series(read("*.json"), read(os.path.join("moto", "*.json")))))
    return path
