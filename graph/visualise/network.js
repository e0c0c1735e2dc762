// The gcmkg network view: draws the embedded graph as SVG (colour: community, shape: type); zoom (wheel, buttons,
// keys, #zoom=K&cx=X&cy=Y), pan by dragging, details on hover; labels for the most central nodes that fit without
// overlapping, more as one zooms in; find a node by name and centre on it; click a node to highlight its
// neighbours and list its attributes; filter by node type and minimum edge weight. Plain ES2017, no network, and
// all text goes into the page with textContent.
(function () {
  "use strict";

  const MIN_ZOOM = 0.2;
  const MAX_ZOOM = 40;
  const STEP = 1.5;
  const FOCUS_ZOOM = 2.5; // finding a node zooms in to at least this
  const LABEL_BUDGET = 30; // labels at zoom 1; K times as many at zoom K
  const LABEL_HEIGHT = 13; // a label's box: its text's width by this height, in viewBox units
  const LABEL_GAP = 3;
  const CLICK_SLOP = 4; // a press and release this close (CSS pixels) is a click, not a drag
  const NEIGHBOURS_LISTED = 100;
  // Above this many edges a network is large: its edges are drawn without anti-aliasing (about twice as fast to
  // redraw in software) and hidden while the view zooms or pans.
  const LARGE = 1000;
  const SETTLED_AFTER = 150; // milliseconds without zooming or panning

  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const nodes = data.nodes;
  const edges = data.edges;
  const svg = document.getElementById("network");
  const SVG_NS = svg.namespaceURI;
  const viewport = document.getElementById("viewport");
  const labelLayer = document.getElementById("labels");
  const tooltip = document.getElementById("tooltip");
  const counts = document.getElementById("counts");
  const { width, height } = svg.viewBox.baseVal;

  const byRank = nodes.map((_, index) => index).sort((a, b) => nodes[a].rank - nodes[b].rank);
  const incident = nodes.map(() => []); // edge numbers at each node
  edges.forEach((edge, number) => {
    incident[edge.source].push(number);
    incident[edge.target].push(number);
  });
  const nodeShapes = [];
  const edgeLines = [];
  const hiddenTypes = new Set();
  let minWeight = -Infinity;
  let chosen = null; // the clicked or found node
  let near = new Set(); // chosen and its neighbours, by the edges shown
  let nearEdges = []; // the shown edges at chosen, by number

  function round(value, digits = 2) {
    const unit = 10 ** digits;
    return Math.round(value * unit) / unit;
  }

  function svgElement(name, attributes, parent) {
    const element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes).forEach((key) => element.setAttribute(key, String(attributes[key])));
    parent.appendChild(element);
    return element;
  }

  function htmlElement(name, text, parent) {
    const element = document.createElement(name);
    if (text !== null) element.textContent = text;
    parent.appendChild(element);
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function edgeName(edge) {
    return `${nodes[edge.source].label} — ${nodes[edge.target].label}`;
  }

  // A node's outline as path data: the shape of its type, of radius r around (x, y).
  function outline(shape, x, y, r) {
    const p = (dx, dy) => `${round(x + dx)},${round(y + dy)}`;
    if (shape === "square") {
      const s = r * 0.89;
      return `M${p(-s, -s)}L${p(s, -s)}L${p(s, s)}L${p(-s, s)}Z`;
    }
    if (shape === "diamond") return `M${p(0, -r * 1.25)}L${p(r * 1.25, 0)}L${p(0, r * 1.25)}L${p(-r * 1.25, 0)}Z`;
    if (shape === "triangle") return `M${p(0, -r * 1.3)}L${p(r * 1.15, r * 0.7)}L${p(-r * 1.15, r * 0.7)}Z`;
    return `M${p(-r, 0)}a${r},${r} 0 1,0 ${round(2 * r)},0a${r},${r} 0 1,0 ${round(-2 * r)},0Z`;
  }

  const shapes = new Map(data.types.map((type) => [type.name, type.shape]));

  function draw() {
    const edgeLayer = document.getElementById("edges");
    const nodeLayer = document.getElementById("nodes");
    const widest = Math.max(1, ...edges.map((edge) => edge.width));
    edges.forEach((edge, index) => {
      const from = nodes[edge.source];
      const to = nodes[edge.target];
      const line = svgElement(
        "line",
        { class: "edge", x1: from.x, y1: from.y, x2: to.x, y2: to.y, "stroke-width": edge.width, "data-edge": index },
        edgeLayer,
      );
      svgElement("title", {}, line).textContent = edgeName(edge);
      if (widest > 1) line.style.setProperty("--strength", String(round((edge.width - 1) / (widest - 1))));
      edgeLines.push(line);
    });
    nodes.forEach((node, index) => {
      const d = outline(shapes.get(node.type), node.x, node.y, node.r);
      const path = svgElement("path", { class: "node", d, fill: node.colour, "data-node": index }, nodeLayer);
      svgElement("title", {}, path).textContent = `${node.label} (${node.type})`;
      nodeShapes.push(path);
    });
    document.getElementById("empty").textContent = data.empty;
    svg.classList.toggle("large", edges.length > LARGE);
  }

  function swatch(shape, colour, parent) {
    const icon = svgElement("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" }, parent);
    svgElement("path", { d: outline(shape, 8, 8, 5.5), fill: colour }, icon);
  }

  function drawLegends() {
    const typeList = document.getElementById("types");
    data.types.forEach((type) => {
      const item = htmlElement("li", null, typeList);
      const box = htmlElement("input", null, item);
      box.type = "checkbox";
      box.checked = true;
      box.id = `type-${type.name}`;
      box.addEventListener("change", () => {
        if (box.checked) hiddenTypes.delete(type.name);
        else hiddenTypes.add(type.name);
        refresh();
      });
      swatch(type.shape, "#666", item);
      htmlElement("label", type.name, item).htmlFor = box.id;
      htmlElement("span", String(type.count), item).className = "count";
    });
    const communityList = document.getElementById("communities");
    data.communities.forEach((community) => {
      const item = htmlElement("li", null, communityList);
      swatch("circle", community.colour, item);
      htmlElement("span", community.label, item);
      htmlElement("span", String(community.count), item).className = "count";
    });
    const names = document.getElementById("names");
    [...new Set(nodes.map((node) => node.label))].sort().forEach((label) => {
      htmlElement("option", null, names).value = label;
    });
    if (data.weights) {
      const [lightest, heaviest] = data.weights;
      const slider = document.getElementById("min-weight");
      slider.min = String(lightest);
      slider.max = String(heaviest);
      slider.value = String(lightest);
      if (!Number.isInteger(lightest) || !Number.isInteger(heaviest)) slider.step = "any";
      document.getElementById("min-weight-value").textContent = String(lightest);
      slider.addEventListener("input", () => {
        minWeight = Number(slider.value);
        document.getElementById("min-weight-value").textContent = slider.value;
        refresh();
      });
      document.getElementById("weight-filter").hidden = false;
    }
  }

  // --- filters, the chosen node and its neighbours ------------------------------------------------------------

  function nodeShown(index) {
    return !hiddenTypes.has(nodes[index].type);
  }

  function edgeShown(index) {
    const edge = edges[index];
    return nodeShown(edge.source) && nodeShown(edge.target) && (edge.weight === null || edge.weight >= minWeight);
  }

  function refresh() {
    let nodesShown = 0;
    let edgesShown = 0;
    nodeShapes.forEach((shape, index) => {
      const shown = nodeShown(index);
      if (shape.classList.contains("off") === shown) shape.classList.toggle("off", !shown);
      nodesShown += shown ? 1 : 0;
    });
    edgeLines.forEach((line, index) => {
      const shown = edgeShown(index);
      if (line.classList.contains("off") === shown) line.classList.toggle("off", !shown);
      edgesShown += shown ? 1 : 0;
    });
    const part = (shown, all, noun) => (shown === all ? `${all} ${noun}` : `${shown} of ${all} ${noun}`);
    counts.textContent = `${part(nodesShown, nodes.length, "nodes")} · ${part(edgesShown, edges.length, "edges")}`;
    if (chosen !== null && !nodeShown(chosen)) choose(null);
    else choose(chosen);
  }

  function neighbourEdges(index) {
    return incident[index].filter(edgeShown);
  }

  function choose(index) {
    near.forEach((number) => nodeShapes[number].classList.remove("near", "chosen"));
    nearEdges.forEach((number) => edgeLines[number].classList.remove("near"));
    chosen = index;
    near = new Set();
    nearEdges = index === null ? [] : neighbourEdges(index);
    if (index !== null) {
      near.add(index);
      nearEdges.forEach((number) => {
        const edge = edges[number];
        near.add(edge.source === index ? edge.target : edge.source);
        edgeLines[number].classList.add("near");
      });
      near.forEach((number) => nodeShapes[number].classList.add("near"));
      nodeShapes[index].classList.add("chosen");
    }
    svg.classList.toggle("focus", index !== null);
    showDetails(index);
    placeLabels();
  }

  function showDetails(index) {
    const panel = document.getElementById("details");
    panel.hidden = index === null;
    if (index === null) return;
    const node = nodes[index];
    document.getElementById("details-label").textContent = node.label;
    document.getElementById("details-type").textContent = `${node.type} · community ${node.community + 1}`;
    const link = document.getElementById("details-link");
    clear(link);
    if (node.href) {
      const anchor = htmlElement("a", "Entity page", link);
      anchor.setAttribute("href", node.href);
    }
    const list = document.getElementById("details-attrs");
    clear(list);
    [["IRI", node.id]].concat(node.attrs).forEach(([key, value]) => {
      htmlElement("dt", key, list);
      htmlElement("dd", value, list);
    });
    const around = neighbourEdges(index)
      .map((number) => [edges[number].source === index ? edges[number].target : edges[number].source, number])
      .sort(([a, e], [b, f]) => (edges[f].weight || 0) - (edges[e].weight || 0) || nodes[a].rank - nodes[b].rank);
    document.getElementById("neighbours-heading").textContent = `${around.length} neighbours`;
    const listed = document.getElementById("neighbours");
    clear(listed);
    around.slice(0, NEIGHBOURS_LISTED).forEach(([other, number]) => {
      const item = htmlElement("li", null, listed);
      const button = htmlElement("button", nodes[other].label, item);
      button.type = "button";
      button.addEventListener("click", () => find(other));
      if (edges[number].weight !== null) htmlElement("span", String(edges[number].weight), item).className = "count";
    });
    if (around.length > NEIGHBOURS_LISTED) htmlElement("li", `and ${around.length - NEIGHBOURS_LISTED} more`, listed);
  }

  // --- labels: the most central nodes first, each only where it overlaps no label already placed ----------------

  const ruler = document.createElement("canvas").getContext("2d");
  const textWidths = new Map();
  let labelsPending = false;

  function textWidth(index) {
    if (!textWidths.has(index)) {
      const style = getComputedStyle(labelLayer);
      ruler.font = `11px ${style.fontFamily}`;
      textWidths.set(index, ruler.measureText(nodes[index].label).width);
    }
    return textWidths.get(index);
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function placeLabels() {
    labelsPending = false;
    clear(labelLayer);
    const budget = Math.round(LABEL_BUDGET * view.k);
    const order = chosen === null ? byRank : [chosen, ...byRank.filter((index) => near.has(index))];
    const boxes = [];
    for (const index of order) {
      if (boxes.length >= budget) break;
      if (!nodeShown(index)) continue;
      const node = nodes[index];
      const x = node.x * view.k + view.x;
      const y = node.y * view.k + view.y;
      if (x < 0 || x > width || y < 0 || y > height) continue;
      const box = { x: x + node.r * view.k + LABEL_GAP, y: y - LABEL_HEIGHT / 2, w: textWidth(index), h: LABEL_HEIGHT };
      if (boxes.some((placed) => overlaps(box, placed))) continue;
      boxes.push(box);
      const text = svgElement("text", { class: "label", x: round(box.x), y: round(y + 4), "data-node": index }, labelLayer);
      text.textContent = node.label;
    }
  }

  function labelsLater() {
    if (labelsPending) return;
    labelsPending = true;
    requestAnimationFrame(placeLabels);
  }

  // --- tooltip: the label, the type (or an edge's two ends) and the attributes, as text --------------------------

  function showTooltip(heading, subheading, attributes, event) {
    clear(tooltip);
    htmlElement("strong", heading, tooltip);
    htmlElement("span", subheading, tooltip).className = "type";
    if (attributes.length) {
      const list = htmlElement("dl", null, tooltip);
      attributes.forEach(([key, value]) => {
        htmlElement("dt", key, list);
        htmlElement("dd", value, list);
      });
    }
    tooltip.hidden = false;
    moveTooltip(event);
  }

  function moveTooltip(event) {
    const room = 16;
    const left = Math.min(event.clientX + 12, window.innerWidth - tooltip.offsetWidth - room);
    const top = Math.min(event.clientY + 12, window.innerHeight - tooltip.offsetHeight - room);
    tooltip.style.left = `${Math.max(0, left)}px`;
    tooltip.style.top = `${Math.max(0, top)}px`;
  }

  function onPointerOver(event) {
    const target = event.target;
    if (target.hasAttribute("data-node")) {
      const node = nodes[Number(target.getAttribute("data-node"))];
      showTooltip(node.label, node.type, [["IRI", node.id]].concat(node.attrs), event);
    } else if (target.hasAttribute("data-edge")) {
      const edge = edges[Number(target.getAttribute("data-edge"))];
      showTooltip(edgeName(edge), "link", edge.attrs, event);
    }
  }

  function onPointerOut(event) {
    if (event.target.hasAttribute("data-node") || event.target.hasAttribute("data-edge")) tooltip.hidden = true;
  }

  // --- zoom and pan: the drawing's transform is translate(x, y) scale(k), in viewBox units ----------------------

  const view = { k: 1, x: 0, y: 0 };

  function apply() {
    viewport.setAttribute("transform", `translate(${round(view.x)},${round(view.y)}) scale(${round(view.k, 4)})`);
    labelsLater();
  }

  // A large network's edges are hidden while the view moves (redrawing thousands of lines on every wheel step
  // is what makes a page lag) and come back once it has settled.
  let moving = null;

  function moved() {
    if (edges.length <= LARGE) return;
    svg.classList.add("moving");
    clearTimeout(moving);
    moving = setTimeout(() => svg.classList.remove("moving"), SETTLED_AFTER);
  }

  function clampZoom(k) {
    return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
  }

  function zoomAt(point, factor) {
    const k = clampZoom(view.k * factor);
    view.x = point.x - ((point.x - view.x) * k) / view.k;
    view.y = point.y - ((point.y - view.y) * k) / view.k;
    view.k = k;
    apply();
  }

  function centre() {
    return { x: width / 2, y: height / 2 };
  }

  function toViewBox(event) {
    return new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
  }

  // The view in the address (#zoom=K&cx=X&cy=Y: the drawing's point at the centre), so a view can be shared;
  // written once the view has settled (browsers throttle a page that rewrites its address too often).
  let settling = null;

  function remember() {
    clearTimeout(settling);
    settling = setTimeout(writeAddress, 300);
  }

  function writeAddress() {
    const middle = centre();
    const cx = round((middle.x - view.x) / view.k);
    const cy = round((middle.y - view.y) / view.k);
    const home = view.k === 1 && view.x === 0 && view.y === 0;
    const address = home ? location.pathname + location.search : `#zoom=${round(view.k, 4)}&cx=${cx}&cy=${cy}`;
    history.replaceState(null, "", address);
  }

  function restore() {
    const fields = new URLSearchParams(location.hash.slice(1));
    const number = (name, fallback) => {
      const value = Number.parseFloat(fields.get(name));
      return Number.isFinite(value) ? value : fallback;
    };
    const middle = centre();
    const k = clampZoom(number("zoom", 1));
    view.k = k;
    view.x = middle.x - k * number("cx", middle.x);
    view.y = middle.y - k * number("cy", middle.y);
    apply();
  }

  function reset() {
    view.k = 1;
    view.x = 0;
    view.y = 0;
    apply();
    remember();
  }

  function zoomBy(factor) {
    moved();
    zoomAt(centre(), factor);
    remember();
  }

  // Centre the view on a node, zoomed in to at least FOCUS_ZOOM, and choose it.
  function find(index) {
    const middle = centre();
    view.k = clampZoom(Math.max(view.k, FOCUS_ZOOM));
    view.x = middle.x - view.k * nodes[index].x;
    view.y = middle.y - view.k * nodes[index].y;
    apply();
    remember();
    choose(index);
  }

  // The shown node a search names: its whole label, else the start of it, else any part (case ignored); of
  // several, the most central.
  function match(words) {
    const wanted = words.trim().toLowerCase();
    if (!wanted) return null;
    const shown = byRank.filter(nodeShown);
    const tests = [(label) => label === wanted, (label) => label.startsWith(wanted), (label) => label.includes(wanted)];
    for (const test of tests) {
      const hit = shown.find((index) => test(nodes[index].label.toLowerCase()));
      if (hit !== undefined) return hit;
    }
    return null;
  }

  function onFind(event) {
    event.preventDefault();
    const words = document.getElementById("search").value;
    const hit = match(words);
    document.getElementById("found").textContent = hit === null && words.trim() ? `no node named “${words.trim()}”` : "";
    if (hit !== null) find(hit);
  }

  let drag = null;

  function onPointerDown(event) {
    if (event.button !== 0) return;
    drag = { start: toViewBox(event), x: view.x, y: view.y, client: [event.clientX, event.clientY], target: event.target };
    svg.setPointerCapture(event.pointerId);
    svg.classList.add("dragging");
  }

  function onPointerMove(event) {
    if (drag) {
      moved();
      const here = toViewBox(event);
      view.x = drag.x + here.x - drag.start.x;
      view.y = drag.y + here.y - drag.start.y;
      apply();
    } else if (!tooltip.hidden) {
      moveTooltip(event);
    }
  }

  function onPointerUp(event) {
    if (!drag) return;
    const moved = Math.hypot(event.clientX - drag.client[0], event.clientY - drag.client[1]);
    if (moved < CLICK_SLOP) {
      const target = drag.target;
      choose(target.hasAttribute("data-node") ? Number(target.getAttribute("data-node")) : null);
    }
    drag = null;
    svg.classList.remove("dragging");
    remember();
  }

  function onWheel(event) {
    event.preventDefault();
    moved();
    const pixels = event.deltaMode === 0 ? event.deltaY : event.deltaY * 16;
    zoomAt(toViewBox(event), Math.exp(-pixels * 0.002));
    remember();
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.tagName === "INPUT") return;
    const actions = {
      "+": () => zoomBy(STEP),
      "=": () => zoomBy(STEP),
      "-": () => zoomBy(1 / STEP),
      "0": reset,
      Escape: () => choose(null),
    };
    if (actions[event.key]) {
      actions[event.key]();
      event.preventDefault();
    }
  }

  draw();
  drawLegends();
  restore();
  placeLabels();
  svg.addEventListener("pointerover", onPointerOver);
  svg.addEventListener("pointerout", onPointerOut);
  svg.addEventListener("pointerdown", onPointerDown);
  svg.addEventListener("pointermove", onPointerMove);
  svg.addEventListener("pointerup", onPointerUp);
  svg.addEventListener("pointercancel", onPointerUp);
  svg.addEventListener("wheel", onWheel, { passive: false });
  document.getElementById("find").addEventListener("submit", onFind);
  document.getElementById("zoom-in").addEventListener("click", () => zoomBy(STEP));
  document.getElementById("zoom-out").addEventListener("click", () => zoomBy(1 / STEP));
  document.getElementById("zoom-reset").addEventListener("click", reset);
  document.addEventListener("keydown", onKey);
  performance.mark("gcmkg-drawn");
})();
