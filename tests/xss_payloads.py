"""Hostile text for the workbench's XSS test: each payload, if it ever ran, would call
``__xss(N)`` (the test page defines it) or log ``XSS N``. Vectors: script elements, event
handlers, URLs, attribute break-outs, SVG/MathML, template syntax, CSS, encodings."""

from __future__ import annotations

VECTORS = [
    "<script>__xss({n})</script>",
    "<img src=x onerror=__xss({n})>",
    "\"><img src=x onerror=__xss({n})>",
    "'><img src=x onerror=__xss({n})>",
    "<svg onload=__xss({n})>",
    "<svg><script>__xss({n})</script></svg>",
    "<body onload=__xss({n})>",
    "<iframe srcdoc=\"<script>parent.__xss({n})</script>\"></iframe>",
    "<a href=\"javascript:__xss({n})\">click</a>",
    "javascript:__xss({n})",
    "<details open ontoggle=__xss({n})>",
    "<input autofocus onfocus=__xss({n})>",
    "<math><mtext></table><img src=x onerror=__xss({n})></mtext></math>",
    "</textarea><script>__xss({n})</script>",
    "</title><script>__xss({n})</script>",
    "</script><script>__xss({n})</script>",
    "<style>@import 'javascript:__xss({n})';</style>",
    "<object data=\"javascript:__xss({n})\"></object>",
    "<embed src=\"javascript:__xss({n})\">",
    "<video><source onerror=__xss({n})></video>",
    "<marquee onstart=__xss({n})>x</marquee>",
    "{{{{constructor.constructor('__xss({n})')()}}}}",
    "${{__xss({n})}}",
    "&lt;script&gt;__xss({n})&lt;/script&gt;",
    "<scr<script>ipt>__xss({n})</scr</script>ipt>",
    "<IMG SRC=JaVaScRiPt:__xss({n})>",
    "<img src=\"x\" onerror=\"&#95;&#95;xss({n})\">",
    "<base href=\"javascript:__xss({n})//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss({n})\">",
    "<form><button formaction=javascript:__xss({n})>go</button></form>",
    "\" onmouseover=\"__xss({n})\" x=\"",
    "' onfocus='__xss({n})' autofocus x='",
]


def payloads(count: int = 64) -> list[str]:
    """``count`` payloads, every vector at least once, each with its own number."""
    return [VECTORS[i % len(VECTORS)].format(n=i) + f" console.log('XSS {i}')" for i in range(count)]
