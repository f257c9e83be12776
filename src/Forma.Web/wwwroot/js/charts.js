// Line charts on uPlot (a small, fast canvas chart library from npm): themed from the page's CSS variables,
// resized with their container, redrawn when the theme changes. Charts given the same syncKey share a cursor
// and zoom together (drag across a chart to zoom, double-click to reset).
import uPlot from "/lib/uPlot.esm.js";
import { cssVar } from "/js/api.js";

const zoomGroups = new Map();

export function lineChart(element, { series, data, height = 260, time = true, syncKey = null, xLabel = null, xValues = null, xSplits = null, logX = false, onCursor = null, yValues = null, invertY = false }) {
  let plot;
  const build = () => {
    const muted = cssVar("--muted");
    const grid = { stroke: cssVar("--border"), width: 1 };
    const options = {
      width: Math.max(element.clientWidth, 280),
      height,
      scales: { x: { time, distr: logX ? 3 : 1 }, y: { dir: invertY ? -1 : 1 } },
      series: [{ label: xLabel ?? (time ? "Date" : "x"), value: xValues ?? undefined },
        ...series.map(s => ({ label: s.label, stroke: cssVar(s.color) || s.color, width: s.width ?? 2, fill: s.fill ?? undefined, value: s.value ?? ((u, v) => v == null ? "—" : v.toFixed(s.decimals ?? 0)), scale: s.scale ?? "y", spanGaps: false }))],
      axes: [
        { stroke: muted, grid, ticks: grid, values: xValues ? (u, splits) => splits.map(v => v == null ? "" : xValues(u, v)) : undefined,
          splits: xSplits ? (u, axis, min, max) => xSplits.filter(v => v >= min && v <= max) : undefined },
        ...uniqueScales(series).map((scale, i) => ({ scale, stroke: muted, grid: i === 0 ? grid : { show: false }, ticks: grid, side: i === 0 ? 3 : 1,
          values: yValues ? (u, splits) => splits.map(v => v == null ? "" : yValues(v)) : undefined })),
      ],
      cursor: { sync: syncKey ? { key: syncKey, setSeries: true } : undefined, drag: { x: true, y: false } },
      hooks: {
        setScale: [(u, key) => {
          if (key !== "x" || !syncKey) return;
          for (const other of zoomGroups.get(syncKey) ?? []) {
            if (other !== u && (other.scales.x.min !== u.scales.x.min || other.scales.x.max !== u.scales.x.max)) {
              other.setScale("x", { min: u.scales.x.min, max: u.scales.x.max });
            }
          }
        }],
        setCursor: onCursor ? [u => onCursor(u.cursor.idx)] : [],
      },
    };
    if (time) options.tzDate = ts => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC");
    plot = new uPlot(options, data, element);
    if (syncKey) {
      if (!zoomGroups.has(syncKey)) zoomGroups.set(syncKey, new Set());
      zoomGroups.get(syncKey).add(plot);
    }
    element.addEventListener("dblclick", () => plot.setScale("x", { min: data[0][0], max: data[0][data[0].length - 1] }));
  };
  build();
  new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 280), height })).observe(element);
  document.addEventListener("forma:theme", () => {
    zoomGroups.get(syncKey)?.delete(plot);
    plot.destroy();
    build();
  });
  return () => plot;
}

function uniqueScales(series) {
  return [...new Set(series.map(s => s.scale ?? "y"))];
}

export function formatDuration(seconds) {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}` : `${m}:${String(r).padStart(2, "0")}`;
}
