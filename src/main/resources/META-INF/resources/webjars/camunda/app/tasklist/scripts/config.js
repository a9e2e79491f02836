/*
 * KS Flow's Tasklist configuration. This file overrides the webjar's app/tasklist/scripts/config.js
 * (Camunda 7 webapps, "Tasklist configuration": app name, locales, shortcuts); the webjar's file is
 * Copyright Camunda Services GmbH, Apache License 2.0.
 *
 * Danish first: locales/da.json is KS Flow's Danish translation of the webjar's locales/en.json (same keys).
 * A browser that asks for English gets English; every other browser gets Danish.
 *
 * scripts/ks-flow-danish.js (customScripts) sets the page's language to the locale shown, gives form-js's
 * validation messages in Danish and names the forms' radio groups (WCAG 2.1 AA).
 */
export default {
  app: {
    name: 'KS Flow',
    vendor: 'Københavns Kommune'
  },

  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },

  locales: {
    availableLocales: ['da', 'en'],
    fallbackLocale: 'da'
  },

  customScripts: ['scripts/ks-flow-danish'],

  // The welcome message points to Camunda's welcome page, which approvers have no use for.
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tager den valgte opgave'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flytter fokus til det første filter i listen'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flytter fokus til den første opgave i listen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flytter fokus til det første felt i opgavens formular'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'åbner dialogen til at starte en proces'
    }
  }
};
