"""QR codes drawn here with segno: PNG for download, SVG for screens and printed labels."""

import io

import segno

# Level M survives a scuffed or slightly creased label (15 % of the code).
ERROR_LEVEL = "m"


def make(data):
    return segno.make(data, error=ERROR_LEVEL, micro=False)


def png(data, scale=8):
    buffer = io.BytesIO()
    make(data).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def svg(data, scale=4):
    buffer = io.BytesIO()
    make(data).save(buffer, kind="svg", scale=scale, border=4, xmldecl=True, title=data)
    return buffer.getvalue()


def svg_inline(data, scale=3):
    """An `<svg>` element to put inside an HTML page (no XML declaration)."""
    return make(data).svg_inline(scale=scale, border=2)
