/**
 * The feed's index.html: what the folder is, what each file is, and how to check it without
 * trusting the host. Static, no script, every value escaped (versions come from the data).
 */
import type { PublicKey } from '@/core/update/signing';
import { DATASET_FILE, MANIFEST_FILE, SIGNED_FILE, type Published } from './publish';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function feedIndexPage(published: Published, publicKey: PublicKey): string {
  const m = published.manifest;
  const row = (name: string, value: string) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Caveat dataset feed</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}th{text-align:left;padding-right:1rem;vertical-align:top}td,code,pre{overflow-wrap:anywhere}pre{background:#f3f3f3;padding:.75rem}</style>
</head>
<body>
<main>
<h1>Caveat dataset feed</h1>
<p>This folder is the signed dataset feed of <strong>Caveat</strong>, the browser extension that shows shoppers the security incidents at the retailer whose site they are on. Installed copies of Caveat read <code>${MANIFEST_FILE}</code> here once a day (one small conditional request) and take a new dataset only if its signature verifies against a key built into the extension. Nothing about what anyone browses is ever sent here.</p>
<h2>This publication</h2>
<table>
${row('Dataset version', m.version)}
${row('Data as of', m.dataAsOf)}
${row('Incidents', String(m.incidents))}
${row('Sequence', String(m.sequence))}
${row('Signed at', m.builtAt)}
${row('Valid until', m.expires)}
${row('Signing key id', published.keyId)}
${row(`SHA-256 of ${DATASET_FILE}`, m.sha256)}
${row(`Size of ${DATASET_FILE}`, `${m.size} bytes`)}
</table>
<h2>Files</h2>
<ul>
<li><a href="${MANIFEST_FILE}">${MANIFEST_FILE}</a>: the signed manifest. <code>signed</code> is the manifest's exact JSON text; <code>signature</code> is ECDSA P-256 with SHA-256 over its UTF-8 bytes, as WebCrypto makes it (r‖s, base64); <code>keyId</code> names the key.</li>
<li><a href="${DATASET_FILE}">${DATASET_FILE}</a>: the dataset, the exact bytes the manifest's hash and size cover.</li>
<li><a href="${SIGNED_FILE}">${SIGNED_FILE}</a>: both in one file, for Caveat's options page, <em>Import a signed file</em>.</li>
</ul>
<h2>How to verify it</h2>
<p>The extension checks everything itself: the signature against its built-in keys, that the manifest has not expired, that the sequence is newer than what it has and not beyond today's date, the dataset's size and SHA-256, and every record. To check by hand, from a clone of Caveat's repository:</p>
<pre>npm run dataset -- verify-feed https://…/${MANIFEST_FILE}</pre>
<p>or check the hash alone: <code>sha256sum ${DATASET_FILE}</code> must print the value above. The public key of the signer (JWK):</p>
<pre>${escapeHtml(JSON.stringify(publicKey))}</pre>
<p>The data comes from curated, sourced incident files and public feeds (Have I Been Pwned, CC BY 4.0; regulators' breach notices; Wikipedia, CC BY-SA 4.0; ransomware leak-site claims, shown as unconfirmed), reviewed by a person before each publication.</p>
</main>
</body>
</html>
`;
}
