"""Video embeds from the sites Chinese agencies publish on — bilibili, Tencent Video, Youku —
and YouTube, built from the address alone (Wagtail's oEmbed list has none of the Chinese
sites, and no request leaves the server). Each becomes the site's own player, without
autoplay, sending no referrer, loaded only when scrolled to; the site's Content-Security-
Policy frames exactly these players (settings.PLAYER_ORIGINS)."""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from django.utils.html import format_html

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

WIDTH, HEIGHT = 640, 360

BILIBILI = re.compile(r"^/video/(?:(BV[0-9A-Za-z]{10})|av(\d+))/?$")
TENCENT = re.compile(r"^/x/(?:cover/[0-9a-z]+/|page/)([0-9a-z]{11})\.html$")
YOUKU = re.compile(r"^/v_show/id_([0-9A-Za-z=]+)\.html$")
YOUTUBE_ID = re.compile(r"^[0-9A-Za-z_-]{11}$")


def player(url):
    """(provider, player address) for a video page's address, or None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    query = parse_qs(parts.query)
    if host == "bilibili.com" and (match := BILIBILI.match(parts.path)):
        bvid, aid = match.groups()
        params = {"bvid": bvid} if bvid else {"aid": aid}
        params.update(page=query.get("p", ["1"])[0], autoplay=0, high_quality=1)
        return "哔哩哔哩", f"https://player.bilibili.com/player.html?{urlencode(params)}"
    if host == "v.qq.com":
        vid = query.get("vid", [None])[0]
        if vid is None and (match := TENCENT.match(parts.path)):
            vid = match.group(1)
        if vid and re.fullmatch(r"[0-9a-z]{11}", vid):
            return "腾讯视频", f"https://v.qq.com/txp/iframe/player.html?vid={vid}&autoplay=false"
    if host == "v.youku.com" and (match := YOUKU.match(parts.path)):
        return "优酷", f"https://player.youku.com/embed/{match.group(1)}"
    video = None
    if host == "youtu.be":
        video = parts.path.strip("/")
    elif host == "youtube.com" and parts.path == "/watch":
        video = query.get("v", [""])[0]
    elif host == "youtube.com" and parts.path.startswith(("/embed/", "/shorts/")):
        video = parts.path.split("/")[2]
    if video and YOUTUBE_ID.match(video):
        return "YouTube", f"https://www.youtube-nocookie.com/embed/{video}"
    return None


class VideoSiteFinder(EmbedFinder):
    def accept(self, url):
        return player(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        found = player(url)
        if found is None:
            raise EmbedNotFoundException
        provider, src = found
        width = min(WIDTH, max_width) if max_width else WIDTH
        height = round(width * HEIGHT / WIDTH)
        html = format_html(
            '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" '
            'referrerpolicy="no-referrer" allowfullscreen '
            'sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>',
            src,
            provider,
            width,
            height,
        )
        return {
            "title": "",
            "author_name": "",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": None,
            "width": width,
            "height": height,
            "html": str(html),
        }


embed_finder_class = VideoSiteFinder
