/*
 * Material for MkDocs' page globals, loaded as a file instead of Material's inline <script>
 * (partials/javascripts/base.html, Material 9.8.1), so the site runs under a Content-Security-Policy
 * without 'unsafe-inline'. Same names and behaviour as upstream, with one difference: every storage
 * access is guarded, because in a cross-site iframe merely touching `localStorage` throws a
 * SecurityError, and Material's theme script must not stop there.
 *
 * The scope (the site's base URL relative to this page) comes from this script tag's data-md-scope.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var scope = (script && script.getAttribute("data-md-scope")) || ".";

  function localStore() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, character) {
      return (hash << 5) - hash + character.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    try {
      storage = storage || localStore();
      base = base || window.__md_scope;
      return storage ? JSON.parse(storage.getItem(base.pathname + "." + key)) : null;
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      storage = storage || localStore();
      base = base || window.__md_scope;
      if (storage) storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      /* storage full, disabled or refused (cross-site iframe): Material's preferences are not kept */
    }
  };
})();
