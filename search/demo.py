"""Search's part of `load_demo`: a few synonyms, then the index built from everything loaded before."""

from .indexing import rebuild
from .models import Synonym

SYNONYMS = [
    "star anise, hoa hồi, 八角",
    "incense, hương, nhang, 香",
    "indigo, chàm, 蓝靛",
    "brocade, thổ cẩm, 织锦",
    "rice wine, rượu, 米酒",
    "mask, mặt nạ, 面具",
    "black jelly, thạch đen, 仙草",
    "cave, hang, động, 洞",
]


def load(demo):
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
    done = rebuild()
    demo.say("Search index: " + ", ".join(f"{name} {count}" for name, count in done.items()))
