// The news editor's image upload: the chosen file goes to POST /api/v1/images
// (validated on the server) and comes back as a row of the form, with one
// caption per language. Without this script the editor still saves texts.
(function () {
  "use strict";
  var input = document.getElementById("news-upload");
  if (!input) return;
  var box = document.getElementById("news-images");
  var failure = document.getElementById("news-upload-error");

  function element(tag, attributes) {
    var e = document.createElement(tag);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    return e;
  }

  function addRow(sha) {
    var index = box.querySelectorAll(".news-image-row").length;
    var row = element("div", { "class": "news-image-row" });
    row.appendChild(element("img", { src: "/media/" + sha, alt: "", "class": "news-thumb" }));
    row.appendChild(element("input", { type: "hidden", name: "image_" + index + "_sha256", value: sha }));
    ["it", "en", "zh"].forEach(function (lang) {
      var label = document.createElement("label");
      label.textContent = input.dataset.caption + " (" + input.dataset[lang] + ") ";
      label.appendChild(element("input", { name: "image_" + index + "_caption_" + lang, lang: lang }));
      row.appendChild(label);
    });
    box.insertBefore(row, input.previousElementSibling);
  }

  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) return;
    failure.hidden = true;
    fetch("/api/v1/images", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": file.type || "application/octet-stream",
                 "X-CSRF-Token": input.dataset.csrf },
      body: file
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) throw new Error(result.body.error ? result.body.error.message : "upload failed");
      addRow(result.body.sha256);
      input.value = "";
    }).catch(function (error) {
      failure.textContent = error.message;
      failure.hidden = false;
    });
  });
})();
