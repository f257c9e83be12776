// Fitness (CTL), fatigue (ATL) and form (TSB) per day, from the data the page rendered.
import { pageData } from "/js/api.js";
import { lineChart } from "/js/charts.js";

export default function (element) {
  const days = pageData(element.dataset.source) ?? [];
  const x = days.map(d => Date.parse(`${d.date}T00:00:00Z`) / 1000);
  lineChart(element, {
    height: 280,
    series: [
      { label: "Fitness (CTL)", color: "--ctl", decimals: 1 },
      { label: "Fatigue (ATL)", color: "--atl", decimals: 1 },
      { label: "Form (TSB)", color: "--tsb", decimals: 1 },
    ],
    data: [x, days.map(d => d.ctl), days.map(d => d.atl), days.map(d => d.tsb)],
  });
}
