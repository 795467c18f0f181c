import { describe, expect, it } from 'vitest';
import { amzDate, signRequest, uriEncode } from '../../../lambdas/invoke/sigv4.js';

describe('signRequest', () => {
  it("gives AWS's published example signature (IAM ListUsers, 2015-08-30)", () => {
    const headers = signRequest(
      {
        method: 'GET',
        host: 'iam.amazonaws.com',
        path: '/',
        query: { Version: '2010-05-08', Action: 'ListUsers' },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: '',
      },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      { region: 'us-east-1', service: 'iam' },
      Date.UTC(2015, 7, 30, 12, 36, 0),
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('signs the session token of temporary credentials, and the signature changes with the body', () => {
    const sign = (body: string) =>
      signRequest(
        { method: 'POST', host: 'lambda.eu-west-1.amazonaws.com', path: '/x', headers: {}, body },
        { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' },
        { region: 'eu-west-1', service: 'lambda' },
        0,
      );
    expect(sign('{}')['x-amz-security-token']).toBe('token');
    expect(sign('{}').authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
    expect(sign('{}').authorization).not.toBe(sign('{"a":1}').authorization);
  });

  it('encodes as RFC 3986 and dates as SigV4 does', () => {
    expect(uriEncode("a b!'()*~")).toBe('a%20b%21%27%28%29%2A~');
    expect(amzDate(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('20260102T030405Z');
  });
});
