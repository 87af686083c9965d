/**
 * Finds English left in a Simplified Chinese text: whatever Latin words remain once the things that
 * stay as they are in Alibaba Cloud's Chinese documentation are set aside: placeholders, code and
 * commands in backticks, URLs and paths, API codes, action and setting names, environment variables,
 * acronyms (VOD, OSS, RAM, STS, URL …), CamelCase names (AccessKey, ApsaraVideo, GetImageInfo) and
 * the few product names and API values below. Anything else, such as "the", "Check" or "is", is a
 * sentence nobody translated.
 */

/** Whole phrases that are names, not prose (removed before the word check). */
const NAMES = ['VOD Image Inspector', 'Alibaba Cloud', 'AccessKey Secret', 'VS Code', 'GitHub Repositories', 'yyyy-MM-dd'];

/** Single words that stay in English in the Chinese docs: API values (statuses, Match fields), tools. */
const WORDS = new Set([
  // image statuses and SearchMedia's Match fields, as the API spells them
  'Normal', 'Uploading', 'UploadFail', 'Blocked', 'Title', 'Tags', 'Description',
  // terms the Chinese docs keep: AccessKey Secret, OSS Endpoint and Bucket, JSON value types
  'Secret', 'Endpoint', 'Bucket', 'string', 'number', 'object', 'array', 'boolean',
  // tools, protocols, hosts and units
  'aliyun', 'configure', 'vodimg', 'https', 'http', 'localhost', 'base64', 'ripgrep', 'Markdown', 'Glob', 'min',
]);

const STRIP: readonly RegExp[] = [
  /\b[\w-]+(?:[.:][\w<>*{}-]+)+/g, // dotted or colon names: vodImages.endpoint, vod:{action}, InvalidImage.NotFound, e.g.
  /\{[^}]*\}/g, // placeholders, and regex counts such as {1,64}
  /`[^`]*`/g, // code, commands and settings in backticks
  /\bhttps?:\/\/\S+/g, // URLs
  /(?:~|\.{1,2})?\/[\w./<>-]+/g, // paths such as ~/.aliyun/config.json
  /\$\([\w-]+\)/g, // codicons
  /--[\w-]+/g, // CLI flags
  /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g, // environment variables and fields: ALIBABA_CLOUD_ACCESS_KEY_ID, auth_key
  /["“][A-Za-z]\w*["”]/g, // an argument or field name in quotes: "definition", “format”
  /\b[A-Za-z]*\d\w*/g, // IDs and values with digits: 5aed81b7…, 90m, 1h30m
];

/** The English words in `text` that are neither names, codes nor allowed terms. */
export function untranslatedWords(text: string): string[] {
  let rest = text;
  for (const name of NAMES) rest = rest.split(name).join(' ');
  for (const pattern of STRIP) rest = rest.replace(pattern, ' ');
  const words = rest.match(/[A-Za-z][A-Za-z']*/g) ?? [];
  return words.filter((word) => !allowedWord(word));
}

function allowedWord(word: string): boolean {
  if (word.length === 1) return true; // units (s, h, d), a variable name in an example
  if (WORDS.has(word)) return true;
  if (/^[A-Z0-9]+$/.test(word) || /^[A-Z][a-z]?[A-Z]+$/.test(word)) return true; // acronyms: VOD, RAM, MiB, KB
  if (/^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$/.test(word) || /^[a-z]+[A-Z]\w*$/.test(word)) return true; // AccessKey, GetImageInfo, expiresIn
  return false;
}

/** Why a translation of `english` is not a translation, or undefined when it is one. */
export function translationProblem(english: string, chinese: string | undefined): string | undefined {
  if (typeof chinese !== 'string' || chinese.trim() === '') return 'no Chinese entry';
  const left = untranslatedWords(chinese);
  if (left.length > 0) return `English left: ${left.join(' ')}`;
  if (chinese === english && untranslatedWords(english).length > 0) return 'same as English';
  const want = placeholders(english);
  const got = placeholders(chinese);
  if (want.join() !== got.join()) return `placeholders differ: ${want.join(' ')} vs ${got.join(' ')}`;
  return undefined;
}

/** Placeholder names (`{0}`, `{host}`), sorted (`{32}` in a regex example counts too: both sides keep it). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
