"""Demo content: "Spreekkamer 2" of the debt-counselling team, 3.5 × 6.2 m, with three points to
improve (a desk that cannot go up and down, a cabinet in front of the connecting door, a sofa
without a wipeable cover), and six anonymous answers to the questionnaire about it."""

from __future__ import annotations

from doenvermogen.rooms import catalogues, services
from doenvermogen.rooms.models import FurnitureItem, Room, SurveyResponse

ROOM_NAME = "Spreekkamer 2"


def load(demo) -> None:
    if not FurnitureItem.objects.filter(organisation__isnull=True).exists():
        catalogues.load()
    ingrid = demo.users["ingrid"]
    if Room.objects.filter(organisation=demo.organisation, name=ROOM_NAME).exists():
        return
    room = services.room_create(
        organisation=demo.organisation,
        team=demo.teams["debt"],
        author=ingrid,
        name=ROOM_NAME,
        location="Wijkcentrum De Linde, eerste verdieping",
        width_cm=350,
        depth_cm=620,
        budget_eur=5000,
    )
    version = room.versions.get()
    version.note = "Zoals de kamer nu is"
    version.save(update_fields=["note"])
    services.opening_add(version=version, kind="door", wall=2, offset_cm=30, width_cm=90)
    services.opening_add(
        version=version, kind="connecting_door", wall=3, offset_cm=250, width_cm=90
    )
    services.opening_add(version=version, kind="window", wall=0, offset_cm=75, width_cm=200)

    def item(code):
        return FurnitureItem.objects.get(organisation__isnull=True, code=code)

    services.placement_add(version=version, furniture=item("radiator"), x_cm=175, y_cm=6)
    for code, x, y, rotation, seat in (
        ("bureau-vast-140x80", 310, 150, 90, ""),
        ("bureaustoel", 232, 150, 270, "professional"),
        ("kast-laag", 23, 395, 90, ""),
        ("kuipstoel", 160, 110, 0, "client"),
        ("bank-stof-3", 45, 130, 270, ""),
    ):
        services.placement_add(
            version=version,
            furniture=item(code),
            x_cm=x,
            y_cm=y,
            rotation=rotation,
            seat=seat,
            owned=True,
        )
    answers = [(2, 2, 1, 2), (3, 2, 2, 2), (2, 3, 2, 1), (2, 2, 1, 1), (3, 3, 2, 2), (1, 2, 2, 2)]
    for welcome, safe, friendly, free_to_talk in answers:
        SurveyResponse.objects.create(
            room=room,
            version=version,
            welcome=welcome,
            safe=safe,
            friendly=friendly,
            free_to_talk=free_to_talk,
        )
