"""Sample tours through the sample villages and Geopark sites, for `load_demo`."""

from decimal import Decimal

from villages.models import distance_km

from .models import TourIndexPage, TourPage, TourStop

# (name, latitude, longitude): a place name, the same in every language.
START = ("TP. Lạng Sơn – quảng trường 17/10", Decimal("21.853700"), Decimal("106.761500"))

TOURS = [
    {
        "slug": "nua-ngay-dong-dang",
        "length": "half_day",
        "themes": ["culture", "food"],
        "seasons": ["spring", "autumn", "winter"],
        "difficulty": "easy",
        "price_from": 200000,
        "stops": [
            (("Chợ Đồng Đăng", "21.943700", "106.706300"), 90),
            ("mat-na-meo-su-tu-mai-pha", 60),
        ],
        "image": ("brocade", "indigo"),
        "vi": {
            "title": "Nửa ngày Đồng Đăng: chợ biên giới và mặt nạ Mai Pha",
            "introduction": "Dạo chợ Đồng Đăng, ăn vịt quay, chiều xem vẽ mặt nạ ở Mai Pha.",
        },
        "en": {
            "title": "Half a day at Đồng Đăng: the border market and Mai Pha masks",
            "introduction": "Stroll the Đồng Đăng market, eat roast duck, then watch masks being painted in Mai Pha.",
        },
        "zh-hans": {
            "title": "同登半日游：边境集市与梅坡面具",
            "introduction": "逛同登（Đồng Đăng）集市、品尝烤鸭，下午到梅坡看面具彩绘。",
        },
    },
    {
        "slug": "mot-ngay-bac-son",
        "length": "one_day",
        "themes": ["craft", "geology", "culture"],
        "seasons": ["spring", "autumn"],
        "difficulty": "easy",
        "price_from": 650000,
        "stops": [("ngoi-am-duong-long-hung", 120), ("hang-tham-khuyen", 90)],
        "image": ("tiles", "earth"),
        "vi": {
            "title": "Một ngày Bắc Sơn: ngói âm dương và hang động",
            "introduction": "Xem nặn ngói ở Long Hưng, chiều vào hang Thẩm Khuyên.",
        },
        "en": {
            "title": "A day in Bắc Sơn: roof tiles and caves",
            "introduction": "Watch tiles being shaped in Long Hưng, then explore Thẩm Khuyên cave.",
        },
        "zh-hans": {
            "title": "北山一日游：阴阳瓦与溶洞",
            "introduction": "上午在隆兴看制瓦，下午探访坦昆洞。",
        },
    },
    {
        "slug": "nua-ngay-huong-na-phieng",
        "length": "half_day",
        "themes": ["craft", "culture"],
        "seasons": ["winter"],
        "difficulty": "easy",
        "price_from": 250000,
        "stops": [("lang-huong-na-phieng", 150)],
        "image": ("sticks", "anise"),
        "vi": {
            "title": "Nửa ngày ở làng hương Nà Phiêng",
            "introduction": "Tự tay se một bó hương và mang về làm quà.",
        },
        "en": {
            "title": "Half a day in Nà Phiêng incense village",
            "introduction": "Roll a bundle of incense yourself and take it home.",
        },
        "zh-hans": {"title": "那平制香村半日游", "introduction": "亲手搓一把香，带回家做礼物。"},
    },
    {
        "slug": "hai-ngay-mau-son-van-quan",
        "length": "several_days",
        "themes": ["craft", "food", "geology"],
        "seasons": ["autumn", "winter"],
        "difficulty": "moderate",
        "price_from": 1800000,
        "stops": [("ruou-men-la-mau-son", 240), ("hoi-van-quan", 180), ("bon-trung-na-duong", 90)],
        "image": ("mountains", "forest"),
        "vi": {
            "title": "Hai ngày Mẫu Sơn – Văn Quan: rượu men lá và hoa hồi",
            "introduction": "Ngủ trên núi Mẫu Sơn, hôm sau lên đồi hồi Văn Quan.",
        },
        "en": {
            "title": "Two days, Mẫu Sơn to Văn Quan: leaf-yeast wine and star anise",
            "introduction": "Sleep on Mẫu Sơn mountain, then walk the star-anise hills of Văn Quan.",
        },
        "zh-hans": {
            "title": "母山—文关两日游：叶曲酒与八角",
            "introduction": "夜宿母山，次日登上文关的八角山。",
        },
    },
]


def load(demo):
    home = demo.pages["home"]
    index = demo.page(
        home,
        TourIndexPage,
        "tuyen-du-lich",
        {
            "vi": {
                "title": "Tuyến du lịch",
                "introduction": "Những hành trình qua làng nghề và Công viên địa chất.",
            },
            "en": {
                "title": "Tours",
                "introduction": "Routes through the craft villages and the Geopark.",
            },
            "zh-hans": {"title": "旅游线路", "introduction": "穿越手工艺村与地质公园的线路。"},
        },
    )
    demo.pages["tours"] = index
    places = {page.slug: page for page in demo.pages["village_list"] + demo.pages["geopark_list"]}
    for spec in TOURS + extra_tours(demo):
        motif, palette = spec["image"]
        tour = TourPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if tour is None:
            tour = TourPage(
                slug=spec["slug"],
                is_sample=True,
                length=spec["length"],
                themes=spec.get("themes", ["craft"]),
                seasons=spec.get("seasons", []),
                difficulty=spec.get("difficulty", "easy"),
                price_from=spec["price_from"],
                hero_image=demo.image(
                    spec.get("image_title", spec["vi"]["title"]),
                    palette,
                    motif,
                    spec["vi"]["title"],
                ),
                **spec["vi"],
            )
            # Every sample tour starts from the city centre, a point with no page of its own.
            tour.stops.add(
                TourStop(
                    name=START[0],
                    latitude=START[1],
                    longitude=START[2],
                    minutes=15,
                    sort_order=0,
                )
            )
            previous = (START[1], START[2])
            for order, (where, minutes) in enumerate(spec["stops"], start=1):
                # A stop is a page (by its slug) or a named point (name, latitude, longitude).
                if isinstance(where, tuple):
                    stop = TourStop(
                        name=where[0], latitude=Decimal(where[1]), longitude=Decimal(where[2])
                    )
                    here = (stop.latitude, stop.longitude)
                else:
                    place = places[where].specific
                    stop = TourStop(place=place)
                    here = (place.latitude, place.longitude)
                # Sample travel time: about two minutes per straight-line kilometre on mountain roads.
                stop.travel_minutes = max(10, round(distance_km(previous, here) * 2))
                stop.minutes, stop.sort_order = minutes, order
                tour.stops.add(stop)
                previous = here
            index.add_child(instance=tour)
            tour.save_revision().publish()
        for code in ("en", "zh-hans"):
            demo.translate(tour, code, spec[code])
    demo.say(f"Tours: {TourPage.objects.filter(locale__language_code='vi').count()}")


def extra_tours(demo):
    """For `--scale N`: one more sample tour per two hundred products beyond the first three."""
    count = max(0, demo.scale // 200 - len(TOURS))
    slugs = [page.slug for page in demo.pages["village_list"]]
    specs = []
    for number in range(1, count + 1):
        stops = [(slugs[(number + step) % len(slugs)], 60 + 30 * step) for step in range(3)]
        specs.append(
            {
                "slug": f"tuyen-mau-{number}",
                "length": ("half_day", "one_day", "several_days")[number % 3],
                "price_from": 300000 + 50000 * (number % 10),
                "stops": stops,
                "image": ("mountains", "stone"),
                "image_title": "Tuyến mẫu",
                "vi": {"title": f"Tuyến mẫu số {number}", "introduction": "Tuyến mẫu cho thử tải."},
                "en": {
                    "title": f"Sample tour {number}",
                    "introduction": "A sample tour for load tests.",
                },
                "zh-hans": {
                    "title": f"示例线路 {number}",
                    "introduction": "用于负载测试的示例线路。",
                },
            }
        )
    return specs
