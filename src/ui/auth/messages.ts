/**
 * The sentences the sign-in flows show, localised. Each credential problem says what is wrong and how
 * to fix it; none of them is ever built from a secret.
 */
import * as vscode from 'vscode';
import type { VodError } from '../../vod/errors';
import { localizeError, localizeErrorLine } from '../localize';
import type { CredentialProblem } from './credentialCheck';
import type { FieldProblem, InvalidField, SignInField } from './signInInput';

export function credentialProblemMessage(problem: CredentialProblem, error: VodError): string {
  const ref = [error.code ? `Code: ${error.code}` : undefined, error.requestId ? `RequestId: ${error.requestId}` : undefined]
    .filter((p) => p !== undefined)
    .join(' · ');
  const suffix = ref === '' ? '' : ` (${ref})`;
  switch (problem) {
    case 'unknownKey':
      return vscode.l10n.t('Unknown AccessKey ID: Alibaba Cloud has no such key, or it is disabled. Check the ID in the RAM console (AccessKey management) or create a new AccessKey.') + suffix;
    case 'badSecret':
      return vscode.l10n.t('Wrong AccessKey secret: it does not match the AccessKey ID. Paste the secret again; if it is lost, create a new AccessKey in the RAM console.') + suffix;
    case 'badToken':
      return vscode.l10n.t('The STS security token is invalid or has expired. Get a fresh AccessKey ID, secret and token (AssumeRole) and sign in again.') + suffix;
    case 'noPermission':
      return vscode.l10n.t('The AccessKey is valid but has no permission for VOD. Attach a RAM policy such as AliyunVODReadOnlyAccess (or allow vod:GetImageInfo, vod:GetImageInfos, vod:SearchMedia, vod:GetCategories).') + suffix;
    case 'serviceNotOpen':
      return vscode.l10n.t('ApsaraVideo VOD is not activated, or is suspended, for this account. Check it in the VOD console.') + suffix;
    case 'clock':
      return vscode.l10n.t("The request time was rejected. Check this computer's clock and time zone.") + suffix;
    case 'unreachable':
      return vscode.l10n.t('VOD could not be reached: {0} Check the region, the "vodImages.endpoint" setting and the proxy.', localizeError(error)) + suffix;
    case 'other':
      return localizeErrorLine(error);
  }
}

export function invalidFieldMessage(invalid: InvalidField): string {
  return vscode.l10n.t('Sign-in: {0}: {1}', fieldName(invalid.field), fieldProblemText(invalid.problem));
}

export function fieldProblemText(problem: FieldProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('must not be empty.');
    case 'missing':
      return vscode.l10n.t('missing or not a string.');
    case 'tooLong':
      return vscode.l10n.t('is too long.');
    case 'badCharacters':
      return vscode.l10n.t('may contain only letters, digits, ".", "_" and "-" (and start with a letter or digit).');
    case 'whitespace':
      return vscode.l10n.t('must not contain spaces or line breaks.');
    case 'unknownRegion':
      return vscode.l10n.t('is not a VOD region.');
  }
}

export function fieldName(field: SignInField): string {
  switch (field) {
    case 'arguments':
      return vscode.l10n.t('arguments');
    case 'profile':
      return vscode.l10n.t('Profile name');
    case 'accessKeyId':
      return vscode.l10n.t('AccessKey ID');
    case 'accessKeySecret':
      return vscode.l10n.t('AccessKey secret');
    case 'securityToken':
      return vscode.l10n.t('STS security token');
    case 'region':
      return vscode.l10n.t('Region');
  }
}
