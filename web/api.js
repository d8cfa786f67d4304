// api.js: window.nnplay, the page's small test API (appended to nnplay.js with --post-js).
// Each call forwards to an exported C function (web/platform.cpp → web/app.cpp); JSON and
// text come back as UTF-8 strings.
(function () {
  function call(name, ret, types, args) { return Module.ccall(name, ret, types, args); }
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
  };
  var previous = Module.onRuntimeInitialized;
  Module.onRuntimeInitialized = function () {
    if (previous) previous();
    window.nnplay.ready = true;
  };
})();
