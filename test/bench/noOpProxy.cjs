// A stand-in for any part of the `vscode` API a test process does not care about: any property, call or
// construction works and yields another no-op (status bar items, channels…). Shared by the activation
// probe (activationProbe.cjs) and the activation shell's unit harness (test/unit/support/shellHarness.cjs).
'use strict';

const disposable = { dispose() {} };

function anything(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'dispose') return () => {};
      if (prop === 'event' || String(prop).startsWith('onDid')) return () => disposable;
      return anything(`${name}.${String(prop)}`);
    },
    set: () => true,
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}

module.exports = { anything, disposable };
