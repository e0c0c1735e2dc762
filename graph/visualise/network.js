// The gcmkg network view: draws the embedded graph as SVG; zoom (wheel, buttons, keys, #zoom=K&cx=X&cy=Y), pan by
// dragging, details on hover. Plain ES2017, no network, and all text goes into the page with textContent.
(function () {
  "use strict";

  const MIN_ZOOM = 0.2;
  const MAX_ZOOM = 40;
  const STEP = 1.5;

  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const svg = document.getElementById("network");
  const SVG_NS = svg.namespaceURI;
  const viewport = document.getElementById("viewport");
  const tooltip = document.getElementById("tooltip");
  const { width, height } = svg.viewBox.baseVal;
  const colours = new Map(data.types.map((type) => [type.name, type.colour]));

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

  function edgeName(edge) {
    return `${data.nodes[edge.source].label} — ${data.nodes[edge.target].label}`;
  }

  function draw() {
    const edgeLayer = document.getElementById("edges");
    const nodeLayer = document.getElementById("nodes");
    const labelLayer = document.getElementById("labels");
    data.edges.forEach((edge, index) => {
      const from = data.nodes[edge.source];
      const to = data.nodes[edge.target];
      const line = svgElement(
        "line",
        { class: "edge", x1: from.x, y1: from.y, x2: to.x, y2: to.y, "stroke-width": edge.width, "data-edge": index },
        edgeLayer,
      );
      svgElement("title", {}, line).textContent = edgeName(edge);
    });
    data.nodes.forEach((node, index) => {
      const circle = svgElement(
        "circle",
        { class: "node", cx: node.x, cy: node.y, r: node.r, fill: colours.get(node.type), "data-node": index },
        nodeLayer,
      );
      svgElement("title", {}, circle).textContent = `${node.label} (${node.type})`;
      if (node.labelled) {
        const at = { class: "label", x: round(node.x + node.r + 2), y: round(node.y + 4) };
        svgElement("text", at, labelLayer).textContent = node.label;
      }
    });
  }

  function drawLegend() {
    const legend = document.getElementById("legend");
    data.types.forEach((type) => {
      const item = htmlElement("li", null, legend);
      const swatch = svgElement("svg", { width: 14, height: 14, "aria-hidden": "true" }, item);
      svgElement("circle", { cx: 7, cy: 7, r: 6, fill: type.colour }, swatch);
      htmlElement("span", type.name, item);
      htmlElement("span", String(type.count), item).className = "count";
    });
  }

  // Tooltip: the label, the type (or an edge's two ends) and the attributes, as text.
  function showTooltip(heading, subheading, attributes, event) {
    while (tooltip.firstChild) tooltip.removeChild(tooltip.firstChild);
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
      const node = data.nodes[Number(target.getAttribute("data-node"))];
      showTooltip(node.label, node.type, [["IRI", node.id]].concat(node.attrs), event);
    } else if (target.hasAttribute("data-edge")) {
      const edge = data.edges[Number(target.getAttribute("data-edge"))];
      showTooltip(edgeName(edge), "link", edge.attrs, event);
    }
  }

  function onPointerOut(event) {
    if (event.target.hasAttribute("data-node") || event.target.hasAttribute("data-edge")) tooltip.hidden = true;
  }

  // Zoom and pan: the drawing's transform is translate(x, y) scale(k), in viewBox units.
  const view = { k: 1, x: 0, y: 0 };

  function apply() {
    viewport.setAttribute("transform", `translate(${round(view.x)},${round(view.y)}) scale(${round(view.k, 4)})`);
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
    zoomAt(centre(), factor);
    remember();
  }

  let drag = null;

  function onPointerDown(event) {
    if (event.button !== 0) return;
    drag = { start: toViewBox(event), x: view.x, y: view.y };
    svg.setPointerCapture(event.pointerId);
    svg.classList.add("dragging");
  }

  function onPointerMove(event) {
    if (drag) {
      const here = toViewBox(event);
      view.x = drag.x + here.x - drag.start.x;
      view.y = drag.y + here.y - drag.start.y;
      apply();
    } else if (!tooltip.hidden) {
      moveTooltip(event);
    }
  }

  function onPointerUp() {
    if (!drag) return;
    drag = null;
    svg.classList.remove("dragging");
    remember();
  }

  function onWheel(event) {
    event.preventDefault();
    const pixels = event.deltaMode === 0 ? event.deltaY : event.deltaY * 16;
    zoomAt(toViewBox(event), Math.exp(-pixels * 0.002));
    remember();
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = { "+": () => zoomBy(STEP), "=": () => zoomBy(STEP), "-": () => zoomBy(1 / STEP), "0": reset };
    if (actions[event.key]) {
      actions[event.key]();
      event.preventDefault();
    }
  }

  draw();
  drawLegend();
  restore();
  svg.addEventListener("pointerover", onPointerOver);
  svg.addEventListener("pointerout", onPointerOut);
  svg.addEventListener("pointerdown", onPointerDown);
  svg.addEventListener("pointermove", onPointerMove);
  svg.addEventListener("pointerup", onPointerUp);
  svg.addEventListener("pointercancel", onPointerUp);
  svg.addEventListener("wheel", onWheel, { passive: false });
  document.getElementById("zoom-in").addEventListener("click", () => zoomBy(STEP));
  document.getElementById("zoom-out").addEventListener("click", () => zoomBy(1 / STEP));
  document.getElementById("zoom-reset").addEventListener("click", reset);
  document.addEventListener("keydown", onKey);
})();
