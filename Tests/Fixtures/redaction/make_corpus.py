"""Labelled test set of the redaction detectors (issue 15, point 4): corpus.txt, one sentence a line,
with planted e-mail addresses, phone numbers, IP addresses, street addresses, person names and
personal URLs among
ordinary text and look-alikes (versions, dates, prices, ISBNs, times, percentages, order numbers,
capitalised words, plain URLs, slashes), and labels.csv (line, position, kind, characters: 1-based character position in
the line, as paradox redact's review log). Names are drawn from a list partly outside the
detector's given names, so recall is measured honestly.

Run: python3 make_corpus.py (Python 3.11; random.Random(15), deterministic). Scored by score.py
against `paradox redact corpus.txt --out OUT` (OUT/redaction-log.csv).
"""
import csv
import random

rng = random.Random(15)
EACH = 220

FIRST_IN_LIST = ["Sarah", "James", "Maria", "Thomas", "Anna", "Pierre", "Giulia", "Mehmet", "Priya", "Lars", "Olga", "Carlos"]
FIRST_OTHER = ["Aoife", "Thandiwe", "Kwame", "Siobhan", "Bartholomew", "Ngozi", "Tadeusz", "Ximena", "Eamon", "Oluwaseun"]
SURNAMES = ["Connor", "Miller", "Schmidt", "Rossi", "Kowalski", "Nakamura", "Okafor", "Dubois", "Byrne", "Mokoena", "Fischer", "Garcia"]
TITLES = ["Dr.", "Mr", "Mrs", "Ms", "Prof.", "Frau", "Herr"]
STREETS = ["Baker", "Oak", "Maple", "Evergreen", "Church", "Station", "Mill", "Pennsylvania", "King", "Queen"]
TYPES = ["Street", "St.", "Avenue", "Road", "Lane", "Drive", "Terrace", "Close", "Way", "Boulevard"]
GERMAN = ["Hauptstraße", "Lindenweg", "Marktplatz", "Bahnhofstraße", "Schillerstr.", "Goethestraße", "Rosengasse"]
ROMANCE = [("rue", "de la Paix"), ("avenue", "Victor Hugo"), ("rue", "du Bac")]
ITALIAN = ["Via Roma", "Via Garibaldi", "Calle Mayor", "Rua Augusta"]
DOMAINS = ["example.org", "mail.example.co.uk", "uni-example.de", "example.com"]

def email():
    local = rng.choice(["jane.doe", "j.smith", "survey+p17", "a_b-9", "kontakt", "m.rossi"]) + str(rng.randint(0, 99))
    return f"{local}@{rng.choice(DOMAINS)}"

def phone():
    forms = [lambda: f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
             lambda: f"(0{rng.randint(20, 99)}) {rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
             lambda: f"{rng.randint(200, 999)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
             lambda: f"+1.{rng.randint(200, 999)}.{rng.randint(200, 999)}.{rng.randint(1000, 9999)}",
             lambda: f"+49 151 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
             lambda: f"0{rng.randint(20, 99)} {rng.randint(1000000, 9999999)}"]
    return rng.choice(forms)()

def ip():
    if rng.random() < 0.8:
        return ".".join(str(rng.randint(0, 255)) for _ in range(4))
    return f"2001:db8::{rng.randint(1, 0xffff):x}:{rng.randint(1, 0xffff):x}"

def address():
    r = rng.random()
    if r < 0.5:
        return f"{rng.randint(1, 9999)} {rng.choice(STREETS)} {rng.choice(TYPES)}"
    if r < 0.75:
        return f"{rng.choice(GERMAN)} {rng.randint(1, 120)}{rng.choice(['', 'a', 'b'])}"
    if r < 0.9:
        kind, name = rng.choice(ROMANCE)
        return f"{rng.randint(1, 99)} {kind} {name}"
    return f"{rng.choice(ITALIAN)} {rng.randint(1, 200)}"

def name():
    r = rng.random()
    if r < 0.3:
        return f"{rng.choice(TITLES)} {rng.choice(SURNAMES)}"
    first = rng.choice(FIRST_IN_LIST if r < 0.8 else FIRST_OTHER)
    return f"{first} {rng.choice(SURNAMES)}"

PLANTED = {"email": (email, ["Please write to {} about the survey", "My address is {}, use it", "Contact: {}"]),
           "phone": (phone, ["Call me on {} after six", "The number was {} I think", "Phone {} (mobile)"]),
           "ip_address": (ip, ["The server {} logged the visit", "Requests came from {} yesterday", "IP {} was blocked"]),
           "street_address": (address, ["We moved to {} last year", "Their shop at {} closed", "Send it to {} please"]),
           "person_name": (name, ["I talked to {} about consent", "Our officer {} agreed", "Yesterday {} called back"])}

LOOK_ALIKES = [lambda: f"We upgraded to version {rng.randint(1, 20)}.{rng.randint(0, 20)}.{rng.randint(0, 99)} last week",
               lambda: f"The survey closed on 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} at noon",
               lambda: f"On {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2025 we met",
               lambda: f"It cost €{rng.randint(1, 9)},{rng.randint(100, 999)}.00 in total",
               lambda: f"The ISBN is 978-3-16-148410-0 for that book",
               lambda: f"About {rng.randint(1, 99)}.{rng.randint(0, 9)}% agreed",
               lambda: f"Order {rng.randint(10000000, 99999999)} shipped at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
               lambda: f"In {rng.randint(1990, 2030)} The Way we shop changed",
               lambda: f"{rng.randint(2, 9)} Ways to Save on Data Plans",
               lambda: f"I trust Apple and Google more than Meta",
               lambda: f"Will May join us in June",
               lambda: f"Marketing manager Retail {rng.randint(1, 30)} years",
               lambda: f"Scores were {rng.randint(1, 5)}, {rng.randint(1, 5)} and {rng.randint(1, 5)} out of 5",
               lambda: f"Version {rng.randint(1, 9)}.{rng.randint(0, 9)} Street Fighter is a game",
               lambda: f"New York and Paris are big markets",
               lambda: f"The coordinates 1.5 and 2.5 are not GPS"]

lines, labels = [], []
items = [(kind, gen, rng.choice(templates)) for kind, (gen, templates) in PLANTED.items() for _ in range(EACH)]
items += [(None, gen, None) for gen in LOOK_ALIKES for _ in range(25)]
rng.shuffle(items)
for kind, gen, template in items:
    if kind is None:
        lines.append(gen())
        continue
    value = gen()
    text = template.format(value)
    lines.append(text)
    labels.append((len(lines), text.index(value) + 1, kind, len(value)))

# Personal URLs (and plain URLs and slashes as look-alikes), appended after the lines above with
# their own generator, so that those lines and labels stay as they were.
url_rng = random.Random(1515)
HANDLES = ["jane.doe", "sarah-connor", "kwame.okafor", "jsmith", "m_rossi88", "thandiwe.mokoena", "lars-fischer", "priya_n"]

def personal_url():
    handle = url_rng.choice(HANDLES)
    forms = [lambda: f"https://www.facebook.com/{handle}",
             lambda: f"https://linkedin.com/in/{handle}-{url_rng.randint(100, 999)}",
             lambda: f"instagram.com/{handle}",
             lambda: f"https://twitter.com/{handle}",
             lambda: f"x.com/{handle}",
             lambda: f"https://survey.example.org/r?id={url_rng.randint(1000, 99999)}",
             lambda: f"https://example.com/unsubscribe?email={handle}%40example.org",
             lambda: f"mailto:{handle}@example.org",
             lambda: f"https://uni.example.edu/~{handle.split('.')[0].split('-')[0]}/",
             lambda: f"https://www.example.com/team/{rng_name()}"]
    return url_rng.choice(forms)()

def rng_name():
    return f"{url_rng.choice(FIRST_IN_LIST).lower()}-{url_rng.choice(SURNAMES).lower()}"

URL_TEMPLATES = ["Her profile is {} if you want it", "He sent me {} yesterday", "Link: {}", "(see {}) for the post"]
URL_LOOK_ALIKES = [lambda: "The FTC explains it at https://www.ftc.gov/privacy in detail",
                   lambda: f"Our site example.com had {url_rng.randint(2, 99)} visitors",
                   lambda: f"Read https://en.wikipedia.org/wiki/General_Data_Protection_Regulation first",
                   lambda: f"The paper is https://doi.org/10.1037/xge{url_rng.randint(1000000, 9999999)}",
                   lambda: f"Search https://example.org/search?q=privacy+trust&page={url_rng.randint(1, 9)}",
                   lambda: "Facebook's policy is at https://www.facebook.com/privacy/policy",
                   lambda: f"Support is 24/7 and/or by chat, {url_rng.randint(1, 9)}/{url_rng.randint(10, 12)} agreed",
                   lambda: f"The company page linkedin.com/company/acme-{url_rng.randint(1, 99)} is public"]
url_items = [("url", personal_url, url_rng.choice(URL_TEMPLATES)) for _ in range(EACH)]
url_items += [(None, gen, None) for gen in URL_LOOK_ALIKES for _ in range(25)]
url_rng.shuffle(url_items)
for kind, gen, template in url_items:
    if kind is None:
        lines.append(gen())
        continue
    value = gen()
    text = template.format(value)
    lines.append(text)
    labels.append((len(lines), text.index(value) + 1, kind, len(value)))

with open("corpus.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
with open("labels.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["line", "position", "kind", "characters"])
    writer.writerows(labels)
