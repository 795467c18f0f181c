/**
 * Imported first by every `npm run …` command and set for the tests: the AWS SDK for JavaScript
 * prints a ten-line NodeVersionSupportWarning once per process on Node below 22 (its releases from
 * January 2027 will need Node 22). Herald pins its SDK release and is tested on Node 20, so the dev
 * commands turn off that one warning through the SDK's own switch,
 * AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED; every other warning still shows. Set the
 * variable to anything but "true" to see it again.
 */
export const SDK_NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

process.env[SDK_NODE_WARNING_SWITCH] ??= 'true';
