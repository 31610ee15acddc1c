"""A figure as a page shows it: a ``<picture>`` of its wide and phone layouts, and its title in words.

In a notebook set up by :func:`readout.report.figures.use_house_style`, every figure is shown through
:func:`figure_bundle`: ``text/html`` holds an HTML ``<picture>`` of both PNGs (:func:`picture_html`), so
that a phone's browser picks the narrow one instead of shrinking the wide one; ``image/png`` the wide
PNG; ``text/plain`` its title (:func:`figure_text`), which is also each image's alternative text.
"""

from __future__ import annotations

import base64
import html
import io
import warnings
from typing import Any

import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from readout.report.figure_layout import narrow_copy, written_title

__all__ = ["NARROW_MEDIA", "figure_bundle", "figure_png", "figure_text", "picture_html"]

#: The media query under which a page shows the phone layout (the page's own narrow-screen rules start there).
NARROW_MEDIA = "(max-width: 700px)"


def figure_text(fig: Figure) -> str:
    """A figure in words: "Figure: " and its titles (the figure's, then each axes'), lines joined by ": "
    (a title wrapped to fit the figure counts as written, before it was wrapped)."""
    written = written_title(fig)
    titles = [written or fig.get_suptitle()]
    titles += [ax.get_title() for ax in fig.axes if written is None]
    text = ": ".join(line.strip() for title in titles for line in title.splitlines() if line.strip())
    return f"Figure: {text}" if text else "Figure"


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG at the house style's resolution (100 dpi), the whole figure (no cropping). A
    figure laid out already (:func:`readout.report.figure_layout.finish`) is drawn once and its pixels encoded
    (``savefig`` would lay out and measure it once more before drawing it). Level 3 of zlib: measured
    on the seed's figures, as fast as level 1 and within 3% of level 9's size (the pixels are the same
    at every level)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # dates a few days apart: matplotlib falls back to a sensible interval, and would say so on the page
        warnings.filterwarnings("ignore", message="AutoDateLocator was unable", category=UserWarning)
        if fig.dpi != 100 or not isinstance(fig.canvas, FigureCanvasAgg) or fig.get_layout_engine() is not None:
            fig.savefig(buffer, format="png", dpi=100)
            return buffer.getvalue()
        fig.canvas.draw()
    image = PIL.Image.frombuffer("RGBA", fig.canvas.get_width_height(), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image.convert("RGB").save(buffer, format="png", compress_level=3)
    return buffer.getvalue()


def _data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def picture_html(fig: Figure, narrow: Figure | None = None, wide_png: bytes | None = None) -> str:
    """The figure as an HTML ``<picture>``: its phone layout (``narrow``, by default
    :func:`~readout.report.figure_layout.narrow_copy`) for screens up to 700 px wide, else the wide figure
    (``wide_png`` when already drawn); both PNGs embedded as data URLs, the alternative text the
    figure's title (:func:`figure_text`), escaped. A figure without a phone layout is a plain ``<img>``."""
    narrow = narrow if narrow is not None else narrow_copy(fig)
    alt = html.escape(figure_text(fig), quote=True)
    img = f'<img src="{_data_url(wide_png or figure_png(fig))}" alt="{alt}">'
    if narrow is None:
        return img
    return (f'<picture class="readout-picture"><source media="{NARROW_MEDIA}" srcset="{_data_url(figure_png(narrow))}">'
            f"{img}</picture>")


def figure_bundle(fig: Figure, include: Any = None, exclude: Any = None) -> dict[str, str]:
    """What a notebook shows of a figure (IPython's mime-bundle formatter calls it with ``include`` and
    ``exclude``, unused): ``text/html`` (:func:`picture_html`, when the figure has a phone layout),
    ``image/png`` (the wide figure, base64) and ``text/plain`` (:func:`figure_text`). The wide figure is
    drawn once for both."""
    png = figure_png(fig)
    bundle = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": figure_text(fig)}
    narrow = narrow_copy(fig)
    if narrow is not None:
        bundle["text/html"] = picture_html(fig, narrow, png)
    return bundle
