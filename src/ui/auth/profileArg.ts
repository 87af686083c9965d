/** Reads a profile name from a command argument: `"name"` or `{ profile: "name" }`. */
export function profileNameArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (typeof arg === 'object' && arg !== null && 'profile' in arg) {
    const value = (arg as { profile: unknown }).profile;
    return typeof value === 'string' ? value.trim() || undefined : undefined;
  }
  return undefined;
}
