// The score summary: a bar chart drawn as SVG with DOM APIs, and the same data as a table.
// spec: {axes: [{id, label}], levels: [value...], levelLabel(value), heading, series: [{label, values: {axis: value}}]}
import { el } from "./view.js";
import { t } from "./config.js";

const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text != null) node.textContent = text;
  return node;
}

export function hasScores(series) {
  return series.some((s) => Object.values(s.values).some(Boolean));
}

export function drawChart(container, spec) {
  container.replaceChildren();
  const { axes, levels, series } = spec;
  // Sizes in CSS pixels: the SVG is drawn at this size (width attribute) and shrinks only to fit.
  const labelWidth = 250, plot = 360, bar = 16, gap = 4, pad = 14, top = 40;
  const rowHeight = series.length * (bar + gap) + pad;
  const legend = series.length > 1 ? 24 * series.length : 0;
  const height = top + axes.length * rowHeight + legend + 8;
  const width = labelWidth + plot + 20;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "toolkit-chart", "aria-hidden": "true", focusable: "false" });
  const step = plot / levels.length;
  levels.forEach((value, i) => {
    const x = labelWidth + step * (i + 1);
    chart.append(svg("line", { x1: x, x2: x, y1: top - 4, y2: top + axes.length * rowHeight, class: "toolkit-chart__grid" }));
    chart.append(svg("text", { x: x - 3, y: top - 10, "text-anchor": "end", class: "toolkit-chart__level" }, spec.levelLabel(value)));
  });
  axes.forEach((axis, row) => {
    const y = top + row * rowHeight;
    chart.append(svg("text", { x: labelWidth - 8, y: y + rowHeight / 2 + 2, "text-anchor": "end", class: "toolkit-chart__label" }, axis.label));
    series.forEach((s, i) => {
      const score = levels.indexOf(s.values[axis.id]) + 1;
      const rect = svg("rect", { x: labelWidth, y: y + pad / 2 + i * (bar + gap), width: score * step, height: bar, class: `toolkit-chart__bar toolkit-chart__bar--${i}` });
      rect.append(svg("title", {}, `${s.label}, ${axis.label}: ${score ? spec.levelLabel(s.values[axis.id]) : t("summary.not_scored")}`));
      chart.append(rect);
    });
  });
  chart.append(svg("line", { x1: labelWidth, x2: labelWidth, y1: top - 4, y2: top + axes.length * rowHeight, class: "toolkit-chart__axis" }));
  if (legend) {
    series.forEach((s, i) => {
      const y = top + axes.length * rowHeight + 8 + i * 24;
      chart.append(svg("rect", { x: labelWidth, y, width: 16, height: 16, class: `toolkit-chart__bar toolkit-chart__bar--${i}` }));
      chart.append(svg("text", { x: labelWidth + 24, y: y + 13, class: "toolkit-chart__label" }, s.label));
    });
  }
  const table = el("table", "toolkit-chart-table");
  table.append(el("caption", null, t("summary.table")));
  const head = el("tr");
  head.append(el("th", null, spec.heading));
  for (const s of series) head.append(el("th", null, s.label));
  table.appendChild(el("thead")).append(head);
  const body = table.appendChild(el("tbody"));
  for (const axis of axes) {
    const tr = body.appendChild(el("tr"));
    const th = tr.appendChild(el("th", null, axis.label));
    th.scope = "row";
    for (const s of series) {
      const value = s.values[axis.id];
      tr.append(el("td", null, levels.includes(value) ? spec.levelLabel(value) : t("summary.not_scored")));
    }
  }
  for (const th of head.children) th.scope = "col";
  container.append(chart, table);
}

/** The chart spec for a worksheet: principle scores (Evaluate with Redesign) or a Big Idea's four tests. */
export function chartSpec(config, sheet, answersOf, keepCurrent = true) {
  const levelLabel = (kind) => (value) => t(`${kind}.${value}`);
  const sheets = config.worksheets;
  if (config.scores[sheet]) {
    const upTo = sheets.findIndex((s) => s.id === sheet);
    const series = sheets.slice(0, upTo + 1).filter((s) => config.scores[s.id]).map((s) => {
      const answers = answersOf(s.id);
      const values = {};
      for (const p of config.principles) values[p.id] = answers[`${config.scores[s.id]}/${p.id}/score`];
      return { label: s.title, values };
    });
    return { axes: config.principles, levels: config.levels.score, levelLabel: levelLabel("score"), heading: t("summary.principle"), series: series.filter((s, i) => (keepCurrent && i === series.length - 1) || hasScores([s])) };
  }
  const info = sheets.find((s) => s.id === sheet);
  if (!info || info.kind !== "big-idea") return null;
  const answers = answersOf(sheet);
  const values = {};
  for (const test of config.tests) values[test.id] = answers[`${test.id}/rating`];
  return { axes: config.tests, levels: config.levels.rating, levelLabel: levelLabel("rating"), heading: t("summary.test"), series: [{ label: t("summary.own"), values }] };
}
