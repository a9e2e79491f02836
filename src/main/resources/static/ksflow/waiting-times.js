// The waiting-times page: draws the deployed diagram (embedded in the page as a JSON string) with bpmn-js's viewer and
// puts each table row's figures on its step. Text is set with textContent only: nothing from the diagram becomes HTML.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  var source = document.getElementById('diagram-xml');
  if (!container || !source || typeof BpmnJS === 'undefined') {
    return;
  }
  var viewer = new BpmnJS({ container: container });
  viewer.importXML(JSON.parse(source.textContent)).then(function () {
    viewer.get('canvas').zoom('fit-viewport');
    var overlays = viewer.get('overlays');
    var registry = viewer.get('elementRegistry');
    document.querySelectorAll('tr[data-activity]').forEach(function (row) {
      var id = row.getAttribute('data-activity');
      var element = registry.get(id);
      if (!element) {
        return;
      }
      // Figures on the tasks, where cases spend their time; an event's or a gateway's would cover its label.
      if (/Task$|CallActivity|SubProcess/.test(element.type) && row.getAttribute('data-figures')) {
        var figures = document.createElement('div');
        figures.className = 'ksf-step';
        figures.textContent = row.getAttribute('data-figures');
        overlays.add(id, { position: { bottom: 14, left: 0 }, html: figures });
      }
      var waiting = Number(row.getAttribute('data-waiting'));
      if (waiting > 0) {
        var badge = document.createElement('div');
        badge.className = 'ksf-waiting';
        badge.textContent = waiting + ' venter';
        overlays.add(id, { position: { top: -12, right: 12 }, html: badge });
      }
    });
    container.setAttribute('data-rendered', 'true');
  }).catch(function () {
    container.textContent = 'Diagrammet kunne ikke vises; tallene står i tabellen.';
    container.setAttribute('data-rendered', 'failed');
  });
})();
