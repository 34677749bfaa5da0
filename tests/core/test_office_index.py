"""core.office_index: one-pass office look-up and names a letter or two away."""

import random

from ita_desktop.core.office_index import OfficeIndex, closest_names, edit_distance

OFFICES = [(1, "องค์การบริหารส่วนตำบลตะโกทอง", "ชัยภูมิ"), (2, "เทศบาลตำบลวังไผ่", "สุราษฎร์ธานี"),
           (3, "องค์การบริหารส่วนตำบลแม่เจดีย์", "เชียงราย"), (4, "เทศบาลตำบลตะโกทอง", "ชัยภูมิ"),
           (5, "องค์การบริหารส่วนตำบลทุ่งท่าช้าง", "สุพรรณบุรี")]


def test_full_abbreviated_and_bare_names():
    index = OfficeIndex(OFFICES)
    assert index.find("อบต. ตะโกทอง") == 1 and index.find("ทต.ตะโกทอง") == 4
    assert index.find("วังไผ่") == 2  # bare place name, one office of that name
    assert index.candidates("ตะโกทอง") == [1, 4] and index.find("ตะโกทอง") is None  # ambiguous
    assert index.find("อบต.วังไผ่") is None  # the kind is part of the name


def test_near_finds_one_and_two_letter_typos_of_the_same_kind_only():
    index = OfficeIndex(OFFICES)
    assert index.near("อบต.ตะโกทอน") == "องค์การบริหารส่วนตำบลตะโกทอง"  # one letter changed
    assert index.near("อบต.ตะโกทอ") == "องค์การบริหารส่วนตำบลตะโกทอง"  # one dropped
    assert index.near("ทต.วังไพ่") == "เทศบาลตำบลวังไผ่"
    # Two letters: among the offices of the province the sheet names.
    assert index.near("อบต.แม่จดีย", "เชียงราย") == "องค์การบริหารส่วนตำบลแม่เจดีย์"  # เ and ์ dropped
    assert index.near("อบต.แม่จดีย") is None  # province unknown: one letter only
    assert index.near("อบต.แมจดย", "เชียงราย") is None  # three dropped: no longer a typo
    assert index.near("อบต.ทุ่งทาชาง", "สุพรรณบุรี") == "องค์การบริหารส่วนตำบลทุ่งท่าช้าง"  # two tone marks
    assert index.near("ทต.วังไพ้", "สุราษฎร์ธานี") == "เทศบาลตำบลวังไผ่"  # two letters changed
    assert index.near("ทต.วังไพ้", "ชัยภูมิ") is None
    assert index.near("อบต.ตะโกทอง") is None  # the same name is no typo (find() matches it)
    assert index.near("ทม.ตะโกทอง") is None  # another kind of office
    assert index.near("อบต.หนองบัวแดง") is None


def test_edit_distance_against_a_plain_implementation():
    rng = random.Random(3)
    letters = "กขคงอะา่้"

    def plain(a, b):
        d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
        for i in range(1, len(a) + 1):
            for j in range(1, len(b) + 1):
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
        return d[-1][-1]

    for _ in range(500):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        b = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        assert edit_distance(a, b) == min(plain(a, b), 3)


def test_closest_names_for_a_refused_org():
    names = {i: n for i, n, _ in OFFICES}
    assert closest_names("อบต.ตะโกทอน", names)[0] == "อบต.ตะโกทอง"
    assert "ทต.วังไผ่" in closest_names("วังไผ", names)
