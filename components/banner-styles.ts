/**
 * The banner's styles, as a string placed inside its shadow root. Not a CSS file: a file would
 * have to be web-accessible, which would let any page detect Caveat. `all: initial` and absolute
 * units keep a hostile page's inherited styles (font-size: 0, colour tricks) out.
 */
export const BANNER_CSS = `
:host { all: initial !important; }
.banner, .banner * { box-sizing: border-box; overflow-wrap: anywhere; unicode-bidi: isolate; font-size: inherit; font-style: normal; text-align: start; text-indent: 0; word-spacing: normal; filter: none; opacity: 1; pointer-events: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.4; letter-spacing: normal; text-transform: none; visibility: visible; }
.banner {
  display: block; position: fixed; z-index: 2147483647; right: 16px; bottom: 16px;
  width: min(420px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto;
  padding: 14px 16px; border-radius: 10px; border: 1px solid #d6d3d1; border-left: 6px solid #b45309;
  background: #fffdf8; color: #1c1917; font-size: 14px; box-shadow: 0 6px 24px rgba(0,0,0,.18); opacity: 1;
}
.banner-head { display: flex; align-items: center; gap: 8px; }
.brand { color: #b45309; font-size: 16px; }
.org { font-size: 14px; font-weight: 700; }
.pill { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.pill-ongoing { color: #9a3412; } .pill-contained { color: #854d0e; } .pill-resolved { color: #166534; } .pill-claimed { color: #57534e; }
.incident { margin-top: 8px; }
.title { margin: 0; font-size: 15px; font-weight: 700; color: #1c1917; }
.meta { margin: 2px 0 6px; font-size: 12px; color: #57534e; }
.services { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; font-size: 13px; }
.service-shape { display: inline-block; width: 1.3em; font-weight: 700; }
.service-suspended .service-shape { color: #b91c1c; } .service-degraded .service-shape { color: #b45309; }
.service-unaffected .service-shape, .service-restored .service-shape { color: #15803d; }
.service-name { font-weight: 600; }
.service-since, .service-note { color: #57534e; }
.details { font-size: 13px; margin-top: 8px; }
.details p { margin: 4px 0; }
.advice, .sources { margin: 4px 0; padding-left: 18px; }
a { color: #1d4ed8; text-decoration: underline; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
.banner button {
  all: unset; cursor: pointer; font-size: 13px; padding: 4px 10px; border-radius: 6px;
  border: 1px solid #a8a29e; background: #fff; color: #1c1917;
}
button:hover { background: #f5f5f4; }
button[aria-disabled="true"] { cursor: default; }
.notice { margin: 6px 0 0; font-size: 12px; color: #9a3412; }
.notice:empty { display: none; }
[hidden] { display: none !important; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.banner.minimised { width: auto; padding: 0; border-left-width: 1px; }
.banner .chip { display: inline-block; padding: 8px 12px; border: 0; border-radius: 10px; font-weight: 600; background: transparent; }
.banner-head .minimise { margin-left: auto; padding: 0 8px; font-size: 16px; line-height: 1.2; }
.why, .more { font-size: 12px; color: #44403c; margin: 6px 0 0; }
button:focus-visible, a:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  .banner { animation: caveat-in 160ms ease-out; }
  @keyframes caveat-in { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
}
@media (prefers-color-scheme: dark) {
  .banner { background: #1c1917; color: #f5f5f4; border-color: #44403c; border-left-color: #f59e0b; }
  .title, .org { color: #f5f5f4; } .meta, .service-since, .service-note, .why, .more { color: #d6d3d1; }
  .pill-ongoing { color: #fdba74; } .pill-contained { color: #fde047; } .pill-resolved { color: #86efac; } .pill-claimed { color: #d6d3d1; }
  .service-suspended .service-shape { color: #fca5a5; } .service-unaffected .service-shape, .service-restored .service-shape { color: #86efac; }
  .banner button { background: #292524; color: #f5f5f4; border-color: #78716c; } .banner button:hover { background: #44403c; }
  a { color: #93c5fd; }
}
`;
