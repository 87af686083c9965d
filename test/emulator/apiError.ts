/**
 * An error the emulated API answers with. Thrown anywhere inside request handling and turned into
 * the documented body `{RequestId, HostId, Code, Message, Recommend}` by the responder.
 */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. `x-acs-retry-after` for throttling. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

// The catalogue: codes and messages as the gateway/VOD documentation spells them (vod-api.md §1.6).
export const apiErrors = {
  missingParameter: (name: string) =>
    new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`),
  invalidParameter: (name: string, why?: string) =>
    new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid.${why ? ` ${why}` : ''}`),
  incompleteSignature: (why: string) =>
    new ApiError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. ${why}`),
  signatureDoesNotMatch: () =>
    new ApiError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.'),
  accessKeyNotFound: () =>
    new ApiError(404, 'InvalidAccessKeyId.NotFound', 'The Access Key ID provided does not exist in our records.'),
  timestampFormat: (name: string) =>
    new ApiError(400, 'InvalidTimeStamp.Format', `Specified time stamp or date value "${name}" is not well formatted.`),
  timestampExpired: () => new ApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  nonceUsed: () => new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  tokenExpired: () => new ApiError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.'),
  tokenMalformed: () => new ApiError(400, 'InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.'),
  tokenMismatch: () =>
    new ApiError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.'),
  forbiddenRam: () =>
    new ApiError(403, 'Forbidden.RAM', "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
  // An unknown action: 404 InvalidAction.NotFound, as the POP gateway answers it (error-code tables
  // of gateway-fronted products, e.g. https://www.alibabacloud.com/help/en/sms/developer-reference/api-error-codes:
  // "InvalidAction.NotFound — Specified api is not found, please check your url and method").
  invalidAction: () => new ApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.'),
  invalidVersion: () => new ApiError(400, 'InvalidVersion', 'Specified parameter Version is not valid.'),
  unsupportedMethod: () => new ApiError(403, 'UnsupportedHTTPMethod', 'This http method is not supported.'),
  noSuchResource: () => new ApiError(404, 'NoSuchResource', 'The specified resource does not exist.'),
  matchSyntax: (part: string, hint: string) =>
    new ApiError(400, 'ErrorMatchSyntax', `The parameter Match.${part} has an error syntax, please check it. (${hint})`),
  sortByExceeded: () => new ApiError(400, 'SortByExceededMax', 'The number of SortBy fields exceeds the maximum (3).'),
  throttled: (retryAfterMs: number) =>
    new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.', {
      'x-acs-retry-after': String(retryAfterMs),
    }),
  serviceUnavailable: () =>
    new ApiError(503, 'ServiceUnAvailable', 'The request has failed due to a temporary failure of the server.'),
  internalError: () => new ApiError(500, 'InternalError', 'The request processing has failed due to some unknown error.'),
  bodyTooLarge: () => new ApiError(413, 'RequestEntityTooLarge', 'The request body is too large.'),
  notFoundPath: () => new ApiError(404, 'InvalidURI', 'The requested path does not exist on this endpoint.'),
} as const;
