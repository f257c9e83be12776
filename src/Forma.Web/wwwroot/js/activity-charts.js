// One chart per recorded stream, stacked, sharing the x axis (elapsed time), the cursor and the zoom.
import { pageData } from "/js/api.js";
import { lineChart, formatDuration } from "/js/charts.js";

export default function (element) {
  const streams = pageData(element.dataset.source) ?? {};
  const time = streams.time;
  if (!time || time.length < 2) {
    element.insertAdjacentHTML("beforeend", `<p class="muted">No samples to chart.</p>`);
    return;
  }
  const imperial = element.dataset.imperial === "true";
  const speedFactor = imperial ? 2.23694 : 3.6;
  // Runners read pace (minutes per km or mile, faster upwards); everyone else reads speed.
  const running = element.dataset.sport === "running";
  const unitMetres = imperial ? 1609.344 : 1000;
  const pace = { key: "speed", label: imperial ? "Pace (min/mi)" : "Pace (min/km)", color: "--accent", map: v => v > 0.5 ? unitMetres / v : null, format: formatDuration, invert: true };
  const speed = { key: "speed", label: imperial ? "Speed (mph)" : "Speed (km/h)", color: "--accent", map: v => v * speedFactor, decimals: 1 };
  const charts = [
    { key: "heartRate", label: "Heart rate (bpm)", color: "--atl" },
    { key: "power", label: "Power (W)", color: "--ctl" },
    running ? pace : speed,
    { key: "cadence", label: "Cadence (rpm)", color: "--tsb" },
    { key: "altitude", label: imperial ? "Altitude (ft)" : "Altitude (m)", color: "--muted", map: v => imperial ? v * 3.28084 : v, fill: "rgba(120,120,120,0.15)" },
  ].filter(c => Array.isArray(streams[c.key]) && streams[c.key].some(v => v != null));

  for (const chart of charts) {
    const box = document.createElement("div");
    box.className = "chart";
    box.dataset.stream = chart.key;
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", `${chart.label} over elapsed time`);
    element.append(box);
    const values = streams[chart.key].map(v => v == null ? null : (chart.map ? chart.map(v) : v));
    lineChart(box, {
      height: 160,
      time: false,
      syncKey: "activity",
      xLabel: "Elapsed",
      xValues: (u, v) => v == null ? "—" : formatDuration(v),
      series: [{ label: chart.label, color: chart.color, decimals: chart.decimals ?? 0, width: 1.5, fill: chart.fill, value: chart.format ? (u, v) => v == null ? "—" : chart.format(v) : undefined }],
      yValues: chart.format,
      invertY: chart.invert,
      data: [time, values],
      onCursor: index => document.dispatchEvent(new CustomEvent("forma:cursor", { detail: index })),
    });
  }
}
