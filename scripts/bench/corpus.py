#!/usr/bin/env python3
"""Deterministic benchmark corpus in the layout of docs/reference.md.

    corpus.py --campaigns N --rows M --out DIR [--seed S]

Writes DIR/content/{site.yml, campaigns/*.md, pages/*.md, data/donations.csv,
data/honours.csv}. Write-ups are 600-1,400 words of Vietnamese prose with
headings, lists, a quote, links and 1-3 fenced stats blocks; rows follow the
campaign sizes of a real programme (a few large days, many small ones), 10%
deferred, 10% without donor_id, a quarter of donations by regular donors.
Rows are streamed to disk, so 10 million rows need little memory.
Same arguments, same bytes: only Python's seeded `random` decides anything.
"""
import argparse
import datetime as dt
import os
import random

PROVINCES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Cà Mau", "Nghệ An", "Thanh Hóa",
             "Thừa Thiên Huế", "Quảng Ninh", "Bắc Ninh", "Nam Định", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng",
             "Bình Dương", "Đồng Nai", "An Giang", "Kiên Giang", "Quảng Nam", "Hà Tĩnh", "Lào Cai", "Sơn La"]
SITES = ["Trụ sở Công an {p}", "Nhà văn hóa Thanh niên {p}", "Bệnh viện Đa khoa {p}", "Trường Đại học {p}",
         "Cung Văn hóa Lao động {p}", "Hội Chữ thập đỏ {p}", "Trung tâm Hội nghị {p}", "Sân vận động {p}"]
UNITS = ["Phòng Tham mưu", "Phòng Hậu cần", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát giao thông",
         "Phòng Cảnh sát PCCC và CNCH", "Đoàn Thanh niên Công an", "Công an quận Ba Đình", "Công an huyện Sóc Sơn",
         "Trung đoàn Cảnh sát cơ động", "Phòng An ninh kinh tế", "Trại tạm giam số 1", "Phòng Xuất nhập cảnh"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Trịnh"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Thu", "Ngọc", "Hoàng", "Hữu", "Thùy", "Công", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hồng", "Hùng", "Hương", "Khánh", "Lan",
         "Linh", "Long", "Mai", "Nam", "Ngân", "Nhung", "Phong", "Phương", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo",
         "Thắng", "Trang", "Tuấn", "Uyên", "Vinh", "Vũ", "Yến", "Đạt", "Ánh", "Ơn", "Ước"]
GROUPS = [("O+", 42), ("B+", 30), ("A+", 21), ("AB+", 6), ("O-", 0.4), ("A-", 0.3), ("B-", 0.2), ("AB-", 0.1)]
SENTENCES = [
    "Ngay từ sáng sớm, đông đảo cán bộ, chiến sĩ và đoàn viên thanh niên đã có mặt tại {site} để đăng ký hiến máu.",
    "Mỗi đơn vị máu được tiếp nhận là thêm cơ hội sống cho người bệnh đang điều trị tại các bệnh viện trên địa bàn {p}.",
    "Ban tổ chức bố trí khu vực khám sàng lọc, khu vực lấy máu và khu vực nghỉ ngơi riêng để người hiến không phải chờ lâu.",
    "Nhiều người tham gia lần đầu chia sẻ rằng họ thấy hồi hộp nhưng rất vui khi biết giọt máu của mình có ích.",
    "Các y, bác sĩ kiểm tra huyết áp, cân nặng và hỏi tiền sử sức khỏe trước khi lấy máu cho từng người.",
    "Những trường hợp chưa đủ điều kiện được tư vấn kỹ và hẹn tham gia ở đợt sau khi sức khỏe bảo đảm.",
    "Phong trào hiến máu tình nguyện trong lực lượng Công an nhân dân đã duy trì liên tục trong nhiều năm qua.",
    "Đại diện Hội Chữ thập đỏ {p} ghi nhận sự hưởng ứng nhiệt tình và trao giấy chứng nhận cho người hiến máu.",
    "Nguồn máu dự trữ thường thiếu hụt vào dịp hè và sau Tết, vì vậy chương trình được tổ chức đúng lúc.",
    "Đoàn Thanh niên kêu gọi mỗi đoàn viên trở thành một tuyên truyền viên, vận động người thân cùng tham gia.",
    "Sau khi hiến máu, người hiến được nghỉ ngơi, uống sữa, ăn nhẹ và nhận quà lưu niệm của ban tổ chức.",
    "Nhiều gia đình có hai, ba thế hệ cùng tham gia, trở thành tấm gương sáng về tinh thần tương thân tương ái.",
]


def slug(text):
    import unicodedata
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()
    out, dash = [], False
    for c in text:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def prose(rng, p, site, words):
    paragraphs, count = [], 0
    while count < words:
        para = " ".join(rng.choice(SENTENCES).format(p=p, site=site) for _ in range(rng.randint(3, 6)))
        paragraphs.append(para)
        count += len(para.split())
    return paragraphs


def write_campaign(folder, rng, index, cid, p, start, days, target, sites):
    title = f"Tuổi trẻ Công an {p} hiến máu tình nguyện năm {start.year}, chương trình số {index + 1}"
    end = start + dt.timedelta(days=days - 1)
    body = prose(rng, p, sites[0], rng.randint(600, 1400))
    stats = [f"```stats\nby: {by}\n```" for by in rng.sample(["site", "date", "unit", "blood_group"], rng.randint(1, 3))]
    parts = [body[0], "## Diễn biến", *body[1:len(body) // 2],
             "\n".join(f"- {dt_.strftime('%-d/%-m/%Y')}: {s}" for dt_, s in zip(
                 (start + dt.timedelta(days=d) for d in range(days)), sites)),
             "## Kết quả", stats[0], "> Mỗi giọt máu cho đi, một cuộc đời ở lại.",
             *body[len(body) // 2:], *stats[1:],
             "1. Đăng ký trước với đơn vị.\n2. Ăn nhẹ, ngủ đủ.\n3. Mang theo giấy tờ tùy thân.",
             f"Xem thêm [hướng dẫn hiến máu](/huong-dan/) và **kết quả chung** của *các chiến dịch*."]
    with open(os.path.join(folder, f"{cid}.md"), "w", encoding="utf-8") as f:
        f.write(f'---\ntitle: "{title}"\ncampaign: {cid}\ndate: {end.isoformat()}\nstart: {start.isoformat()}\n'
                f'end: {end.isoformat()}\norganizer: "Đoàn Thanh niên Công an {p}"\nlocation: "{p}"\n'
                f'target_units: {target}\nsummary: "Cán bộ, chiến sĩ Công an {p} tham gia hiến máu tình nguyện."\n'
                f'---\n\n' + "\n\n".join(parts) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--campaigns", type=int, required=True)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    content = os.path.join(a.out, "content")
    for sub in ["campaigns", "pages", "data"]:
        os.makedirs(os.path.join(content, sub), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as f:
        f.write('title: "Hiến máu tình nguyện – số liệu toàn quốc"\nbase_url: "https://hienmau.example.org/"\n'
                'language: vi\nmilestones: [5, 10, 15, 20, 30, 40, 50]\nconsent_default: no\n')
    for name, title in [("gioi-thieu", "Giới thiệu"), ("huong-dan", "Hướng dẫn hiến máu")]:
        with open(os.path.join(content, "pages", name + ".md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{title}"\n---\n\n' + "\n\n".join(prose(rng, "Hà Nội", "Trụ sở", 300)) + "\n")
    with open(os.path.join(content, "data", "honours.csv"), "w", encoding="utf-8") as f:
        f.write("recipient,kind,award,issuer,year\n")
        for i in range(20):
            f.write(f"Đoàn Thanh niên Công an {PROVINCES[i % len(PROVINCES)]},collective,Bằng khen,"
                    f"Trung ương Hội Chữ thập đỏ Việt Nam,{2015 + i % 10}\n")

    # Campaign sizes: heavy-tailed, summing to the row count.
    weights = [rng.paretovariate(1.5) for _ in range(a.campaigns)]
    total = sum(weights)
    sizes = [max(1, int(w / total * a.rows)) for w in weights]
    sizes[0] += a.rows - sum(sizes)
    campaigns = []
    for i in range(a.campaigns):
        p = PROVINCES[i % len(PROVINCES)]
        start = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(0, 3650))
        days = rng.randint(1, 5)
        sites = [rng.choice(SITES).format(p=p) for _ in range(days)]
        cid = f"{slug(p)}-{start.year}-{i:05d}"
        campaigns.append((cid, p, start, days, sites))
        write_campaign(os.path.join(content, "campaigns"), rng, i, cid, p, start, days,
                       max(10, int(sizes[i] * rng.uniform(0.7, 1.1))), sites)

    regulars = max(10, a.rows // 40)
    def person(n):
        r = random.Random(n * 7919 + a.seed)
        return (f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}", r.choice(UNITS),
                rng_group(r), r.random() < 0.9)
    def rng_group(r):
        x, acc = r.uniform(0, 100), 0
        for g, w in GROUPS:
            acc += w
            if x <= acc:
                return g
        return "O+"
    one_time = regulars
    with open(os.path.join(content, "data", "donations.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("campaign,date,site,donor,donor_id,unit,volume_ml,blood_group,prior_donations,consent\n")
        lines = []
        for (cid, p, start, days, sites), size in zip(campaigns, sizes):
            for _ in range(size):
                if rng.random() < 0.25:
                    n = rng.randrange(regulars)
                else:
                    n, one_time = one_time, one_time + 1
                name, unit, group, has_id = person(n)
                d = rng.randrange(days)
                day = (start + dt.timedelta(days=d)).isoformat()
                deferred = rng.random() < 0.1
                volume = "0" if deferred else rng.choice(["250", "350", "350", "450"])
                prior = str(rng.randint(1, 30)) if rng.random() < 0.14 else ""
                consent = rng.choice(["yes"] * 88 + ["no"] * 5 + [""] * 7)
                site = sites[d].replace('"', '""')
                lines.append(f'{cid},{day},"{site}",{name},{"HM%07d" % n if has_id else ""},{unit},{volume},'
                             f'{"" if deferred else group},{prior},{consent}\n')
                if len(lines) >= 100_000:
                    f.write("".join(lines))
                    lines = []
        f.write("".join(lines))


if __name__ == "__main__":
    main()
