/**
 * Words for the failures that are not about a missing or wrong header value: request mode, URL
 * scheme, credentials in a redirect, and Private/Local Network Access.
 */

import type { CorsErrorCode } from '../verdict/verdict-types';
import { opening, paragraph, type Words } from './common';
import { type ExplainContext, headerValue, hostAndPort } from './context';
import { checkedStatus, sentHeader } from './phrases';
import { quoted, safeText } from './safe-text';

function words(ctx: ExplainContext, summary: string, parts: readonly string[]): Words {
  return { summary, detail: paragraph(ctx, [opening(ctx), ...parts], false) };
}

function schemeOf(url: string): string {
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? 'unknown';
}

function spaces(ctx: ExplainContext): string {
  const s = ctx.exchange.addressSpaces;
  return s ? ` (the page is in the ${s.initiator} address space, the target in the ${s.target} one)` : '';
}

export function explainDisallowedByMode(ctx: ExplainContext): Words {
  return words(ctx, "Blocked: the request used mode 'same-origin' but went to another origin", [
    ` It was made with mode: 'same-origin', which forbids any cross-origin request, so nothing was sent to ${safeText(hostAndPort(ctx.initialUrl) ?? ctx.initialUrl)}.`,
    " Drop mode: 'same-origin' (the default 'cors' mode lets the server decide), or request a URL on the page's own origin.",
  ]);
}

export function explainCorsDisabledScheme(ctx: ExplainContext): Words {
  const scheme = safeText(schemeOf(ctx.initialUrl), 40);
  return words(ctx, `Blocked: cross-origin requests to ${scheme}: URLs are not allowed`, [
    ` CORS works only for http and https (and a few browser-internal schemes); a ${scheme}: URL cannot be requested cross-origin${ctx.origin === 'null' ? ', and a page opened from file:// has the opaque origin null' : ''}.`,
    ' Serve the page and the resource over http(s), e.g. with a local dev server (npx serve, python -m http.server).',
  ]);
}

export function explainNoCorsRedirectMode(ctx: ExplainContext): Words {
  return words(ctx, "Blocked: a 'no-cors' request must use redirect: 'follow'", [
    " It was made with mode: 'no-cors' and a redirect mode other than 'follow' ('error' or 'manual'), which fetch() rejects before sending anything.",
    " Use redirect: 'follow' with 'no-cors', or switch to mode: 'cors' if you need to handle redirects yourself.",
  ]);
}

export function explainRedirectCredentials(ctx: ExplainContext): Words {
  const location = ctx.verdict.failedParameter || '';
  return words(ctx, 'Blocked by CORS: a redirect points to a URL containing a username and password', [
    ` The server redirected (${checkedStatus(ctx)}) to ${quoted(location)}, which embeds user:password@. Browsers refuse such a redirect for a cross-origin request.`,
    ' Redirect to a URL without credentials and authenticate with a header or cookie instead.',
  ]);
}

const PNA_HEADER = 'Access-Control-Allow-Private-Network';

/** " The target … is on a more private network than the page …": the first sentence of every Local/Private Network Access text. */
function networkTarget(ctx: ExplainContext): { target: string; where: string } {
  const target = safeText(hostAndPort(ctx.lastUrl) ?? ctx.lastUrl);
  return { target, where: ` The target ${target} is on a more private network than the page${spaces(ctx)}.` };
}

/** Private Network Access (Chrome 94–137) and its successor Local Network Access (Chrome 138+): the user said no. */
export function explainNetworkPermissionDenied(ctx: ExplainContext): Words {
  const { target, where } = networkTarget(ctx);
  return words(ctx, `Blocked: the user did not allow this page to access the local network (${target})`, [
    where,
    ' Chrome asks the user for permission before a public page may reach a private or loopback address; the permission was denied, so nothing reached the server, whatever its headers say.',
    ' Allow local network access for this site in the permission prompt or site settings, or serve the page from the same network.',
  ]);
}

export function explainNetworkPermissionUnavailable(ctx: ExplainContext): Words {
  const { target, where } = networkTarget(ctx);
  return words(ctx, `Blocked: Chrome could not ask for permission to access the local network (${target})`, [
    where,
    ' The permission prompt could not be shown (for example in a worker or a frame without permission).',
  ]);
}

export function explainInsecurePrivateNetwork(ctx: ExplainContext): Words {
  const { target, where } = networkTarget(ctx);
  return words(ctx, `Blocked: an insecure (http) page may not reach the private network (${target})`, [
    where,
    ' Only secure contexts (https or localhost) may make private network requests. Serve the page over https.',
  ]);
}

export function explainAllowPrivateNetwork(ctx: ExplainContext): Words {
  const sent = headerValue(ctx.checked?.headers, PNA_HEADER);
  return words(ctx, `Blocked: the preflight did not answer ${PNA_HEADER}: true`, [
    networkTarget(ctx).where,
    ` Chrome sent a preflight with Access-Control-Request-Private-Network: true; the server answered ${checkedStatus(ctx)} with ${sentHeader(PNA_HEADER, sent)}.`,
    ` It had to answer ${PNA_HEADER}: true along with the usual CORS headers.`,
  ]);
}

export function explainAllowExternal(ctx: ExplainContext): Words {
  return words(ctx, 'Blocked: the preflight did not answer Access-Control-Allow-External: true', [
    networkTarget(ctx).where,
    ' This is the experimental predecessor of Private Network Access; the server had to answer Access-Control-Allow-External: true.',
  ]);
}

export function explainPrivateNetworkAccessIdentity(ctx: ExplainContext, code: CorsErrorCode): Words {
  const header = code.endsWith('Id') ? 'Private-Network-Access-Id' : 'Private-Network-Access-Name';
  return words(ctx, `Blocked: the preflight did not send the ${header} header`, [
    networkTarget(ctx).where,
    ` For a device without a trusted certificate Chrome asks the user, and needs ${header} in the preflight response to identify the device.`,
  ]);
}

export function explainTargetAddressSpace(ctx: ExplainContext): Words {
  const { target, where } = networkTarget(ctx);
  return words(ctx, `Blocked: the request's target address space does not match the server's (${target})`, [
    where,
    ` The request declared a target address space (fetch's targetAddressSpace) that differs from where ${target} actually is.`,
  ]);
}
