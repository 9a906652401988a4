/**
 * Where in a record a problem is, as every message of the project writes it: `services[2].since`,
 * `sources[0].url`. Used for zod issues by validation, the importers' feed checks, update
 * verification and the registry.
 */
export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
