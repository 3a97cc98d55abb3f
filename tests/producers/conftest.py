import pytest

from .factories import producer_world


@pytest.fixture
def world_a(home):
    return producer_world("Tổ hợp tác hương Nà Phiêng", "lan", "Hương quế Nà Phiêng")


@pytest.fixture
def world_b(home):
    return producer_world("HTX Hồi Văn Quan", "minh", "Tinh dầu hồi Văn Quan")
