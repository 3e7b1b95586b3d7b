"""Profiles, people, interpreters and meeting requests of the demo (called by build_demo.py)."""
import csv
import datetime
import os
import unicodedata

import banks_cn
import geo
import banks_it
import frames
import handwritten
import names
from build_demo import (ALL_SESSIONS, BEIJING_SESSIONS, CHENGDU_SESSIONS, ROOT_TAXONOMY, SLOTS,
                        write_csv)

GROUP = frames.GROUP


def load_theme_labels():
    labels = {}
    with open(os.path.join(ROOT_TAXONOMY, "themes.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            labels[r["code"]] = {"it": r["it"], "en": r["en"], "zh": r["zh"]}
    return labels


THEMES = load_theme_labels()


def lower_first(s):
    if len(s) > 1 and s[1].isupper():
        return s
    return s[:1].lower() + s[1:]


def upper_first(s):
    return s[:1].upper() + s[1:]


def top(theme):
    return theme.split(".")[0]


def strip_article(s, lang):
    if lang == "it":
        for a in ("il ", "lo ", "la ", "i ", "gli ", "le ", "l'", "un ", "una ", "uno "):
            if s.startswith(a):
                return s[len(a):]
    if lang == "en":
        for a in ("its ", "the ", "a ", "an "):
            if s.startswith(a):
                return s[len(a):]
    return s


def short_spec(spec, lang):
    """First item of a spec list, to use as a title."""
    if lang == "zh":
        for sep in ("和", "、", "，"):
            spec = spec.split(sep)[0]
        return spec
    s = strip_article(spec, lang)
    for sep in (" e il ", " e la ", " e i ", " e le ", " e gli ", " e l'", " and the ", " and its ",
                ", "):
        s = s.split(sep)[0]
    return upper_first(s)


# ----------------------------------------------------------------------------- profiles

TITLES = {
 ("IT", "academic", "offer"): [("{Theme}: competenze e laboratori a disposizione", "{Theme}: expertise and labs available"),
                               ("{Spec}", "{SpecEn}"),
                               ("Offerta di ricerca – {theme}", "Research offer – {theme}"),
                               ("{Spec}: aperti a collaborazioni con la Cina", "{SpecEn}: open to collaboration with China")],
 ("IT", "academic", "request"): [("Cerchiamo partner cinesi su {theme}", "Seeking Chinese partners in {theme}"),
                                 ("Partner in Cina per {theme}", "A partner in China for {theme}"),
                                 ("{Theme}: cerchiamo un laboratorio cinese", "{Theme}: looking for a Chinese lab")],
 ("IT", "academic", "cooperation"): [("Progetto congiunto Italia-Cina su {theme}", "Italy-China joint project on {theme}"),
                                     ("Laboratorio congiunto: {theme}", "Joint lab: {theme}"),
                                     ("Scambio di ricercatori e dottorandi – {theme}", "Researcher and PhD exchange – {theme}")],
 ("IT", "territory", "offer"): [("{Spec}", "{SpecEn}"), ("Investire in Italia: {theme}", "Investing in Italy: {theme}")],
 ("IT", "territory", "request"): [("Attrarre investimenti cinesi: {theme}", "Attracting Chinese investment: {theme}"),
                                  ("Accordi con territori cinesi su {theme}", "Agreements with Chinese territories on {theme}")],
 ("IT", "territory", "cooperation"): [("Gemellaggio tecnologico su {theme}", "Technology twinning on {theme}")],
 ("IT", "network", "offer"): [("{Spec}", "{SpecEn}")],
 ("IT", "network", "request"): [("Contatti in Cina per i nostri associati – {theme}", "Contacts in China for our members – {theme}")],
 ("IT", "network", "cooperation"): [("Accordo quadro e missioni su {theme}", "Framework agreement and missions on {theme}")],
 ("CN", "academic", "offer"): [("{theme}领域的研究平台与技术", "Research platforms and technology in {theme}"),
                               ("{Spec}", "{SpecEn}"), ("开放共享：{Spec}", "Open to partners: {SpecEn}")],
 ("CN", "academic", "request"): [("寻求意大利{theme}合作伙伴", "Seeking Italian partners in {theme}"),
                                 ("{theme}：希望与意大利开展合作", "{Theme}: hoping to cooperate with Italy")],
 ("CN", "academic", "cooperation"): [("中意{theme}联合实验室", "China-Italy joint lab on {theme}"),
                                     ("{theme}人才联合培养与互访", "Joint training and exchanges in {theme}")],
 ("CN", "territory", "offer"): [("{Spec}", "{SpecEn}"), ("意大利企业落地服务：{theme}", "Landing services for Italian firms: {theme}")],
 ("CN", "territory", "request"): [("引进意大利{theme}项目", "Attracting Italian {theme} projects"),
                                  ("诚邀意大利{theme}企业和机构", "Inviting Italian {theme} companies and institutions")],
 ("CN", "territory", "cooperation"): [("中意{theme}创新合作中心", "China-Italy {theme} innovation centre")],
 ("CN", "network", "offer"): [("{Spec}", "{SpecEn}")],
 ("CN", "network", "request"): [("为会员寻找意大利{theme}合作伙伴", "Italian {theme} partners for our members")],
 ("CN", "network", "cooperation"): [("{theme}对接会与代表团互访", "{Theme} matchmaking and delegation exchanges")],
}

BUSINESS_TITLES = {
 ("IT", "offer"): [("{Offer}", "{OfferEn}")],
 ("IT", "request"): [("Cerchiamo {seek}", "Looking for {seekEn}"), ("Cercasi: {seek}", "Wanted: {seekEn}")],
 ("IT", "cooperation"): [("Partnership in Cina: {offer}", "Partnership in China: {offerEn}")],
 ("CN", "offer"): [("{Offer}", "{OfferEn}")],
 ("CN", "request"): [("寻求{seek}", "Seeking {seekEn}"), ("需求：{seek}", "Needed: {seekEn}")],
 ("CN", "cooperation"): [("合作：{offer}", "Cooperation: {offerEn}")],
}

SECTION_HEADS = {
 "it": ("Chi siamo", "Cosa offriamo", "Cosa cerchiamo"),
 "en": ("Who we are", "What we offer", "What we are looking for"),
 "zh": ("单位简介", "我们能提供", "我们希望"),
}

COOP = {
 ("academic", "offer"): [["joint_research", "technology_transfer"], ["joint_research"], ["technology_transfer"],
                         ["joint_research", "training_exchange"]],
 ("academic", "request"): [["joint_research"], ["joint_research", "training_exchange"]],
 ("academic", "cooperation"): [["joint_research", "training_exchange"], ["joint_research"]],
 ("business", "offer"): [["commercial"], ["commercial", "technology_transfer"], ["technology_transfer"]],
 ("business", "request"): [["commercial"], ["commercial", "investment"], ["investment"]],
 ("business", "cooperation"): [["commercial", "investment"], ["technology_transfer", "commercial"]],
 ("territory", "offer"): [["investment"], ["investment", "technology_transfer"]],
 ("territory", "request"): [["investment", "technology_transfer"], ["investment"]],
 ("territory", "cooperation"): [["technology_transfer", "other"], ["investment", "other"]],
 ("network", "offer"): [["other"], ["commercial", "other"]],
 ("network", "request"): [["commercial"], ["other"]],
 ("network", "cooperation"): [["other", "training_exchange"], ["other"]],
}


def kinds_for(org, rng):
    g = GROUP[org["type"]]
    if g == "academic":
        base = ["offer", "cooperation"] if rng.random() < 0.6 else ["offer", "request"]
        if org["weight"] >= 3 and rng.random() < 0.6:
            base.append("request" if "request" not in base else "cooperation")
        elif rng.random() < 0.15:
            base = base[:1]
    elif g == "business":
        base = ["offer", "request"]
        if rng.random() < 0.25:
            base.append("cooperation")
        elif rng.random() < 0.12:
            base = [rng.choice(["offer", "request"])]
    elif g == "territory":
        base = ["request", rng.choice(["offer", "cooperation"])]
        if rng.random() < 0.3:
            base = base[:1]
    else:
        base = rng.choice([["cooperation"], ["offer", "request"], ["offer"], ["cooperation", "request"]])
    return base


def pick_langs(org, rng):
    native = "it" if org["country"] == "IT" else "zh"
    x = rng.random()
    if org["country"] == "IT":
        return [native] if x < 0.45 else (["en"] if x < 0.75 else [native, "en"])
    return [native] if x < 0.45 else (["en"] if x < 0.70 else [native, "en"])


def fill(template, ctx):
    out = template
    for k, v in ctx.items():
        out = out.replace("{" + k + "}", str(v))
    return out


# Words that tie a bank sentence to one sub-theme: a profile on a sibling sub-theme skips it.
SUBTHEME_CUES = {
    "health.tcm": ["medicinal", "traditional", "acupuncture", "herb", "Chinese and Western"],
    "health.devices": ["device", "CE marking", "ISO 13485", "MDR", "NMPA", "prototype"],
    "health.biotech": ["GMP", "drug", "biomedical", "preclinical", "biobank"],
    "agrifood.safety": ["testing", "residue", "accredited", "recognition"],
    "agrifood.precision": ["irrigation", "field trials", "remote sensing", "farm-machinery", "experimental fields"],
    "energy.renewables": ["batter", "electrolys", "PV", "hydrogen", "renewable", "cells"],
    "energy.environment": ["water", "wastewater", "soil", "monitoring"],
    "smartcity.mobility": ["traffic", "transport", "vehicle", "rail", "mobility"],
    "smartcity.buildings": ["building", "seismic", "construction", "neighbourhood"],
    "ict.cyber": ["cyber", "security", "data-protection", "GDPR", "penetration"],
    "ict.5g": ["5G", "6G", "network"],
    "ict.microelectronics": ["clean room", "foundr", "integrated-circuit", "IC design", "photonic", "chip"],
    "heritage.restoration": ["conservat", "restor", "consolidat", "mural", "wall painting", "fresco", "laser", "diagnostic"],
    "heritage.digital": ["digitis", "digital", "virtual", "3D"],
    "manufacturing.robotics": ["robot"],
    "manufacturing.industry40": ["MES", "predictive", "smart-factory", "Industry 4.0", "industrial internet", "scheduling"],
    "ai.vision": ["vision", "quality-inspection"],
    "ai.language": ["language"],
    "materials.nano": ["nano", "graphene"],
}


def fitting(sentences, theme):
    if theme == top(theme):
        return sentences
    siblings = [t for t in SUBTHEME_CUES if top(t) == top(theme) and t != theme]
    own = SUBTHEME_CUES.get(theme, [])

    def ok(s):
        en = s[1]
        if any(c in en for c in own):
            return True
        return not any(c in en for t in siblings for c in SUBTHEME_CUES[t])
    kept = [s for s in sentences if ok(s)]
    return kept or sentences


def compose_profile(org, kind, theme, langs, rng, idx):
    country = org["country"]
    native = "it" if country == "IT" else "zh"
    group = GROUP[org["type"]]
    bank = (banks_it.IT if country == "IT" else banks_cn.CN)[top(theme)]
    openers = (frames.IT_OPEN if country == "IT" else frames.CN_OPEN)[(group, kind)]
    closers = frames.IT_CLOSE if country == "IT" else frames.CN_CLOSE
    facts = (frames.IT_FACTS if country == "IT" else frames.CN_FACTS)[group]
    if org["type"] == "company":
        year = rng.randint(1952, 2014) if country == "IT" else rng.randint(1993, 2018)
    else:
        year = rng.randint(2016, 2024)
    if group == "academic":
        n, m = rng.choice([8, 12, 15, 20, 25, 30, 40, 60]), rng.randint(2, 25)
    elif org["type"] == "company":
        n, m = rng.choice([18, 35, 60, 85, 120, 240, 400, 850]), rng.randint(8, 45)
    elif org["type"] == "startup":
        n, m = rng.randint(4, 30), rng.randint(1, 6)
    elif group == "territory":
        n, m = rng.choice([40, 75, 150, 320, 1200, 3500]), rng.randint(5, 60)
    else:
        n, m = rng.choice([30, 60, 120, 300, 450]), rng.randint(5, 25)
    ctx = {}
    opener = rng.choice(openers)
    opener_starts_with_name = opener[1].startswith("{name}")
    for lang in (native, "en"):
        sfx = "" if lang == native else "En"
        label = THEMES[theme][lang]
        ctx["theme" + sfx] = lower_first(label) if lang != "zh" else label
        ctx["Theme" + sfx] = label
        ctx["spec" + sfx] = org["spec"][lang]
        if lang == "en" and not opener_starts_with_name and ctx["specEn"].startswith("its "):
            ctx["specEn"] = "our " + ctx["specEn"][4:]
        ctx["Spec" + sfx] = short_spec(org["spec"][lang], lang)
        ctx["city" + sfx] = geo.CITY_ZH.get(org["city"], org["city"]) if lang == "zh" else org["city"]
        ctx["name" + sfx] = {"it": org["name_it"], "zh": org["name_zh"], "en": org["name_en"]}[lang]
        if org["offer"]:
            ctx["offer" + sfx] = org["offer"][lang]
            ctx["Offer" + sfx] = upper_first(org["offer"][lang])
            ctx["seek" + sfx] = org["seek"][lang]
    ctx.update(year=year, n=n, m=m)

    # Choose the parts once, then render them in each language of the profile.
    offers = fitting(bank["offer"], theme)
    needs = fitting(bank["need"], theme)
    if group == "business":
        # a firm talks about its own product and terms, not about a research field
        offers = frames.IT_BUSINESS_OFFER if country == "IT" else frames.CN_BUSINESS_OFFER
        needs = frames.IT_BUSINESS_NEED if country == "IT" else frames.CN_BUSINESS_NEED
    elif group == "territory":
        offers = frames.IT_TERRITORY if country == "IT" else frames.CN_TERRITORY
    if kind == "offer":
        body = rng.sample(offers, k=min(len(offers), rng.choice([1, 1, 2, 2, 3])))
    elif kind == "request":
        body = rng.sample(needs, k=min(len(needs), rng.choice([1, 2, 2, 3])))
    else:
        body = [rng.choice(offers), rng.choice(needs)]
    fact = rng.choice(facts) if rng.random() < 0.45 else None
    if org["type"] == "company" and group == "business":
        fact = facts[0] if fact else None
    elif org["type"] == "startup":
        fact = facts[1] if fact else None
    closer = rng.choice(closers) if rng.random() < 0.45 else None
    layout = rng.choices(["paragraph", "bullets", "short", "sections", "long"],
                         weights=[40, 15, 18, 12, 15])[0]
    # a business request in its shortest form: just what is wanted and why
    if group == "business" and kind == "request":
        body = body[:1] if rng.random() < 0.6 else []
        if layout in ("sections", "bullets") and not body:
            layout = "short"

    def render(lang):
        i = 0 if lang != "en" else 1
        local = {k[:-2] if k.endswith("En") and lang == "en" else k: v for k, v in ctx.items()}
        if lang == "en":
            for k in list(ctx):
                if k.endswith("En"):
                    local[k[:-2]] = ctx[k]
        first = fill(opener[i], local)
        sentences = [b[i] for b in body]
        fact_s = fill(fact[i], local) if fact else None
        close_s = closer[i] if closer else None
        sep = "" if lang == "zh" else " "
        if layout == "short":
            parts = [first] + sentences[:1]
            if not sentences and fact_s:
                parts.append(fact_s)
            return sep.join(parts)
        if layout == "bullets":
            lines = [first.rstrip("。.") + ("：" if lang == "zh" else ":")]
            lines += ["- " + s.rstrip("。.") for s in sentences + ([fact_s] if fact_s else [])]
            if close_s:
                lines.append(close_s)
            return "\n".join(lines)
        if layout == "sections":
            who, what, want = SECTION_HEADS[lang]
            colon = "：" if lang == "zh" else ": "
            name = local["name"]
            if lang == "zh":
                intro = f"{name}，位于{geo.CITY_ZH.get(org['city'], org['city'])}。"
            else:
                intro = f"{name}, {org['city']}."
            if fact_s:
                intro += sep + fact_s
            if kind == "offer":
                out = [who + colon + intro, what + colon + sep.join([first] + sentences)]
            elif kind == "request":
                out = [who + colon + intro + sep + first, want + colon + sep.join(sentences)]
            else:
                out = [who + colon + intro, what + colon + sentences[0],
                       want + colon + sentences[1], first]
            if close_s:
                out.append(close_s)
            return "\n\n".join(out)
        parts = [first]
        if fact_s and layout == "long":
            parts.append(fact_s)
        parts += sentences
        if fact_s and layout != "long":
            parts.insert(1, fact_s)
        if close_s:
            parts.append(close_s)
        text = sep.join(parts)
        if layout == "long" and lang != "zh":
            text = sep.join(parts[:2]) + "\n\n" + sep.join(parts[2:])
        return text

    # titles
    if group == "business":
        tpl = rng.choice(BUSINESS_TITLES[(country, kind)])
    else:
        options = TITLES[(country, group, kind)]
        if org["offer"] is None and len(org["spec"][native]) > 0:
            tpl = rng.choice(options)
        else:
            tpl = options[0]
    rec = {}
    for lang in langs:
        i = 0 if lang != "en" else 1
        local = dict(ctx)
        if lang == "en":
            for k in list(ctx):
                if k.endswith("En"):
                    local[k[:-2]] = ctx[k]
        title = fill(tpl[i], local)
        if len(title) > 110:
            title = title[:107].rsplit(" ", 1)[0] + "…"
        rec["title_" + lang] = upper_first(title)
        rec["text_" + lang] = render(lang)
    # keywords in the author's first language
    kw_lang = langs[0]
    kwi = {"it": 0, "en": 1, "zh": 2}[kw_lang]
    kws = list(frames.KEYWORDS[theme][kwi])
    if theme != top(theme):
        kws += frames.KEYWORDS[top(theme)][kwi][:1]
    rng.shuffle(kws)
    kws = kws[:rng.randint(2, 4)]
    if rng.random() < 0.3:
        kws.append(org["city"])
    rec["keywords"] = ";".join(dict.fromkeys(kws))
    coop = list(rng.choice(COOP[(group, kind)]))
    if top(theme) == "education":
        coop = ["training_exchange", "language_teaching"] if rng.random() < 0.6 else ["training_exchange"]
    rec["cooperation"] = ";".join(coop)
    return rec


def build_profiles(orgs, rng):
    hand = {}
    for p in handwritten.P:
        hand.setdefault(p["organization"], []).append(p)
    profiles = []
    for org in orgs:
        kinds = kinds_for(org, rng)
        mine = hand.get(org["key"], [])
        done_kinds = [p["kind"] for p in mine]
        counter = 0
        for p in mine:
            counter += 1
            rec = {k: v for k, v in p.items() if k != "organization"}
            rec.update(key=f"{org['key']}-{p['kind']}-{counter}", organization=org["key"])
            profiles.append(rec)
        remaining = [k for k in kinds if k not in done_kinds]
        if mine:
            remaining = remaining[:max(0, 2 - len(mine))]
        for idx, kind in enumerate(remaining):
            counter += 1
            theme = org["themes"][(idx + len(mine)) % len(org["themes"])]
            if GROUP[org["type"]] == "business":
                theme = org["themes"][0]  # a firm writes about its own product line
            langs = pick_langs(org, rng)
            rec = compose_profile(org, kind, theme, langs, rng, idx)
            themes = [theme]
            others = [t for t in org["themes"] if t != theme]
            if others and rng.random() < 0.45:
                themes.append(rng.choice(others))
            rec.update(key=f"{org['key']}-{kind}-{counter}", organization=org["key"],
                       kind=kind, themes=";".join(themes))
            profiles.append(rec)
    return profiles


# ----------------------------------------------------------------------------- people

SINOLOGY_ORGS = {"it-unior", "it-unive", "it-confucio-sapienza", "it-confucio-unimi",
                 "it-confucio-napoli", "it-confucio-pisa", "it-aitic", "it-ambpechino",
                 "it-conschongqing", "it-unimc", "it-iulm", "it-rgirc", "it-alumni-cina",
                 "it-consul-cina", "it-traduzioni-tech", "it-editoria-digitale", "it-edu-italiano"}
ITALIANIST_ORGS = {"cn-bfsu", "cn-sisu", "cn-shisu", "cn-cnu", "cn-cdu", "cn-italy-alumni",
                   "cn-zh-it-youth", "cn-shengshi-edu", "cn-cstec", "cn-zhiyu-ai"}
WEST_CN = {"Sichuan", "Chongqing", "Yunnan", "Guizhou"}
NORTH_CN = {"Beijing", "Tianjin"}


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(c for c in s.lower() if c.isalnum())


def org_domain(org):
    return org["website"]


def attendance(org, rng):
    x = rng.random()
    if org["country"] == "CN":
        if org["region"] in WEST_CN:
            return CHENGDU_SESSIONS if x < 0.55 else (ALL_SESSIONS if x < 0.95 else BEIJING_SESSIONS)
        if org["region"] in NORTH_CN:
            return BEIJING_SESSIONS if x < 0.45 else (ALL_SESSIONS if x < 0.95 else CHENGDU_SESSIONS)
        return ALL_SESSIONS if x < 0.7 else (BEIJING_SESSIONS if x < 0.85 else CHENGDU_SESSIONS)
    return ALL_SESSIONS if x < 0.75 else (BEIJING_SESSIONS if x < 0.9 else CHENGDU_SESSIONS)


def build_people(orgs, rng):
    people = []
    used_emails = set()
    org_sessions = {}
    plans = {org["key"]: attendance(org, rng) for org in orgs}
    for a, b, _, _ in handwritten.PAIRS:
        if not set(plans[a]) & set(plans[b]):
            # people who asked each other for a meeting make sure they are there on the same day
            plans[a if a.startswith("cn-") else b] = ALL_SESSIONS
    for org in orgs:
        group = GROUP[org["type"]]
        sessions = plans[org["key"]]
        org_sessions[org["key"]] = set(sessions)
        w = org["weight"]
        count = rng.choice({1: [1, 1, 2, 2], 2: [1, 2, 2, 3], 3: [2, 2, 3, 3],
                            4: [2, 3, 3, 4], 5: [3, 4, 4]}[w])
        for i in range(count):
            female = rng.random() < (0.42 if org["country"] == "IT" else 0.38)
            if org["country"] == "IT":
                given = rng.choice(names.IT_FEMALE if female else names.IT_MALE)
                family = rng.choice(names.IT_FAMILY)
                latin = ""
                role_pair = rng.choice(names.IT_ROLES[group])
                role = role_pair[1] if female else role_pair[0]
                local = f"{ascii_slug(given)}.{ascii_slug(family)}"
                langs = ["it"]
                p_en = {"academic": 0.93, "business": 0.8, "territory": 0.7, "network": 0.72}[group]
                if rng.random() < p_en:
                    langs.append("en")
                if org["key"] in SINOLOGY_ORGS and rng.random() < 0.7 or rng.random() < 0.025:
                    langs.append("zh")
                if rng.random() < 0.1:
                    langs.append(rng.choice(["fr", "de", "es"]))
                needs = "yes" if langs == ["it"] and rng.random() < 0.8 else (
                    "yes" if "zh" not in langs and rng.random() < 0.04 else "no")
            else:
                fam_h, fam_p = rng.choice(names.CN_FAMILY)
                giv_h, giv_p = rng.choice(names.CN_GIVEN)
                given, family = giv_h, fam_h
                latin = f"{fam_p} {giv_p}"
                role = rng.choice(names.CN_ROLES[group])
                fp = ascii_slug(fam_p.replace("ü", "v"))
                gp = ascii_slug(giv_p)
                local = rng.choice([f"{fp}{gp}", f"{gp}.{fp}", f"{fp}.{gp}", f"{fp}{gp[0]}"])
                langs = ["zh"]
                p_en = {"academic": 0.86, "business": 0.62, "territory": 0.45, "network": 0.6}[group]
                if rng.random() < p_en:
                    langs.append("en")
                if org["key"] in ITALIANIST_ORGS and rng.random() < 0.75 or rng.random() < 0.035:
                    langs.insert(1, "it")   # studied in Italy
                needs = "yes" if langs == ["zh"] and rng.random() < 0.85 else "no"
            email = f"{local}@{org_domain(org)}"
            k = 2
            while email in used_emails:
                email = f"{local}{k}@{org_domain(org)}"
                k += 1
            used_emails.add(email)
            # most follow the organization's plan; some come for part of it only
            mine = list(sessions)
            if len(mine) == 4 and rng.random() < 0.12:
                mine = rng.choice([BEIJING_SESSIONS, CHENGDU_SESSIONS, ["bj-pm", "cd-am", "cd-pm"]])
            if i == 0:
                mine = list(sessions)  # the lead attends the whole plan of the organization
            sess_field = "" if sorted(mine) == sorted(ALL_SESSIONS) and rng.random() < 0.6 \
                else ";".join(mine)
            people.append(dict(key=f"{org['key']}-p{i + 1}", organization=org["key"],
                               given_name=given, family_name=family, name_latin=latin, role=role,
                               email=email, languages=";".join(langs), needs_interpreter=needs,
                               sessions=sess_field))
    return people, org_sessions


INTERPRETERS = [
    ("int-01", "Chen Yiran (陈怡然)", "it-zh;en-zh", ""),
    ("int-02", "Giulia Bertolini", "it-zh", ""),
    ("int-03", "Zhou Mingyu (周明宇)", "it-zh", "bj-am;bj-pm"),
    ("int-04", "Francesca Ma (马佳)", "it-zh;en-zh", ""),
    ("int-05", "Lorenzo Rinaldi", "it-zh;en-it", "bj-am;bj-pm"),
    ("int-06", "Wang Lu (王璐)", "en-zh", "bj-am;bj-pm"),
    ("int-07", "Li Qian (李倩)", "en-zh", "cd-am;cd-pm"),
    ("int-08", "Yang Siyu (杨思雨)", "it-zh", "cd-am;cd-pm"),
    ("int-09", "Alessandra Viola", "it-zh;en-zh", "cd-am;cd-pm"),
    ("int-10", "Deng Hao (邓浩)", "en-zh", ""),
    ("int-11", "He Xiaowen (何晓雯)", "it-zh", "bj-pm;cd-am;cd-pm"),
    ("int-12", "Matteo Fabbri", "en-zh", "bj-am"),
]


# ----------------------------------------------------------------------------- requests

MSG = {
 "it": [
  "Buongiorno, abbiamo letto il vostro profilo su {topic} e ci sembra molto vicino a quello che facciamo. Possiamo vederci a {city}?",
  "Salve, vorremmo presentarvi il nostro lavoro su {topic}. Bastano venti minuti.",
  "Ci interessa capire se c'è spazio per un progetto comune su {topic}.",
  "Abbiamo già un partner in Cina ma cerchiamo un istituto più forte su {topic}. Ci vediamo?",
  "Buongiorno, sarò presente con un collega. Vorremmo parlarvi di {topic} e di possibili scambi di dottorandi.",
  "Interessati al vostro profilo. Porteremo una breve presentazione in inglese.",
  "Vorremmo sapere se siete interessati a distribuire i nostri prodotti nella vostra area.",
  "Incontro breve per conoscerci: {topic}, possibili prove congiunte.",
 ],
 "en": [
  "Hello, we read your profile on {topic} and think there is a good fit with our work. Could we meet in {city}?",
  "We'd like to present our activities on {topic} and explore a joint project.",
  "Dear colleagues, we are looking for partners in {topic}. Twenty minutes would be enough for a first talk.",
  "Your offer matches what we are looking for. Happy to meet.",
  "We are preparing a proposal on {topic} and would like to discuss your possible role.",
  "Interested in your profile; we can share references from previous projects.",
  "Quick intro meeting please: {topic}.",
 ],
 "zh": [
  "您好，我们对贵单位在{topic}方面的工作很感兴趣，希望在{city}会场见面交流。",
  "希望介绍一下我们在{topic}方面的需求，探讨合作的可能性。",
  "贵方的技术与我们的需求非常契合，期待面谈。",
  "我们计划明年在意大利设立办事处，希望了解{topic}方面的合作机会。",
  "您好！想请教贵单位在{topic}方面的经验，并介绍我们的项目。",
  "希望建立联系，探讨联合申请项目和人员互访。",
  "对贵方产品很感兴趣，想了解代理和合作条件。",
 ],
}


def message_language(text):
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "zh"
    words = set(text.lower().replace(",", " ").replace(".", " ").split())
    if words & {"buongiorno", "ciao", "cerchiamo", "abbiamo", "siamo", "possiamo", "vostri", "ci"}:
        return "it"
    return "en"


def pair_score(a, b, prof_by_org):
    ta = set(a["themes"]); tb = set(b["themes"])
    topa = {top(t) for t in ta}; topb = {top(t) for t in tb}
    s = 1.5 * len(ta & tb) + 1.0 * len(topa & topb)
    if s == 0:
        return 0.0, None
    ka = prof_by_org.get(a["key"], {}); kb = prof_by_org.get(b["key"], {})
    for t in topa & topb:
        if t in ka.get("request", set()) and t in kb.get("offer", set()):
            s += 2.0
        if t in kb.get("request", set()) and t in ka.get("offer", set()):
            s += 2.0
        if t in ka.get("cooperation", set()) or t in kb.get("cooperation", set()):
            s += 1.0
    shared = sorted(ta & tb) or sorted(t for t in ta if top(t) in topb)
    return s, shared[0]


def build_requests(orgs, people, org_sessions, profiles, rng):
    by_key = {o["key"]: o for o in orgs}
    prof_by_org = {}
    for p in profiles:
        for t in p.get("themes", "").split(";"):
            if t:
                prof_by_org.setdefault(p["organization"], {}).setdefault(p["kind"], set()).add(top(t))
    people_by_org = {}
    for p in people:
        people_by_org.setdefault(p["organization"], []).append(p)
    it_orgs = [o for o in orgs if o["country"] == "IT"]
    cn_orgs = [o for o in orgs if o["country"] == "CN"]
    drafts = []
    seen = set()
    curated = {}
    for a, b, pref, message in handwritten.PAIRS:
        pair = frozenset((a, b))
        if pair in seen:
            continue
        seen.add(pair)
        s, theme = pair_score(by_key[a], by_key[b], prof_by_org)
        theme = theme or by_key[b]["themes"][0]
        drafts.append((by_key[a], by_key[b], theme))
        curated[(a, b)] = (pref, message)
    for o in orgs:
        others = cn_orgs if o["country"] == "IT" else it_orgs
        group = GROUP[o["type"]]
        n_out = rng.choice({"academic": [2, 3, 4, 5, 6], "business": [3, 4, 5, 6, 8],
                            "territory": [4, 6, 8, 10], "network": [2, 3, 4, 5]}[group])
        cands = []
        for other in others:
            if not (org_sessions[o["key"]] & org_sessions[other["key"]]):
                continue
            s, theme = pair_score(o, other, prof_by_org)
            if s > 0:
                cands.append((other, s * (other["weight"] ** 1.7), theme))
        for _ in range(n_out):
            if not cands:
                break
            total = sum(c[1] for c in cands)
            x = rng.uniform(0, total)
            acc = 0.0
            for ci, c in enumerate(cands):
                acc += c[1]
                if acc >= x:
                    break
            other, _, theme = cands.pop(ci)
            pair = frozenset((o["key"], other["key"]))
            if pair in seen:
                continue
            seen.add(pair)
            drafts.append((o, other, theme))
    # timestamps: the weeks before the event, busier close to the deadline
    start = datetime.datetime(2026, 10, 5, tzinfo=datetime.timezone.utc)
    span_days = 39
    stamped = []
    for o, other, theme in drafts:
        day = int(span_days * (rng.random() ** 0.6))
        local_hour = rng.choice([8, 9, 9, 10, 10, 11, 14, 15, 15, 16, 17, 18, 21, 22])
        minute = rng.randrange(60)
        d = start + datetime.timedelta(days=day)
        if o["country"] == "CN":
            offset = 8
        else:
            offset = 2 if d < datetime.datetime(2026, 10, 25, tzinfo=datetime.timezone.utc) else 1
        tz = datetime.timezone(datetime.timedelta(hours=offset))
        stamp = datetime.datetime(d.year, d.month, d.day, local_hour, minute, rng.randrange(60),
                                  tzinfo=tz)
        stamped.append((stamp.astimezone(datetime.timezone.utc), stamp, o, other, theme))
    stamped.sort(key=lambda x: (x[0], x[2]["key"], x[3]["key"]))
    cap = {o["key"]: sum(SLOTS[s] for s in org_sessions[o["key"]]) for o in orgs}
    used = {o["key"]: 0 for o in orgs}
    total_tables = 0
    requests = []
    for i, (_, stamp, o, other, theme) in enumerate(stamped):
        pref = rng.choices(["must", "want", "no_thanks"], weights=[22, 71, 7])[0]
        hand = curated.get((o["key"], other["key"]))
        if hand:
            pref = hand[0]
            status = rng.choices(["accepted", "pending"], weights=[85, 15])[0]
        elif pref == "no_thanks":
            status = rng.choice(["declined", "declined", "cancelled"])
        else:
            status = rng.choices(["accepted", "pending", "declined", "cancelled"],
                                 weights=[70, 16, 11, 3])[0]
        if status == "accepted":
            margin_o = int(cap[o["key"]] * 0.85)
            margin_t = int(cap[other["key"]] * 0.85)
            if used[o["key"]] >= margin_o or used[other["key"]] >= margin_t:
                status = "declined" if rng.random() < 0.6 else "pending"
            else:
                used[o["key"]] += 1
                used[other["key"]] += 1
                total_tables += 1
        requester = people_by_org[o["key"]][0]
        if len(people_by_org[o["key"]]) > 1 and rng.random() < 0.3:
            requester = rng.choice(people_by_org[o["key"]])
        if hand:
            msg_lang = message_language(hand[1])
            speakers = [p for p in people_by_org[o["key"]] if msg_lang in p["languages"].split(";")]
            if speakers and requester not in speakers:
                requester = speakers[0]
        speaks = requester["languages"].split(";")
        native = "it" if o["country"] == "IT" else "zh"
        lang = native if ("en" not in speaks or rng.random() < 0.55) else "en"
        message = hand[1] if hand else ""
        if not hand and pref != "no_thanks" and rng.random() < 0.85:
            shared = set(org_sessions[o["key"]]) & set(org_sessions[other["key"]])
            city_en = "Chengdu" if not shared & set(BEIJING_SESSIONS) else (
                "Beijing" if not shared & set(CHENGDU_SESSIONS) else rng.choice(["Beijing", "Chengdu"]))
            city = {"it": {"Beijing": "Pechino", "Chengdu": "Chengdu"},
                    "zh": {"Beijing": "北京", "Chengdu": "成都"},
                    "en": {"Beijing": "Beijing", "Chengdu": "Chengdu"}}[lang][city_en]
            topic = THEMES[theme][lang]
            if lang != "zh":
                topic = lower_first(topic)
            message = rng.choice(MSG[lang]).replace("{topic}", topic).replace("{city}", city)
        requests.append(dict(key=f"req-{i + 1:04d}", **{"from": o["key"], "to": other["key"]},
                             requested_by=requester["key"], preference=pref, status=status,
                             message=message, created_at=stamp.isoformat()))
    return requests


def build(out, orgs, rng):
    profiles = build_profiles(orgs, rng)
    write_csv(os.path.join(out, "profiles.csv"),
              ["key", "organization", "kind", "title_en", "title_it", "title_zh", "text_en",
               "text_it", "text_zh", "themes", "keywords", "cooperation"], profiles)
    people, org_sessions = build_people(orgs, rng)
    write_csv(os.path.join(out, "people.csv"),
              ["key", "organization", "given_name", "family_name", "name_latin", "role", "email",
               "languages", "needs_interpreter", "sessions"], people)
    write_csv(os.path.join(out, "interpreters.csv"), ["key", "name", "pairs", "sessions"],
              [dict(key=k, name=n, pairs=p, sessions=s) for k, n, p, s in INTERPRETERS])
    requests = build_requests(orgs, people, org_sessions, profiles, rng)
    write_csv(os.path.join(out, "requests.csv"),
              ["key", "from", "to", "requested_by", "preference", "status", "message",
               "created_at"], requests)
