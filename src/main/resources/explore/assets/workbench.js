// The SPARQL workbench: YASGUI (vendored, see /assets/yasgui/) against this server's endpoint.
(function () {
  'use strict';
  var el = document.getElementById('yasgui');
  if (!el || typeof Yasgui === 'undefined') return;
  el.textContent = '';
  // No calls to other hosts: the prefix (prefix.cc) and class/property (LOV) completers fetch from
  // the web, which this page's Content-Security-Policy forbids; keep the ones that work offline.
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(function (name) {
    return name !== 'prefixes' && name !== 'property' && name !== 'class';
  });
  var endpoint = new URL(el.getAttribute('data-endpoint'), location.href).href;
  var yasgui = new Yasgui(el, {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: 'practice-graph-workbench'
  });
  function open(name, text) {
    var tab = yasgui.addTab(true, { name: name, yasqe: { value: text }, requestConfig: { endpoint: endpoint } });
    tab.getYasqe().setValue(text);
    tab.query();
  }
  var example = el.getAttribute('data-example');
  if (example) open(new URL(location.href).searchParams.get('example'), example);
  // Example links open in a new tab of the workbench instead of reloading the page.
  document.querySelectorAll('a.example').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      var pre = a.parentElement.querySelector('pre code');
      if (!pre) return;
      ev.preventDefault();
      history.replaceState(null, '', a.href);
      open(a.getAttribute('data-name'), pre.textContent);
    });
  });
})();
