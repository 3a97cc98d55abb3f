"""Sample tours through the sample villages and Geopark sites, for `load_demo`."""

from .models import TourIndexPage, TourPage, TourStop

TOURS = [
    {
        "slug": "mot-ngay-bac-son",
        "length": "one_day",
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
                price_from=spec["price_from"],
                hero_image=demo.image(
                    spec.get("image_title", spec["vi"]["title"]),
                    palette,
                    motif,
                    spec["vi"]["title"],
                ),
                **spec["vi"],
            )
            for order, (slug, minutes) in enumerate(spec["stops"]):
                tour.stops.add(TourStop(place=places[slug], minutes=minutes, sort_order=order))
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
