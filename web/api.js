// api.js: window.nnplay, the page's small test API (appended to nnplay.js with --post-js).
// Each call forwards to an exported C function (web/test_api.cpp, EMSCRIPTEN_KEEPALIVE);
// JSON and text come back as UTF-8 strings. Also the page's file side: downloads (a Blob and
// an <a download>) and the hidden file picker of index.html, whose file goes to C++ as text.
(function () {
  function call(name, ret, types, args) { return Module.ccall(name, ret, types, args); }
  // Long texts (files up to 8 MB) go through the heap, not ccall's stack copy; body gets the
  // pointer and the length in bytes, so a NUL byte in the text does not end it early.
  function withText(text, body) {
    var length = lengthBytesUTF8(text);
    var ptr = _malloc(length + 1);
    try {
      stringToUTF8(text, ptr, length + 1);
      return body(ptr, length);
    } finally {
      _free(ptr);
    }
  }
  var MAX_FILE = 8 * 1024 * 1024;  // share.h kFileMaxBytes; C++ names the exact limits
  function openFile(name, text, size) {
    return withText(String(text), function (ptr, length) {
      return call('nnplay_api_open_file', 'string', ['string', 'number', 'number', 'number'],
                  [String(name), ptr, length, size === undefined ? text.length : size]);
    });
  }
  Module.nnplaySave = function (blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  };
  function watchFilePicker() {
    var input = document.getElementById('nnplay-file');
    if (!input) return;
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) return;
      // Only what can be accepted is read; C++ reports a larger file by its size.
      file.slice(0, MAX_FILE + 1).text().then(function (text) {
        openFile(file.name, text, file.size);
      }, function (e) {
        openFile(file.name, '', 0);
        console.error('nnplay: could not read ' + file.name + ': ' + e);
      });
      input.value = '';
    });
  }
  function json(name, args, types) {
    var text = call(name, 'string', types || [], args || []);
    return JSON.parse(text);
  }
  window.nnplay = {
    ready: false,
    // The state as query text (what the address shows after '#').
    getState: function () { return call('nnplay_api_state', 'string', [], []); },
    // Applies query text; returns the warnings (ignored keys, bad values) as strings.
    setState: function (text) {
      var w = call('nnplay_api_set_state', 'string', ['string'], [String(text)]);
      return w ? w.split('\n') : [];
    },
    play: function () { call('nnplay_api_play', null, [], []); },
    pause: function () { call('nnplay_api_pause', null, [], []); },
    // Trains n epochs right away (synchronously), then measures.
    step: function (n) { call('nnplay_api_step', null, ['number'], [n === undefined ? 1 : n]); },
    metrics: function () { return json('nnplay_api_metrics'); },
    stats: function () { return json('nnplay_api_stats'); },
    // {x, y, w, h} in CSS pixels of a named control ("play", "step", "reset", ...), or null.
    widgetRect: function (name) { return json('nnplay_api_widget_rect', [String(name)], ['string']); },
    status: function () { return call('nnplay_api_status', 'string', [], []); },
    // 0..4: 1, 3, 10, 30 epochs per frame, as fast as possible.
    setSpeed: function (i) { call('nnplay_api_set_speed', null, ['number'], [i]); },

    // Links and files. importCsv(text, {scale}) → {ok, message, counts, points, scale}: all or
    // nothing; scale: points outside the plot are scaled in (else the file is refused).
    importCsv: function (text, options) {
      var scale = options && options.scale ? 1 : 0;
      return JSON.parse(withText(String(text), function (ptr, length) {
        return call('nnplay_api_import_csv', 'string', ['number', 'number', 'number'], [ptr, length, scale]);
      }));
    },
    // A model file's text → {ok, message}; restores settings, points and weights.
    importModel: function (text) {
      return JSON.parse(withText(String(text), function (ptr, length) {
        return call('nnplay_api_import_model', 'string', ['number', 'number'], [ptr, length]);
      }));
    },
    // As if chosen in the file picker: a model is applied, a CSV opens the preview dialog.
    // Returns the status line.
    openFile: function (name, text) { return openFile(name, text); },
    exportCsv: function () { return call('nnplay_api_export_csv', 'string', [], []); },
    exportModel: function () { return call('nnplay_api_export_model', 'string', [], []); },
    exportPytorch: function () { return call('nnplay_api_export_pytorch', 'string', [], []); },
    // Saves the output plot as nnplay-output.png (a download) after the next frames.
    exportPng: function () { call('nnplay_api_export_png', null, [], []); },
    // Shares as "Copy link" does (without the clipboard): {url, length, tooLong, weights,
    // points, note}. Options default to {weights: true, points: true, f16: false}.
    shareLink: function (options) {
      var o = options || {};
      return json('nnplay_api_share_link', [o.weights === false ? 0 : 1, o.points === false ? 0 : 1,
                                            o.f16 ? 1 : 0], ['number', 'number', 'number']);
    },
    // The network's (ensemble-averaged) outputs for [[x, y], ...]: one array per point.
    predict: function (points) {
      var text = points.map(function (p) { return p[0] + ',' + p[1]; }).join(';');
      return JSON.parse(withText(text, function (ptr) {
        return call('nnplay_api_predict', 'string', ['number'], [ptr]);
      }));
    },
  };
  var previous = Module.onRuntimeInitialized;
  Module.onRuntimeInitialized = function () {
    if (previous) previous();
    watchFilePicker();
    window.nnplay.ready = true;
  };
})();
