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
    video = EmbedBlock(
        label=_("video"),
        icon="media",
        template="blocks/embed_block.html",
        description=_("A video from YouTube or another provider, by its address."),
        max_width=960,
    )

    class Meta:
        template = "blocks/story_block.html"
