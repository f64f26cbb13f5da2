"""Generate the fictional demo county 越溪县 (org units, people, households, grid elements, logins).

Run `python services/directory/data/demo/generate.py`; it rewrites the CSV files and LOGINS.md
beside itself. Standard library only and a fixed seed, so the output is byte-for-byte stable.

Id scheme (every id starts with its parent's id, which the scope rules rely on):
county 330688 · department 330688K01 · town/街道 330688100 (街道 0xx) · office <town>B01 ·
village <town>2xx, community <town>0xx · grid <village>G01.
Town offices carry the department names of the catalogue and petition categories; where those
names add a qualifier in parentheses to an existing office (镇社会事务办（卫健）) the office is
the part before the parenthesis.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ELEMENTS_CSV = HERE.parent / "governance_elements.csv"
SEED = 20260101
PASSWORD = "Zhili@2026"
COUNTY_ID, COUNTY_NAME = "330688", "越溪县"

# (department, title of its county_staff account)
DEPARTMENTS = [
    ("县委组织部", "基层组织建设科科长"),
    ("县民政局", "基层政权和社区建设科科长"),
    ("县农业农村局", "农村社会事业促进科科员"),
    ("县住房和城乡建设局", "村镇建设科科长"),
    ("县自然资源和规划局", "耕地保护监督科科员"),
    ("县生态环境分局", "生态环境执法队副队长"),
    ("县卫生健康局", "基层卫生健康科科员"),
    ("县人力资源和社会保障局", "劳动保障监察大队队员"),
    ("县综合行政执法局", "乡镇综合执法指导科科长"),
    ("县市场监管局", "食品安全协调科科员"),
    ("县交通运输局", "农村公路管理科科员"),
    ("县信访局", "网上信访办理科科长"),
    ("县纪委县监委", None),
]
SUPERVISORS = [
    ("县纪委县监委", "第三监督检查室主任"),
    ("县纪委县监委", "第三监督检查室纪检监察员"),
    ("县农业农村局", "农村经营管理科科长"),
]
TOWN_OFFICES = [
    "镇党建办", "镇党政综合办", "镇农业农村办", "镇村镇建设办", "镇社会事务办",
    "镇平安办（社会治理中心）", "镇综合行政执法队", "镇应急管理办", "镇财政所", "镇人力社保所",
    "镇生态办", "镇医保服务站", "镇文化站", "镇便民服务中心", "镇退役军人服务站", "镇统计站",
    "镇水利站", "镇市场监管所", "镇自然资源所", "镇司法所", "镇应急消防管理站", "镇食安办",
    "镇纪委（监察办）", "镇人武部", "镇河长办", "镇信访办", "镇成人文化技术学校",
]
TOWN_STAFF = [
    ("镇党建办", "党建办主任"), ("镇农业农村办", "农业农村办副主任"),
    ("镇村镇建设办", "村镇建设办工作人员"), ("镇社会事务办", "社会事务办工作人员"),
    ("镇平安办（社会治理中心）", "平安办主任"), ("镇综合行政执法队", "综合行政执法队队员"),
]
LEADER_TITLES = {
    "镇": ["党委委员、副镇长（分管农业农村）", "副镇长（分管村镇建设）", "党委委员、政法委员（分管平安建设）"],
    "街道": ["党工委委员、办事处副主任（分管城市管理）", "办事处副主任（分管社会事务）",
             "党工委委员、政法委员（分管平安建设）"],
}
CADRE_TITLES = {
    "村": ["村党委副书记", "村委会副主任", "村委委员、妇联主席", "村监委主任"],
    "社区": ["社区党委副书记", "居委会副主任", "居委会委员", "社区监委会主任"],
}
# town id, name, [(village suffix, name, grid count, natural villages / compounds / streets)]
TOWNS = [
    ("330688100", "溪口镇", [
        ("001", "溪口社区", 3, ["溪口老街", "新民小区", "滨溪花苑"]),
        ("201", "桃源村", 3, ["上宅", "下宅", "塘湾", "山后"]),
        ("202", "上蒋村", 2, ["上蒋", "茶园坞", "西岙"]),
        ("203", "竹溪村", 3, ["竹溪", "大坞", "小坞", "溪滩"]),
        ("204", "石门村", 2, ["石门", "岭脚"]),
    ]),
    ("330688101", "青山镇", [
        ("201", "青山村", 3, ["青山", "前畈", "后山"]),
        ("202", "后畈村", 2, ["后畈", "樟树下"]),
        ("203", "楼家村", 2, ["楼家", "新屋", "塘下"]),
        ("204", "枫林村", 3, ["枫林", "上岙", "下岙"]),
    ]),
    ("330688001", "白塔街道", [
        ("001", "白塔社区", 3, ["白塔新村", "塔山苑", "人民路"]),
        ("002", "文昌社区", 3, ["文昌花园", "学士苑", "文昌路"]),
        ("003", "月湾社区", 2, ["月湾小区", "湾头"]),
        ("201", "塘头村", 2, ["塘头", "沙地"]),
    ]),
]
ORDINALS = "一二三四五六七八九"

SURNAMES = {
    "王": "wang", "陈": "chen", "张": "zhang", "李": "li", "徐": "xu", "金": "jin", "俞": "yu",
    "孙": "sun", "沈": "shen", "杨": "yang", "周": "zhou", "吴": "wu", "胡": "hu", "钱": "qian",
    "何": "he", "朱": "zhu", "赵": "zhao", "黄": "huang", "章": "zhang", "傅": "fu", "董": "dong",
    "马": "ma", "寿": "shou", "楼": "lou", "袁": "yuan", "屠": "tu", "倪": "ni", "丁": "ding",
    "蒋": "jiang", "郑": "zheng", "冯": "feng", "谢": "xie", "骆": "luo", "魏": "wei", "裘": "qiu",
    "宋": "song", "邵": "shao", "潘": "pan", "范": "fan", "韩": "han", "汪": "wang", "方": "fang",
    "杜": "du", "叶": "ye", "葛": "ge", "茹": "ru", "施": "shi", "严": "yan",
}
MALE_CHARS = {
    "建": "jian", "国": "guo", "伟": "wei", "军": "jun", "明": "ming", "华": "hua", "强": "qiang",
    "志": "zhi", "海": "hai", "峰": "feng", "江": "jiang", "林": "lin", "斌": "bin", "杰": "jie",
    "宏": "hong", "勇": "yong", "刚": "gang", "平": "ping", "春": "chun", "荣": "rong",
    "良": "liang", "新": "xin", "祥": "xiang", "东": "dong", "文": "wen", "立": "li",
    "忠": "zhong", "浩": "hao", "永": "yong", "德": "de", "庆": "qing", "鑫": "xin", "涛": "tao",
    "磊": "lei", "晨": "chen", "宇": "yu", "凯": "kai", "俊": "jun", "振": "zhen", "炳": "bing",
    "水": "shui", "根": "gen", "富": "fu", "松": "song", "土": "tu", "法": "fa",
}
FEMALE_CHARS = {
    "丽": "li", "芳": "fang", "萍": "ping", "燕": "yan", "红": "hong", "英": "ying", "敏": "min",
    "静": "jing", "霞": "xia", "娟": "juan", "芬": "fen", "琴": "qin", "玲": "ling", "婷": "ting",
    "慧": "hui", "洁": "jie", "雪": "xue", "佳": "jia", "怡": "yi", "颖": "ying", "晓": "xiao",
    "雅": "ya", "倩": "qian", "琳": "lin", "梅": "mei", "月": "yue", "兰": "lan", "彩": "cai",
    "凤": "feng", "秀": "xiu", "美": "mei", "素": "su", "珍": "zhen", "亚": "ya", "丹": "dan",
}
# Real people named in the seed articles; never reuse them for fictional accounts.
RESERVED_NAMES = {"徐志江", "宣灵敏", "王晓秋", "沈童睿"}
PHONE_PREFIXES = [
    "138", "139", "135", "137", "150", "151", "158", "159", "180", "187", "188", "189",
]
POSITION_FEMALE_SHARE = {
    "admin": 0.5, "county_staff": 0.4, "supervisor": 0.3, "town_leader": 0.3,
    "deputy_secretary": 0.3, "town_staff": 0.5, "village_secretary": 0.3,
    "village_cadre": 0.5, "grid_worker": 0.6,
}
# Non-green household notes: (text with {age}/{year}/{grade}, min/max members, element code)
YELLOW_NOTES = [
    ("独居老人，{age}岁，子女在外地工作", 1, 1, "E04-01"),
    ("空巢老人，老两口均七十岁以上", 2, 2, ""),
    ("低保户，家庭收入低于当地低保标准", 1, 3, "E04-02"),
    ("残疾人家庭，家中有{grade}级肢体残疾人", 2, 5, "E04-03"),
    ("留守儿童家庭，父母在外务工，由祖父母照料", 3, 4, "E04-04"),
]
RED_NOTES = [
    ("重病，主要劳动力患尿毒症需定期透析", 2, 4, ""),
    ("重病，户主癌症术后，医疗支出大", 1, 3, ""),
    ("矛盾纠纷隐患，与邻居因宅基地界址争执多年", 2, 5, "E09-01"),
    ("矛盾纠纷隐患，夫妻矛盾激化，需持续关注", 2, 4, "E09-02"),
    ("刑满释放人员，{year}年释放，处于安置帮教期", 1, 4, "E04-07"),
    ("社区矫正对象，每月到司法所报到", 1, 4, "E04-05"),
    ("严重精神障碍患者，需定期随访服药情况", 2, 4, "E04-06"),
]
# Other governance elements a grid may hold: code -> (min, max) count.
VILLAGE_ELEMENTS = {
    "E01-01": (1, 1), "E01-02": (1, 2), "E01-03": (1, 6), "E01-04": (1, 5), "E02-02": (1, 3),
    "E02-06": (1, 1), "E03-04": (2, 15), "E03-05": (1, 4), "E05-01": (1, 4), "E05-02": (1, 2),
    "E06-01": (2, 8), "E07-02": (1, 4), "E08-01": (2, 6), "E08-04": (1, 3), "E08-05": (2, 6),
    "E09-03": (1, 2),
}
COMMUNITY_ELEMENTS = {
    "E02-01": (3, 15), "E02-02": (2, 8), "E02-03": (1, 6), "E02-04": (1, 3), "E02-05": (1, 2),
    "E03-01": (1, 5), "E03-02": (1, 2), "E06-03": (1, 4), "E06-04": (1, 6), "E06-05": (1, 2),
    "E07-01": (1, 2), "E08-02": (5, 30), "E08-05": (2, 8), "E08-06": (4, 20), "E09-05": (1, 2),
}


class Generator:
    """Builds all demo tables from one seeded random stream, in a fixed order."""

    def __init__(self, element_codes: set[str]) -> None:
        self.rng = random.Random(SEED)
        self.element_codes = element_codes
        self.org_units: list[dict] = []
        self.people: list[dict] = []
        self.households: list[dict] = []
        self.grid_elements: list[dict] = []
        self.usernames: set[str] = set()
        self.phones: set[str] = set()
        self.person_names: set[str] = set()

    # -- names -------------------------------------------------------------------------------

    def _name(self, female: bool) -> tuple[str, str]:
        chars = FEMALE_CHARS if female else MALE_CHARS
        while True:
            surname = self.rng.choice(list(SURNAMES))
            given = "".join(self.rng.sample(list(chars), self.rng.choice([1, 2, 2, 2])))
            name = surname + given
            if name not in RESERVED_NAMES:
                return name, SURNAMES[surname] + "." + "".join(chars[c] for c in given)

    def _phone(self) -> str:
        while True:
            phone = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def person(
        self, position: str, org_id: str, title: str, female_share: float | None = None
    ) -> dict:
        share = POSITION_FEMALE_SHARE[position] if female_share is None else female_share
        female = self.rng.random() < share
        name, username = self._name(female)
        while name in self.person_names:
            name, username = self._name(female)
        self.person_names.add(name)
        base, n = username, 1
        while username in self.usernames:
            n += 1
            username = f"{base}{n}"
        self.usernames.add(username)
        row = {"username": username, "name": name, "gender": "女" if female else "男",
               "phone": self._phone(), "org_id": org_id, "position": position, "title": title}
        self.people.append(row)
        return row

    def org(self, id_: str, parent: str, level: str, name: str) -> str:
        self.org_units.append({"id": id_, "parent_id": parent, "level": level, "name": name})
        return id_

    # -- tree --------------------------------------------------------------------------------

    def build(self) -> None:
        self.org(COUNTY_ID, "", "county", COUNTY_NAME)
        self.person("admin", COUNTY_ID, "系统管理员")
        depts = {}
        for i, (dept, title) in enumerate(DEPARTMENTS, 1):
            depts[dept] = self.org(f"{COUNTY_ID}K{i:02d}", COUNTY_ID, "department", dept)
            if title:
                self.person("county_staff", depts[dept], title)
        for dept, title in SUPERVISORS:
            self.person("supervisor", depts[dept], title)
        for town_id, town_name, villages in TOWNS:
            self.build_town(town_id, town_name, villages)

    def build_town(self, town_id: str, town_name: str, villages: list) -> None:
        kind = "街道" if town_name.endswith("街道") else "镇"
        self.org(town_id, COUNTY_ID, "town", town_name)
        offices = {name: self.org(f"{town_id}B{i:02d}", town_id, "office", name)
                   for i, name in enumerate(TOWN_OFFICES, 1)}
        deputy = "街道党工委副书记" if kind == "街道" else "镇党委副书记"
        self.person("deputy_secretary", town_id, deputy)
        for title in LEADER_TITLES[kind]:
            self.person("town_leader", town_id, title)
        for office, title in TOWN_STAFF:
            self.person("town_staff", offices[office], title)
        for suffix, name, grid_count, places in villages:
            self.build_village(town_id + suffix, name, grid_count, places)

    def build_village(self, village_id: str, name: str, grid_count: int, places: list[str]) -> None:
        kind = "社区" if name.endswith("社区") else "村"
        town_id = village_id[:9]
        self.org(village_id, town_id, "village", name)
        secretary = "社区党委书记、居委会主任" if kind == "社区" else "村党委书记、村委会主任"
        self.person("village_secretary", village_id, secretary, 0.6 if kind == "社区" else None)
        for title in self.rng.sample(CADRE_TITLES[kind], self.rng.choice([2, 3])):
            self.person("village_cadre", village_id, title)
        for g in range(grid_count):
            grid_id = self.org(f"{village_id}G{g + 1:02d}", village_id, "grid",
                               f"{name}第{ORDINALS[g]}网格")
            title = "社区专职网格员" if kind == "社区" else "专职网格员"
            self.person("grid_worker", grid_id, title)
            derived = self.build_households(grid_id, name, kind, places[g::grid_count])
            self.build_elements(grid_id, kind, derived)

    # -- households and elements -----------------------------------------------------------

    def _address(self, village: str, kind: str, place: str, used: set[str]) -> str:
        while True:
            if place.endswith(("小区", "花园", "苑", "新村")):
                building, floor, door = (self.rng.randint(1, 18), self.rng.randint(1, 6),
                                         self.rng.randint(1, 4))
                unit = f"{building}幢{floor}0{door}室"
            else:
                unit = f"{self.rng.randint(1, 160)}号"
            addr = f"{village}{place}{unit}" if kind == "社区" else f"{village}{place}自然村{unit}"
            if addr not in used:
                used.add(addr)
                return addr

    def build_households(self, grid_id: str, village: str, kind: str, places: list[str]) -> dict:
        derived: dict[str, int] = {}
        used: set[str] = set()
        for _ in range(self.rng.randint(9, 15)):
            roll = self.rng.random()
            color, note, lo, hi = "green", "", 1, 6
            if roll < 0.20:
                color = "red" if roll < 0.05 else "yellow"
                notes = RED_NOTES if color == "red" else YELLOW_NOTES
                template, lo, hi, code = self.rng.choice(notes)
                note = template.format(age=self.rng.randint(75, 93),
                                       year=self.rng.randint(2019, 2025),
                                       grade=self.rng.choice("一二三"))
                if code:
                    derived[code] = derived.get(code, 0) + 1
            members = self.rng.randint(lo, min(hi, 6)) if color != "green" else self.rng.choice(
                [1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6])
            head, _ = self._name(self.rng.random() < 0.3)
            address = self._address(village, kind, self.rng.choice(places), used)
            self.households.append({"grid_id": grid_id, "head_name": head, "address": address,
                                    "members": members, "color": color, "note": note})
        return derived

    def build_elements(self, grid_id: str, kind: str, derived: dict[str, int]) -> None:
        pool = COMMUNITY_ELEMENTS if kind == "社区" else VILLAGE_ELEMENTS
        chosen = dict(sorted(derived.items())[:8])
        target = max(len(chosen), self.rng.randint(3, 8))
        extra = [c for c in pool if c not in chosen]
        for code in self.rng.sample(extra, target - len(chosen)):
            chosen[code] = self.rng.randint(*pool[code])
        for code, count in sorted(chosen.items()):
            if code not in self.element_codes:
                raise ValueError(f"unknown governance element {code}")
            self.grid_elements.append({"grid_id": grid_id, "element_code": code, "count": count})


def logins_markdown(gen: Generator) -> str:
    """The table of demo accounts worth trying, with the first town's chain of command."""
    names = {o["id"]: o["name"] for o in gen.org_units}
    town_id = TOWNS[0][0]
    picks: list[dict] = []

    def first(position: str, where=lambda p: True) -> dict:
        return next(p for p in gen.people if p["position"] == position and where(p))

    picks.append(first("admin"))
    picks.append(first("county_staff"))
    picks.extend(p for p in gen.people if p["position"] == "supervisor")
    picks.append(first("town_leader", lambda p: p["org_id"] == town_id))
    picks.append(first("deputy_secretary", lambda p: p["org_id"] == town_id))
    picks.append(first("town_staff", lambda p: p["org_id"].startswith(town_id)))
    villages = [o["id"] for o in gen.org_units
                if o["level"] == "village" and o["parent_id"] == town_id]
    village_a, village_b = villages[1], villages[2]  # two 村 (the first village is a 社区)
    picks.append(first("village_secretary", lambda p: p["org_id"] == village_a))
    picks.append(first("village_secretary", lambda p: p["org_id"] == village_b))
    picks.append(first("village_cadre", lambda p: p["org_id"] == village_a))
    picks.append(first("grid_worker", lambda p: p["org_id"].startswith(village_a)))

    def org_label(org_id: str) -> str:
        chain = [names[org_id[:n]] for n in (9, 12) if len(org_id) > n and org_id[:n] in names]
        return " / ".join(chain + [names[org_id]]) + f" (`{org_id}`)"

    lines = [
        "# 越溪县 demo logins",
        "",
        f"All demo accounts share the password `{PASSWORD}`. Generated by `generate.py`; "
        f"the first town is {names[town_id]} (`{town_id}`).",
        "",
        "| username | name | position | title | org |",
        "|---|---|---|---|---|",
    ]
    for p in picks:
        lines.append(f"| `{p['username']}` | {p['name']} | {p['position']} | {p['title']} "
                     f"| {org_label(p['org_id'])} |")
    return "\n".join(lines) + "\n"


def read_element_codes() -> set[str]:
    with ELEMENTS_CSV.open(encoding="utf-8", newline="") as f:
        return {row["minor_code"] for row in csv.DictReader(f)}


def _csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def render() -> dict[str, str]:
    """File name -> full text of every generated file."""
    gen = Generator(read_element_codes())
    gen.build()
    return {
        "org_units.csv": _csv(gen.org_units, ["id", "parent_id", "level", "name"]),
        "people.csv": _csv(gen.people, ["username", "name", "gender", "phone", "org_id",
                                        "position", "title"]),
        "households.csv": _csv(gen.households, ["grid_id", "head_name", "address", "members",
                                                "color", "note"]),
        "grid_elements.csv": _csv(gen.grid_elements, ["grid_id", "element_code", "count"]),
        "LOGINS.md": logins_markdown(gen),
    }


def main() -> None:
    for name, text in render().items():
        (HERE / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {HERE / name} ({text.count(chr(10)) - 1} rows)" if name.endswith(".csv")
              else f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
