import { strict as assert } from 'node:assert';
import { VodError } from '../../../src/vod/errors';

/** The VodError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<VodError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof VodError, `expected a VodError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}
