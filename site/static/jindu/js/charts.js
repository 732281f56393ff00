/* Draws every <canvas data-chart="ID"> from the JSON in <script id="ID" type="application/json">
   (made by Django's json_script), so pages need no inline script. Data shape:
   {"type": "bar", "labels": [...], "datasets": [{"label": "...", "data": [...]}], "stacked": false,
    "percent": false} */
(function () {
  "use strict";
  var palette = ["#0b5d3b", "#f2a900", "#a4161a", "#1e468c", "#5a3c82", "#146e78"];
  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var datasets = spec.datasets.map(function (dataset, index) {
      var colour = palette[index % palette.length];
      return Object.assign({ backgroundColor: colour, borderColor: colour }, dataset);
    });
    var scale = { stacked: !!spec.stacked, beginAtZero: true };
    if (spec.percent) { scale.max = 100; }
    new Chart(canvas, {
      type: spec.type || "bar",
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: spec.type === "doughnut" ? {} : { x: { stacked: !!spec.stacked }, y: scale }
      }
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart]"), draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
