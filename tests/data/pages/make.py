#!/usr/bin/env python3
"""Writes the invented pages of the main-content extraction benchmark.

Each page NN-LAYOUT.html (in the encoding its layout declares) comes with NN-LAYOUT.txt, the
true article body: the paragraphs (and subheads and list items) of the article, one per
line, without headline, byline, captions, navigation, ads, share widgets, related links,
newsletter boxes, comments or footers. Run: python3 tests/data/pages/make.py
"""
import html, json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from bodies import BODIES

OUT = os.path.dirname(os.path.abspath(__file__))
E = html.escape

NAV = """<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/local">Local</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/culture">Culture</a></li><li><a href="/weather">Weather</a></li></ul></nav>"""
SHARE = """<div class="share-tools"><span>Share this article</span><ul><li><a href="#">Facebook</a></li>
<li><a href="#">Share on X</a></li><li><a href="#">Email a friend</a></li><li><a href="#">Copy link</a></li></ul></div>"""
NEWSLETTER = """<div class="newsletter-box"><h3>Get the morning briefing</h3><p>The five stories you need to
know before breakfast, delivered to your inbox every weekday. Sign up now and never miss the news that matters
to your neighbourhood.</p><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>"""
AD = """<div class="ad-slot"><span>Advertisement</span><div class="ad-inner">Save 30% on winter tyres this week only at participating garages</div></div>"""
COOKIE = """<div id="cookie-banner"><p>We use cookies to improve your experience on our site and to show you
relevant advertising. By continuing to browse you agree to our use of cookies as described in our policy.</p><button>Accept</button></div>"""
FOOTER = """<footer class="site-footer"><p>© 2025 Newsroom Holdings Ltd. All rights reserved. Registered in the
county of Amberleigh, company number 0048213.</p><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/jobs">Careers</a></li></ul></footer>"""

def related(b):
    others = [x for x in BODIES if x is not b][:4]
    items = "".join(f'<li><a href="/news/{x["slug"]}">{E(x["title"])}</a></li>' for x in others)
    return f'<aside class="related-stories"><h2>Related stories</h2><ul>{items}</ul></aside>'

def most_read(b):
    others = [x for x in BODIES if x is not b][2:7]
    items = "".join(f'<li><a href="/news/{x["slug"]}">{E(x["title"])}</a></li>' for x in others)
    return f'<section class="most-read"><h2>Most read</h2><ol>{items}</ol></section>'

COMMENTS = """<section id="comments" class="comments"><h2>Comments (3)</h2>
<div class="comment"><p class="comment-author">riverwatcher</p><p>I have lived here for thirty years and this is the
first time anyone has admitted that something went wrong. Better late than never, I suppose, but I will believe the
promises when I see them carried out.</p></div>
<div class="comment"><p class="comment-author">M. Tallis</p><p>Does anyone know whether the meeting next week is open to
the public? The notice on the council website does not say, and the phone line just rings and rings.</p></div>
<div class="comment"><p class="comment-author">quietreader</p><p>Good reporting, thank you. More of this please and fewer
stories about celebrity weddings.</p></div></section>"""

def caption(b):
    return (f'<figure class="lead-image"><img src="/img/{b["slug"]}.jpg" alt="">'
            f'<figcaption>The scene on Thursday afternoon, as seen from the east side. Photograph: Staff photographer / Pool</figcaption></figure>')

def byline(b):
    if not b["authors"]:
        return ""
    return "By " + " and ".join(b["authors"])

def jsonld(b):
    d = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": b["title"],
         "datePublished": b["date"] + "T08:30:00+01:00",
         "author": [{"@type": "Person", "name": a} for a in b["authors"]],
         "publisher": {"@type": "Organization", "name": b["site"]}}
    return f'<script type="application/ld+json">{json.dumps(d, ensure_ascii=False)}</script>'

def og(b):
    return (f'<meta property="og:title" content="{E(b["title"])}">'
            f'<meta property="og:site_name" content="{E(b["site"])}">'
            f'<meta property="article:published_time" content="{b["date"]}T07:00:00Z">')

def ps(paras, tag="p", cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<{tag}{c}>{E(p)}</{tag}>" for p in paras)

def head(b, charset="utf-8", extra=""):
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">'
            f'<title>{E(b["title"])} | {E(b["site"])}</title>{extra}'
            '<style>body{font-family:serif}</style><script>window.dataLayer=[];</script></head>')

# Each layout returns (html text, expected body lines, encoding to write).
def classic(b):
    body = ps(b["paras"])
    page = head(b, extra=og(b) + jsonld(b)) + f"""<body><header class="masthead"><a class="logo" href="/">{E(b['site'])}</a>{NAV}</header>
<div class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></div>
<main><article><h1>{E(b['title'])}</h1><p class="byline">{E(byline(b))}</p><time datetime="{b['date']}">{b['date']}</time>
{caption(b)}{SHARE}<div class="article-body">{body}</div>{SHARE}</article>{related(b)}</main>{FOOTER}</body></html>"""
    return page, b["paras"], "utf-8"

def blog(b):
    paras = b["paras"]
    body = ps(paras)
    about = ("<div class='widget about-me'><h3>About this blog</h3><p>Notes on local affairs by a retired schoolteacher "
             "who has spent four decades watching the council, the harbour and the weather, usually from the same "
             "window seat at the library.</p></div>")
    archive = "<div class='widget'><h3>Archive</h3><ul>" + "".join(f"<li><a href='/{y}'>{m} {y}</a></li>" for y in (2023, 2024) for m in ("March", "June", "October")) + "</ul></div>"
    page = head(b, charset="windows-1252") + f"""<body><div id="wrap"><div id="header"><h2 class="blog-title">Notes from the {E(b['site'])}</h2></div>
<div id="sidebar">{about}{archive}</div>
<div id="content"><div class="post"><h2 class="post-title">{E(b['title'])}</h2><div class="post-meta">Posted on {b['date']} by {E(', '.join(b['authors']) or 'the editor')}</div>
<div class="post-body entry">{body}</div><div class="post-footer">Labels: <a href="#">local</a>, <a href="#">news</a></div></div>
{COMMENTS}</div></div></body></html>"""
    return page, paras, "cp1252"

def magazine(b):
    paras = b["paras"]
    mid = len(paras) // 2
    body = ps(paras[:mid]) + NEWSLETTER + ps(paras[mid:])
    page = head(b, extra=og(b)) + f"""<body>{COOKIE}<header>{NAV}</header><div class="layout">
<div class="story"><div class="kicker">Feature</div><h1 class="headline">{E(b['title'])}</h1>
<div class="meta"><span class="author-name">{E(byline(b))}</span> · <time datetime="{b['date']}T10:00:00Z">{b['date']}</time></div>
{caption(b)}<div class="story-body">{body}</div></div>
<div class="rail">{most_read(b)}{AD}</div></div>{FOOTER}</body></html>"""
    return page, paras, "utf-8"

def wire(b):
    paras = b["paras"]
    body = "\n".join(f"<p>{E(p)}</p>" for p in paras)
    page = f"""<html><head><title>{E(b['title'])}</title><meta name="author" content="{E(', '.join(b['authors']))}">
<meta name="date" content="{b['date']}"></head><body><div class="topbar"><a href="/">Wire home</a> | <a href="/markets">Markets</a> | <a href="/world">World</a></div>
<div class="story"><h1>{E(b['title'])}</h1><div class="text">{body}</div>
<p class="copyright">Copyright 2025 Metro Wire Service. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p></div></body></html>"""
    return page, paras, "utf-8"

def tables(b):
    paras = b["paras"]
    body = "<br><br>\n".join(E(p) for p in paras)
    page = f"""<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"><TITLE>{E(b['site'])} - {E(b['title'])}</TITLE></HEAD>
<BODY BGCOLOR="#ffffff"><TABLE WIDTH="100%"><TR><TD COLSPAN="2"><FONT SIZE="5">{E(b['site'])}</FONT></TD></TR>
<TR><TD WIDTH="160" VALIGN="top"><A HREF="/">Front page</A><BR><A HREF="/local">Local</A><BR><A HREF="/letters">Letters</A><BR><A HREF="/archive">Archive</A><BR><A HREF="/classifieds">Classifieds</A></TD>
<TD VALIGN="top"><FONT SIZE="4"><B>{E(b['title'])}</B></FONT><BR><I>{b['date']}</I><BR><BR>
<FONT FACE="Georgia">{body}</FONT></TD></TR>
<TR><TD COLSPAN="2"><FONT SIZE="1">Send us your news tips. Letters to the editor must include a name and a daytime telephone number.</FONT></TD></TR></TABLE></BODY></HTML>"""
    return page, paras, "cp1252"

def inline_links(b):
    paras = b["paras"]
    parts = []
    for i, p in enumerate(paras):
        parts.append(f"<p>{E(p)}</p>")
        if i == 1:
            o = BODIES[(BODIES.index(b) + 1) % len(BODIES)]
            parts.append(f'<div class="inline-related"><strong>Read more:</strong> <a href="/news/{o["slug"]}">{E(o["title"])}</a></div>')
        if i == 2:
            parts.append(AD)
    page = head(b, extra=og(b) + jsonld(b)) + f"""<body><header>{NAV}</header><main id="main"><article class="story">
<header class="story-header"><h1>{E(b['title'])}</h1><div class="byline">{E(byline(b))}</div><time datetime="{b['date']}T06:15:00Z">Published {b['date']}</time></header>
<div class="story-content">{''.join(parts)}</div><div class="tags"><a href="#">Local news</a><a href="#">Council</a></div></article>
{related(b)}</main>{FOOTER}</body></html>"""
    return page, paras, "utf-8"

def divs_only(b):
    paras = b["paras"]
    body = "".join(f'<div class="paragraph" data-testid="paragraph">{E(p)}</div>' for p in paras)
    page = head(b, extra=og(b) + jsonld(b)) + f"""<body><div id="root"><div class="app"><div class="topnav">{NAV}</div>
<div class="content-wrapper"><div class="article-container"><div class="title-block"><h1>{E(b['title'])}</h1>
<div class="author-line">{E(byline(b))}</div></div>{SHARE}<div class="article-text">{body}</div>
<div class="hidden-print" hidden>Print this page</div></div><div class="sidebar">{most_read(b)}</div></div>{FOOTER}</div></div>
<script>window.__STATE__={{"x":1}};</script></body></html>"""
    return page, paras, "utf-8"

def opinion(b):
    paras = b["paras"]
    bio = (f"<div class='author-bio'><p>The writer is a columnist who covers public services and has reported from the region "
           f"for fifteen years. Write to the opinion desk with your response.</p></div>")
    more = "<div class='more-from-author'><h3>More from this columnist</h3><ul>" + "".join(
        f"<li><a href='/op/{x['slug']}'>{E(x['title'])}</a></li>" for x in BODIES[:3] if x is not b) + "</ul></div>"
    page = head(b, extra=og(b)) + f"""<body>{NAV}<article class="opinion"><div class="label">Opinion</div><h1>{E(b['title'])}</h1>
<address class="author"><a rel="author" href="/by/x">{E(', '.join(b['authors']) or 'Editorial board')}</a></address>
<time pubdate datetime="{b['date']}">{b['date']}</time><section class="body">{ps(paras)}</section>{bio}{more}</article>{COMMENTS}{FOOTER}</body></html>"""
    return page, paras, "utf-8"

def entities(b):
    paras = b["paras"]
    def ent(t):
        return t.encode("ascii", "xmlcharrefreplace").decode().replace("&", "&amp;", 0)
    body = "".join(f"<p>{ent(html.escape(p, quote=False))}</p>" for p in paras)
    page = (f'<!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html; charset=us-ascii">'
            f'<title>{ent(E(b["title"]))} - {E(b["site"])}</title></head><body>{COOKIE}{NAV}'
            f'<div id="story"><h1>{ent(E(b["title"]))}</h1><p class="dateline">{b["date"]}</p>{caption(b)}'
            f'<div class="story-text">{body}</div>{NEWSLETTER}</div>{most_read(b)}{FOOTER}</body></html>')
    return page, paras, "ascii"

def lists_subheads(b):
    paras = b["paras"]
    items = ["Key dates are listed on the public notice board.", "Questions can be sent to the clerk before the next meeting."]
    body = ps(paras[:2]) + "<h2>What happens next</h2>" + ps(paras[2:4]) + "<ul>" + "".join(f"<li>{E(i)}</li>" for i in items) + "</ul>" + ps(paras[4:])
    expected = paras[:2] + ["What happens next"] + paras[2:4] + ["- " + i for i in items] + paras[4:]
    page = "\ufeff" + head(b, extra=og(b) + jsonld(b)) + f"""<body><header>{NAV}</header><div class="container"><article>
<h1>{E(b['title'])}</h1><div class="byline">{E(byline(b))}</div>{SHARE}<div class="entry-content">{body}</div>
<p class="disclaimer-note"><small>Corrections: contact the standards desk.</small></p></article>{related(b)}</div>{FOOTER}</body></html>"""
    return page, expected, "utf-8"

LAYOUTS = [classic, blog, magazine, wire, tables, inline_links, divs_only, opinion, entities, lists_subheads]

def main():
    for old in os.listdir(OUT):
        if old.endswith((".html", ".txt")):
            os.remove(os.path.join(OUT, old))
    for k in range(36):
        b = BODIES[k % len(BODIES)]
        layout = LAYOUTS[k % len(LAYOUTS)]
        page, expected, enc = layout(b)
        name = f"{k + 1:02d}-{layout.__name__.replace('_', '-')}-{b['slug']}"
        with open(os.path.join(OUT, name + ".html"), "wb") as f:
            f.write(page.encode(enc, "xmlcharrefreplace"))
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(expected) + "\n")

main()
