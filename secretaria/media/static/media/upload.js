// Bulk upload from the Secretariat's gallery page: every chosen file goes up on its own request
// with its own progress bar and its own error, so one refused photo does not stop the others.
// Videos larger than CHUNK_THRESHOLD go up in pieces (PUT with Content-Range) and resume from
// the byte the server has after a network break.
(function () {
  "use strict";
  var CHUNK_THRESHOLD = 50 * 1024 * 1024;

  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function row(list, file) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    name.textContent = file.name + " ";
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    var status = document.createElement("span");
    status.className = "small";
    li.append(name, bar, " ", status);
    list.appendChild(li);
    return { bar: bar, status: status, li: li };
  }

  function detail(xhr) {
    try {
      return JSON.parse(xhr.responseText).detail || xhr.statusText;
    } catch (e) {
      return xhr.statusText || String(xhr.status);
    }
  }

  function send(method, url, body, headers, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      Object.keys(headers).forEach(function (k) { xhr.setRequestHeader(k, headers[k]); });
      if (onProgress) {
        xhr.upload.addEventListener("progress", function (e) { if (e.lengthComputable) onProgress(e.loaded); });
      }
      xhr.onload = function () { resolve(xhr); };
      xhr.onerror = function () { reject(new Error("network")); };
      xhr.send(body);
    });
  }

  function whole(form, file, ui) {
    var data = new FormData();
    data.append("file", file);
    return send("POST", form.action, data, { "X-CSRFToken": csrf(form) }, function (loaded) {
      ui.bar.value = Math.round((loaded / file.size) * 100);
    }).then(function (xhr) {
      if (xhr.status !== 201) throw new Error(detail(xhr));
    });
  }

  function chunked(form, file, ui) {
    var headers = { "X-CSRFToken": csrf(form), "Content-Type": "application/json" };
    return send("POST", form.getAttribute("data-chunked"), JSON.stringify({ name: file.name, size: file.size }), headers)
      .then(function (xhr) {
        if (xhr.status !== 201) throw new Error(detail(xhr));
        var info = JSON.parse(xhr.responseText);
        var partUrl = info.url;
        var size = info.chunk_size;
        var attempts = 0;
        function next(offset) {
          if (offset >= file.size) return Promise.resolve();
          var end = Math.min(offset + size, file.size);
          return send("PUT", partUrl, file.slice(offset, end), {
            "X-CSRFToken": csrf(form),
            "Content-Range": "bytes " + offset + "-" + (end - 1) + "/" + file.size,
          }, function (loaded) {
            ui.bar.value = Math.round(((offset + loaded) / file.size) * 100);
          }).then(function (res) {
            attempts = 0;
            if (res.status === 409 || res.status === 200 || res.status === 201) {
              var got = JSON.parse(res.responseText).received;
              return next(got);
            }
            throw new Error(detail(res));
          }, function () {
            // A broken connection: ask the server how far it got, and go on from there.
            attempts += 1;
            if (attempts > 5) throw new Error(ui.status.getAttribute("data-network") || "network");
            return new Promise(function (r) { setTimeout(r, 1000 * attempts); })
              .then(function () { return send("GET", partUrl, null, {}); })
              .then(function (res) { return next(JSON.parse(res.responseText).received); });
          });
        }
        return next(info.received || 0);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.media-upload");
    if (!form) return;
    var list = form.querySelector(".media-upload-list");
    var input = form.querySelector("input[type=file]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var files = Array.prototype.slice.call(input.files);
      var chain = Promise.resolve();
      files.forEach(function (file) {
        var ui = row(list, file);
        chain = chain.then(function () {
          var big = file.size > CHUNK_THRESHOLD && /\.(mp4|m4v|webm)$/i.test(file.name);
          return (big ? chunked(form, file, ui) : whole(form, file, ui)).then(function () {
            ui.bar.value = 100;
            ui.status.textContent = "✓";
            ui.li.classList.add("success");
          }, function (err) {
            ui.status.textContent = err.message;
            ui.li.classList.add("error");
          });
        });
      });
      chain.then(function () { input.value = ""; });
    });
  });
})();
