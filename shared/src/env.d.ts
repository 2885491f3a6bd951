// Globals that every engine this package runs on (Node 20+, modern browsers)
// provides, but that the ES library typings leave out. Nothing DOM-only here.

/** Deep copy of plain data (WHATWG structured clone). */
declare function structuredClone<T>(value: T): T;
