import { strict as assert } from 'node:assert';
import {
  accessKeyIdProblem,
  accessKeySecretProblem,
  isStsKeyId,
  parseSignInArgs,
  regionProblem,
  securityTokenProblem,
} from '../../src/ui/auth/signInInput';

const SECRET = 'EmulatorDemoSecret0123456789ab';
const VALID = { profile: 'work', accessKeyId: 'LTAI5tEmulatorDemoKey001', accessKeySecret: SECRET };

describe('ui/auth signInInput', () => {
  it('accepts the automation argument, trimming and dropping an empty token', () => {
    const parsed = parseSignInArgs({ ...VALID, profile: ' work ', accessKeySecret: ` ${SECRET}\n`, securityToken: '  ', region: 'cn-beijing' });
    assert.deepEqual(parsed, {
      ok: true,
      request: { profile: 'work', credentials: { accessKeyId: VALID.accessKeyId, accessKeySecret: SECRET }, region: 'cn-beijing' },
    });
  });

  it('keeps a token and leaves the region open when none is given', () => {
    const parsed = parseSignInArgs({ ...VALID, securityToken: 'CAISabc', region: null });
    assert.ok(parsed.ok);
    assert.equal(parsed.request.credentials.securityToken, 'CAISabc');
    assert.equal(parsed.request.region, undefined);
  });

  it('names the first bad field and never carries its value', () => {
    const cases: [unknown, string, string][] = [
      [undefined, 'arguments', 'missing'],
      ['work', 'arguments', 'missing'],
      [{ ...VALID, profile: undefined }, 'profile', 'missing'],
      [{ ...VALID, accessKeySecret: 42 }, 'accessKeySecret', 'missing'],
      [{ ...VALID, profile: 'my profile' }, 'profile', 'badCharacters'],
      [{ ...VALID, accessKeyId: '' }, 'accessKeyId', 'empty'],
      [{ ...VALID, accessKeyId: 'LTAI 5t' }, 'accessKeyId', 'whitespace'],
      [{ ...VALID, accessKeySecret: `${SECRET} x` }, 'accessKeySecret', 'whitespace'],
      [{ ...VALID, securityToken: 'a b' }, 'securityToken', 'whitespace'],
      [{ ...VALID, region: 'moon-1' }, 'region', 'unknownRegion'],
    ];
    for (const [input, field, problem] of cases) {
      const parsed = parseSignInArgs(input);
      assert.deepEqual(parsed, { ok: false, invalid: { field, problem } }, JSON.stringify(input));
      assert.ok(!JSON.stringify(parsed).includes(SECRET));
    }
  });

  it('judges each field on its own (for the input boxes)', () => {
    assert.equal(accessKeyIdProblem('STS.NTEmulatorStsKey0001'), undefined);
    assert.equal(accessKeyIdProblem('LTAI<script>'), 'badCharacters');
    assert.equal(accessKeyIdProblem('a'.repeat(129)), 'tooLong');
    assert.equal(accessKeySecretProblem(''), 'empty');
    assert.equal(accessKeySecretProblem('a+b/c='), undefined);
    assert.equal(securityTokenProblem(''), undefined);
    assert.equal(regionProblem('cn-hangzhou'), undefined, 'the CLI default region is an accepted alias');
    assert.equal(regionProblem('CN-SHANGHAI'), 'unknownRegion');
    assert.equal(isStsKeyId('STS.abc'), true);
    assert.equal(isStsKeyId('LTAIabc'), false);
  });
});
