"""Fictional browser 'screenshots' of the sample posts (small palette PNGs, IPAex Gothic)."""
from __future__ import annotations

import sys
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

GOTHIC = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
W = 720
INK, GREY, LINE, BLUE, BAR = (15, 20, 25), (83, 100, 113), (207, 217, 222), (29, 155, 240), (241, 243, 244)


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(GOTHIC, size)


def wrap(draw: ImageDraw.ImageDraw, text: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if draw.textlength(line + ch, font=f) > width and ch not in "、。，．）」』！？":
            lines.append(line)
            line = ch
        else:
            line += ch
    return [*lines, line] if line else lines


def jp_time(at: datetime) -> str:
    hour = at.hour % 12 or 12
    return f"{'午前' if at.hour < 12 else '午後'}{hour}:{at.minute:02d} · {at.year}年{at.month}月{at.day}日"


def shot(post: dict[str, Any], captured: str, counts: tuple[str, str, str], reply_to: str | None) -> Image.Image:
    canvas = Image.new("RGB", (W, 1400), "white")
    d = ImageDraw.Draw(canvas)
    # browser chrome: address bar with the URL
    d.rectangle((0, 0, W, 52), fill=BAR)
    d.rounded_rectangle((16, 10, W - 16, 42), radius=16, fill="white", outline=LINE)
    d.text((34, 16), post["url"], font=font(15), fill=GREY)
    y = 70
    d.text((24, y), "← ポスト", font=font(20), fill=INK)
    y += 48
    # account
    d.ellipse((24, y, 72, y + 48), fill=(120, 134, 145))
    d.text((84, y + 2), post["account_name"], font=font(18), fill=INK)
    d.text((84, y + 26), post["account"], font=font(15), fill=GREY)
    y += 64
    if reply_to:
        d.text((24, y), "返信先: ", font=font(15), fill=GREY)
        d.text((24 + d.textlength("返信先: ", font=font(15)), y), reply_to, font=font(15), fill=BLUE)
        y += 28
    body = font(19)
    for line in wrap(d, post["text"]["ja"], body, W - 48):
        d.text((24, y), line, font=body, fill=INK)
        y += 31
    original = post.get("original")
    if original:
        y += 8
        top = y
        y += 12
        d.text((40, y), original["account"], font=font(15), fill=GREY)
        y += 26
        for line in wrap(d, original["text"]["ja"], font(16), W - 80):
            d.text((40, y), line, font=font(16), fill=INK)
            y += 26
        y += 10
        d.rounded_rectangle((24, top, W - 24, y), radius=12, outline=LINE)
    y += 14
    d.text((24, y), jp_time(post["posted_at"]), font=font(15), fill=GREY)
    d.text((24 + d.textlength(jp_time(post["posted_at"]), font=font(15)) + 6, y),
           f"· {counts[2]} 件の表示", font=font(15), fill=GREY)
    y += 34
    d.line((24, y, W - 24, y), fill=LINE)
    y += 12
    d.text((24, y), f"{counts[0]} 件のリポスト   {counts[1]} 件のいいね", font=font(15), fill=INK)
    y += 34
    d.line((24, y, W - 24, y), fill=LINE)
    y += 26
    d.text((24, y), f"取得日時: {captured}", font=font(13), fill=GREY)
    y += 30
    return canvas.crop((0, 0, W, y))


def main(sample: Path, captured: str, counts: list[tuple[str, str, str]]) -> None:
    data = tomllib.loads((sample / "case.toml").read_text(encoding="utf-8"))
    out = sample / "evidence"
    out.mkdir(exist_ok=True)
    posts = data["posts"]
    for i, post in enumerate(posts, 1):
        reply_to = posts[i - 2]["account"] if post.get("kind") == "reply" and i > 1 else None
        image = shot(post, captured, counts[i - 1], reply_to)
        small = image.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        target = out / f"post{i}.png"
        small.save(target, optimize=True)
        print(target, target.stat().st_size)


if __name__ == "__main__":
    root = Path(sys.argv[1])
    main(root / "yamada-x-defamation", "2026年9月15日 10:12",
         [("1,204", "2,381", "8.5万"), ("312", "540", "2.1万"), ("287", "433", "1.9万")])
    main(root / "tanaka-carrier-preservation", "2026年10月7日 14:05",
         [("96", "210", "1.2万"), ("41", "88", "6,340"), ("58", "131", "9,802")])
