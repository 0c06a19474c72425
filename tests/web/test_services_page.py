"""bot/web/services_page.py: the young people's services page, for a topic, borough and age, with
what it was given never drawn as HTML."""

from __future__ import annotations


async def test_the_services_page_lists_services_for_a_topic_and_borough(client):
    page = await (await client.get("/services")).text()
    assert 'method="post" action="/services"' in page and 'name="topic"' in page
    page = await (
        await client.post("/services", data={"topic": "harassment", "borough": "hackney", "age": "13_15"})
    ).text()
    assert "Childline" in page and 'href="tel:08001111"' in page
    assert "(Hackney)" in page
    assert page.count('<article class="service">') <= 6
    odd = await (
        await client.post("/services", data={"topic": "<script>x</script>", "borough": "nowhere"})
    ).text()
    assert "<script>x" not in odd and 'class="results"' not in odd
