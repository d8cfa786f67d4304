// api.js: window.nnplay, the page's small test API (appended to nnplay.js with --post-js).
// Each call forwards to an exported C function (web/test_api.cpp, EMSCRIPTEN_KEEPALIVE);
// JSON and text come back as UTF-8 strings. Also the page's file side: downloads (a Blob and
// an <a download>) and the hidden file picker of index.html, whose file goes to C++ as text.
(function () {
  // The threads build (nnplay-mt.js) runs this file in its helper thread's worker too, which
  // has no window: the API is the page's only.
  if (typeof window === 'undefined') return;
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
  // The wheel, in notches (one: deltaY 100 px, or 3 lines; a page: 10), browser direction:
  // Emscripten's GLFW would pass the raw deltaY (web/input.cpp turns notches into ImGui's).
  function watchWheel() {
    var canvas = Module.canvas;
    if (!canvas) return;
    canvas.addEventListener('wheel', function (e) {
      e.preventDefault();
      var unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 10 : 1 / 100;
      if (Module._nnplay_input_wheel) Module._nnplay_input_wheel(e.deltaX * unit, e.deltaY * unit);
    }, {passive: false});
  }
  // prefers-reduced-motion, read by C++ (web/summary.cpp) into the view's reduced_motion.
  function watchMotion() {
    if (!window.matchMedia) return;
    var query = window.matchMedia('(prefers-reduced-motion: reduce)');
    Module.nnplayReducedMotion = query.matches;
    var update = function () { Module.nnplayReducedMotion = query.matches; };
    if (query.addEventListener) query.addEventListener('change', update);
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
    // The training diagnosis: {items: [{code, since_epoch, message}], units, overfitEpoch, bestHeldEpoch}.
    diagnosis: function () { return json('nnplay_api_diagnosis'); },
    // {x, y, w, h} in CSS pixels of a named control ("play", "step", "reset", ...), or null.
    widgetRect: function (name) { return json('nnplay_api_widget_rect', [String(name)], ['string']); },
    status: function () { return call('nnplay_api_status', 'string', [], []); },
    // The message log, oldest first: [{text, count, error}].
    messages: function () { return json('nnplay_api_messages'); },
    // What the network view drew when last drawn: {member, members, linksDrawn, linksSum,
    // stepLabels: [{x, y, w, h}], the backprop step's numbers on the neurons (CSS pixels)}.
    networkView: function () { return json('nnplay_api_network_view'); },
    // 0..4: 1, 3, 10, 30 epochs per frame, as fast as possible.
    setSpeed: function (i) { call('nnplay_api_set_speed', null, ['number'], [i]); },

    // Input, keyboard and screen readers. controls() → [{name, x, y, w, h, visible}]: every
    // named control drawn in the last frame (CSS pixels); visible: wholly inside the viewport
    // and its panel's scrolled area.
    controls: function () { return json('nnplay_api_controls'); },
    // The control with keyboard focus (its ring showing): {name, x, y, w, h, label}, name ''
    // for an unnamed one, label what a screen reader hears (#nnplay-focus); null when none.
    focused: function () { return json('nnplay_api_focused'); },
    // {x, y, w, h}: the tooltip drawn in the last frame (CSS pixels), or null.
    tooltip: function () { return json('nnplay_api_tooltip'); },
    // {train, test, validation}: the points in each split.
    dataCounts: function () { return json('nnplay_api_data_counts'); },
    // ['#rrggbb', ...]: each class's colour as the page draws its points.
    classColors: function () { return json('nnplay_api_class_colors'); },
    // Sets the epoch counter (weights unchanged), for layout tests.
    setEpoch: function (n) { call('nnplay_api_set_epoch', null, ['number'], [n]); },
    // {text, reducedMotion}: the summary the live region and the title carry, and whether the
    // browser asks for reduced motion.
    summary: function () { return json('nnplay_api_summary'); },
    // How many popups (menus, dialogs) are open.
    openPopups: function () { return call('nnplay_api_open_popups', 'number', [], []); },

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
    // Colour: the theme's palette {theme, classes, neutral, background, minDeltaE, contrast};
    // setTheme(true) for the dark theme; the loss chart's samples {samples, buckets,
    // bucketEpochs, gaps, firstEpoch, lastEpoch, series}; a neuron's thumbnail pixel at plane
    // point (x, y) as '#rrggbb'; the colours of data set d's preview in the picker.
    palette: function () { return json('nnplay_api_palette'); },
    setTheme: function (dark) { call('nnplay_api_set_theme', null, ['number'], [dark ? 1 : 0]); },
    chart: function () { return json('nnplay_api_chart'); },
    neuronPixel: function (layer, node, x, y) {
      return json('nnplay_api_neuron_pixel', [layer, node, x, y], ['number', 'number', 'number', 'number']);
    },
    previewColours: function (d) { return json('nnplay_api_preview_colours', [d], ['number']); },
    // Undo / redo one step (as Ctrl+Z / Ctrl+Shift+Z); true when there was one.
    undo: function () { return call('nnplay_api_undo', 'number', [], []) === 1; },
    redo: function () { return call('nnplay_api_redo', 'number', [], []) === 1; },
    // The trainer's points per split, {train, val, test: [[x, y, label], ...], shown (points the
    // plot draws), undo, redo (steps available), drawMode}.
    points: function () { return json('nnplay_api_points'); },
    // The network's (ensemble-averaged) outputs for [[x, y], ...]: one array per point.
    predict: function (points) {
      var text = points.map(function (p) { return p[0] + ',' + p[1]; }).join(';');
      return JSON.parse(withText(text, function (ptr) {
        return call('nnplay_api_predict', 'string', ['number'], [ptr]);
      }));
    },
    // Polish (task D, issue 12): {netRow, netColumn (a wheel notch over the network view, in
    // ImGui pixels), dpr, uiZoom, plotZoom, plotRegion: [x0, x1, y0, y1] (the plane the output
    // plot shows)}.
    polishView: function () { return json('nnplay_api_polish_view'); },
    // Ensemble member m's neuron (layer, node): {weights: [one per input], bias}.
    neuronWeights: function (m, layer, node) {
      return json('nnplay_api_polish_neuron', [m, layer, node], ['number', 'number', 'number']);
    },
    // Speed (task C): the last drawn frame's draw calls, triangles and texture uploads, and the
    // output plot's grid resolution {boundaryRes, boundaryPassRes (0 when no pass runs)}, threads
    // (2: the boundary's grid on two threads), boundaryHash (of the last finished grid's bits),
    // pointsLayerDraws and hiddenLayerDraws (times the output plot's and the hidden space's
    // thousands of points were drawn into their layers), thumbnailUpdates (times the
    // thumbnails' grids were made anew), atlasSlots (thumbnails last coloured)
    // and slotCapacity (the atlas's slots), keepsPixels (the canvas keeps its pixels between
    // frames), fullRedraw (drawn whole anyway), redrawn (the share of the canvas the last frame
    // drew again, web/damage.h) and outputUpload {images, texels, of, lagging} (the output plot's
    // images coloured so far; the last one's texels uploaded, of all, and whether some lag within
    // training's tolerance).
    speed: function () { return json('nnplay_api_speed'); },
    // Widgets only (the bench's ceiling): no pictures computed or drawn, frames drawn anyway.
    setWidgetsOnly: function (on) { call('nnplay_api_set_widgets_only', null, ['number'], [on ? 1 : 0]); },
    // The whole canvas every frame (true), or only where the drawing changed (false, the default).
    setFullRedraw: function (on) { call('nnplay_api_set_full_redraw', null, ['number'], [on ? 1 : 0]); },
    // The canvas as drawn only where it changed, against the same frame drawn whole:
    // {pixels, different, x, y, box} (the first different pixel from the top left, -1 when none;
    // the box [x0, y0, x1, y1) around them all).
    redrawCheck: function () { return json('nnplay_api_redraw_check'); },
    // Lessons (issue 15, web/test_api_lessons.cpp): {course, done, open, title, focus, error,
    // panel, tasks: [{title, done, step, steps}]} of the Learn panel.
    lessons: function () { return json('nnplay_api_lessons'); },
    // See inside, task E (web/test_api_inside.cpp): the backprop step by step — pick training
    // point `index` (-1: keep), go to stage 0..4 (none, forward, loss, backward, update),
    // "Check with numbers" (-1: keep); returns {point, stage, check, open, applied, paused,
    // error, step: nnplay explain's JSON or null}. backpropApply() applies the step (undo-able).
    backprop: function (index, stage, check) {
      return json('nnplay_api_backprop', [index == null ? -1 : index, stage == null ? -1 : stage,
        check == null ? -1 : (check ? 1 : 0)], ['number', 'number', 'number']);
    },
    backpropApply: function () { return call('nnplay_api_backprop_apply', 'number', [], []) === 1; },
    // The gradient-flow chart: {open, layers, epochs: [...], lo: [[per layer]], hi: [[...]]}.
    gradients: function () { return json('nnplay_api_gradients'); },
    // Issue 13, training in slices: samples of the epoch under way in completed batches (0
    // between epochs), whether an epoch is under way (samples, or pieces of a batch, trained),
    // and the benchmark's switch to measure every epoch in full (as before) or not.
    epochPosition: function () { return call('nnplay_api_epoch_position', 'number', [], []); },
    midEpoch: function () { return call('nnplay_api_mid_epoch', 'number', [], []) === 1; },
    setFullEpochMeasure: function (on) { call('nnplay_api_set_full_epoch_measure', null, ['number'], [on ? 1 : 0]); },
    // ---- Runs (issue 15): history and comparison, rewind, seed sweeps ----
    // {history: [{id, seed, epochs, testLoss, selected, curve, thumb}], snapshots: [epochs],
    // viewEpoch (-1: live), compareCurve ("test" or "train"), compare: [{name, cells}], storageNote,
    // sweep: null | {seeds, epochs, done, progress, results: [{seed, status, epoch, testLoss, testAcc}]}}.
    runs: function () { return json('nnplay_api_runs'); },
    openRuns: function () { call('nnplay_api_runs_open', null, [], []); },
    keepRun: function () { call('nnplay_api_runs_keep', null, [], []); },
    selectRun: function (id, on) {
      return call('nnplay_api_runs_select', 'number', ['number', 'number'], [id, on === false ? 0 : 1]) === 1;
    },
    // Shows timeline snapshot i; returns its epoch or -1. continueRun(): go on from it (paused).
    viewSnapshot: function (i) { return call('nnplay_api_runs_view', 'number', ['number'], [i]); },
    continueRun: function () { call('nnplay_api_runs_continue', null, [], []); },
    // Starts a seed sweep; returns '' or why not.
    sweep: function (seeds, epochs) {
      return call('nnplay_api_runs_sweep', 'string', ['number', 'number'], [seeds, epochs]);
    },
    // Every ensemble member's parameters, exactly: [[...], ...].
    params: function () { return json('nnplay_api_runs_params'); },
    // See inside (issue 14, views 2, 3, 5: web/test_api_views.cpp): the error surface, hidden
    // space and learning-rate finder as the page has them, {panel, surface, hidden, lr,
    // learningRate}.
    insideViews: function () { return json('nnplay_api_inside_views'); },
    // Formulas (task G2: web/test_api_formula.cpp): {fields: {rect: {typed, error, shown}},
    // classes: [points of label 0, 1, ...]}.
    formula: function () { return json('nnplay_api_formula'); },
    // ---- Session 7, learnfix (web/test_api_learnfix.cpp) ----
    // {x, y} (CSS pixels): where training point i is on the output plot, or null.
    plotPoint: function (i) { return json('nnplay_api_plot_point', [i], ['number']); },
    // The lesson link the address shows ('' while it shows the playground).
    lessonAddress: function () { return call('nnplay_api_lesson_address', 'string', [], []); },
    // Page speed (session 7, web/test_api_speed.cpp): leaves out parts of the picture work
    // (web/renderer.h's SpeedSkip bits) for the bench's breakdown; 0 draws everything.
    setSpeedSkip: function (bits) { call('nnplay_api_set_speed_skip', null, ['number'], [bits]); },
    // Dropout (issue 14, item 7: web/test_api_dropout.cpp): {rate, dropped: [[units off for the
    // last example trained] per hidden layer]}.
    dropout: function () { return json('nnplay_api_dropout'); },
    // ---- Session 8, pagefast (web/test_api_pagefast.cpp) ----
    // The main thread's work per frame by phase over the frames drawn since the last call (at
    // most 256): {frames, train, pictures, ui, draw, total}, each {median, p95} in ms.
    framePhases: function () { return json('nnplay_api_frame_phases'); },
  };
  var previous = Module.onRuntimeInitialized;
  Module.onRuntimeInitialized = function () {
    if (previous) previous();
    watchFilePicker();
    watchWheel();
    watchMotion();
    window.nnplay.ready = true;
  };
})();
