"""One-off data entry (issue 15, part 3): each borough's LADO route, from pages found with the
project's search tool on 2026-11-30 (stored copies of public council / safeguarding-partnership
pages). Only what a page shows is entered; a number cut off or not shown stays out. A borough
with no page found gets `lado_note` saying so. Comments and layout of the files are kept.

    python scripts/add_lado_routes.py data/services
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Q

from bot.directory.yaml_edit import round_trip_yaml, write_atomically

SEARCHED = "2026-11-30"
NOT_FOUND = (
    f"No LADO page or number found with the search tool on {SEARCHED} (searched the council "
    "and safeguarding-partnership sites): ask the children's services front door for the LADO, "
    "or the NSPCC Helpline."
)
# borough: (page, phone, phone_note, email, hours, hours_note, source_date, source_date_note, confidence, extra)
LADO = {
    "barking_and_dagenham": (
        "https://www.lbbd.gov.uk/children-young-people-and-families/safeguarding-risk-children/managing-allegations-against-staff",
        None,
        None,
        None,
        None,
        None,
        "2022",
        "page cites the London procedures update of October 2022",
        "medium",
        {},
    ),
    "barnet": (
        "https://thebarnetscp.org.uk/bscp/parents/lado-concerns-about-a-professional-working-with-children",
        "020 8359 4066",
        "the MASH, which puts you through to the LADO",
        None,
        None,
        None,
        None,
        "undated page",
        "medium",
        {},
    ),
    "bexley": (
        "http://www.bexleylscb.org.uk/page.php?section=section_4&id=299",
        None,
        None,
        None,
        None,
        None,
        None,
        "old Safeguarding Children Board site; two stored copies give different LADO numbers, so none is entered",
        "low",
        {},
    ),
    "brent": (
        "http://brentsafeguardingpartnerships.uk/children/article.php?id=468&menu=4&sub_menu=30",
        "020 8937 4300",
        "option 1: LADO referrals go to the Brent Family Front Door",
        None,
        None,
        None,
        "2021-07-07",
        "page 'Updated 07/07/2021'",
        "medium",
        {},
    ),
    "bromley": (
        "https://bromleysafeguarding.org/articles.php?id=604",
        None,
        None,
        None,
        None,
        "referrals through the Children, Young People and Families Hub portal; out of office hours the Emergency Duty Team",
        None,
        "undated page",
        "medium",
        {"out_of_hours_phone": "0300 303 8671"},
    ),
    "camden": (
        "https://cscp.org.uk/professionals/managing-allegations-against-staff-and-volunteers-lado/",
        "020 7974 4556",
        "ask to speak to the LADO; email the referral form first",
        None,
        None,
        None,
        None,
        "undated page",
        "medium",
        {},
    ),
    "city_of_london": (
        "https://chscp.org.uk/allegations-against-professionals/",
        "020 7332 1215",
        None,
        None,
        None,
        None,
        None,
        "undated page (City and Hackney Safeguarding Children Partnership)",
        "medium",
        {},
    ),
    "croydon": (
        "https://www.croydonlcsb.org.uk/lado",
        None,
        None,
        None,
        None,
        None,
        None,
        "undated page",
        "medium",
        {},
    ),
    "ealing": (
        "https://egfl.org.uk/print/659",
        "020 8825 8930",
        "LADO support, answered by the child protection administration team",
        None,
        None,
        None,
        "2025-01-03",
        "page 'Last updated: 03 Jan 2025'",
        "medium",
        {},
    ),
    "enfield": (
        "https://enfield.gov.uk/safeguardingenfield/making-a-safeguarding-referral/allegations-against-adults-working-with-children-lado",
        None,
        None,
        None,
        None,
        None,
        None,
        "undated page",
        "medium",
        {},
    ),
    "hackney": (
        "https://chscp.org.uk/allegations-against-professionals/",
        None,
        None,
        None,
        None,
        "contact the Hackney LADO through the online form on this page",
        None,
        "undated page (City and Hackney Safeguarding Children Partnership)",
        "medium",
        {},
    ),
    "haringey": (
        "https://haringey.gov.uk/children-and-families/childrens-social-care/child-protection/allegations-against-staff-who-work-children",
        None,
        None,
        None,
        None,
        None,
        None,
        "undated council page",
        "medium",
        {},
    ),
    "harrow": (
        "http://www.harrowscb.co.uk/children-young-people/concerned-about-a-member-of-staff-or-volunteer/",
        "020 8736 6435",
        None,
        None,
        None,
        "Monday to Friday; other days the Golden Number 020 8901 2690",
        None,
        "undated page of the former Harrow Safeguarding Children Board",
        "low",
        {"out_of_hours_phone": "020 8424 0999"},
    ),
    "havering": (
        "https://www.havering.gov.uk/safeguarding-children-information-professionals/local-authority-designated-officer-lado",
        "01708 431653",
        None,
        "Lado@havering.gov.uk",
        None,
        None,
        None,
        "undated council page; the Havering family services hub page gives the same number and the email",
        "high",
        {
            "extra_source": "https://familyserviceshub.havering.gov.uk/kb5/havering/directory/service.action?id=BUCFmzR-Fv0&practitionerchannel=8_2&slaction=ADD&itemid=qk902nUyFmDHnajGAdF9H70AAeGHwV4bgl2W3cc3"
        },
    ),
    "hillingdon": (
        "https://hillingdonsafeguardingpartnership.org.uk/professionals/useful-guidance/lado",
        None,
        None,
        None,
        None,
        None,
        "2023",
        "page cites Working Together to Safeguard Children (2023)",
        "medium",
        {},
    ),
    "hounslow": (
        "http://www.hscb.org.uk/professionals/allegations-against-professionals/",
        None,
        None,
        None,
        None,
        None,
        None,
        "undated page of the Hounslow Safeguarding Children Partnership citing Working Together 2015",
        "low",
        {},
    ),
    "islington": (
        "https://nrpfnetwork.org.uk/sitecore/content/iscp/professionals/local-authority-designated-officer",
        None,
        None,
        "LADO@islington.gov.uk",
        None,
        None,
        None,
        "undated copy of the Islington Safeguarding Children Partnership page, served from another organisation's site",
        "low",
        {},
    ),
    "kingston_upon_thames": (
        "https://kingstonandrichmondsafeguardingchildrenpartnership.org.uk/practitioners/subgroups-39/managing-allegations-against-adults-29.php",
        "020 8891 7370",
        None,
        None,
        None,
        "one LADO for Kingston and Richmond (Achieving for Children); a child named or at risk: Single Point of Access 020 8547 5008",
        None,
        "undated page listing LADO annual reports up to 2018-19",
        "medium",
        {
            "areas": ["kingston_upon_thames", "richmond_upon_thames"],
            "name": "Kingston and Richmond LADO (allegations against staff)",
        },
    ),
    "lambeth": (
        "https://lambethsaferchildren.org.uk/lado-referrals",
        "020 7926 4679",
        "phone first, then email the referral form",
        "LADO@lambeth.gov.uk",
        None,
        None,
        None,
        "undated page; the older Lambeth Safeguarding Children Board page gives the same number",
        "high",
        {"extra_source": "https://www.lambethscb.org.uk/professionals/managing-allegations"},
    ),
    "lewisham": (
        "https://lewishamchildcare.proceduresonline.com/p_lado.html",
        None,
        None,
        "LewishamLADO@lewisham.gov.uk",
        None,
        None,
        "2021-08",
        "chapter added to the Lewisham procedures manual in August 2021",
        "medium",
        {},
    ),
    "merton": (
        "https://www.merton.gov.uk/social-care/children-young-people-and-families/safeguarding-children/local-authority-designated-officer-(lado)",
        None,
        None,
        None,
        None,
        None,
        None,
        "undated council page citing 2015 guidance",
        "medium",
        {},
    ),
    "redbridge": (
        "https://www.redbridgescp.org.uk/professionals/managing-allegations-against-staff/",
        "020 8708 5350",
        "or 020 8708 5371 or 020 8708 5613",
        None,
        None,
        "within one working day of the allegation",
        None,
        "undated page",
        "medium",
        {},
    ),
    "southwark": (
        "https://services.southwark.gov.uk/childcare-and-parenting/children-s-social-care/child-protection/allegations-against-people-who-work-with-children-in-southwark",
        None,
        None,
        None,
        None,
        None,
        None,
        "undated council page",
        "medium",
        {},
    ),
    "sutton": (
        "https://www.sutton.gov.uk/-/dealing-with-allegations-against-people-working-with-children-1",
        "020 8770 4776",
        "and leave a voicemail",
        "LADO@sutton.gov.uk",
        {"mon-fri": "09:00-17:00"},
        "they try to respond within 24 hours; in an emergency call children's services or the police",
        "2025-09",
        "page cites Keeping Children Safe in Education (September 2025)",
        "medium",
        {},
    ),
    "tower_hamlets": (
        "https://towerhamlets.gov.uk/FAQs/LADO/The-LADO/Employers-and-professionals.aspx",
        "020 7364 0677",
        "you may reach the LADO business support officer or voicemail; email the referral form",
        "LADO@towerhamlets.gov.uk",
        None,
        None,
        None,
        "undated council page",
        "medium",
        {},
    ),
    "waltham_forest": (
        "https://www.walthamforest.gov.uk/content/concerned-about-someone-who-works-children",
        "020 8496 3646",
        None,
        None,
        None,
        None,
        None,
        "undated council page",
        "medium",
        {},
    ),
    "wandsworth": (
        "https://www.wscp.org.uk/find-help/professionals-and-volunteers/allegations-against-staff-and-volunteers-who-work-with-children-or-those-in-a-position-of-trust/",
        None,
        None,
        None,
        None,
        "the page links to the Wandsworth Council allegations procedure and referral",
        None,
        "undated page",
        "medium",
        {},
    ),
}
SHARED = {"richmond_upon_thames": "kingston_upon_thames_lado"}
COUNCIL_WEB = {"barking_and_dagenham": "https://www.lbbd.gov.uk", "havering": "https://www.havering.gov.uk"}


def flow(values) -> CommentedSeq:
    """[a, b] on one line, as the files write lists of words."""
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def listing(bid: str, name: str, row) -> CommentedMap:
    page, phone, phone_note, email, hours, hours_note, source_date, note, confidence, extra = row
    item = CommentedMap()
    item["id"] = f"{bid}_lado"
    item["name"] = Q(extra.get("name") or f"{name} LADO (allegations against staff)")
    item["summary"] = Q(
        "For school staff and other employers: advice on, and referral of, a concern or allegation "
        "that an adult who works with children has harmed a child or may pose a risk to children."
    )
    item["topics"] = flow(["staff_advice"])
    item["audiences"] = flow(["staff", "adult"])
    item["role"] = "lado"
    item["min_age"] = None
    item["max_age"] = None
    item["phone"] = Q(phone) if phone else None
    if phone_note:
        item["phone_note"] = Q(phone_note)
    if extra.get("out_of_hours_phone"):
        item["out_of_hours_phone"] = Q(extra["out_of_hours_phone"])
    item["text"] = None
    item["email"] = Q(email) if email else None
    item["web"] = page
    item["hours"] = hours
    if hours_note:
        item["hours_note"] = Q(hours_note)
    item["anonymous"] = None
    item["areas"] = flow(extra.get("areas") or [bid])
    item["sources"] = [page] + ([extra["extra_source"]] if extra.get("extra_source") else [])
    item["source_date"] = (
        date.fromisoformat(source_date)
        if source_date and len(source_date) == 10
        else (Q(source_date) if source_date else None)
    )
    item["source_date_note"] = Q(f"{note}; found with the search tool on {SEARCHED}")
    item["confirmed"] = None
    item["confidence"] = confidence
    item["status"] = "active"
    item["fallback"] = "nspcc_helpline"
    return item


def main(root: str) -> None:
    yaml = round_trip_yaml()
    for path in sorted((Path(root) / "boroughs").glob("*.yml")):
        data = yaml.load(path)
        borough = data["borough"]
        bid = borough["id"]
        if bid in COUNCIL_WEB and not borough.get("council_web"):
            borough["council_web"] = COUNCIL_WEB[bid]
            borough.ca.items.pop("council_web", None)
            borough["sources"].append(LADO[bid][0])
        if bid in LADO:
            if data.get("services") is None or not len(data["services"]):
                data["services"] = []
            data["services"].append(listing(bid, borough["name"], LADO[bid]))
            borough["lado"] = f"{bid}_lado"
        elif bid in SHARED:
            borough["lado"] = SHARED[bid]
        else:
            keys = list(borough.keys())
            borough.insert(keys.index("lado") + 1, "lado_note", Q(NOT_FOUND))
        write_atomically(path, yaml, data)
        text = path.read_text(encoding="utf-8")
        old = "# LADO (allegations against staff): not in the reference, so null until a citable source is added.\n"
        new = (
            f"# LADO (allegations against staff): from the page in the listing's sources, found with the search tool on {SEARCHED}.\n"
            if bid in LADO or bid in SHARED
            else f"# LADO (allegations against staff): none found with the search tool on {SEARCHED} (see lado_note).\n"
        )
        path.write_text(text.replace(old, new), encoding="utf-8")
    print("done")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/services")
