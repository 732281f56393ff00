"""The one body vocabulary of the site. Every page with a body uses `BodyBlock`; every block
has an icon, a template, a description and a preview for the admin's block picker."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

BLOCK_TEMPLATES = "jindu/blocks/"
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = BLOCK_TEMPLATES + "heading_block.html"
        description = _("A heading that divides the text into sections.")
        preview_value = {"text": "毒品的危害", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)
    credit = blocks.CharBlock(
        label=_("credit"), required=False, max_length=255, help_text=_("Photographer or source.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = BLOCK_TEMPLATES + "image_block.html"
        description = _("An image with caption and credit; its alt text comes from the image.")
        preview_value = {"caption": "禁毒社工在社区开展宣传", "credit": "自强社工"}

    def get_preview_value(self):
        """The preview shows a real picture: the newest image in the library, if any."""
        from wagtail.images import get_image_model

        value = dict(self.meta.preview_value)
        value["image"] = get_image_model().objects.order_by("-pk").first()
        return self.to_python({**value, "image": value["image"].pk if value["image"] else None})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = BLOCK_TEMPLATES + "quote_block.html"
        description = _("A quotation with the name of who said it.")
        preview_value = {
            "text": "案主不是病人，而是一位在前行的道路中摔倒而需要伴他同行的人。",
            "attribution": "上海市自强社会服务总社",
        }


class KeyFactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), default=_("Key facts"), max_length=120)
    facts = blocks.ListBlock(blocks.CharBlock(label=_("fact"), max_length=255), label=_("facts"))

    class Meta:
        icon = "list-ul"
        label = _("Key facts")
        template = BLOCK_TEMPLATES + "key_facts_block.html"
        description = _("A short boxed list of the facts a reader should remember.")
        preview_value = {
            "title": "要点",
            "facts": ["毒品会让人上瘾", "吸毒违法", "遇到困难可以拨打求助热线"],
        }


class MythFactBlock(blocks.StructBlock):
    myth = blocks.CharBlock(label=_("myth"), max_length=255)
    fact = blocks.TextBlock(label=_("fact"))

    class Meta:
        icon = "help"
        label = _("Myth and fact")
        template = BLOCK_TEMPLATES + "myth_fact_block.html"
        description = _("A common belief and the truth about it.")
        preview_value = {
            "myth": "只吸一次不会上瘾。",
            "fact": "很多毒品第一次使用就可能产生依赖，新型毒品尤其如此。",
        }


class HelpCalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"))
    phone = blocks.CharBlock(
        label=_("phone"),
        required=False,
        max_length=40,
        help_text=_("Leave empty to show the site's 24-hour hotline."),
    )
    page = blocks.PageChooserBlock(label=_("link to page"), required=False)

    class Meta:
        icon = "warning"
        label = _("Help and hotline")
        template = BLOCK_TEMPLATES + "help_callout_block.html"
        description = _("Where to get help: the hotline and a link, in a box that stands out.")
        preview_value = {
            "title": "需要帮助？",
            "text": "如果你或你的家人正在受毒品困扰，请拨打24小时求助热线，社工会保护你的隐私。",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        template = BLOCK_TEMPLATES + "video_block.html"
        description = _("A video embedded from a video site, with a caption.")
        preview_value = {"caption": "禁毒宣传片"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, max_length=255, help_text=_("Defaults to the title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = BLOCK_TEMPLATES + "document_block.html"
        description = _("A file readers can download: a poster, leaflet or lesson plan.")
        preview_value = {"title": "禁毒宣传海报（PDF）"}


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=255)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external URL"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter a URL, not both.")
            raise StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class RelatedLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), default=_("Related links"), max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("links"))

    class Meta:
        icon = "list-ul"
        label = _("Related links")
        template = BLOCK_TEMPLATES + "related_links_block.html"
        description = _("A list of links to pages on this site or elsewhere.")
        preview_value = {
            "title": "相关链接",
            "links": [{"title": "中国禁毒网", "url": "https://www.nncc626.com/"}],
        }


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template=BLOCK_TEMPLATES + "paragraph_block.html",
        description=_("Text with links, lists and emphasis."),
        preview_value="<p>毒品是指鸦片、海洛因、甲基苯丙胺（冰毒）、吗啡、大麻、可卡因等能够使人形成瘾癖的麻醉药品和精神药品。</p>",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_facts = KeyFactsBlock()
    myth_fact = MythFactBlock()
    help_callout = HelpCalloutBlock()
    video = VideoBlock()
    document = DocumentBlock()
    related_links = RelatedLinksBlock()

    class Meta:
        block_counts = {}


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=255)
    correct = blocks.BooleanBlock(label=_("correct answer"), required=False)

    class Meta:
        icon = "tick"
        label = _("Answer")


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=255)
    options = blocks.ListBlock(QuizOptionBlock(), label=_("answers"), min_num=2, max_num=6)
    explanation = blocks.RichTextBlock(
        label=_("explanation"), features=["bold", "italic", "link"], required=False
    )

    def clean(self, value):
        value = super().clean(value)
        correct = [option for option in value["options"] if option["correct"]]
        if len(correct) != 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark exactly one answer as correct."))}
            )
        return value

    class Meta:
        icon = "help"
        label = _("Question")
        template = BLOCK_TEMPLATES + "quiz_question_block.html"
        description = _("A question with answers; one of them is right.")
        preview_value = {
            "question": "以下哪一种是毒品？",
            "options": [
                {"text": "冰毒", "correct": True},
                {"text": "感冒药", "correct": False},
            ],
            "explanation": "<p>冰毒即甲基苯丙胺，是常见的合成毒品。</p>",
        }


class AudienceEntryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=60)
    text = blocks.CharBlock(label=_("text"), max_length=160, required=False)
    page = blocks.PageChooserBlock(label=_("page"))

    class Meta:
        icon = "group"
        label = _("Entry point")
        template = BLOCK_TEMPLATES + "audience_entry_block.html"
        description = _("A door into the site for one audience: students, parents, teachers…")
        preview_value = {"title": "我是学生", "text": "认识毒品，学会拒绝"}
