// gcmkg serve: run the stored queries of the gallery and the SPARQL editor, and show their rows as a table.
// Every value goes into the page as text (textContent), never as HTML.
"use strict";

const BASE = "https://w3id.org/gcmkg/";
const JSON_RESULTS = "application/sparql-results+json";

function link(iri) {
  if (iri.startsWith(BASE)) return "/" + iri.slice(BASE.length);
  if (iri.startsWith("http://") || iri.startsWith("https://")) return iri;
  return null;
}

function cell(binding) {
  const td = document.createElement("td");
  if (!binding) return td;
  const target = binding.type === "uri" ? link(binding.value) : null;
  if (target) {
    const a = document.createElement("a");
    a.href = target;
    a.textContent = binding.value;
    td.appendChild(a);
  } else {
    td.textContent = binding.value;
  }
  return td;
}

function table(answer, truncated) {
  const box = document.createDocumentFragment();
  if ("boolean" in answer) {
    const p = document.createElement("p");
    p.className = "boolean";
    p.textContent = String(answer.boolean);
    box.appendChild(p);
    return box;
  }
  const columns = answer.head.vars;
  const rows = answer.results.bindings;
  const t = document.createElement("table");
  t.className = "rows";
  const head = t.createTHead().insertRow();
  for (const name of columns) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const name of columns) tr.appendChild(cell(row[name]));
  }
  box.appendChild(t);
  const count = document.createElement("p");
  count.className = "count";
  count.textContent = rows.length + (rows.length === 1 ? " row" : " rows") + (truncated ? ", " + truncated : "");
  box.appendChild(count);
  return box;
}

async function show(output, request) {
  output.replaceChildren();
  output.setAttribute("aria-busy", "true");
  try {
    const response = await request;
    if (!response.ok) {
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = response.status + ": " + (await response.text());
      output.appendChild(p);
      return;
    }
    const answer = await response.json();
    output.appendChild(table(answer, response.headers.get("Gcmkg-Row-Limit")));
    for (const note of (response.headers.get("Gcmkg-Notes") || "").split(" | ").filter(Boolean)) {
      const p = document.createElement("p");
      p.className = "note";
      p.textContent = decodeURIComponent(note);
      output.appendChild(p);
    }
  } finally {
    output.removeAttribute("aria-busy");
  }
}

function filledIn(form) {
  const given = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value !== "") given.append(key, value);
  return given.toString();
}

for (const form of document.querySelectorAll("form.stored")) {
  const csv = form.querySelector("a.csv");
  const name = form.dataset.query;
  const update = () => { const q = filledIn(form); csv.href = "/api/" + name + ".csv" + (q ? "?" + q : ""); };
  form.addEventListener("input", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = filledIn(form);
    update();
    const output = form.parentElement.querySelector(".result");
    show(output, fetch("/api/" + name + (q ? "?" + q : ""), { headers: { Accept: JSON_RESULTS } }));
  });
}

for (const form of document.querySelectorAll("form.sparql")) {
  const text = form.querySelector("textarea");
  const csv = form.querySelector("a.csv");
  const update = () => { csv.href = "/sparql?" + new URLSearchParams({ query: text.value, format: "csv" }); };
  update();
  text.addEventListener("input", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const output = form.parentElement.querySelector(".result");
    show(output, fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: JSON_RESULTS },
      body: text.value,
    }));
  });
}
