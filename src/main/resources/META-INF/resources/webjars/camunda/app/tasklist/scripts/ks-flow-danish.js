/*
 * KS Flow's additions to Camunda Tasklist, loaded through config.js (customScripts). Caseworkers read Danish,
 * and Danish public bodies must meet WCAG 2.1 AA; Camunda 7.24's Tasklist and its form renderer (form-js)
 * leave four things to do:
 *
 * 1. The page's language (WCAG 3.1.1): index.html says lang="en" whatever the locale. Tasklist picks its
 *    locale from the browser's first language (config.js: "da" and "en", falling back to "da"); the same rule
 *    sets <html lang>. The forms are Danish in either locale: their container says lang="da" (WCAG 3.1.2).
 * 2. form-js's validation messages are English and fixed in its code ("Field is required."): they are
 *    replaced by Danish ones as they appear.
 * 3. A radio group's label is a plain <label> that names no input (WCAG 1.3.1, 4.1.2): the group gets
 *    role="radiogroup" and is named by its label.
 * 4. The number field's step buttons are named "Increment" and "Decrement": they get Danish names.
 * 5. Tasklist's own icon-only links and buttons have no name (WCAG 4.1.2, 2.4.4): each is named by its
 *    tooltip, or by what it does; the search field, a typeahead, is marked as the combobox it is.
 */

const AVAILABLE = ['da', 'en'];
const FALLBACK = 'da';

function tasklistLanguage() {
  const navigator = window.navigator;
  const first = (Array.isArray(navigator.languages) && navigator.languages.length ? navigator.languages[0] : navigator.language) || '';
  const language = first.split('-')[0].toLowerCase();
  return AVAILABLE.includes(language) ? language : FALLBACK;
}

const MESSAGES = [
  [/^Field is required\.$/, () => 'Feltet skal udfyldes.'],
  [/^Field must match pattern .*$/, () => 'Feltet er ikke udfyldt i den rigtige form. Se vejledningen ved feltet.'],
  [/^Field must have minimum value of (.+)\.$/, m => `Værdien skal være mindst ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, m => `Værdien må højst være ${m[1]}.`],
  [/^Field must have minimum length of (\d+)\.$/, m => `Feltet skal have mindst ${m[1]} tegn.`],
  [/^Field must have maximum length of (\d+)\.$/, m => `Feltet må højst have ${m[1]} tegn.`],
  [/^Value is not a number\.$/, () => 'Værdien skal være et tal.'],
  [/^Value is expected to be an integer\.$/, () => 'Værdien skal være et helt tal.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => `Værdien må højst have ${m[1]} decimaler.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    m => `Vælg en gyldig værdi; de to nærmeste er ${m[1]} og ${m[2]}.`],
  [/^Field must be a valid email\.$/, () => 'Feltet skal være en gyldig e-mailadresse.']
];

const BUTTON_NAMES = {Increment: 'Større', Decrement: 'Mindre'};

/** Tasklist's icon-only controls that have no tooltip, by what they do. */
const ICON_CONTROLS = [
  ['button.region-toggle[data-region="filters"]', 'Vis eller skjul filtrene'],
  ['button.region-toggle[data-region="list"]', 'Vis eller skjul opgavelisten'],
  ['button.region-toggle[data-region="task"]', 'Vis eller skjul opgaven'],
  ['button.maximize', 'Forstør eller formindsk opgaven'],
  ['.app-switch > .dropdown-toggle', 'Skift program'],
  ['a.instance-link', 'Åbn processen i Cockpit'],
  ['.new-sort > .dropdown-toggle', 'Tilføj sortering'],
  ['.dropdown-toggle.btn-default', 'Gemte søgninger']
];

function danish(text) {
  for (const [pattern, replacement] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      return replacement(match);
    }
  }
  return text;
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error').forEach(error => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      const translated = text ? danish(text) : text;
      if (translated !== text) {
        node.nodeValue = translated;
      }
    }
  });
}

let groups = 0;

function nameRadioGroups(root) {
  root.querySelectorAll('.fjs-form-field-radio').forEach(group => {
    if (group.getAttribute('role') === 'radiogroup') {
      return;
    }
    const label = group.querySelector(':scope > .fjs-form-field-label');
    group.setAttribute('role', 'radiogroup');
    if (label) {
      label.id = label.id || `ksflow-radiogroup-${++groups}`;
      group.setAttribute('aria-labelledby', label.id);
    }
    if (group.querySelector('input[required]')) {
      group.setAttribute('aria-required', 'true');
    }
  });
}

function nameButtons(root) {
  root.querySelectorAll('button[aria-label]').forEach(button => {
    const name = BUTTON_NAMES[button.getAttribute('aria-label')];
    if (name) {
      button.setAttribute('aria-label', name);
    }
  });
}

function hasName(control) {
  return control.innerText.trim() !== '' || (control.getAttribute('aria-label') || '').trim() !== ''
    || control.hasAttribute('aria-labelledby') || control.hasAttribute('title');
}

function nameIconControls(root) {
  root.querySelectorAll('a[href], button').forEach(control => {
    const tooltip = control.getAttribute('uib-tooltip');
    if (control.hasAttribute('data-ksflow-named') || !hasName(control)) {
      const name = tooltip && !tooltip.includes('{{') ? tooltip
        : (ICON_CONTROLS.find(([selector]) => control.matches(selector)) || [])[1];
      if (name && control.getAttribute('aria-label') !== name) {
        control.setAttribute('aria-label', name);
        control.setAttribute('data-ksflow-named', '');
      }
    }
  });
  root.querySelectorAll('input[uib-typeahead]:not([role])').forEach(input => input.setAttribute('role', 'combobox'));
}

function markForms(root) {
  root.querySelectorAll('.fjs-container:not([lang])').forEach(form => form.setAttribute('lang', 'da'));
}

function improve() {
  const language = tasklistLanguage();
  if (document.documentElement.lang !== language) {
    document.documentElement.lang = language;
  }
  markForms(document);
  nameRadioGroups(document);
  translateErrors(document);
  nameButtons(document);
  nameIconControls(document);
}

let scheduled = false;

function schedule() {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      improve();
    });
  }
}

improve();
new MutationObserver(schedule).observe(document.documentElement, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'class', 'uib-tooltip']
});

export default [];
