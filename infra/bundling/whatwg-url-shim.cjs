// Stand-in for `whatwg-url` in Lambda bundles: Node 22 has URL and URLSearchParams built in.
module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
