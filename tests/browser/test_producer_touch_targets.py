"""On a phone (390 px), every link and button of the producer's space is a finger's size (44 × 44
px at least), and what removes or cancels stands apart from what does not: 8 px or more, and red."""

import pytest

from tests.producers.factories import producer_world

MEASURE = """() => {
    const root = document.querySelector('#main');
    const shown = (e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const name = (e) => `${e.tagName.toLowerCase()} “${(e.textContent || e.value || '').trim().slice(0, 30)}”`;
    const targets = [...root.querySelectorAll('a, button, input[type=submit]')].filter(shown);
    const small = targets
        .map((e) => [e, e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([e, r]) => `${name(e)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    const destructive = targets.filter((e) => e.matches('.button--danger, .link-button'));
    const close = [];
    for (const d of destructive) {
        const a = d.getBoundingClientRect();
        const look = getComputedStyle(d);
        for (const other of targets) {
            if (destructive.includes(other)) continue;
            const b = other.getBoundingClientRect();
            const gap = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
            if (gap < 8) close.push(`${name(d)} ${Math.round(gap)} px from ${name(other)}`);
            const theirs = getComputedStyle(other);
            if (gap < 60 && theirs.color === look.color && theirs.backgroundColor === look.backgroundColor) {
                close.push(`${name(d)} looks like ${name(other)}`);
            }
        }
    }
    return {small, close, count: targets.length, destructive: destructive.length};
}"""


@pytest.mark.django_db(transaction=True)
def test_every_target_of_the_producers_space_is_a_fingers_size(live_server, browser, home, client):
    world = producer_world("Tổ hợp tác hương Nà Phiêng", "lan", "Hương quế Nà Phiêng")
    client.force_login(world["user"])
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    pages = [
        "/producer/",
        "/producer/products/",
        f"/producer/products/{world['product'].pk}/",
        "/producer/products/new/",
        "/producer/changes/",
        "/producer/batches/",
        "/producer/batches/new/",
        f"/producer/batches/{world['batch'].pk}/",
        f"/producer/steps/{world['step'].pk}/",
        "/producer/orders/",
        f"/producer/orders/{world['order'].number}/",
        "/producer/sales/",
        "/producer/experiences/",
        f"/producer/experiences/{world['experience'].pk}/sessions/new/",
        f"/producer/experiences/sessions/{world['session'].pk}/",
    ]
    problems = {}
    destructive = 0
    try:
        for path in pages:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            # Every fold opened, so that what it holds is measured too.
            page.evaluate("document.querySelectorAll('details').forEach((d) => (d.open = true))")
            found = page.evaluate(MEASURE)
            assert found["count"], f"nothing measured on {path}"
            destructive += found["destructive"]
            if found["small"] or found["close"]:
                problems[path] = found["small"] + found["close"]
    finally:
        context.close()
    assert not problems, problems
    assert destructive >= 3, "the batch's Remove buttons and the session's Cancel were measured"
