"""Draws the AI Studio app icon and writes it as PNG (the app's window and the Linux menu entry, in
``resources/icons``), ICO (Windows) and ICNS (macOS).

The icon is a rounded square in the storybook palette with a film frame and a play mark. Run
``python installer/assets/make_icons.py`` after changing the drawing; the files it writes are
kept in the repository so that a build needs no drawing step.
"""

from __future__ import annotations

import io
from pathlib import Path

import skia
from PIL import Image

HERE = Path(__file__).resolve().parent
APP_ICON = HERE.parents[1] / "resources" / "icons" / "aistudio.png"  # the app shows it too
SIZE = 1024


def draw_icon(size: int = SIZE) -> Image.Image:
    """The icon at ``size`` x ``size`` pixels, RGBA."""
    surface = skia.Surface(size, size)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    canvas.scale(size / SIZE, size / SIZE)

    # background: a rounded square, dusk blue to warm orange
    tile = skia.RRect.MakeRectXY(skia.Rect.MakeLTRB(64, 64, 960, 960), 200, 200)
    background = skia.Paint(
        AntiAlias=True,
        Shader=skia.GradientShader.MakeLinear(
            points=[(512, 64), (512, 960)],
            colors=[skia.ColorSetRGB(0x3B, 0x4C, 0xCA), skia.ColorSetRGB(0xF2, 0x8C, 0x38)],
        ),
    )
    canvas.drawRRect(tile, background)

    # a film frame with sprocket holes
    frame = skia.Rect.MakeLTRB(200, 270, 824, 754)
    canvas.drawRoundRect(frame, 48, 48, skia.Paint(AntiAlias=True, Color=skia.ColorSetRGB(0x1E, 0x1B, 0x2E)))
    hole = skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(0xE6, 0xFF, 0xF4, 0xE0))
    for i in range(6):
        x = 252 + i * 100
        canvas.drawRoundRect(skia.Rect.MakeXYWH(x, 296, 56, 36), 10, 10, hole)
        canvas.drawRoundRect(skia.Rect.MakeXYWH(x, 692, 56, 36), 10, 10, hole)

    # the picture: a sun over a hill, and a play mark
    canvas.save()
    canvas.clipRect(skia.Rect.MakeLTRB(232, 356, 792, 668), doAntiAlias=True)
    canvas.drawRect(skia.Rect.MakeLTRB(232, 356, 792, 668), skia.Paint(Color=skia.ColorSetRGB(0x9E, 0xD8, 0xF0)))
    canvas.drawCircle(660, 440, 56, skia.Paint(AntiAlias=True, Color=skia.ColorSetRGB(0xFF, 0xD1, 0x4A)))
    hill = skia.Path()
    hill.moveTo(232, 668)
    hill.cubicTo(360, 520, 560, 560, 792, 600)
    hill.lineTo(792, 668)
    hill.close()
    canvas.drawPath(hill, skia.Paint(AntiAlias=True, Color=skia.ColorSetRGB(0x5C, 0xB8, 0x5C)))
    canvas.restore()

    play = skia.Path()
    play.moveTo(460, 430)
    play.lineTo(460, 594)
    play.lineTo(596, 512)
    play.close()
    canvas.drawPath(play, skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(0xF0, 0xFF, 0xFF, 0xFF)))

    image = surface.makeImageSnapshot()
    png = image.encodeToData(skia.EncodedImageFormat.kPNG, 100)
    return Image.open(io.BytesIO(bytes(png))).convert("RGBA")


def main() -> None:
    icon = draw_icon()
    icon.resize((512, 512), Image.Resampling.LANCZOS).save(APP_ICON)
    icon.save(HERE / "aistudio.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    icon.save(HERE / "aistudio.icns")
    for path in (APP_ICON, HERE / "aistudio.ico", HERE / "aistudio.icns"):
        print(f"{path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
