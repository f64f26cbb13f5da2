// Hand-drawn SVG charts: horizontal bars, stacked bars and rate rings (no chart library).
const NS = "http://www.w3.org/2000/svg";
export const PALETTE = ["#c8102e", "#e07b00", "#2b7bb9", "#2f9e44", "#7048e8", "#868e96", "#d6336c", "#0c8599"];

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function frame(width, height, title) {
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart",
    preserveAspectRatio: "xMinYMin meet" });
  root.append(svg("title", {}, title));
  return root;
}

/** Horizontal bars: rows = [{label, value, color?}]. */
export function barChart(rows, { title = "", unit = "" } = {}) {
  const rowHeight = 30, labelWidth = 92, width = 360, valueWidth = 46;
  const height = Math.max(rows.length, 1) * rowHeight + 8;
  const root = frame(width, height, title);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const span = width - labelWidth - valueWidth;
  rows.forEach((row, i) => {
    const y = 4 + i * rowHeight;
    const length = row.value > 0 ? Math.max(2, (row.value / max) * span) : 0;
    root.append(svg("text", { x: labelWidth - 8, y: y + 18, "text-anchor": "end", class: "chart-label" }, row.label));
    root.append(svg("rect", { x: labelWidth, y: y + 5, width: span, height: 18, rx: 3, class: "chart-track" }));
    root.append(svg("rect", { x: labelWidth, y: y + 5, width: length, height: 18, rx: 3,
      fill: row.color || PALETTE[i % PALETTE.length], "data-value": row.value }));
    root.append(svg("text", { x: labelWidth + length + 6, y: y + 18, class: "chart-value" }, `${row.value}${unit}`));
  });
  if (!rows.length) root.append(svg("text", { x: 8, y: 22, class: "chart-label" }, "暂无数据"));
  return root;
}

/** Stacked horizontal bars: rows = [{label, parts: [{key, value}]}], legend = {key: label}. */
export function stackedChart(rows, legend, { title = "" } = {}) {
  const keys = Object.keys(legend);
  const rowHeight = 30, labelWidth = 60, width = 360, legendHeight = 26;
  const height = rows.length * rowHeight + legendHeight + 8;
  const root = frame(width, height, title);
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((s, p) => s + p.value, 0)));
  const span = width - labelWidth - 40;
  rows.forEach((row, i) => {
    const y = 4 + i * rowHeight;
    root.append(svg("text", { x: labelWidth - 8, y: y + 18, "text-anchor": "end", class: "chart-label" }, row.label));
    let x = labelWidth, total = 0;
    for (const part of row.parts) {
      const w = (part.value / max) * span;
      total += part.value;
      if (w > 0) root.append(svg("rect", { x, y: y + 5, width: w, height: 18,
        fill: PALETTE[keys.indexOf(part.key) % PALETTE.length], "data-value": part.value }));
      x += w;
    }
    root.append(svg("text", { x: x + 6, y: y + 18, class: "chart-value" }, String(total)));
  });
  const ly = rows.length * rowHeight + 12;
  let lx = 4;
  keys.forEach((key, i) => {
    root.append(svg("rect", { x: lx, y: ly, width: 10, height: 10, fill: PALETTE[i % PALETTE.length] }));
    root.append(svg("text", { x: lx + 14, y: ly + 10, class: "chart-legend" }, legend[key]));
    lx += 20 + legend[key].length * 13;
  });
  return root;
}

/** A ring showing a fraction 0..1 with the percentage in its middle. */
export function ring(fraction, caption, { color = PALETTE[3] } = {}) {
  const size = 120, r = 48, c = 2 * Math.PI * r;
  const value = Math.min(1, Math.max(0, Number(fraction) || 0));
  const root = frame(size, size + 22, caption);
  root.append(svg("circle", { cx: size / 2, cy: size / 2, r, class: "ring-track", fill: "none", "stroke-width": 12 }));
  root.append(svg("circle", { cx: size / 2, cy: size / 2, r, fill: "none", stroke: color, "stroke-width": 12,
    "stroke-dasharray": `${(value * c).toFixed(2)} ${c.toFixed(2)}`, "stroke-linecap": "round",
    transform: `rotate(-90 ${size / 2} ${size / 2})` }));
  root.append(svg("text", { x: size / 2, y: size / 2 + 7, "text-anchor": "middle", class: "ring-value" },
    `${(value * 100).toFixed(1)}%`));
  root.append(svg("text", { x: size / 2, y: size + 16, "text-anchor": "middle", class: "chart-label" }, caption));
  return root;
}
