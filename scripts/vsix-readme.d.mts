/** The README the VSIX ships: repository-only parts left out, screenshots inline. */
export function packagedReadme(markdown: string, root: string): string;
/** The markdown without its `<!-- repo-only -->` … `<!-- /repo-only -->` parts; throws on unbalanced markers. */
export function withoutRepoOnlyParts(markdown: string): string;
/** Markdown image links `![alt](relative/path)` replaced by data: URLs of the files under `root`. */
export function inlineReadmeImages(markdown: string, root: string): string;
