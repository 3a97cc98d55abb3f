"""Sample craft experiences with sessions in the coming weeks, for `load_demo`.

Runs after the catalogue's demo, whose producers sell the tickets. Running it again adds nothing,
except new sessions for an experience whose sample sessions have all gone by.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from oscar.core.loading import get_model

from villages.models import CraftspersonPage, VillagePage

from .models import ExperienceIndexPage, ExperiencePage, ExperienceSession

Partner = get_model("partner", "Partner")

EXPERIENCES = [
    {
        "slug": "se-huong-hoi-na-phieng",
        "host": "nghe-nhan-hoang-thi-lan",
        "village": "lang-huong-na-phieng",
        "producer": "huong-na-phieng",
        "price": 350000,
        "minutes": 150,
        "languages": ["vi", "tay", "en"],
        "group": (2, 8),
        # (days from today, hour, minute, seats)
        "sessions": [(3, 8, 30, 8), (7, 8, 30, 8), (10, 14, 0, 3), (17, 8, 30, 8)],
        "position": ("22.285400", "106.460600"),
        "image": ("sticks", "anise"),
        "vi": {
            "title": "Se hương hồi cùng nghệ nhân Hoàng Thị Lan",
            "introduction": "Trộn bột vỏ cây với hoa hồi, se hương quanh que tre rồi phơi nắng trên sân nhà nghệ nhân.",
            "meeting_point": "Nhà văn hóa bản Nà Phiêng",
            "included": "Nguyên liệu và dụng cụ\nMột bó hương tự làm mang về\nTrà hồi và bánh gio",
        },
        "en": {
            "title": "Roll star-anise incense with artisan Hoàng Thị Lan",
            "introduction": "Mix bark powder with star anise, roll incense around bamboo sticks and dry them in the artisan's yard.",
            "meeting_point": "Nà Phiêng village hall",
            "included": "Materials and tools\nA bundle of your own incense to take home\nAnise tea and ash cakes",
        },
        "zh-hans": {
            "title": "跟黄氏兰艺人学搓八角香",
            "introduction": "把树皮粉和八角拌匀，绕着竹签搓香，再在艺人家的院子里晾晒。",
            "meeting_point": "那平村文化之家",
            "included": "材料和工具\n一把亲手做的香带回家\n八角茶和灰水粽",
        },
    },
    {
        "slug": "nan-ngoi-am-duong-long-hung",
        "host": "tho-gioi-nong-van-minh",
        "village": "ngoi-am-duong-long-hung",
        "producer": None,
        "price": 300000,
        "minutes": 180,
        "languages": ["vi", "tay"],
        "group": (1, 10),
        "sessions": [(4, 8, 0, 10), (11, 8, 0, 10), (18, 13, 30, 10)],
        "position": ("21.899800", "106.322100"),
        "image": ("tiles", "earth"),
        "vi": {
            "title": "Nặn ngói âm dương ở lò ngói Long Hưng",
            "introduction": "Nhào đất, nặn ngói trên khuôn gỗ và xem ra lò cùng thợ giỏi Nông Văn Minh.",
            "meeting_point": "Lò ngói nhà ông Minh, thôn Long Hưng",
            "included": "Hướng dẫn của thợ\nMột viên ngói khắc tên mang về\nNước uống",
        },
        "en": {
            "title": "Shape yin-yang roof tiles at a Long Hưng kiln",
            "introduction": "Knead the clay, shape tiles on a wooden mould and watch a kiln being opened with master tiler Nông Văn Minh.",
            "meeting_point": "Mr Minh's tile kiln, Long Hưng hamlet",
            "included": "The tiler's guidance\nA tile with your name to take home\nDrinking water",
        },
        "zh-hans": {
            "title": "在隆兴瓦窑做阴阳瓦",
            "introduction": "跟巧匠农文明一起和泥、用木模做瓦，观看开窑。",
            "meeting_point": "隆兴村明师傅家瓦窑",
            "included": "师傅指导\n一块刻名字的瓦带回家\n饮用水",
        },
    },
    {
        "slug": "ve-mat-na-meo-su-tu-mai-pha",
        "host": "nghe-nhan-luong-van-tuan",
        "village": "mat-na-meo-su-tu-mai-pha",
        "producer": "mat-na-mai-pha",
        "price": 450000,
        "minutes": 120,
        "languages": ["vi", "nung", "zh-hans"],
        "group": (1, 6),
        "sessions": [(2, 14, 0, 6), (9, 14, 0, 6), (16, 9, 0, 6), (23, 14, 0, 6)],
        "position": ("21.833300", "106.746700"),
        "image": ("brocade", "anise"),
        "vi": {
            "title": "Vẽ mặt nạ mèo sư tử với nghệ nhân Lương Văn Tuấn",
            "introduction": "Tự tay vẽ một chiếc mặt nạ giấy bồi cho điệu múa sư tử mèo, theo mẫu của người Tày, Nùng.",
            "meeting_point": "Nhà nghệ nhân Tuấn, khối Mai Pha",
            "included": "Một mặt nạ giấy bồi để vẽ và mang về\nMàu và bút\nChuyện kể về múa sư tử mèo",
        },
        "en": {
            "title": "Paint a cat-lion mask with Meritorious Artisan Lương Văn Tuấn",
            "introduction": "Paint your own papier-mâché mask for the cat-lion dance, after the Tày and Nùng patterns.",
            "meeting_point": "Artisan Tuấn's house, Mai Pha quarter",
            "included": "A papier-mâché mask to paint and take home\nPaints and brushes\nStories of the cat-lion dance",
        },
        "zh-hans": {
            "title": "跟优秀艺人梁文俊画猫狮面具",
            "introduction": "按照岱族、侬族的图案，亲手彩绘一个猫狮舞用的纸糊面具。",
            "meeting_point": "梅坡区俊艺人家",
            "included": "一个纸糊面具，画好带回家\n颜料和画笔\n猫狮舞的故事",
        },
    },
]

INDEX = {
    "vi": {
        "title": "Trải nghiệm làng nghề",
        "introduction": "Một buổi làm nghề cùng nghệ nhân: đặt chỗ trực tuyến, thanh toán như khi mua hàng.",
    },
    "en": {
        "title": "Craft experiences",
        "introduction": "A session at the workbench with a master craftsperson: book online, pay as in the shop.",
    },
    "zh-hans": {
        "title": "手工艺体验",
        "introduction": "跟艺人一起动手做手艺：在线预订，像购物一样付款。",
    },
}


def sample_sessions(spec, today=None):
    """The spec's sessions, dated from `today` in Lạng Sơn time."""
    today = today or timezone.localdate()
    sessions = []
    for order, (days, hour, minute, seats) in enumerate(spec["sessions"]):
        day = today + datetime.timedelta(days=days)
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        sessions.append(ExperienceSession(starts_at=starts, seats=seats, sort_order=order))
    return sessions


def load(demo):
    index = demo.page(demo.pages["home"], ExperienceIndexPage, "trai-nghiem", INDEX)
    demo.pages["experiences"] = index
    vi = demo.locales["vi"]
    for spec in EXPERIENCES:
        host = CraftspersonPage.objects.get(slug=spec["host"], locale=vi)
        village = VillagePage.objects.get(slug=spec["village"], locale=vi)
        producer = Partner.objects.filter(code=spec["producer"]).first()
        motif, palette = spec["image"]
        latitude, longitude = spec["position"]
        page = demo.page(
            index,
            ExperiencePage,
            spec["slug"],
            {code: spec[code] for code in ("vi", "en", "zh-hans")},
            host=host,
            village=village,
            producer=producer,
            price=spec["price"],
            duration_minutes=spec["minutes"],
            languages=spec["languages"],
            group_min=spec["group"][0],
            group_max=spec["group"][1],
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            hero_image=demo.image(spec["vi"]["title"], palette, motif, spec["vi"]["title"]),
            sessions=sample_sessions(spec),
        )
        if not page.sessions.filter(starts_at__gt=timezone.now()).exists():
            # A demo loaded weeks ago: its sessions have gone by, so offer new ones.
            for session in sample_sessions(spec):
                page.sessions.add(session)
            page.save_revision().publish()
    demo.say(f"Experiences: {ExperiencePage.objects.filter(locale=vi).count()}")
