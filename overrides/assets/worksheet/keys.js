// Which storage keys belong to this copy of the toolkit. Every copy on an origin shares one prefix
// ("scct/v1") followed by its own base path, so a copy at "/" sees the keys of a copy at "/v2/" as
// "v2/index": a plain prefix match would take them. A key is this copy's only when what follows the base
// path has the exact shape of a key this copy writes. Pure: unit-tested by `node --test`.
export const TOP_LEVEL = ["index", "person", "team"]; // single keys; never a worksheet id
const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

/** True when `rest` (the key after this copy's prefix) is one this copy writes. */
export function isOwnKey(rest) {
  if (TOP_LEVEL.includes(rest)) return true;
  const parts = rest.split("/");
  return parts.length === 3 && parts[0] === "answers" && SEGMENT.test(parts[1]) && SEGMENT.test(parts[2]) && !TOP_LEVEL.includes(parts[2]);
}
