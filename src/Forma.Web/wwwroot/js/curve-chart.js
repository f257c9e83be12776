// Mean-maximal curve: the best average for every duration, on a logarithmic duration axis.
import { pageData } from "/js/api.js";
import { lineChart, formatDuration } from "/js/charts.js";

export default function (element) {
  const points = pageData(element.dataset.source) ?? [];
  const stream = element.dataset.stream;
  const imperial = element.dataset.imperial === "true";
  const map = stream === "speed" ? (v => v * (imperial ? 2.23694 : 3.6)) : (v => v);
  const unit = { power: "W", heartRate: "bpm", speed: imperial ? "mph" : "km/h" }[stream] ?? "";
  lineChart(element, {
    height: 260,
    time: false,
    logX: true,
    xLabel: "Duration",
    xValues: (u, v) => v == null ? "—" : formatDuration(v),
    xSplits: [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 28800],
    series: [{ label: `Best ${{ heartRate: "heart rate" }[stream] ?? stream} (${unit})`, color: "--accent", decimals: stream === "speed" ? 1 : 0 }],
    data: [points.map(p => p[0]), points.map(p => map(p[1]))],
  });
}
