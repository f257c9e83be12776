// The route as an SVG line from the GPS streams, projected equirectangularly around its middle latitude
// (accurate enough for the span of one activity). A marker follows the charts' cursor.
import { pageData } from "/js/api.js";

const SIZE = 1000;
const NS = "http://www.w3.org/2000/svg";

export default function (element) {
  const streams = pageData(element.dataset.source) ?? {};
  const lat = streams.latitude ?? [], lon = streams.longitude ?? [];
  const points = [];
  for (let i = 0; i < lat.length; i++) {
    if (lat[i] != null && lon[i] != null) points.push([i, lat[i], lon[i]]);
  }
  if (points.length < 2) return;

  const midLat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const kx = Math.cos(midLat * Math.PI / 180);
  const xs = points.map(p => p[2] * kx), ys = points.map(p => -p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (SIZE * 0.9) / Math.max(maxX - minX, maxY - minY, 1e-9);
  const offsetX = (SIZE - (maxX - minX) * scale) / 2, offsetY = (SIZE - (maxY - minY) * scale) / 2;
  const project = i => [offsetX + (xs[i] - minX) * scale, offsetY + (ys[i] - minY) * scale];

  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${SIZE} ${SIZE}`);
  svg.setAttribute("class", "route");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Route drawn from GPS positions; north is up, the green dot is the start and the red dot the finish.");
  const line = document.createElementNS(NS, "polyline");
  line.setAttribute("points", points.map((_, i) => project(i).map(v => v.toFixed(1)).join(",")).join(" "));
  svg.append(line);
  const dot = (cls, [x, y], r = 12) => {
    const c = document.createElementNS(NS, "circle");
    c.setAttribute("class", cls); c.setAttribute("cx", x); c.setAttribute("cy", y); c.setAttribute("r", r);
    svg.append(c);
    return c;
  };
  dot("start", project(0));
  dot("end", project(points.length - 1));
  const cursor = dot("cursor", project(0), 14);
  cursor.style.display = "none";
  element.append(svg);

  // Sample index -> the nearest point with a position at or before it.
  const byIndex = new Map(points.map((p, i) => [p[0], i]));
  document.addEventListener("forma:cursor", event => {
    const index = event.detail;
    if (index == null) { cursor.style.display = "none"; return; }
    let i = index;
    while (i >= 0 && !byIndex.has(i)) i--;
    if (i < 0) return;
    const [x, y] = project(byIndex.get(i));
    cursor.setAttribute("cx", x); cursor.setAttribute("cy", y);
    cursor.style.display = "";
  });
}
