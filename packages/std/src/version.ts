/**
 * Standard-library versioning: which `std` namespace an execution installs
 * for a document's `version` header (STD-V2), and whether a versioned tool
 * handle `with tool@x.y` is satisfied by the tool map (R-WITH-7, STD-V4).
 */

/** The version of the std namespace bundled with this package. */
export const STD_VERSION = "1.5.0";

const PACKAGE_NAME = "@bridgekit/std";

/** `"1.7"` → `[1, 7]`; a missing minor counts as 0. */
function majorMinor(version: string): [number, number] {
  const parts = version.split(".").map(Number);
  return [parts[0] ?? Number.NaN, parts[1] ?? 0];
}

const [BUNDLED_MAJOR, BUNDLED_MINOR] = majorMinor(STD_VERSION);

function isNamespace(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `std@1.7` → `1.7.0`: versions of at most two parts get `.0` appended. */
function fullVersion(ver: string): string {
  return ver.split(".").length <= 2 ? `${ver}.0` : ver;
}

/**
 * Chooses the namespace installed under `std` for a document version
 * (STD-V2). `bundled` is the namespace used when the bundled std satisfies
 * the document. Throws a plain `Error` when nothing satisfies it.
 */
export function resolveStdNamespaceWith(
  bundled: object,
  docVersion: string | undefined,
  tools: Record<string, unknown>,
): { namespace: object; version: string } {
  if (docVersion === undefined) return { namespace: bundled, version: STD_VERSION };
  const [major, minor] = majorMinor(docVersion);
  if (major === BUNDLED_MAJOR && BUNDLED_MINOR >= minor) {
    return { namespace: bundled, version: STD_VERSION };
  }
  for (const key of Object.keys(tools)) {
    if (!key.startsWith("std@")) continue;
    const ver = key.slice("std@".length);
    const [keyMajor, keyMinor] = majorMinor(ver);
    const value = tools[key];
    if (keyMajor === major && keyMinor >= minor && isNamespace(value)) {
      return { namespace: value, version: fullVersion(ver) };
    }
  }
  if (major !== BUNDLED_MAJOR) {
    throw new Error(
      `Bridge version ${docVersion} requires a ${major}.x standard library, but the bundled std is ` +
        `${STD_VERSION} (major version ${BUNDLED_MAJOR}). Provide a compatible std as "std@${docVersion}" in the tools map.`,
    );
  }
  throw new Error(
    `Bridge version ${docVersion} requires standard library ≥ ${major}.${minor}, but the installed ` +
      `${PACKAGE_NAME} is ${STD_VERSION}. Update ${PACKAGE_NAME} to ${major}.${minor}.0 or later.`,
  );
}

/** Walks `obj` along dotted `path` segments; undefined when a segment is missing or unsafe. */
function walk(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const seg of path) {
    if (typeof cur !== "object" || cur === null || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/**
 * Checks a version tag `with <name>@<version>` against the tool map
 * (R-WITH-7 rules 1-4, STD-V4). Returns `undefined` when satisfied, else
 * the error message of rule 4. `stdVersion` is the active std version.
 */
export function checkStdVersionTag(
  name: string,
  version: string,
  tools: Record<string, unknown>,
  stdVersion: string = STD_VERSION,
): string | undefined {
  const tagged = `${name}@${version}`;
  if (Object.hasOwn(tools, tagged) && typeof tools[tagged] === "function") return undefined;
  const segments = name.split(".");
  for (let i = 1; i < segments.length; i++) {
    const prefixKey = `${segments.slice(0, i).join(".")}@${version}`;
    if (!Object.hasOwn(tools, prefixKey)) continue;
    if (typeof walk(tools[prefixKey], segments.slice(i)) === "function") return undefined;
  }
  if (segments[0] !== "std" || segments.length < 2) {
    return `Tool "${tagged}" is not available. Provide it as "${tagged}" in the tools map.`;
  }
  const [major, minor] = majorMinor(version);
  const [stdMajor, stdMinor] = majorMinor(stdVersion);
  if (major === stdMajor && stdMinor >= minor) return undefined;
  return (
    `Tool "${tagged}" requires standard library ≥ ${major}.${minor}, but the installed ${PACKAGE_NAME} ` +
    `is ${stdVersion}. Either update the stdlib or provide the tool as "${tagged}" in the tools map.`
  );
}
