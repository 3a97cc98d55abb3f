"""Blocks shared by every page's story body."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading inside the story.")
        preview_value = {"text": "Nghề dệt thổ cẩm"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        description = _("One photo with its caption.")
        preview_value = {"caption": "Phơi hương ở Nà Phiêng"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("Words of a craftsperson or visitor.")
        preview_value = {
            "text": "Nghề này ông bà để lại, mình phải giữ.",
            "attribution": "Nghệ nhân Hoàng Thị Lan",
        }


class GalleryBlock(blocks.StructBlock):
    images = blocks.ListBlock(FigureBlock(), label=_("photos"), min_num=2)

    class Meta:
        icon = "image"
        template = "blocks/gallery_block.html"
        description = _("Several photos shown side by side.")
        preview_value = {"images": []}


class TimelineEntryBlock(blocks.StructBlock):
    when = blocks.CharBlock(
        label=_("when"), max_length=60, help_text=_("A year, a century or a period.")
    )
    what = blocks.TextBlock(label=_("what happened"))


class TimelineBlock(blocks.StructBlock):
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("moments"), min_num=1)

    class Meta:
        icon = "history"
        template = "blocks/timeline_block.html"
        description = _("The history of a craft or village, moment by moment.")
        preview_value = {
            "entries": [
                {"when": "Thế kỷ 19", "what": "Nghề làm hương bắt đầu ở Nà Phiêng."},
                {"when": "2024", "what": "Làng được công nhận làng nghề truyền thống."},
            ]
        }


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        label=_("paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Text with bold, italic, links and lists."),
        preview_value="<p>Làng nghề nằm bên dòng sông Kỳ Cùng.</p>",
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    timeline = TimelineBlock()
    video = EmbedBlock(
        label=_("video"),
        icon="media",
        template="blocks/embed_block.html",
        description=_("A video from YouTube or another provider, by its address."),
        max_width=960,
    )

    class Meta:
        template = "blocks/story_block.html"
