"""Sample villages and Geopark sites of Lạng Sơn for `load_demo` (marked as sample content)."""

from decimal import Decimal

from .models import GeoparkIndexPage, GeoparkSitePage, VillageIndexPage, VillagePage


def story(paragraphs, quote=None):
    body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    if quote:
        body.insert(1, ("quote", {"text": quote[0], "attribution": quote[1]}))
    return body


VILLAGES = [
    {
        "slug": "ngoi-am-duong-long-hung",
        "commune": "xã Bắc Sơn",
        "former_district": "Bắc Sơn",
        "position": ("21.8996", "106.3218"),
        "image": ("tiles", "earth", "Mái ngói âm dương xếp lớp"),
        "vi": {
            "title": "Làng ngói âm dương Long Hưng",
            "crafts": "Làm ngói âm dương",
            "introduction": "Người Tày ở Long Hưng nặn ngói âm dương bằng tay, nung trong lò đất. Làng là điểm số 20 của Công viên địa chất.",
            "body": story(
                [
                    "Ngói âm dương lợp những ngôi nhà trình tường của thung lũng Bắc Sơn.",
                    "Du khách có thể xem nhào đất, nặn ngói trên khuôn gỗ và ra lò.",
                ],
                ("Đất tốt, lửa đều thì ngói mới kêu như chuông.", "Một thợ làm ngói (mẫu)"),
            ),
        },
        "en": {
            "title": "Long Hưng yin-yang roof-tile village",
            "crafts": "Yin-yang roof tiles",
            "introduction": "Tày potters of Long Hưng shape yin-yang roof tiles by hand and fire them in earth kilns. The village is site no. 20 of the Geopark.",
            "body": story(
                [
                    "Yin-yang tiles roof the rammed-earth houses of the Bắc Sơn valley.",
                    "Visitors can watch the clay being worked, shaped on wooden moulds and taken from the kiln.",
                ],
                (
                    "Good clay and an even fire make a tile ring like a bell.",
                    "A tile maker (sample)",
                ),
            ),
        },
        "zh-hans": {
            "title": "隆兴阴阳瓦村",
            "crafts": "阴阳瓦制作",
            "introduction": "隆兴的岱族陶工手工制作阴阳瓦，并在土窑中烧制。该村是地质公园第20号景点。",
            "body": story(
                ["阴阳瓦覆盖着北山山谷的夯土房屋。", "游客可以观看和泥、木模成型和出窑的过程。"]
            ),
        },
    },
    {
        "slug": "lang-huong-na-phieng",
        "commune": "xã Tràng Định",
        "former_district": "Tràng Định",
        "position": ("22.2856", "106.4601"),
        "image": ("sticks", "anise", "Những bó hương phơi trước sân"),
        "vi": {
            "title": "Làng hương Nà Phiêng",
            "crafts": "Làm hương",
            "introduction": "Cả bản Nà Phiêng làm hương từ bột vỏ cây, lá và hoa hồi; tháng Chạp sân nhà nào cũng đỏ màu hương phơi.",
            "body": story(
                [
                    "Hương được se bằng tay quanh que tre rồi phơi nắng.",
                    "Mùa đẹp nhất để đến là những tuần trước Tết.",
                ]
            ),
        },
        "en": {
            "title": "Nà Phiêng incense village",
            "crafts": "Incense making",
            "introduction": "The whole of Nà Phiêng makes incense from bark powder, leaves and star anise; in the last lunar month every yard is red with drying sticks.",
            "body": story(
                [
                    "Incense is rolled by hand around bamboo sticks, then dried in the sun.",
                    "The best time to come is the weeks before Tết.",
                ]
            ),
        },
        "zh-hans": {
            "title": "那平制香村",
            "crafts": "制香",
            "introduction": "那平全村用树皮粉、树叶和八角制香；腊月里家家院子都晒满红色的香。",
            "body": story(
                ["香是手工搓在竹签上，再放在阳光下晒干。", "最好的参观时间是春节前几周。"]
            ),
        },
    },
    {
        "slug": "ruou-men-la-mau-son",
        "commune": "xã Công Sơn",
        "former_district": "Cao Lộc",
        "position": ("21.8610", "106.9388"),
        "image": ("mountains", "forest", "Núi Mẫu Sơn trong sương"),
        "vi": {
            "title": "Rượu men lá Mẫu Sơn",
            "crafts": "Nấu rượu men lá",
            "introduction": "Người Dao ở chân núi Mẫu Sơn ủ rượu bằng men làm từ hàng chục loại lá rừng.",
            "body": story(
                [
                    "Men lá được giã, nắm thành viên và phơi trên gác bếp.",
                    "Rượu chưng cất trong nồi đồng, uống êm và thơm mùi lá.",
                ]
            ),
        },
        "en": {
            "title": "Mẫu Sơn leaf-yeast rice wine",
            "crafts": "Leaf-yeast rice wine",
            "introduction": "Dao families at the foot of Mẫu Sơn mountain brew rice wine with a yeast made from dozens of forest leaves.",
            "body": story(
                [
                    "The leaves are pounded, rolled into balls and dried above the kitchen fire.",
                    "The wine is distilled in copper pots; it is smooth and smells of leaves.",
                ]
            ),
        },
        "zh-hans": {
            "title": "母山叶曲米酒",
            "crafts": "叶曲米酒酿造",
            "introduction": "母山脚下的瑶族人家用几十种山林树叶制成的酒曲酿米酒。",
            "body": story(
                [
                    "树叶捣碎后搓成丸，放在灶台上方晾干。",
                    "米酒在铜锅中蒸馏，口感柔和，带有树叶清香。",
                ]
            ),
        },
    },
    {
        "slug": "hoi-van-quan",
        "commune": "xã Văn Quan",
        "former_district": "Văn Quan",
        "position": ("21.8569", "106.5453"),
        "image": ("sticks", "anise", "Hoa hồi phơi trên nong"),
        "vi": {
            "title": "Vùng hồi Văn Quan",
            "crafts": "Trồng hồi, chưng cất tinh dầu hồi",
            "introduction": "Hồi Văn Quan mang chỉ dẫn địa lý từ năm 2007; các hộ chưng cất tinh dầu hồi ngay bên đồi hồi.",
            "body": story(
                [
                    "Hồi chín được hái hai vụ mỗi năm, phơi khô hoặc chưng cất lấy tinh dầu.",
                    "Khách có thể lên đồi hồi và xem một mẻ chưng cất.",
                ]
            ),
        },
        "en": {
            "title": "Văn Quan star-anise country",
            "crafts": "Star anise growing and oil distilling",
            "introduction": "Văn Quan star anise has carried a geographical indication since 2007; households distil star-anise oil beside their groves.",
            "body": story(
                [
                    "Ripe star anise is picked twice a year, dried or distilled for its oil.",
                    "Visitors can walk the anise hills and watch a batch being distilled.",
                ]
            ),
        },
        "zh-hans": {
            "title": "文关八角产区",
            "crafts": "八角种植与八角油蒸馏",
            "introduction": "文关八角自2007年起获得地理标志；农户在八角林旁蒸馏八角油。",
            "body": story(
                [
                    "成熟的八角每年采摘两季，晒干或蒸馏取油。",
                    "游客可以走上八角山，观看一锅八角油的蒸馏。",
                ]
            ),
        },
    },
    {
        "slug": "mat-na-meo-su-tu-mai-pha",
        "commune": "phường Kỳ Lừa",
        "former_district": "TP. Lạng Sơn",
        "position": ("21.8331", "106.7465"),
        "image": ("brocade", "anise", "Hoa văn mặt nạ mèo sư tử"),
        "vi": {
            "title": "Mặt nạ mèo sư tử Mai Pha",
            "crafts": "Làm mặt nạ mèo sư tử",
            "introduction": "Nghệ nhân Mai Pha bồi giấy, vẽ màu làm mặt nạ cho điệu múa sư tử mèo của người Tày, Nùng.",
            "body": story(
                [
                    "Mỗi mặt nạ mất nhiều ngày: bồi giấy trên khuôn, phơi, rồi vẽ.",
                    "Mùa múa là dịp Tết và rằm tháng Giêng.",
                ]
            ),
        },
        "en": {
            "title": "Mai Pha cat-lion masks",
            "crafts": "Cat-lion mask making",
            "introduction": "Mai Pha craftspeople layer paper and paint masks for the cat-lion dance of the Tày and Nùng.",
            "body": story(
                [
                    "Each mask takes days: paper layered on a mould, dried, then painted.",
                    "The dances come at Tết and the first full moon of the year.",
                ]
            ),
        },
        "zh-hans": {
            "title": "梅坡猫狮面具",
            "crafts": "猫狮面具制作",
            "introduction": "梅坡的艺人用纸层层裱糊、彩绘，为岱族、侬族的猫狮舞制作面具。",
            "body": story(
                ["每个面具要花好几天：在模具上裱纸、晾干，再彩绘。", "春节和正月十五是舞狮的季节。"]
            ),
        },
    },
]

GEOPARK_SITES = [
    {
        "slug": "hang-tham-khuyen",
        "kind": "geological",
        "position": ("21.9410", "106.3880"),
        "image": ("mountains", "stone", "Cửa hang đá vôi"),
        "vi": {
            "title": "Hang Thẩm Khuyên",
            "introduction": "Hang đá vôi nơi tìm thấy dấu tích người tiền sử và hóa thạch động vật.",
        },
        "en": {
            "title": "Thẩm Khuyên cave",
            "introduction": "A limestone cave that has yielded traces of prehistoric people and animal fossils.",
        },
        "zh-hans": {
            "title": "坦昆洞",
            "introduction": "一座石灰岩洞穴，发现了史前人类遗迹和动物化石。",
        },
    },
    {
        "slug": "den-bac-le",
        "kind": "cultural",
        "position": ("21.5806", "106.3097"),
        "image": ("tiles", "anise", "Mái đền cổ"),
        "vi": {
            "title": "Đền Bắc Lệ",
            "introduction": "Đền thờ Mẫu nổi tiếng, cũng là sản phẩm du lịch OCOP đầu tiên của tỉnh.",
        },
        "en": {
            "title": "Bắc Lệ temple",
            "introduction": "A well-known Mother Goddess temple, also the province's first OCOP tourism product.",
        },
        "zh-hans": {
            "title": "北丽庙",
            "introduction": "著名的母神庙，也是本省第一个OCOP旅游产品。",
        },
    },
    {
        "slug": "khu-bao-ton-huu-lien",
        "kind": "biological",
        "position": ("21.6890", "106.3420"),
        "image": ("mountains", "forest", "Rừng trên núi đá vôi"),
        "vi": {
            "title": "Khu bảo tồn thiên nhiên Hữu Liên",
            "introduction": "Rừng trên núi đá vôi với nhiều loài động thực vật quý.",
        },
        "en": {
            "title": "Hữu Liên nature reserve",
            "introduction": "Forest on limestone mountains, home to many rare plants and animals.",
        },
        "zh-hans": {
            "title": "友联自然保护区",
            "introduction": "石灰岩山上的森林，栖息着许多珍稀动植物。",
        },
    },
    {
        "slug": "bon-trung-na-duong",
        "kind": "geological",
        "position": ("21.7010", "106.9750"),
        "image": ("mountains", "earth", "Các lớp trầm tích"),
        "vi": {
            "title": "Bồn trũng Na Dương",
            "introduction": "Bồn trũng với các lớp trầm tích và hóa thạch kể lại hàng chục triệu năm.",
        },
        "en": {
            "title": "Na Dương basin",
            "introduction": "A basin whose sediment layers and fossils tell tens of millions of years.",
        },
        "zh-hans": {
            "title": "那阳盆地",
            "introduction": "盆地中的沉积层和化石记录了数千万年的历史。",
        },
    },
]


def load(demo):
    home = demo.pages["home"]
    villages = demo.page(
        home,
        VillageIndexPage,
        "lang-nghe",
        {
            "vi": {
                "title": "Làng nghề",
                "introduction": "Các làng nghề truyền thống của Lạng Sơn: đến xem, học và mua tận nơi.",
            },
            "en": {
                "title": "Craft villages",
                "introduction": "The traditional craft villages of Lạng Sơn: come to watch, learn and buy.",
            },
            "zh-hans": {
                "title": "手工艺村",
                "introduction": "谅山的传统手工艺村：来参观、学习、购买。",
            },
        },
    )
    geopark = demo.page(
        home,
        GeoparkIndexPage,
        "cong-vien-dia-chat",
        {
            "vi": {
                "title": "Công viên địa chất",
                "introduction": "Công viên địa chất toàn cầu UNESCO Lạng Sơn: khoảng 4.843 km², 4 tuyến, 38 điểm di sản.",
            },
            "en": {
                "title": "Geopark",
                "introduction": "The Lạng Sơn UNESCO Global Geopark: about 4,843 km², 4 routes, 38 heritage sites.",
            },
            "zh-hans": {
                "title": "地质公园",
                "introduction": "联合国教科文组织谅山世界地质公园：约4843平方公里，4条线路，38个遗产点。",
            },
        },
    )
    demo.pages.update(villages=villages, geopark=geopark)
    for spec in VILLAGES + extra_villages(demo):
        page = _place(
            demo,
            villages,
            VillagePage,
            spec,
            commune=spec["commune"],
            former_district=spec["former_district"],
        )
        demo.pages.setdefault("village_list", []).append(page)
    for spec in GEOPARK_SITES:
        page = _place(demo, geopark, GeoparkSitePage, spec, kind=spec["kind"])
        demo.pages.setdefault("geopark_list", []).append(page)
    demo.say(
        f"Villages: {len(demo.pages['village_list'])}, Geopark sites: {len(demo.pages['geopark_list'])}"
    )


def _place(demo, parent, model, spec, **fields):
    motif, palette, alt = spec["image"]
    image = demo.image(spec.get("image_title", spec["vi"]["title"]), palette, motif, alt)
    latitude, longitude = spec["position"]
    return demo.page(
        parent,
        model,
        spec["slug"],
        {code: spec[code] for code in ("vi", "en", "zh-hans")},
        hero_image=image,
        latitude=Decimal(latitude),
        longitude=Decimal(longitude),
        **fields,
    )


def extra_villages(demo):
    """For `--scale N`: one more sample village per hundred products beyond the first five."""
    count = max(0, demo.scale // 100 - len(VILLAGES))
    crafts = [village["vi"]["crafts"] for village in VILLAGES]
    specs = []
    for number in range(1, count + 1):
        craft = crafts[number % len(crafts)]
        specs.append(
            {
                "slug": f"lang-mau-{number}",
                "commune": f"xã Mẫu {number}",
                "former_district": ["Bắc Sơn", "Tràng Định", "Cao Lộc", "Văn Quan", "Lộc Bình"][
                    number % 5
                ],
                "position": (
                    f"{21.5 + (number % 80) / 100:.4f}",
                    f"{106.2 + (number % 90) / 100:.4f}",
                ),
                "image": (("tiles", "sticks", "brocade")[number % 3], "indigo", "Hoa văn mẫu"),
                "image_title": f"Hoa văn mẫu {number % 3}",
                "vi": {
                    "title": f"Làng mẫu số {number}",
                    "crafts": craft,
                    "introduction": "Làng mẫu cho thử tải.",
                },
                "en": {
                    "title": f"Sample village {number}",
                    "crafts": craft,
                    "introduction": "A sample village for load tests.",
                },
                "zh-hans": {
                    "title": f"示例村 {number}",
                    "crafts": craft,
                    "introduction": "用于负载测试的示例村。",
                },
            }
        )
    return specs
