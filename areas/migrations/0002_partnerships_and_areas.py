"""The two partnerships and ten areas of DOMAIN.md, identified by ONS code.

Later boundary changes are data changes (a new migration or the admin), never code.
"""

from django.db import migrations

PARTNERSHIPS = [
    ("set", "Southend, Essex and Thurrock"),
    ("nel", "North East London"),
]

AREAS = [
    # partnership, ONS code, further ONS codes, slug, name
    ("set", "E10000012", [], "essex", "Essex"),
    ("set", "E06000033", [], "southend", "Southend-on-Sea"),
    ("set", "E06000034", [], "thurrock", "Thurrock"),
    ("nel", "E09000002", [], "barking-and-dagenham", "Barking and Dagenham"),
    ("nel", "E09000012", ["E09000001"], "city-and-hackney", "City and Hackney"),
    ("nel", "E09000016", [], "havering", "Havering"),
    ("nel", "E09000025", [], "newham", "Newham"),
    ("nel", "E09000026", [], "redbridge", "Redbridge"),
    ("nel", "E09000030", [], "tower-hamlets", "Tower Hamlets"),
    ("nel", "E09000031", [], "waltham-forest", "Waltham Forest"),
]


def create(apps, schema_editor):
    Partnership = apps.get_model("areas", "Partnership")
    Area = apps.get_model("areas", "Area")
    partnerships = {
        code: Partnership.objects.update_or_create(code=code, defaults={"name": name})[0] for code, name in PARTNERSHIPS
    }
    for partnership, ons_code, extra, slug, name in AREAS:
        Area.objects.update_or_create(
            ons_code=ons_code,
            defaults={"extra_ons_codes": extra, "slug": slug, "name": name, "partnership": partnerships[partnership]},
        )


class Migration(migrations.Migration):
    dependencies = [("areas", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
