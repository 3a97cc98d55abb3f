"""Sample villages and Geopark sites of Lạng Sơn for `load_demo` (marked as sample content)."""

from decimal import Decimal

from .models import (
    CraftPage,
    CraftspersonPage,
    EventPage,
    GeoparkIndexPage,
    GeoparkSitePage,
    ShowroomPage,
    VillageIndexPage,
    VillagePage,
)


def story(paragraphs, quote=None, timeline=None):
    body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    if quote:
        body.insert(1, ("quote", {"text": quote[0], "attribution": quote[1]}))
    if timeline:
        body.append(
            ("timeline", {"entries": [{"when": when, "what": what} for when, what in timeline]})
        )
    return body


# The history of Long Hưng's tiles, told the same way in each language (sample content).
TILE_HISTORY = {
    "vi": [
        ("Thế kỷ 19", "Người Tày ở Long Hưng bắt đầu nặn ngói âm dương cho nhà trình tường."),
        ("Những năm 1990", "Mái tôn thay dần mái ngói; chỉ còn vài lò giữ nghề."),
        ("2024", "Long Hưng trở thành điểm số 20 của Công viên địa chất toàn cầu UNESCO Lạng Sơn."),
    ],
    "en": [
        (
            "19th century",
            "The Tày of Long Hưng begin shaping yin-yang tiles for their rammed-earth houses.",
        ),
        ("1990s", "Metal roofs replace tiles; only a few kilns keep the craft alive."),
        ("2024", "Long Hưng becomes site no. 20 of the Lạng Sơn UNESCO Global Geopark."),
    ],
    "zh-hans": [
        ("19世纪", "隆兴的岱族人开始为夯土房屋手工制作阴阳瓦。"),
        ("1990年代", "铁皮屋顶逐渐取代瓦顶，只剩几座窑坚守手艺。"),
        ("2024年", "隆兴成为联合国教科文组织谅山世界地质公园第20号景点。"),
    ],
}


VILLAGES = [
    {
        "slug": "ngoi-am-duong-long-hung",
        "crafts": ["ngoi-am-duong"],
        "plan": {
            "recognition": "traditional_craft_village",
            "recognition_year": 2023,
            "linked_to_tourism": True,
            "households": 42,
            "workers": 95,
            "preservation": "restoring",
        },
        "commune": "xã Bắc Sơn",
        "former_district": "Bắc Sơn",
        "position": ("21.8996", "106.3218"),
        "image": ("tiles", "earth", "Mái ngói âm dương xếp lớp"),
        "vi": {
            "title": "Làng ngói âm dương Long Hưng",
            "introduction": "Người Tày ở Long Hưng nặn ngói âm dương bằng tay, nung trong lò đất. Làng là điểm số 20 của Công viên địa chất.",
            "body": story(
                [
                    "Ngói âm dương lợp những ngôi nhà trình tường của thung lũng Bắc Sơn.",
                    "Du khách có thể xem nhào đất, nặn ngói trên khuôn gỗ và ra lò.",
                ],
                ("Đất tốt, lửa đều thì ngói mới kêu như chuông.", "Một thợ làm ngói (mẫu)"),
                TILE_HISTORY["vi"],
            ),
        },
        "en": {
            "title": "Long Hưng yin-yang roof-tile village",
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
                TILE_HISTORY["en"],
            ),
        },
        "zh-hans": {
            "title": "隆兴阴阳瓦村",
            "introduction": "隆兴的岱族陶工手工制作阴阳瓦，并在土窑中烧制。该村是地质公园第20号景点。",
            "body": story(
                ["阴阳瓦覆盖着北山山谷的夯土房屋。", "游客可以观看和泥、木模成型和出窑的过程。"],
                timeline=TILE_HISTORY["zh-hans"],
            ),
        },
    },
    {
        "slug": "lang-huong-na-phieng",
        "crafts": ["lam-huong"],
        "plan": {
            "recognition": "craft_village",
            "recognition_year": 2022,
            "linked_to_tourism": True,
            "households": 60,
            "workers": 140,
        },
        "commune": "xã Tràng Định",
        "former_district": "Tràng Định",
        "position": ("22.2856", "106.4601"),
        "image": ("sticks", "anise", "Những bó hương phơi trước sân"),
        "vi": {
            "title": "Làng hương Nà Phiêng",
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
            "introduction": "那平全村用树皮粉、树叶和八角制香；腊月里家家院子都晒满红色的香。",
            "body": story(
                ["香是手工搓在竹签上，再放在阳光下晒干。", "最好的参观时间是春节前几周。"]
            ),
        },
    },
    {
        "slug": "ruou-men-la-mau-son",
        "crafts": ["ruou-men-la"],
        "plan": {
            "recognition": "traditional_craft",
            "recognition_year": 2021,
            "linked_to_tourism": True,
            "households": 35,
            "workers": 70,
        },
        "commune": "xã Công Sơn",
        "former_district": "Cao Lộc",
        "position": ("21.8610", "106.9388"),
        "image": ("mountains", "forest", "Núi Mẫu Sơn trong sương"),
        "vi": {
            "title": "Rượu men lá Mẫu Sơn",
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
        "crafts": ["tinh-dau-hoi"],
        "plan": {
            "recognition": "craft_village",
            "recognition_year": 2020,
            "geographical_indication": "GI 00011 (2007)",
            "collective_trademark": "(mẫu) NH-TT 2019",
            "households": 120,
            "workers": 260,
        },
        "commune": "xã Văn Quan",
        "former_district": "Văn Quan",
        "position": ("21.8569", "106.5453"),
        "image": ("sticks", "anise", "Hoa hồi phơi trên nong"),
        "vi": {
            "title": "Vùng hồi Văn Quan",
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
        "crafts": ["mat-na-giay"],
        "plan": {"recognition": "none", "preservation": "at_risk", "households": 6, "workers": 9},
        "commune": "phường Kỳ Lừa",
        "former_district": "TP. Lạng Sơn",
        "position": ("21.8331", "106.7465"),
        "image": ("brocade", "anise", "Hoa văn mặt nạ mèo sư tử"),
        "vi": {
            "title": "Mặt nạ mèo sư tử Mai Pha",
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


CRAFTS = [
    {
        "slug": "ngoi-am-duong",
        "status": "restoring",
        "image": ("tiles", "earth"),
        "vi": {
            "title": "Làm ngói âm dương",
            "introduction": "Ngói nặn tay, nung lò đất, lợp nhà trình tường của người Tày.",
        },
        "en": {
            "title": "Yin-yang roof tiles",
            "introduction": "Hand-shaped tiles fired in earth kilns, roofing the Tày rammed-earth houses.",
        },
        "zh-hans": {
            "title": "阴阳瓦制作",
            "introduction": "手工成型、土窑烧制的瓦片，覆盖岱族夯土房屋。",
        },
    },
    {
        "slug": "lam-huong",
        "status": "thriving",
        "image": ("sticks", "anise"),
        "vi": {"title": "Làm hương", "introduction": "Hương se tay từ bột vỏ cây, lá và hoa hồi."},
        "en": {
            "title": "Incense making",
            "introduction": "Incense rolled by hand from bark powder, leaves and star anise.",
        },
        "zh-hans": {"title": "制香", "introduction": "用树皮粉、树叶和八角手工搓制的香。"},
    },
    {
        "slug": "ruou-men-la",
        "status": "thriving",
        "image": ("mountains", "forest"),
        "vi": {
            "title": "Nấu rượu men lá",
            "introduction": "Rượu gạo ủ men từ lá rừng của người Dao.",
        },
        "en": {
            "title": "Leaf-yeast rice wine",
            "introduction": "Rice wine brewed with a yeast of forest leaves by the Dao.",
        },
        "zh-hans": {"title": "叶曲米酒", "introduction": "瑶族用山林树叶酒曲酿造的米酒。"},
    },
    {
        "slug": "tinh-dau-hoi",
        "status": "thriving",
        "image": ("sticks", "earth"),
        "vi": {
            "title": "Chưng cất tinh dầu hồi",
            "introduction": "Tinh dầu từ hoa hồi Văn Quan, vùng có chỉ dẫn địa lý.",
        },
        "en": {
            "title": "Star-anise oil distilling",
            "introduction": "Oil from Văn Quan star anise, a geographical indication.",
        },
        "zh-hans": {
            "title": "八角油蒸馏",
            "introduction": "以文关八角（地理标志产品）蒸馏的精油。",
        },
    },
    {
        "slug": "mat-na-giay",
        "status": "at_risk",
        "image": ("brocade", "anise"),
        "vi": {
            "title": "Làm mặt nạ giấy bồi",
            "introduction": "Mặt nạ bồi giấy cho múa sư tử mèo; còn rất ít người làm.",
        },
        "en": {
            "title": "Papier-mâché masks",
            "introduction": "Masks for the cat-lion dance; very few people still make them.",
        },
        "zh-hans": {
            "title": "纸糊面具",
            "introduction": "猫狮舞用的纸糊面具，如今会做的人已很少。",
        },
    },
]

CRAFTSPEOPLE = [
    {
        "village": "lang-huong-na-phieng",
        "slug": "nghe-nhan-hoang-thi-lan",
        "craft": "lam-huong",
        "honour": "provincial_artisan",
        "teaches": True,
        "hosts_visitors": True,
        "image": ("sticks", "anise"),
        "vi": {
            "title": "Nghệ nhân Hoàng Thị Lan (mẫu)",
            "introduction": "Bốn mươi năm se hương, bà dạy nghề cho thanh niên trong bản.",
        },
        "en": {
            "title": "Artisan Hoàng Thị Lan (sample)",
            "introduction": "Forty years of rolling incense; she teaches the craft to the village's young people.",
        },
        "zh-hans": {
            "title": "黄氏兰艺人（示例）",
            "introduction": "制香四十年，向村里年轻人传授手艺。",
        },
    },
    {
        "village": "ngoi-am-duong-long-hung",
        "slug": "tho-gioi-nong-van-minh",
        "craft": "ngoi-am-duong",
        "honour": "skilled_worker",
        "teaches": True,
        "hosts_visitors": True,
        "image": ("tiles", "earth"),
        "vi": {
            "title": "Thợ giỏi Nông Văn Minh (mẫu)",
            "introduction": "Một trong số ít người còn giữ lò ngói cổ ở Long Hưng.",
        },
        "en": {
            "title": "Master tiler Nông Văn Minh (sample)",
            "introduction": "One of the few who still keep an old tile kiln in Long Hưng.",
        },
        "zh-hans": {
            "title": "巧匠农文明（示例）",
            "introduction": "隆兴少数仍守着老瓦窑的人之一。",
        },
    },
    {
        "village": "mat-na-meo-su-tu-mai-pha",
        "slug": "nghe-nhan-luong-van-tuan",
        "craft": "mat-na-giay",
        "honour": "meritorious_artisan",
        "teaches": False,
        "hosts_visitors": True,
        "image": ("brocade", "anise"),
        "vi": {
            "title": "Nghệ nhân ưu tú Lương Văn Tuấn (mẫu)",
            "introduction": "Người vẽ mặt nạ mèo sư tử lâu năm nhất Mai Pha.",
        },
        "en": {
            "title": "Meritorious Artisan Lương Văn Tuấn (sample)",
            "introduction": "Mai Pha's longest-serving painter of cat-lion masks.",
        },
        "zh-hans": {
            "title": "优秀艺人梁文俊（示例）",
            "introduction": "梅坡资历最老的猫狮面具彩绘师。",
        },
    },
]

# Lunar-calendar festivals: their solar date is worked out each year by lunar_vn.
EVENTS = [
    {
        "slug": "le-hoi-long-tong",
        "kind": "festival",
        "recurrence": "lunar_yearly",
        "lunar": (1, 8),
        "days": 1,
        "village": "ngoi-am-duong-long-hung",
        "position": ("21.9001", "106.3230"),
        "image": ("brocade", "forest"),
        "vi": {
            "title": "Lễ hội Lồng Tồng",
            "place": "Thung lũng Bắc Sơn",
            "introduction": "Hội xuống đồng của người Tày, Nùng đầu năm mới.",
        },
        "en": {
            "title": "Lồng Tồng festival",
            "place": "Bắc Sơn valley",
            "introduction": "The Tày and Nùng going-to-the-fields festival at the start of the lunar year.",
        },
        "zh-hans": {
            "title": "隆同节（下田节）",
            "place": "北山山谷",
            "introduction": "岱族、侬族新年伊始的下田节。",
        },
    },
    {
        "slug": "hoi-den-bac-le",
        "kind": "festival",
        "recurrence": "lunar_yearly",
        "lunar": (9, 18),
        "days": 3,
        "village": None,
        "position": ("21.5806", "106.3097"),
        "image": ("tiles", "anise"),
        "vi": {
            "title": "Lễ hội đền Bắc Lệ",
            "place": "Đền Bắc Lệ",
            "introduction": "Hội đền lớn nhất năm, nhiều nghi lễ và trò chơi dân gian.",
        },
        "en": {
            "title": "Bắc Lệ temple festival",
            "place": "Bắc Lệ temple",
            "introduction": "The temple's biggest festival of the year, with rites and folk games.",
        },
        "zh-hans": {
            "title": "北丽庙庙会",
            "place": "北丽庙",
            "introduction": "北丽庙一年中最盛大的庙会，有祭礼和民间游戏。",
        },
    },
    {
        "slug": "cho-phien-huong-tet",
        "kind": "market",
        "recurrence": "lunar_yearly",
        "lunar": (12, 20),
        "days": 5,
        "village": "lang-huong-na-phieng",
        "position": ("22.2850", "106.4610"),
        "image": ("sticks", "anise"),
        "vi": {
            "title": "Phiên chợ hương đón Tết",
            "place": "Bản Nà Phiêng",
            "introduction": "Những ngày cuối năm, cả bản bày hương bán cho khách về ăn Tết.",
        },
        "en": {
            "title": "Pre-Tết incense market",
            "place": "Nà Phiêng village",
            "introduction": "In the last days of the lunar year the whole village sells incense for Tết.",
        },
        "zh-hans": {
            "title": "春节前香市",
            "place": "那平村",
            "introduction": "农历年末，全村摆出香来卖给回家过年的人。",
        },
    },
]

SHOWROOMS = [
    {
        "slug": "diem-ban-cho-dong-kinh",
        "position": ("21.8467", "106.7588"),
        "image": ("brocade", "indigo"),
        "address": "Chợ Đông Kinh, phường Đông Kinh, Lạng Sơn (địa chỉ mẫu)",
        "opening_hours": "7:00–18:00, hằng ngày",
        "vi": {
            "title": "Điểm trưng bày chợ Đông Kinh",
            "introduction": "Gian hàng sản phẩm làng nghề và OCOP ngay trong chợ.",
        },
        "en": {
            "title": "Đông Kinh market showroom",
            "introduction": "A stall of craft-village and OCOP products inside the market.",
        },
        "zh-hans": {"title": "东京市场展销点", "introduction": "市场内的手工艺村与OCOP产品展位。"},
    },
    {
        "slug": "diem-ban-mau-son",
        "position": ("21.8606", "106.9460"),
        "image": ("mountains", "forest"),
        "address": "Khu du lịch Mẫu Sơn (địa chỉ mẫu)",
        "opening_hours": "8:00–17:00, thứ Sáu đến Chủ nhật",
        "vi": {
            "title": "Điểm trưng bày Mẫu Sơn",
            "introduction": "Rượu men lá, dược liệu và đồ thủ công cho khách lên núi.",
        },
        "en": {
            "title": "Mẫu Sơn showroom",
            "introduction": "Leaf-yeast wine, herbs and handicrafts for visitors to the mountain.",
        },
        "zh-hans": {
            "title": "母山展销点",
            "introduction": "为上山游客提供叶曲酒、药材和手工艺品。",
        },
    },
]

SECTIONS = {
    "crafts": (
        "nghe-thu-cong",
        "villages.models.CraftIndexPage",
        {
            "vi": {"title": "Nghề thủ công"},
            "en": {"title": "Crafts"},
            "zh-hans": {"title": "手工艺"},
        },
    ),
    "events": (
        "le-hoi-su-kien",
        "villages.models.EventIndexPage",
        {
            "vi": {"title": "Lễ hội và sự kiện"},
            "en": {"title": "Festivals and events"},
            "zh-hans": {"title": "节庆活动"},
        },
    ),
    "showrooms": (
        "diem-trung-bay",
        "villages.models.ShowroomIndexPage",
        {
            "vi": {"title": "Điểm trưng bày"},
            "en": {"title": "Showrooms"},
            "zh-hans": {"title": "展销点"},
        },
    ),
    "map": (
        "ban-do",
        "villages.models.MapPage",
        {
            "vi": {
                "title": "Bản đồ",
                "introduction": "Làng nghề, điểm Công viên địa chất, điểm trưng bày và lễ hội trên một bản đồ.",
            },
            "en": {
                "title": "Map",
                "introduction": "Craft villages, Geopark sites, showrooms and festivals on one map.",
            },
            "zh-hans": {
                "title": "地图",
                "introduction": "手工艺村、地质公园景点、展销点和节庆，尽在一张地图。",
            },
        },
    ),
}


def load(demo):
    from django.utils.module_loading import import_string

    home = demo.pages["home"]
    for key, (slug, model_path, translations) in SECTIONS.items():
        demo.pages[key] = demo.page(home, import_string(model_path), slug, translations)
    crafts = {}
    for spec in CRAFTS:
        motif, palette = spec["image"]
        crafts[spec["slug"]] = demo.page(
            demo.pages["crafts"],
            CraftPage,
            spec["slug"],
            {code: spec[code] for code in ("vi", "en", "zh-hans")},
            status=spec["status"],
            hero_image=demo.image(spec["vi"]["title"], palette, motif, spec["vi"]["title"]),
        )
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
    by_slug = {}
    for spec in VILLAGES + extra_villages(demo):
        page = _place(
            demo,
            villages,
            VillagePage,
            spec,
            commune=spec["commune"],
            former_district=spec["former_district"],
            crafts=[crafts[slug] for slug in spec["crafts"]],
            **spec["plan"],
        )
        by_slug[spec["slug"]] = page
        demo.pages.setdefault("village_list", []).append(page)
    for spec in GEOPARK_SITES:
        page = _place(demo, geopark, GeoparkSitePage, spec, kind=spec["kind"])
        demo.pages.setdefault("geopark_list", []).append(page)
    for spec in CRAFTSPEOPLE:
        motif, palette = spec["image"]
        demo.page(
            by_slug[spec["village"]],
            CraftspersonPage,
            spec["slug"],
            {code: spec[code] for code in ("vi", "en", "zh-hans")},
            honour=spec["honour"],
            craft=crafts[spec["craft"]],
            teaches=spec["teaches"],
            hosts_visitors=spec["hosts_visitors"],
            hero_image=demo.image(spec["vi"]["title"], palette, motif, spec["vi"]["title"]),
        )
    for spec in EVENTS:
        month, day = spec["lunar"]
        _place(
            demo,
            demo.pages["events"],
            EventPage,
            spec,
            kind=spec["kind"],
            recurrence=spec["recurrence"],
            lunar_month=month,
            lunar_day=day,
            duration_days=spec["days"],
            village=by_slug.get(spec["village"]),
        )
    for spec in SHOWROOMS:
        _place(
            demo,
            demo.pages["showrooms"],
            ShowroomPage,
            spec,
            address=spec["address"],
            opening_hours=spec["opening_hours"],
        )
    demo.say(
        f"Villages: {len(demo.pages['village_list'])}, Geopark sites: {len(demo.pages['geopark_list'])}, crafts: {len(crafts)}"
    )


def link_showroom_products(demo):
    """Showrooms carry some of the sample products (called once the catalogue's demo has run)."""
    from catalogue.models import Product

    products = list(Product.objects.filter(is_sample=True).order_by("upc")[:6])
    for showroom in ShowroomPage.objects.filter(locale__language_code="vi", is_sample=True):
        if not showroom.products.exists() and products:
            showroom.products.set(products)
            showroom.save_revision().publish()


def _place(demo, parent, model, spec, **fields):
    motif, palette, alt = (
        spec["image"] if len(spec["image"]) == 3 else (*spec["image"], spec["vi"]["title"])
    )
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
    specs = []
    for number in range(1, count + 1):
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
                "crafts": [CRAFTS[number % len(CRAFTS)]["slug"]],
                "plan": {},
                "vi": {
                    "title": f"Làng mẫu số {number}",
                    "introduction": "Làng mẫu cho thử tải.",
                },
                "en": {
                    "title": f"Sample village {number}",
                    "introduction": "A sample village for load tests.",
                },
                "zh-hans": {
                    "title": f"示例村 {number}",
                    "introduction": "用于负载测试的示例村。",
                },
            }
        )
    return specs
