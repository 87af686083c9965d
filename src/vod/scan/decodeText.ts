/**
 * File bytes → the text VS Code would show, so scanned positions match the editor's: a UTF-8 BOM
 * is dropped (the editor hides it, so it is not column 0), UTF-16 files with a BOM are decoded as
 * UTF-16, and everything else is read as UTF-8 with invalid bytes replaced by U+FFFD, one
 * character each, as the editor does with its default encoding.
 */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return 'utf8';
}

const utf16Decoders = {
  utf16le: new TextDecoder('utf-16le', { ignoreBOM: false }),
  utf16be: new TextDecoder('utf-16be', { ignoreBOM: false }),
} as const;

export function decodeText(bytes: Uint8Array): string {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf8') {
    // Buffer's decoder is the fastest path for the common case; same replacement rules as TextDecoder.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = buffer.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  // TextDecoder with ignoreBOM: false strips the BOM itself.
  return utf16Decoders[encoding].decode(bytes);
}
