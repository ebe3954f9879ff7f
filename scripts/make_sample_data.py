#!/usr/bin/env python3
"""Writes content/data/donations.csv for the sample site, deterministically.

The campaign-level facts come from the two campaigns' public reports (Hà Nội
2023: 13 sessions at 12 sites from 4/8 to 25/8/2023, target 2,300 units, over
600 donors on the opening morning at the city police headquarters; Cà Mau
2020: 667 units on 19/4/2020 against a plan of 500). Everything per person
(names, units, sites' shares, blood groups, deferrals) is illustrative.

    python3 scripts/make_sample_data.py > content/data/donations.csv
"""
import csv
import random
import sys

rng = random.Random(20230804)

FAMILY = ["Nguyễn"] * 8 + ["Trần"] * 4 + ["Lê"] * 3 + ["Phạm"] * 2 + [
    "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Mạnh", "Tiến", "Xuân", "Công", "Việt", "Hoàng"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Thùy", "Phương", "Hồng", "Mai"]
GIVEN_M = ["Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy",
           "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
           "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh"]
GIVEN_F = ["An", "Chi", "Dung", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai",
           "My", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Vân", "Yến"]


used_names = set()


def name():
    """A name not used before, so that rows without donor_id never merge two people."""
    while True:
        if rng.random() < 0.72:
            candidate = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
        else:
            candidate = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
        if candidate not in used_names:
            used_names.add(candidate)
            return candidate


def blood_group():
    r = rng.random()
    if r < 0.04:
        return ""
    g = rng.choices(["O", "B", "A", "AB"], weights=[42, 30, 21, 7])[0]
    return g + ("-" if rng.random() < 0.01 else "+")


def volume(deferred):
    if deferred:
        return "0" if rng.random() < 0.8 else ""
    return rng.choices(["250", "350", "450"], weights=[30, 55, 15])[0]


def consent():
    r = rng.random()
    return "no" if r < 0.03 else ("" if r < 0.08 else "yes")


HN_UNITS = [
    "Phòng Cảnh sát giao thông", "Phòng Cảnh sát cơ động", "Phòng Cảnh sát hình sự",
    "Phòng Cảnh sát PCCC và CNCH", "Phòng Tham mưu", "Phòng Hậu cần", "Phòng Cảnh sát kinh tế",
    "Công an quận Ba Đình", "Công an quận Hoàn Kiếm", "Công an quận Đống Đa", "Công an quận Cầu Giấy",
    "Công an quận Hà Đông", "Công an quận Long Biên", "Công an huyện Sóc Sơn", "Công an huyện Đông Anh",
    "Trung đoàn Cảnh sát cơ động", "Trại tạm giam số 1", "Đoàn Thanh niên Công an Thành phố",
]
# 13 sessions at 12 sites: (date, site, registrations, deferred).
HN_SESSIONS = [
    ("2023-08-04", "Trụ sở Công an Thành phố Hà Nội", 648, 37),
    ("2023-08-06", "Công an quận Hoàn Kiếm", 142, 11),
    ("2023-08-08", "Trung đoàn Cảnh sát cơ động", 231, 14),
    ("2023-08-10", "Công an quận Ba Đình", 156, 12),
    ("2023-08-11", "Công an quận Đống Đa", 171, 13),
    ("2023-08-13", "Công an quận Cầu Giấy", 149, 9),
    ("2023-08-15", "Công an quận Hà Đông", 163, 12),
    ("2023-08-17", "Phòng Cảnh sát giao thông", 188, 10),
    ("2023-08-18", "Công an quận Long Biên", 137, 10),
    ("2023-08-20", "Công an huyện Đông Anh", 128, 9),
    ("2023-08-22", "Công an huyện Sóc Sơn", 117, 8),
    ("2023-08-24", "Trại tạm giam số 1", 104, 6),
    ("2023-08-25", "Trụ sở Công an Thành phố Hà Nội", 212, 13),
]
# Officers who have given many times before (prior donations) and give once more.
HN_VETERANS = [
    ("Nguyễn Văn Hùng", "HN-0001", "Phòng Cảnh sát cơ động", 34, "yes"),
    ("Trần Minh Tuấn", "HN-0002", "Phòng Cảnh sát giao thông", 29, "yes"),
    ("Lê Thị Thu Hương", "HN-0003", "Phòng Hậu cần", 26, "yes"),
    ("Phạm Đức Anh", "HN-0004", "Trung đoàn Cảnh sát cơ động", 21, "yes"),
    ("Đỗ Quang Vinh", "HN-0005", "Công an quận Hoàn Kiếm", 19, "yes"),
    ("Hoàng Văn Nam", "HN-0006", "Phòng Cảnh sát hình sự", 19, "no"),
    ("Vũ Thị Lan", "HN-0007", "Đoàn Thanh niên Công an Thành phố", 17, "yes"),
    ("Bùi Xuân Trường", "HN-0008", "Công an quận Đống Đa", 14, "yes"),
    ("Ngô Thanh Bình", "HN-0009", "Phòng Tham mưu", 14, "yes"),
    ("Đặng Hữu Nghĩa", "HN-0010", "Công an quận Cầu Giấy", 11, "yes"),
    ("Nguyễn Thị Mai", "HN-0011", "Phòng Cảnh sát PCCC và CNCH", 9, "yes"),
    ("Trịnh Công Sơn", "HN-0012", "Công an huyện Sóc Sơn", 9, ""),
    ("Dương Minh Khoa", "HN-0013", "Công an quận Long Biên", 7, "yes"),
    ("Lý Thị Hạnh", "HN-0014", "Trại tạm giam số 1", 5, "yes"),
]

CM_UNITS = [
    "Phòng Cảnh sát giao thông", "Phòng Cảnh sát cơ động", "Phòng Tham mưu", "Phòng Hậu cần",
    "Công an thành phố Cà Mau", "Công an huyện Thới Bình", "Công an huyện Năm Căn",
    "Công an huyện Trần Văn Thời", "Hội Chữ thập đỏ tỉnh Cà Mau", "Đoàn Thanh niên Công an tỉnh",
]
CM_VETERANS = [
    ("Huỳnh Văn Tài", "CM-0001", "Phòng Cảnh sát cơ động", 22, "yes"),
    ("Võ Thị Ngọc Yến", "CM-0002", "Hội Chữ thập đỏ tỉnh Cà Mau", 14, "yes"),
    ("Lê Hoàng Phúc", "CM-0003", "Công an thành phố Cà Mau", 9, "yes"),
]


def rows():
    out = []
    n = 0
    veterans = list(HN_VETERANS)
    for day, site, registrations, deferred in HN_SESSIONS:
        flags = [True] * deferred + [False] * (registrations - deferred)
        rng.shuffle(flags)
        for is_deferred in flags:
            n += 1
            if veterans and not is_deferred and rng.random() < 0.05:
                donor, donor_id, unit, prior, agree = veterans.pop(0)
                out.append(["hn-2023", day, site, donor, donor_id, unit, volume(False), blood_group(), str(prior), agree])
                continue
            unit = "" if rng.random() < 0.03 else rng.choice(HN_UNITS)
            donor_id = "" if rng.random() < 0.1 else f"HN-{n + 1000:05d}"
            prior = str(rng.randint(1, 4)) if rng.random() < 0.12 else ""
            out.append(["hn-2023", day, site, name(), donor_id, unit, volume(is_deferred), blood_group(), prior, consent()])
    # Any veteran not drawn yet gives at the closing session.
    for donor, donor_id, unit, prior, agree in veterans:
        out.append(["hn-2023", "2023-08-25", "Trụ sở Công an Thành phố Hà Nội", donor, donor_id, unit, "350",
                    blood_group(), str(prior), agree])
    # Cà Mau, 19/4/2020: 712 registrations, 667 units.
    flags = [True] * 45 + [False] * (667 - len(CM_VETERANS))
    rng.shuffle(flags)
    for i, is_deferred in enumerate(flags):
        site = "Hội trường Công an tỉnh Cà Mau" if i % 3 else "Trung tâm Văn hóa tỉnh Cà Mau"
        unit = "" if rng.random() < 0.03 else rng.choice(CM_UNITS)
        donor_id = "" if rng.random() < 0.1 else f"CM-{i + 100:05d}"
        prior = str(rng.randint(1, 4)) if rng.random() < 0.1 else ""
        out.append(["ca-mau-2020", "2020-04-19", site, name(), donor_id, unit, volume(is_deferred), blood_group(), prior,
                    consent()])
    for donor, donor_id, unit, prior, agree in CM_VETERANS:
        out.append(["ca-mau-2020", "2020-04-19", "Hội trường Công an tỉnh Cà Mau", donor, donor_id, unit, "350",
                    blood_group(), str(prior), agree])
    return out


w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["campaign", "date", "site", "donor", "donor_id", "unit", "volume_ml", "blood_group", "prior_donations", "consent"])
w.writerows(rows())
