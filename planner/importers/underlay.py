"""A plan image to trace over: a PNG, JPEG or PDF page shown faded under the drawing, placed in plan millimetres.

Its scale comes from one known length: draw a line along a wall whose length you know ("this wall is 3,60 m")
and `Underlay.scaled_by` sets the millimetres per image pixel. Until then the image is `scaled` = False and the
app says so. A PDF page is rendered to PNG once, when it is read (pypdfium2). Images are bounded before they are
decoded (bytes and pixels). Saved in the project as its `underlay` section (docs/project-file.md).
"""
from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass, replace

from planner.i18n import register
from planner.model.plan import PlanError

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000          # about 6300 × 6300: larger is refused before it is decoded (a decompression bomb)
MAX_SIDE_PX = 4000               # what is kept: a larger image is shrunk once, a PDF page rendered to fit
MIMES = {"image/png": "PNG", "image/jpeg": "JPEG"}
MIN_LINE_PX = 10                 # a scale line shorter than this on the image is a slip of the finger
OPACITY = 0.35

register({
    "err.underlay.empty": {"en": "{name} is empty.", "nb": "{name} er tom."},
    "err.underlay.too_large": {"en": "{name} is larger than 15 MB; save the plan image smaller and try again.",
                               "nb": "{name} er større enn 15 MB; lagre plantegningen mindre og prøv igjen."},
    "err.underlay.too_many_pixels": {
        "en": "{name} has more than 40 million pixels; save it at a lower resolution and try again.",
        "nb": "{name} har mer enn 40 millioner piksler; lagre den med lavere oppløsning og prøv igjen."},
    "err.underlay.not_image": {
        "en": "{name} is not a PNG, JPEG or PDF plan image that can be read; export the plan as PNG, JPEG or PDF.",
        "nb": "{name} er ikke et PNG-, JPEG- eller PDF-bilde som kan leses; eksporter plantegningen som PNG, JPEG "
              "eller PDF."},
    "err.underlay.pdf_page": {"en": "{name} has no page {page}; it has {pages}.",
                              "nb": "{name} har ingen side {page}; den har {pages}."},
    "err.underlay.line": {"en": "The scale line is too short; draw it along the whole wall whose length you know.",
                          "nb": "Målestokklinjen er for kort; tegn den langs hele veggen du vet lengden på."},
    "err.underlay.damaged": {"en": "The project's plan image is damaged ({error}); it was left out.",
                             "nb": "Prosjektets plantegning (bilde) er skadet ({error}); den ble utelatt."},
})


@dataclass(frozen=True, slots=True)
class Underlay:
    """image: PNG or JPEG bytes of width_px × height_px; its lower-left corner sits at (origin_x_mm, origin_y_mm)
    and each image pixel is mm_per_px millimetres; scaled: whether mm_per_px was set from a known length."""

    image: bytes
    mime: str
    width_px: int
    height_px: int
    name: str = ""
    mm_per_px: float = 10.0
    origin_x_mm: float = 0.0
    origin_y_mm: float = 0.0
    scaled: bool = False

    def __post_init__(self):
        if self.mime not in MIMES or not (0 < self.width_px <= MAX_SIDE_PX and 0 < self.height_px <= MAX_SIDE_PX):
            raise ValueError("an underlay is a PNG or JPEG of at most 4000 px a side")
        numbers = (self.mm_per_px, self.origin_x_mm, self.origin_y_mm)
        if not all(isinstance(n, (int, float)) and math.isfinite(n) for n in numbers) or not \
                0.01 <= self.mm_per_px <= 10_000:
            raise ValueError("an underlay's scale and place are finite numbers (0.01–10 000 mm per pixel)")

    @classmethod
    def read(cls, data: bytes, name: str = "", page: int = 1) -> "Underlay":
        """An underlay from an uploaded PNG, JPEG or PDF (page `page`, from 1). PlanError with one sentence."""
        if not data:
            raise PlanError.text("err.underlay.empty", name=name or "?")
        if len(data) > MAX_BYTES:
            raise PlanError.text("err.underlay.too_large", name=name or "?")
        if data[:5] == b"%PDF-":
            data = _pdf_page_png(data, name, page)
        return cls.from_image(data, name)

    @classmethod
    def from_image(cls, data: bytes, name: str = "") -> "Underlay":
        from PIL import Image, UnidentifiedImageError
        try:
            with Image.open(io.BytesIO(data)) as img:
                if img.width * img.height > MAX_PIXELS:
                    raise PlanError.text("err.underlay.too_many_pixels", name=name or "?")
                if img.format not in MIMES.values() or max(img.size) > MAX_SIDE_PX:
                    img.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
                    out = io.BytesIO()
                    img.convert("RGB").save(out, "PNG")
                    data, fmt, size = out.getvalue(), "PNG", img.size
                else:
                    img.load()
                    fmt, size = img.format, img.size
        except PlanError:
            raise
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
            raise PlanError.text("err.underlay.not_image", name=name or "?") from None
        mime = next(m for m, f in MIMES.items() if f == fmt)
        return cls(image=data, mime=mime, width_px=size[0], height_px=size[1], name=name)

    def fitted(self, origin_x_mm: float, origin_y_mm: float, view_width_mm: float) -> "Underlay":
        """The image laid over a view (before its scale is known): its width spans view_width_mm."""
        return replace(self, origin_x_mm=origin_x_mm, origin_y_mm=origin_y_mm,
                       mm_per_px=view_width_mm / self.width_px, scaled=False)

    def image_px(self, x_mm: float, y_mm: float) -> tuple[float, float]:
        """A plan point in image pixels (y down)."""
        return ((x_mm - self.origin_x_mm) / self.mm_per_px,
                self.height_px - (y_mm - self.origin_y_mm) / self.mm_per_px)

    def scaled_by(self, start_mm: tuple[float, float], end_mm: tuple[float, float], length_mm: float) -> "Underlay":
        """The image rescaled so the line from start to end (plan mm, drawn over the image) is length_mm long.
        The line's start stays where it is on the plan, so what was traced from there stays under it."""
        (u0, v0), (u1, v1) = self.image_px(*start_mm), self.image_px(*end_mm)
        line_px = math.hypot(u1 - u0, v1 - v0)
        if line_px < MIN_LINE_PX or not (length_mm > 0 and math.isfinite(length_mm)):
            raise PlanError.text("err.underlay.line")
        mm_per_px = length_mm / line_px
        return replace(self, mm_per_px=mm_per_px, scaled=True,
                       origin_x_mm=start_mm[0] - u0 * mm_per_px,
                       origin_y_mm=start_mm[1] - (self.height_px - v0) * mm_per_px)

    @property
    def bounds_mm(self) -> tuple[float, float, float, float]:
        return (self.origin_x_mm, self.origin_y_mm, self.origin_x_mm + self.width_px * self.mm_per_px,
                self.origin_y_mm + self.height_px * self.mm_per_px)

    def data_url(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.image).decode('ascii')}"

    def to_dict(self) -> dict:
        return {"image": base64.b64encode(self.image).decode("ascii"), "mime": self.mime, "name": self.name,
                "width_px": self.width_px, "height_px": self.height_px, "mm_per_px": self.mm_per_px,
                "origin_x_mm": self.origin_x_mm, "origin_y_mm": self.origin_y_mm, "scaled": self.scaled}

    @classmethod
    def from_dict(cls, data: dict) -> "Underlay":
        """Read back a saved underlay, checked as an upload is: an image that opens, of the size it says, with a
        finite scale. Raises ValueError (or PlanError) on anything else."""
        if not isinstance(data, dict) or not isinstance(data.get("image"), str):
            raise ValueError("an underlay is an object with the image as base64 text")
        if len(data["image"]) > MAX_BYTES * 4 // 3 + 4:
            raise ValueError("the underlay image is larger than 15 MB")
        image = base64.b64decode(data["image"], validate=True)
        read = cls.from_image(image, str(data.get("name") or ""))
        if (read.width_px, read.height_px) != (data.get("width_px"), data.get("height_px")):
            raise ValueError("the underlay image is not the size the file says")
        scaled = data.get("scaled", False)
        if not isinstance(scaled, bool):
            raise ValueError("an underlay's 'scaled' is true or false")
        return replace(read, mm_per_px=_finite(data.get("mm_per_px")), origin_x_mm=_finite(data.get("origin_x_mm")),
                       origin_y_mm=_finite(data.get("origin_y_mm")), scaled=scaled)


def _finite(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError("an underlay's scale and place are numbers")
    return float(value)


def _pdf_page_png(data: bytes, name: str, page: int) -> bytes:
    """One page of a PDF as PNG, rendered to at most MAX_SIDE_PX on its longer side."""
    import pypdfium2 as pdfium
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise PlanError.text("err.underlay.not_image", name=name or "?") from None
    try:
        if not 1 <= page <= len(doc):
            raise PlanError.text("err.underlay.pdf_page", name=name or "?", page=page, pages=len(doc))
        pdf_page = doc[page - 1]
        width_pt, height_pt = pdf_page.get_size()
        scale = min(MAX_SIDE_PX / max(width_pt, height_pt, 1), 200 / 72)   # at most 200 dpi
        out = io.BytesIO()
        pdf_page.render(scale=scale).to_pil().convert("RGB").save(out, "PNG")
        return out.getvalue()
    finally:
        doc.close()


def underlay_svg(underlay: Underlay | None, to_px, mm_per_canvas_px: float) -> str:
    """The underlay as an SVG <image>, faded, placed by to_px (plan mm → canvas px); '' without one."""
    if underlay is None:
        return ""
    x0, y0, x1, y1 = underlay.bounds_mm
    left, top = to_px(x0, y1)
    width, height = (x1 - x0) / mm_per_canvas_px, (y1 - y0) / mm_per_canvas_px
    return (f'<image href="{underlay.data_url()}" x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}" opacity="{OPACITY}" preserveAspectRatio="none"/>')
