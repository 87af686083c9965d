/**
 * The catalog (`messages.ts` has the functions; this file is a bundle of its own, read on demand).
 * Every sentence the core can put in a `VodError`, in English, once. Code names a sentence by its key
 * and gives the values of its `{placeholders}`; the English text (`VodError.message`, the CLI, logs)
 * is rendered from here, and the editor renders the same key through `vscode.l10n` so a zh-CN user
 * reads Chinese (`src/ui/localize.ts`; the translations live in `l10n/bundle.l10n.zh-cn.json`, keyed
 * by these English templates, as `vscode.l10n.t` looks them up).
 *
 * Placeholders are `{name}` (a letter first); braces that are part of the text (`{1,64}`) are kept.
 * A value may itself be a message (a reason inside a sentence), so fragments are translated too.
 * Never put a credential, a URL query or unescaped server text in a value: see `errors.ts`.
 */
export const MESSAGES = {
  // ---- cancellation
  'cancel.scan': 'The workspace scan was cancelled.',
  'cancel.resolve': 'Resolving the image IDs was cancelled.',
  'cancel.request': 'The request was cancelled.',
  'cancel.lookup': 'The image lookup was cancelled.',

  // ---- signing and the client's own checks
  'sign.reservedParam': '"{name}" is set by request signing and cannot be an action parameter.',
  'sign.noKey': 'An AccessKey ID and secret are needed to sign requests.',
  'sign.emptyNonce': 'A signature nonce must not be empty.',
  'client.plainHttp': 'The endpoint {host} must use https (plain http only to this machine).',
  'client.noCredentials': 'Could not load the AccessKey credentials.',
  'client.notJson': "VOD's answer to {action} is not valid JSON.",
  'client.badShape': "VOD's answer to {action} has an unexpected shape ({where}).",
  'client.notImageId': '"{id}" is not an image ID (expected 1 to 64 letters and digits).',
  'client.badInt': '{what} must be {range}, not {value}.',
  'int.atLeast': 'an integer ≥ {min}',
  'int.between': 'an integer from {min} to {max}',
  'int.pageNo': 'Page number',
  'int.pageSize': 'Page size',
  'int.cateId': 'Category ID',
  'lookup.emptyId': 'An image ID cannot be empty.',

  // ---- credentials (environment, ~/.aliyun/config.json)
  'cred.profileNoConfig': 'Profile "{profile}" was requested, but {path} does not exist.',
  'cred.needBoth': 'Both an AccessKey ID and an AccessKey secret are needed.',
  'cred.envHalf': '{present} is set but {missing} is not; set both, or neither.',
  'cred.configTooLarge': '{path} is larger than 1 MiB, so it was not read; a CLI config holds a few profiles. Check the file.',
  'cred.configUnreadable': 'Could not read {path}.',
  'cred.configDenied': 'Could not read {path} (permission denied).',
  'cred.configNotJson': '{path} is not valid JSON; fix it with `aliyun configure` or an editor.',
  'cred.configShape': '{path} does not have the expected shape: {where}.',
  'cred.shouldBe': '{field} should be {type}',
  'cred.isInvalid': '{field} is invalid',
  'cred.topLevel': '(top level)',
  'cred.noProfile': 'Profile "{profile}" is not in {path} (profiles: {available}).',
  'cred.none': 'none',
  'cred.unsupportedMode':
    'Profile "{profile}" uses mode {mode}, which is not supported; supported modes: {supported}. Store an AccessKey in the extension or use another profile.',
  'cred.profileMissing': 'Profile "{profile}" (mode {mode}) has no {fields}.',
  'cred.chainFailed': 'The credential chain failed.',
  'cred.unreadable': 'The credentials could not be read.',
  'session.missingSecret': 'The credentials of profile "{profile}" are missing. Run "VOD Images: Sign In" again.',
  'session.notSignedIn':
    'Not signed in to ApsaraVideo VOD. Run "VOD Images: Sign In", or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
  'check.failed': 'The check call failed unexpectedly.',
  'check.couldNotStart': 'The credential check could not start.',

  'cred.uriInvalid': '{where} is not a valid URL.',
  'cred.uriNotHttps': '{where} must be an https URL (plain http only to this machine).',
  'cred.uriOfProfile': 'The credentials_uri of profile "{profile}"',
  'cred.chainLoop': 'Profile "{profile}" chains back to itself through source_profile ({chain}).',
  'cred.metadataOff': 'Profile "{profile}" uses the instance metadata service, which {variable} turns off.',
  'cred.expiredSeconds': 'Profile "{profile}": expired_seconds must be a whole number of at least 900 (15 minutes).',
  'cred.stsRegion': 'Profile "{profile}": sts_region "{region}" is not a region ID.',

  // ---- temporary credentials: STS AssumeRole, the instance metadata service, a credentials URI (credentialSources/)
  'source.invalidAnswer': '{from} answered without usable credentials ({why}).',
  'source.credentialsUri': 'The credentials URI',
  'source.instanceMetadata': 'The instance metadata service',
  'source.notJson': 'not JSON',
  'source.notObject': 'not a JSON object',
  'source.noField': 'no {field}',
  'source.noExpiration': 'no valid Expiration',
  'source.noRole': 'no RAM role attached to this instance',
  'source.notSuccess': 'Code is not Success',
  'source.stsRefused': 'STS refused to issue credentials for the role ({reason}).',
  'source.uriStatus': 'The credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI) answered HTTP {status}.',
  'source.metadataStatus': 'The instance metadata service answered HTTP {status}.',

  // ---- endpoint and region
  'endpoint.badRegion': '"{region}" is not a region ID: use lowercase letters, digits and "-", e.g. {example}.',
  'endpoint.unknownRegion':
    'VOD\'s endpoint page lists no endpoint for region "{region}" (listed: {known}). If VOD serves that region, set its endpoint explicitly: the vodImages.endpoint setting (vodimg: --endpoint), e.g. https://vod.{region}.aliyuncs.com.',
  'endpoint.notUrl': 'The endpoint is not a valid URL; expected e.g. https://vod.cn-shanghai.aliyuncs.com.',
  'endpoint.userInfo': 'The endpoint must not contain a user name or password.',
  'endpoint.protocol': 'The endpoint must be an https URL, not {protocol}.',
  'endpoint.plainHttp': 'The endpoint {host} must use https: plain http is allowed only to this machine (localhost, 127.0.0.0/8, ::1).',
  'endpoint.notOrigin': 'The endpoint {host} must be a bare origin, without a path, query or fragment.',

  // ---- API error codes (errorMapping.ts, media/videoErrors.ts)
  'api.unknownKeyId': 'The AccessKey ID is unknown to Alibaba Cloud. Check it, or create a new AccessKey pair in the RAM console.',
  'api.keyInactive': 'The AccessKey is disabled. Enable it in the RAM console or use another one.',
  'api.badSecret': 'The AccessKey secret does not match the AccessKey ID. Enter the secret again.',
  'api.incompleteSignature': 'The request signature was rejected as incomplete. Check the AccessKey ID and secret for stray characters.',
  'api.tokenExpired': 'The STS security token has expired. Get a fresh temporary AccessKey ID, secret and token.',
  'api.clock': "The request time was rejected: this computer's clock is more than 15 minutes off. Correct the system clock.",
  'api.replay': 'The request was rejected as a replay (signature nonce already used). Try again.',
  'api.suspended':
    'The VOD service of this account is suspended, usually for an overdue payment. Check the account in the Alibaba Cloud console.',
  'api.notVod':
    'The endpoint does not serve the ApsaraVideo VOD API (version 2017-03-21). Check the vodImages.endpoint and vodImages.region settings (VOD endpoints look like vod.<region>.aliyuncs.com).',
  'api.imageNotFound': 'The image does not exist in this region (VOD media are bound to the region they were uploaded to).',
  'api.categoryNotFound': 'The category does not exist (it may have been deleted). Pick the category again.',
  'api.internal': 'VOD failed with an internal error. Try again later.',
  'api.unavailable': 'VOD is temporarily unavailable. Try again later.',
  'api.missingParam': 'VOD reported a missing parameter.',
  'api.badMatch': 'The search expression is not valid.',
  'api.tooManySorts': 'Too many sort fields for a search.',
  'api.throttled':
    'Alibaba Cloud is limiting the request rate (VOD allows about 10 calls per second per account). Wait a moment and try again.',
  'api.badToken': 'The STS security token is not valid for this AccessKey. Use the token issued together with this AccessKey ID and secret.',
  'api.keyRejected': 'The AccessKey ID was rejected. Check it in the RAM console.',
  'api.forbidden':
    'This AccessKey is not allowed to do this. Grant its RAM user a policy allowing vod:GetImageInfo, vod:GetImageInfos, vod:SearchMedia and vod:GetCategories.',
  'api.notActivated': 'ApsaraVideo VOD is not activated for this account. Activate it in the Alibaba Cloud console.',
  'api.badParam': 'VOD rejected a parameter.',
  'api.resourceNotFound': 'VOD reports that the requested resource does not exist.',
  'api.serverError': 'VOD reported a server error.',
  'api.rejected': 'VOD rejected the request.',
  'api.noCodeServer': 'VOD answered HTTP {status} without an error code. Try again later.',
  'api.noCode': 'VOD answered HTTP {status} without a readable error.',
  /** Our sentence, then the cleaned server message it quotes (which stays as the server wrote it). */
  'api.quoted': '{sentence} {quote}',
  'api.videoNotFound': 'The audio/video does not exist in this region (VOD media are bound to the region they were uploaded to).',
  'api.noStream':
    'The audio/video has no play stream matching the request (it may not be transcoded yet, or not in that format/definition).',
  'api.illegalStatus': 'The audio/video cannot be played in its current status (only Normal assets can be played).',
  'api.mediaPermission': 'This AccessKey may not call {action}. Grant its RAM user vod:{action} to inspect audio and video.',

  // ---- network and downloads (errorMapping.ts, transport.ts, downloadPolicy.ts)
  'net.timeout': 'No complete answer from {host} in time.',
  'net.connectTimeout': 'Could not connect to {host} in time.',
  'net.tls':
    'The TLS certificate of {host} could not be verified ({code}). A proxy that inspects traffic needs its CA trusted (NODE_EXTRA_CA_CERTS).',
  'net.unreachableBecause': 'Could not reach {host}: {reason}.',
  'net.unreachableCode': 'Could not reach {host} ({code}).',
  'net.unreachable': 'Could not reach {host}.',
  'net.reset': 'the connection was reset',
  'net.pipe': 'the connection was closed while sending',
  'net.socket': 'the connection was closed by the other side',
  'net.closed': 'the connection was closed',
  'net.refused': 'the connection was refused',
  'net.notFound': 'the host name could not be resolved (check the region, endpoint or DNS)',
  'net.dnsAgain': 'the host name could not be resolved right now (DNS)',
  'net.hostUnreachable': 'the host is unreachable',
  'net.netUnreachable': 'the network is unreachable',
  'net.timedOut': 'the connection timed out',
  'net.tooLarge': 'The answer from {host} is larger than the {mib} MiB limit; it was not read.',
  'download.badUrl': 'The image URL is not a valid URL.',
  'download.refused': '{host} refused the download (HTTP {status}); a signed URL may have expired.',
  'download.noFile': '{host} has no such file (HTTP {status}).',
  'download.serverFailed': '{host} failed to serve the file (HTTP {status}).',
  'download.httpStatus': '{host} answered the download with HTTP {status}.',
  'download.tooManyRedirects': '{host} redirected the download more than {max} times; it was stopped.',
  'download.notHttps': 'Only https image URLs are downloaded, not {protocol}.',
  'download.plainHttp': 'The image URL on {host} is plain http; only https is downloaded (plain http only from this machine).',
  'download.redirectToLocal': '{host} redirected the download to this machine; the redirect was not followed.',
  'download.userInfo': 'An image URL with a user name or password is not downloaded.',

  // ---- audio/video parameters
  'media.notMediaId': '"{id}" is not a media ID (expected 1 to 64 letters and digits).',
  'media.badDefinition': '"{definition}" is not a stream definition (e.g. LD, SD, HD, FHD, OD).',

  // ---- uploads and image metadata
  'meta.titleEmpty': 'The title is empty.',
  'meta.titleTooLong': 'The title is longer than {max} bytes.',
  'meta.titleChars': 'The title contains an emoji or a control character, which VOD does not accept.',
  'meta.descriptionTooLong': 'The description is longer than {max} bytes.',
  'meta.descriptionEmoji': 'The description contains an emoji, which VOD does not accept.',
  'meta.tooManyTags': 'There are more than {max} tags.',
  'meta.tagEmpty': 'A tag is empty.',
  'meta.tagComma': 'The tag "{tag}" contains a comma, which separates tags.',
  'meta.tagTooLong': 'The tag "{tag}" is longer than {max} bytes.',
  'meta.tagChars': 'A tag contains an emoji or a control character, which VOD does not accept.',
  'meta.badCategory': 'The category ID is not a valid number.',
  'edit.badCategory': 'The category ID must be a number.',
  'upload.addressUnusable': "VOD's upload address is unusable ({why}).",
  'upload.credentialUnusable': "VOD's upload credential is unusable ({why}).",
  'upload.missing': 'missing',
  'upload.tooLong': 'too long',
  'upload.notBase64': 'not base64',
  'upload.notJson': 'not JSON',
  'upload.unexpectedFields': 'unexpected fields',
  'upload.noEndpoint': "VOD's upload address names no usable OSS endpoint.",
  'upload.endpointNotHttps': "VOD's upload address names an OSS endpoint that is not a plain https host.",
  'upload.noFile': "VOD's upload address names no usable file.",

  'upload.notImageFile': '{file} is not a png, jpg, jpeg or gif file.',
  'upload.grew': '{file} grew while it was being uploaded.',
  'upload.shrank': '{file} shrank while it was being uploaded.',
  'upload.notAFile': '{file} is not a file.',
  'upload.emptyFile': '{file} is empty.',
  'upload.stillProcessing': 'Image {id} was still being processed when the wait ended.',

  // ---- OSS answers to the upload (upload/ossErrors.ts)
  'oss.credentialExpired': 'The temporary upload credential expired before the upload finished.',
  'oss.clock': "OSS refused the upload: this computer's clock is more than 15 minutes off. Correct the system clock.",
  'oss.badCredential': 'OSS refused the upload credential VOD handed out (a proxy may have changed the request). Try again.',
  'oss.refused': "OSS refused the upload (HTTP {status}). Check the bucket's policy and that the VOD storage location is enabled.",
  'oss.refusedCode': "OSS refused the upload (HTTP {status}, {code}). Check the bucket's policy and that the VOD storage location is enabled.",
  'oss.tooLarge': 'OSS refused the upload: the file is too large.',
  'oss.serverError': 'OSS failed to store the upload (HTTP {status}). Try again later.',
  'oss.httpStatus': 'OSS answered the upload with HTTP {status}.',
  'oss.httpStatusCode': 'OSS answered the upload with HTTP {status} ({code}).',

  // ---- edits and deletes (client.ts, upload/writeParams.ts, upload/writeErrors.ts)
  'write.duplicate': 'The same image is named twice in one update.',
  'write.noUpdate': 'No image to update.',
  'write.noDelete': 'No image to delete.',
  'write.badImageType': 'The image type must be default or cover.',
  'write.badExt': 'VOD takes png, jpg, jpeg and gif images only.',
  'write.nothingToChange': 'Nothing to change for image {id}.',
  'write.emptyTags': 'VOD cannot be sent an empty tag list (image {id}); leave the tags out to keep them.',
  'write.forImage': '{problem} (image {id})',
  'write.permission': 'This AccessKey may not call {action}. Add vod:{action} to a RAM policy attached to its RAM user (RAM console → Permissions).',
  'write.partial': '{sentence} ({done} of {total} images were already changed.)',

  // ---- downloads and local files (download/downloadImageFile.ts, fileErrors.ts)
  'download.truncated': 'The download of image {id} ended early ({received} of {total} bytes).',
  'download.noUrl': 'VOD gave no URL for the {which} of image {id}.',
  'download.noUrlStatus': 'VOD gave no URL for the {which} of image {id} (its status is {status}).',
  'download.original': 'original',
  'download.displayImage': 'display image',
  'file.problem': '{file} {why}.',
  'file.notFound': 'does not exist',
  'file.denied': 'is not accessible (permission denied)',
  'file.diskFull': 'cannot be written: the disk is full',
  'file.exists': 'already exists; it was not overwritten',
  'file.noFolder': 'cannot be saved: its folder does not exist',
  'file.unusable': 'cannot be read or written',

  // ---- search (SearchMedia Match)
  'match.quote': "A search value cannot contain a straight quote (').",
  'match.textTooLong': 'The search text is too long (at most {max} characters).',
  'match.noFields': 'Choose at least one field to search the text in (title, tags or description).',
  'match.badField': '"{field}" is not a text field (use Title, Tags or Description).',
  'match.badCategory': 'A category ID is a whole number ≥ 0, not {id}.',
  'match.badStatus': '"{status}" is not an image status (e.g. Normal, Uploading, UploadFail).',
  'match.rangeReversed': 'The creation-time range ends before it starts.',
  'match.badTime': 'The creation time is not a valid date.',
  'match.badDate': '"{text}" is not a valid date.',
  'match.notDate': '"{text}" is not a date (yyyy-MM-dd) or a date-time with a time zone (e.g. 2024-06-01T08:00:00Z).',
  'filter.invalid': 'Not a library filter: {issues}',

  // ---- durations and URL validity
  'duration.hint': 'Enter a duration like 90m, 2h, 3d, 1h30m or a number of seconds.',
  'duration.empty': 'No duration given. {hint}',
  'duration.invalid': '{input} is not a duration. {hint}',
  'duration.tooLong': '{input} is too long a duration.',
  'duration.notPositive': 'The duration must be longer than zero. {hint}',
  'duration.unknownUnit': 'Unknown unit {unit} in {input}. {hint}',
  'duration.unitTwice': '{input} names the same unit twice. {hint}',
  'expiry.notWhole': 'The URL validity must be a whole number of seconds, at least 1.',
  'expiry.ossTooLong':
    'OSS URLs can be valid for at most 30 days ({ossMax} s); images in your own OSS bucket for at most 36 h ({ownMax} s). {duration} is too long.',
  'expiry.cdnTooLong': 'CDN URLs can be valid for at most 10 years here; {duration} is too long.',

  // ---- settings (src/ui/settings.ts)
  'setting.invalid': 'invalid value',
  'setting.expected': 'expected a value of type {type}',
  'setting.oneOf': 'expected one of {values}',
  'setting.outOfRange': 'the value is out of range',
  'setting.usingMax': '{reason} Using {duration}.',
  'setting.maxFileSize': 'at most {max} bytes (16 MiB); using that.',

  // ---- the image ID pattern (imageIds.ts, patternSafety.ts)
  'idPattern.syntax': 'The image ID pattern is not a valid regular expression: {reason}.',
  'idPattern.empty': 'The image ID pattern matches an empty string; make it require at least one character, e.g. [0-9a-f]{32}.',
  'idPattern.unsafe': 'The image ID pattern could make the editor hang, so the default is used: {reason}.',
  'pattern.tooLong': 'it is longer than {max} characters',
  'pattern.backreference': 'backreferences are not allowed',
  'pattern.lookaround': 'lookarounds are not allowed',
  'pattern.nested': 'a repeated group may not contain another quantifier or an alternation (nested quantifiers)',
  'pattern.unbounded': 'unbounded quantifiers (*, + or {n,}) are not allowed; give a maximum, e.g. {1,64}',
  'pattern.repeat': 'a quantifier may repeat at most {max} times',
  'pattern.variable': 'too many variable-length parts (use fixed counts such as {32} where you can)',

  // ---- commands (src/ui) and the CLI (src/cli)
  'command.invalidImageId': '"{id}" is not a valid image ID.',
  'command.notAnImageId': '"{id}" is not a valid image ID (1–64 letters and digits).',
  'command.needGroupOrRows': 'Run this command on a group or on image rows of the VOD Images explorer.',
  'command.badCopyOptions': 'Options must be an object with expiresIn (seconds or "90m") and outputType ("cdn" or "oss"), both optional.',
  'command.badExpiresIn': 'expiresIn must be a positive whole number of seconds.',
  'command.imageNotFound': 'Image not found: {id}',
  'command.isMedia': '{id} is an audio/video ID: use "Copy Play URL" instead.',
  'command.isMediaEdit': '{id} is an audio/video ID: only images can be edited here.',
  'command.uploadOnlyImages': 'Only png, jpg, jpeg and gif files on disk can be uploaded.',
  'command.downloadNeedsTransport': 'Downloads need the extension host transport.',
  'command.nothingToCopy': 'None of the {count} selected images has anything to copy.',
  'command.noUrl': 'VOD returned no URL for image {id}.',
  'command.badDefinition': '"definition" must be a stream definition such as SD or HD.',
  'command.badFormat': '"format" must be one of {formats}.',
  'cli.noUrl': 'VOD returned no URL for image {id} (it may still be uploading).',
  'cli.noStream': 'VOD returned no play stream for {id}.',
  'cli.noCredentials': '{reason} {hint}',
  'cli.noCredentialsFound': 'No Alibaba Cloud credentials found. {hint}',
  'cli.credentialsHint':
    'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), or configure a profile with the Alibaba Cloud CLI (`aliyun configure`; modes AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, CredentialsURI) and pass --profile NAME.',
} as const;
