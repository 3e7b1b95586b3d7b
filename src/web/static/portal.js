// Ponte portal: progressive enhancement only. Pages work without it; this
// file remembers the reader's time zone (so times can be shown in it too)
// and draws the dashboard's charts. No business logic here.
(function () {
  "use strict";

  // The reader's IANA zone, for "your time" beside the event's.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("ponte_tz=" + encodeURIComponent(zone)) < 0) {
      document.cookie = "ponte_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (e) { /* no Intl: the event's zone alone is shown */ }

  var palette = ["#0b5cad", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30638e",
                 "#c97b2a", "#4f5d75", "#9bc53d"];

  function drawCharts() {
    var source = document.getElementById("chart-data");
    if (!source || typeof window.Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    var lang = document.documentElement.lang || "en";
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var series = data[canvas.dataset.chart];
      if (!series) return;
      var type = canvas.dataset.type || "bar";
      var round = type === "doughnut";
      // Several series ({labels, datasets: [{label, values}]}) or one.
      var datasets = series.datasets ? series.datasets.map(function (d, i) {
        var color = palette[i % palette.length];
        return { label: d.label, data: d.values, backgroundColor: color, borderColor: color,
                 fill: false, tension: 0.2 };
      }) : [{
        data: series.values,
        backgroundColor: round ? palette : palette[0],
        borderColor: round ? "#fff" : palette[0],
        fill: false,
        tension: 0.2
      }];
      new window.Chart(canvas, {
        type: type,
        data: {
          labels: series.labels,
          datasets: datasets
        },
        options: {
          responsive: true,
          maintainAspectRatio: true,
          locale: lang === "zh" ? "zh-CN" : lang,
          animation: false,
          plugins: { legend: { display: round || !!series.datasets } },
          scales: round ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }

  // Import files: read the chosen files in the browser into the form's text
  // fields (the form posts plain text: the first file in the visible field,
  // the others in hidden ones), refusing non-UTF-8 and oversized files with
  // the message the page provides.
  function wireUploads() {
    document.querySelectorAll("input[type=file][data-fill]").forEach(function (input) {
      input.addEventListener("change", function () {
        var form = input.form;
        var target = form.querySelector("[name=" + input.dataset.fill + "]");
        var nameField = form.querySelector("[name=file_name]");
        var more = document.getElementById(input.dataset.more);
        var problem = document.getElementById(input.dataset.problem);
        var files = Array.prototype.slice.call(input.files || []);
        if (problem) { problem.hidden = true; problem.textContent = ""; }
        if (more) more.textContent = "";
        if (!files.length || !target) return;
        function refuse(file, message) {
          target.value = "";
          input.value = "";
          if (more) more.textContent = "";
          if (problem) { problem.textContent = file.name + ": " + message; problem.hidden = false; }
        }
        var total = files.reduce(function (n, f) { return n + f.size; }, 0);
        if (total > Number(input.dataset.max)) { refuse(files[files.length - 1], input.dataset.tooLarge); return; }
        Promise.all(files.map(function (f) { return f.arrayBuffer(); })).then(function (buffers) {
          var texts = [];
          for (var i = 0; i < buffers.length; i++) {
            try {
              texts.push(new TextDecoder("utf-8", { fatal: true }).decode(buffers[i]));
            } catch (e) {
              refuse(files[i], input.dataset.notUtf8);
              return;
            }
          }
          target.value = texts[0];
          if (nameField) nameField.value = files[0].name;
          for (var j = 1; j < texts.length && more; j++) {
            var name = document.createElement("input");
            name.type = "hidden";
            name.name = "file_name";
            name.value = files[j].name;
            var content = document.createElement("textarea");
            content.name = input.dataset.fill;
            content.hidden = true;
            content.value = texts[j];
            more.appendChild(name);
            more.appendChild(content);
          }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", drawCharts);
  document.addEventListener("DOMContentLoaded", wireUploads);
})();
