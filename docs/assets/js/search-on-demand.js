/* Search on demand.
 *
 * Material loads the whole search index and starts its search worker as soon as any page opens:
 * on a first visit that is a third of what the reader downloads, and the index grows with every
 * month published. Readers on slow connections should pay for search only when they use it.
 *
 * This script runs before Material's and holds back the two requests until the reader goes to
 * the search box (focus, click or keyboard shortcut). If a new Material version loads them in
 * another way, nothing is held back and search still works: this only ever delays.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.forEach(function (start) { start(); });
    waiting = [];
  }

  function whenWanted(start) {
    if (wanted) start(); else waiting.push(start);
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.civtollSearchIndex = INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.civtollSearchIndex) return send.apply(request, args);
    whenWanted(function () { send.apply(request, args); });
  };

  // The worker is started with its first message, which Material sends once the index is loaded.
  var RealWorker = window.Worker;
  if (RealWorker && window.EventTarget && window.MessageEvent) {
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url).split("?")[0])) return new RealWorker(url, options);
      var worker = new EventTarget();
      var real = null;
      worker.postMessage = function (message) {
        if (!real) {
          real = new RealWorker(url, options);
          real.addEventListener("message", function (event) {
            worker.dispatchEvent(new MessageEvent("message", { data: event.data }));
          });
        }
        real.postMessage(message);
      };
      worker.terminate = function () { if (real) real.terminate(); };
      return worker;
    };
  }

  function isSearch(element) {
    return element && element.closest && element.closest("[data-md-component=search], label[for=__search]");
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) want(); });
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) want(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  });
  // a link to a search result (?q=...) opens search at once
  if (/[?&]q=/.test(location.search)) want();
})();
