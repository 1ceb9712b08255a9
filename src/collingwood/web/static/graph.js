// The interactive affinity chart: the graph API's nodes and links, laid out here by a small
// force simulation (the same drawing for the same graph), a year slider, and a panel that
// opens the sources of the link clicked. Names and grounds are written with textContent.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const W = 960, H = 680;
  const chart = document.getElementById("chart");
  if (!chart) return;
  const slider = document.getElementById("year");
  const every = document.getElementById("all-years");
  const shown = document.getElementById("year-shown");
  const maxNodes = document.getElementById("max-nodes");
  const panel = document.getElementById("edge-panel");
  let years = null;
  let asked = 0;          // the latest request: an older answer arriving later is dropped

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(name, text, parent, attrs) {
    const node = document.createElement(name);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function strongest(graph, n) {
    const weight = new Map(graph.nodes.map((d) => [d.id, 0]));
    for (const e of graph.edges) {
      weight.set(e.source, (weight.get(e.source) || 0) + e.strength);
      weight.set(e.target, (weight.get(e.target) || 0) + e.strength);
    }
    const keep = new Set(graph.nodes.slice().sort((a, b) => (weight.get(b.id) - weight.get(a.id)) ||
      (a.name < b.name ? -1 : 1)).slice(0, n).map((d) => d.id));
    const nodes = graph.nodes.filter((d) => keep.has(d.id));
    const edges = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)).slice(0, n * 3);
    return { nodes, edges, weight };
  }

  function layout(nodes, edges) {
    // Fruchterman-Reingold from a circle in id order: the same picture for the same graph.
    const pos = new Map();
    const ids = nodes.map((d) => d.id).sort();
    ids.forEach((id, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, ids.length);
      pos.set(id, { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a) });
    });
    const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.5;
    let t = W / 10;
    for (let step = 0; step < 250; step++) {
      const disp = new Map(ids.map((id) => [id, { x: 0, y: 0 }]));
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const p = pos.get(ids[i]), q = pos.get(ids[j]);
          let dx = p.x - q.x, dy = p.y - q.y;
          const d = Math.max(0.01, Math.hypot(dx, dy));
          const f = (k * k) / d;
          dx = (dx / d) * f; dy = (dy / d) * f;
          disp.get(ids[i]).x += dx; disp.get(ids[i]).y += dy;
          disp.get(ids[j]).x -= dx; disp.get(ids[j]).y -= dy;
        }
      }
      for (const e of edges) {
        const p = pos.get(e.source), q = pos.get(e.target);
        let dx = p.x - q.x, dy = p.y - q.y;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (d * d) / k;
        dx = (dx / d) * f; dy = (dy / d) * f;
        disp.get(e.source).x -= dx; disp.get(e.source).y -= dy;
        disp.get(e.target).x += dx; disp.get(e.target).y += dy;
      }
      for (const id of ids) {            // a pull to the centre keeps loose groups in view
        const p = pos.get(id), v = disp.get(id);
        v.x -= (p.x - W / 2) * 0.9;
        v.y -= (p.y - H / 2) * 0.9;
        const d = Math.max(0.01, Math.hypot(v.x, v.y));
        p.x = Math.min(W - 130, Math.max(30, p.x + (v.x / d) * Math.min(d, t)));
        p.y = Math.min(H - 20, Math.max(20, p.y + (v.y / d) * Math.min(d, t)));
      }
      t *= 0.98;
    }
    return pos;
  }

  function open(edge, names) {
    panel.replaceChildren();
    const kind = edge.inferred ? "inferred" : edge.alleged ? "alleged or hedged" : "documented";
    html("h2", names.get(edge.source) + " – " + names.get(edge.target), panel);
    html("p", edge.type + " (" + kind + "), strength " + edge.strength, panel, { class: "edge-kind" });
    html("p", edge.grounds, panel);
    if (edge.time) html("p", edge.time.text || edge.time.earliest, panel, { class: "muted" });
    if (edge.sources.length) {
      html("h3", "Sources", panel);
      const list = html("ul", null, panel, { class: "edge-sources" });
      edge.sources.forEach((sid, i) => {
        const li = html("li", null, list);
        html("a", edge.source_titles[i] || sid, li, { href: "/sources/" + encodeURIComponent(sid) });
      });
    }
    if (edge.claims.length) {
      html("h3", "Claims", panel);
      const list = html("ul", null, panel);
      for (const cid of edge.claims) {
        const li = html("li", null, list);
        html("a", cid, li, { href: "/claims/" + encodeURIComponent(cid) });
      }
    }
  }

  function draw(graph) {
    chart.replaceChildren();
    const { nodes, edges, weight } = strongest(graph, parseInt(maxNodes.value, 10) || 60);
    const names = new Map(graph.nodes.map((d) => [d.id, d.name]));
    el("title", {}, chart).textContent = "Affinity chart: " + nodes.length + " actors, " + edges.length + " links";
    if (!nodes.length) {
      el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty" }, chart).textContent = "No links in this year.";
      return;
    }
    const pos = layout(nodes, edges);
    const lines = el("g", { class: "links" }, chart);
    for (const e of edges) {
      const p = pos.get(e.source), q = pos.get(e.target);
      const kind = e.inferred ? "inferred" : e.alleged ? "alleged" : "documented";
      const line = el("line", { x1: p.x.toFixed(1), y1: p.y.toFixed(1), x2: q.x.toFixed(1), y2: q.y.toFixed(1),
        class: "link " + kind + " t-" + e.type.replace(/[^a-z_]/g, ""), "stroke-width": (1 + Math.min(4, e.strength)).toFixed(1),
        "data-source": e.source, "data-target": e.target, tabindex: 0 }, lines);
      el("title", {}, line).textContent = names.get(e.source) + " – " + names.get(e.target) + ": " + kind + ", " + e.grounds;
      line.addEventListener("click", () => open(e, names));
      line.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(e, names); });
    }
    const dots = el("g", { class: "nodes" }, chart);
    for (const d of nodes) {
      const p = pos.get(d.id);
      const a = el("a", { href: "/entities/" + encodeURIComponent(d.id) }, dots);
      el("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: (4 + Math.min(10, Math.sqrt(weight.get(d.id) || 0) * 2)).toFixed(1),
        class: "node k-" + d.kind.replace(/[^a-z_]/g, "") }, a);
      el("text", { x: (p.x + 8).toFixed(1), y: (p.y + 4).toFixed(1), class: "label" }, a).textContent = d.name;
    }
  }

  async function load() {
    const params = new URLSearchParams();
    if (!every.checked && years) params.set("at", String(slider.value));
    shown.textContent = every.checked ? "all" : String(slider.value);
    const mine = ++asked;
    const response = await fetch("/api/graph?" + params.toString(), { credentials: "same-origin" });
    const graph = await response.json();
    if (mine !== asked) return;
    if (!response.ok) {
      panel.replaceChildren(html("p", graph.error || "HTTP " + response.status, null, { class: "error" }));
      return;
    }
    if (!years && graph.years.length) {
      years = graph.years;
      slider.min = String(years[0]);
      slider.max = String(years[1]);
      slider.value = String(years[0]);
    }
    draw(graph);
    chart.dataset.loaded = String((chart.dataset.loaded | 0) + 1);
    chart.dataset.shown = every.checked ? "all" : String(slider.value);
  }

  every.addEventListener("change", () => { slider.disabled = every.checked; load(); });
  slider.addEventListener("change", load);
  slider.addEventListener("input", () => { shown.textContent = String(slider.value); });
  maxNodes.addEventListener("change", load);
  load();
})();
