/** Markdown image links `![alt](relative/path)` replaced by data: URLs of the files under `root`. */
export function inlineReadmeImages(markdown: string, root: string): string;
