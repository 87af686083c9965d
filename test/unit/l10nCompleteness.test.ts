/**
 * "One language" (issue 14): a zh-CN user reads no English sentence. The test renders every core
 * message and the errors the core builds through the zh-CN bundle the way `vscode.l10n.t` does (look
 * the English template up, then fill `{name}`), checks every `l10n.t` literal of the editor layer and
 * every package.nls key, and scans the sources for text that would bypass all of that. Each failure
 * names the file or key and the sentence.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mapApiError, mapTransportError } from '../../src/vod/errorMapping';
import { VodError } from '../../src/vod/errors';
import { MESSAGES } from '../../src/vod/messageCatalog';
import { fillTemplate, msg, renderMessage, type Translate } from '../../src/vod/messages';
import { checkExpiryBounds, parseDuration } from '../../src/vod/duration';
import { compileIdPattern } from '../../src/vod/imageIds';
import { resolveCredentials } from '../../src/vod/credentials';
import { metadataProblem } from '../../src/vod/upload/imageMetadataLimits';
import { parseUploadTicket } from '../../src/vod/upload/uploadTicket';
import { namePermission } from '../../src/vod/media/videoErrors';
import { credentialsOf, invalidAnswer, parseJson } from '../../src/vod/credentialSources/answer';
import { fileError } from '../../src/vod/fileErrors';
import type { TransportResponse } from '../../src/vod/transport';
import { mapOssError } from '../../src/vod/upload/ossErrors';
import { PartialWriteError, nameWritePermission } from '../../src/vod/upload/writeErrors';
import { checkWriteImageId, createUploadParams, updateContentItem } from '../../src/vod/upload/writeParams';
import { extractL10nMessages } from './l10n.test';
import { ROOT, literalShowMessageArguments, rawVodErrorTexts, untranslatedUiLiterals } from './support/sourceScan';
import { translationProblem, untranslatedWords } from './support/untranslated';

const readJson = (file: string): Record<string, string> => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const zh = readJson('l10n/bundle.l10n.zh-cn.json');

/** `vscode.l10n.t(template, values)` with the zh-CN bundle loaded. */
const chinese: Translate = (template, values) => fillTemplate(zh[template] ?? template, values);

function report(problems: readonly string[], what: string): void {
  assert.equal(problems.length, 0, `${problems.length} ${what}:\n${problems.join('\n')}`);
}

describe('one language: no English sentence for a zh-CN user', () => {
  it('the untranslated-text check tells English from Chinese (it can fail)', () => {
    assert.deepEqual(untranslatedWords('The AccessKey secret does not match.'), ['The', 'secret', 'does', 'not', 'match']);
    assert.deepEqual(untranslatedWords('AccessKey 密钥与 ID 不匹配（{0}，vod:GetImageInfo，`aliyun configure`）。'), []);
    assert.equal(translationProblem('Could not reach {host}.', '无法连接 {host}'), undefined);
    assert.match(translationProblem('Could not reach {host}.', 'Could not reach {host}.') ?? '', /English left/);
    assert.match(translationProblem('Could not reach {host}.', '无法连接。') ?? '', /placeholders differ/);
    assert.match(translationProblem('Could not reach {host}.', undefined) ?? '', /no Chinese entry/);
  });

  it('translates every message of the core catalog, with the same placeholders', () => {
    const problems = Object.entries(MESSAGES).flatMap(([key, english]) => {
      const problem = translationProblem(english, zh[english]);
      return problem === undefined ? [] : [`src/vod/messages.ts ${key}: ${JSON.stringify(english)}: ${problem}`];
    });
    report(problems, 'catalog messages without a Chinese translation');
  });

  it('renders the errors the core builds without an English sentence', async () => {
    const errors: VodError[] = [];
    const api = (code: string | undefined, status: number, message = 'Specified parameter PageSize is not valid.'): VodError =>
      mapApiError({ status, headers: {}, body: Buffer.from(JSON.stringify({ RequestId: 'REQ-1', Code: code, Message: message })) });
    const codes = [
      'InvalidAccessKeyId.NotFound', 'InvalidAccessKeyId.Inactive', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'IncompleteSignature',
      'InvalidSecurityToken.Expired', 'InvalidSecurityToken.Malformed', 'InvalidTimeStamp.Expired', 'SignatureNonceUsed',
      'OperationDenied.Suspended', 'OperationDenied', 'Forbidden.RAM', 'InvalidAction.NotFound', 'InvalidApi.NotFound', 'NoSuchResource',
      'InvalidImage.NotFound', 'InvalidCateId.NotFound', 'InternalError', 'ServiceUnavailable', 'MissingParameter', 'ErrorMatchSyntax',
      'SortByExceededMax', 'Throttling.User', 'InvalidParameter.PageSize', 'InvalidVideo.NotFound', 'InvalidVideo.NoneStream',
      'Forbidden.IllegalStatus', 'Something.NotExist', 'SomethingNew',
    ];
    for (const code of codes) errors.push(api(code, 400), api(code, 503));
    errors.push(api(undefined, 502), api(undefined, 400));
    errors.push(namePermission(api('Forbidden.RAM', 403), 'GetPlayInfo') as VodError);
    const systemError = (code: string): Error => Object.assign(new Error(code), { code });
    for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EWHATEVER', 'CERT_HAS_EXPIRED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']) {
      errors.push(mapTransportError(systemError(code), 'vod.cn-shanghai.aliyuncs.com'));
    }
    errors.push(mapTransportError(new Error('x'), 'vod.cn-shanghai.aliyuncs.com'), mapTransportError(new Error('x'), 'vod.cn-shanghai.aliyuncs.com', true));
    for (const input of ['', 'soon', '0', '1h1h', '3 q', '9'.repeat(30)]) errors.push(parseDuration(input) as VodError);
    errors.push(checkExpiryBounds(40 * 86400, 'oss')!, checkExpiryBounds(4000 * 86400, 'cdn')!, checkExpiryBounds(0, 'cdn')!);
    for (const pattern of ['[0-9', 'a?', '(a+)+', 'a+', 'a{300}', '\\d{1,64}\\d{1,64}', '(a)\\1', '(?=a)', 'a'.repeat(101)]) {
      errors.push(compileIdPattern(pattern) as VodError);
    }
    const files = (text: string) => ({ homeDir: () => '/home/u', readFile: async () => text });
    const configs = ['{', '[]', '{"profiles":[{"name":1}]}', '{"profiles":[{"name":"p","mode":"RamRoleArn"}]}', '{"profiles":[{"name":"p"}]}', '{"profiles":[]}'];
    for (const config of configs) {
      errors.push(await resolveCredentials({ profile: 'p', env: {}, fs: files(config) }).then(() => assert.fail(config), (e: VodError) => e));
    }
    for (const metadata of [{ title: '' }, { title: 'x'.repeat(200) }, { description: '😀' }, { tags: ['a,b'] }, { tags: Array(20).fill('t') }, { cateId: -1 }]) {
      errors.push(new VodError('invalidInput', metadataProblem(metadata)!));
    }
    for (const [address, auth] of [[undefined, undefined], ['!!', 'e30='], ['e30=', 'e30=']]) {
      try {
        parseUploadTicket(address, auth);
      } catch (error) {
        errors.push(error as VodError);
      }
    }
    // Credential sources of today's main: chained, instance-metadata and URI profiles, and what STS, the metadata
    // service or a credentials URI answer.
    const profiles = [
      '{"profiles":[{"name":"p","mode":"ChainableRamRoleArn","source_profile":"q","ram_role_arn":"acs:ram::1:role/r"},{"name":"q","mode":"ChainableRamRoleArn","source_profile":"p","ram_role_arn":"acs:ram::1:role/r"}]}',
      '{"profiles":[{"name":"p","mode":"RamRoleArn","access_key_id":"a","access_key_secret":"b","ram_role_arn":"acs:ram::1:role/r","expired_seconds":60}]}',
      '{"profiles":[{"name":"p","mode":"RamRoleArn","access_key_id":"a","access_key_secret":"b","ram_role_arn":"acs:ram::1:role/r","sts_region":"CN_Shanghai!"}]}',
      '{"profiles":[{"name":"p","mode":"CredentialsURI","credentials_uri":"not a url"}]}',
      '{"profiles":[{"name":"p","mode":"CredentialsURI","credentials_uri":"http://example.com/creds"}]}',
      '{"profiles":[{"name":"p","mode":"EcsRamRole"}]}',
      '{"profiles":[{"name":"p","mode":"ChainableRamRoleArn","source_profile":"gone","ram_role_arn":"acs:ram::1:role/r"}]}',
    ];
    for (const config of profiles) {
      const env = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' };
      errors.push(await resolveCredentials({ profile: 'p', env, fs: files(config) }).then(() => assert.fail(config), (e: VodError) => e));
    }
    const answer = (body: string): TransportResponse => ({ status: 200, headers: {}, body: Buffer.from(body) });
    for (const from of [msg('source.credentialsUri'), msg('source.instanceMetadata'), 'STS AssumeRole']) {
      for (const body of ['<html>', '1', '{}', '{"AccessKeyId":"a","AccessKeySecret":"b","SecurityToken":"c","Expiration":"soon"}']) {
        try {
          credentialsOf(parseJson(answer(body), from), from);
        } catch (error) {
          errors.push(error as VodError);
        }
      }
    }
    errors.push(invalidAnswer(msg('source.instanceMetadata'), msg('source.noRole')), invalidAnswer(msg('source.instanceMetadata'), msg('source.notSuccess')));
    // Uploads, edits, deletes and local files.
    const ossAnswer = (status: number, code?: string): VodError =>
      mapOssError({ status, headers: {}, body: Buffer.from(code ? `<Error><Code>${code}</Code><RequestId>R-1</RequestId></Error>` : '') });
    for (const [status, code] of [[403, 'SecurityTokenExpired'], [403, 'RequestTimeTooSkewed'], [403, 'SignatureDoesNotMatch'], [403, 'AccessDenied'], [403, undefined], [400, 'EntityTooLarge'], [503, undefined], [409, 'FileAlreadyExists'], [404, undefined]] as const) {
      errors.push(ossAnswer(status, code));
    }
    for (const code of ['ENOENT', 'EACCES', 'ENOSPC', 'EEXIST', 'EISDIR']) errors.push(fileError('/home/u/photos/cat.png', { code }));
    errors.push(fileError('/home/u/out/cat.png', { code: 'ENOENT' }, msg('file.noFolder')));
    const writes: Array<() => unknown> = [
      () => checkWriteImageId('5aed81b7-x!'),
      () => createUploadParams({ imageExt: 'png', imageType: 'banner' as 'default' }),
      () => createUploadParams({ imageExt: 'webp' as 'png' }),
      () => updateContentItem({ imageId: 'a1b2c3' }),
      () => updateContentItem({ imageId: 'a1b2c3', tags: [] }),
      () => updateContentItem({ imageId: 'a1b2c3', title: '' }),
    ];
    for (const write of writes) {
      try {
        write();
        assert.fail(String(write));
      } catch (error) {
        errors.push(error as VodError);
      }
    }
    const refused = new VodError('auth', msg('api.forbidden'), { code: 'Forbidden.RAM' });
    errors.push(nameWritePermission(refused, 'DeleteImage') as VodError, new PartialWriteError(api('Throttling.User', 400), ['a1'], ['b2', 'c3']));
    const problems = errors.flatMap((error) => {
      assert.ok(error instanceof VodError, String(error));
      assert.equal(renderMessage(error.text), error.message, 'message is the English rendering of the key');
      // Durations are values formatted with English units (formatDuration: "40 days"), as typed back in input boxes.
      const shown = renderMessage(error.text, chinese).replace(/\d+ days?\b/g, '');
      const left = untranslatedWords(shown.replace(/Specified parameter PageSize is not valid\./g, '').replace(/Unexpected token[^:]*|Invalid regular expression[^:]*|Unterminated character class/g, ''));
      return left.length === 0 ? [] : [`${error.messageKey}: ${JSON.stringify(shown)}: English left: ${left.join(' ')}`];
    });
    report(problems, 'errors with English left');
  });

  it('translates every l10n.t literal of the editor layer', () => {
    const { messages } = extractL10nMessages();
    const problems = [...messages].flatMap(([english, file]) => {
      const problem = translationProblem(english, zh[english]);
      return problem === undefined ? [] : [`${file}: ${JSON.stringify(english)}: ${problem}`];
    });
    report(problems, 'editor strings without a Chinese translation');
  });

  it('translates every package.nls key', () => {
    const en = readJson('package.nls.json');
    const zhNls = readJson('package.nls.zh-cn.json');
    const problems = Object.entries(en).flatMap(([key, english]) => {
      const problem = translationProblem(english, zhNls[key]);
      return problem === undefined ? [] : [`package.nls.zh-cn.json ${key}: ${JSON.stringify(english)}: ${problem}`];
    });
    report(problems, 'package.nls keys without a Chinese translation');
  });

  it('builds every VodError from a catalog key, never from raw text', () => {
    report(rawVodErrorTexts(path.join(ROOT, 'src')), 'new VodError(…) sites with raw text (use msg(key, values) from src/vod/messages.ts)');
  });

  it('shows no notification with an English literal (message or button)', () => {
    report(literalShowMessageArguments(path.join(ROOT, 'src')), 'show*Message arguments that are literals (use vscode.l10n.t)');
  });

  it('has no English prose in the editor layer outside vscode.l10n.t', () => {
    report(untranslatedUiLiterals(path.join(ROOT, 'src', 'ui')), 'English literals in src/ui (use vscode.l10n.t, or a catalog key)');
  });

  it('the source scans find what they look for (they can fail)', () => {
    const fixtures = path.join(ROOT, 'test', 'unit', 'fixtures', 'l10n');
    assert.deepEqual(rawVodErrorTexts(fixtures).map((f) => f.replace(/^.*fixtures\//, '')), [
      "l10n/bad.ts:6: 'The ID is bad.'",
      'l10n/bad.ts:7: `${id} is bad.`',
      "l10n/bad.ts:8: vscode.l10n.t('The ID is bad.')",
    ]);
    assert.deepEqual(literalShowMessageArguments(fixtures).map((f) => f.replace(/^.*fixtures\//, '')), [
      'l10n/bad.ts:10: "Something went wrong."',
      'l10n/bad.ts:11: "Try Again"',
    ]);
    assert.deepEqual(untranslatedUiLiterals(fixtures).map((f) => f.replace(/^.*fixtures\//, '')), [
      'l10n/bad.ts:6: "The ID is bad."',
      'l10n/bad.ts:7: "  is bad."',
      'l10n/bad.ts:10: "Something went wrong."',
      'l10n/bad.ts:11: "Try Again"',
      'l10n/bad.ts:12: "Nothing to show here."',
    ]);
  });
});
