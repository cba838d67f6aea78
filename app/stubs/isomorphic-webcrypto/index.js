// fhirclient reaches for this only when globalThis.crypto is missing; see package.json.
module.exports = { default: undefined };
