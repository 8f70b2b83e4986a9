#!/usr/bin/env python3
"""Generates the SYNTHETIC expert interviews bundled in Data/interviews/.

Nothing here is a real person or a real interview. Each interview follows the study's interview
guide (AI use in personalization, privacy concerns, strategies for balancing them) and is assembled
from hand-written answer passages, chosen per participant's role and industry with a fixed seed, so
that running this script again reproduces the files byte for byte:

    python3 Data/interviews/generate_interviews.py

Each passage also carries the themes a human reader (the author of this script) judged it to
express, by meaning and not by the codebook's terms; `human-coding.csv` is that judgement applied
to the turns of four interviews (a segment's themes are the union of its passages' themes).
Outputs: INT01.txt … INT12.{txt,vtt,srt}, participants.csv, human-coding.csv.
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20250611

PARTICIPANTS = [
    # id, role, industry, years, format, label style, interviewer name, participant name
    ("P01", "Marketing manager", "Retail", 9, "txt", "id", "Interviewer", "P01"),
    ("P02", "Data scientist", "Banking", 6, "txt", "qa", "Q", "A"),
    ("P03", "Privacy officer", "Healthcare", 14, "vtt", "voice", "Interviewer", "Helena Brandt"),
    ("P04", "Marketing manager", "Telecommunications", 11, "txt", "stamped", "Interviewer", "Rahul"),
    ("P05", "Data scientist", "Retail", 4, "txt", "id", "Interviewer", "P05"),
    ("P06", "Privacy officer", "Media", 8, "txt", "id", "Interviewer", "P06"),
    ("P07", "Marketing manager", "Travel", 7, "srt", "prefix", "Interviewer", "Sofía"),
    ("P08", "Data scientist", "Streaming", 5, "txt", "stamped", "Interviewer", "Jonas"),
    ("P09", "Privacy officer", "Banking", 12, "txt", "qa", "Q", "A"),
    ("P10", "Marketing manager", "Automotive", 15, "txt", "id", "Interviewer", "P10"),
    ("P11", "Data scientist", "Healthcare", 3, "vtt", "voice", "Interviewer", "Amara Okafor"),
    ("P12", "Privacy officer", "Retail", 10, "txt", "id", "Interviewer", "P12"),
]

INDUSTRY = {
    "Retail": dict(customers="shoppers", product="the app and the web shop", example="a basket-abandonment email", example2="the size recommendations on product pages",
                   sensitive="sizes and what people buy for their kids", law="GDPR"),
    "Banking": dict(customers="account holders", product="the mobile banking app", example="a credit-card upgrade offer", example2="the savings nudges in the app",
                    sensitive="transaction histories", law="GDPR and PSD2"),
    "Healthcare": dict(customers="members", product="the member portal", example="a reminder to book a check-up", example2="the wellness programme emails",
                       sensitive="diagnosis codes and prescriptions", law="GDPR and, for our US members, HIPAA"),
    "Telecommunications": dict(customers="subscribers", product="the self-care app", example="a roaming bundle offer", example2="the plan-upgrade recommendations",
                               sensitive="location and call data", law="GDPR and the ePrivacy rules"),
    "Media": dict(customers="readers", product="the news site", example="a subscription offer at the paywall", example2="the recommended-articles box",
                  sensitive="reading histories", law="GDPR"),
    "Travel": dict(customers="guests", product="the booking site", example="a room upgrade before arrival", example2="the destination inspiration emails",
                   sensitive="passport details and travel dates", law="GDPR and CCPA"),
    "Streaming": dict(customers="viewers", product="the streaming app", example="the rows on the home screen", example2="the autoplay trailers",
                      sensitive="viewing histories", law="CCPA and GDPR"),
    "Automotive": dict(customers="drivers", product="the connected-car app", example="a service-appointment reminder", example2="the accessory offers in the app",
                       sensitive="driving and location data", law="GDPR"),
}

# Interview guide: (section, question variants).
GUIDE = [
    ("intro", ["Thanks for taking the time. Could you start by describing your role and how your team works with customer data?",
               "To start, tell me a little about your role and where personalization sits in your organisation."]),
    ("ai_use", ["How is AI used for personalization in your organisation today?",
                "Where does machine learning actually touch the customer in your work?"]),
    ("ai_example", ["Can you walk me through a recent example?",
                    "What does that look like in practice, for a concrete campaign or feature?"]),
    ("concerns", ["What privacy concerns do you hear from customers, or have yourself?",
                  "Where do you see the main privacy risks in what you just described?"]),
    ("creepy", ["Have you seen personalization go too far?",
                "Is there a point where personalization stops being helpful?"]),
    ("risk", ["What about security, or the models themselves going wrong?",
              "Are there other risks you worry about, beyond the customer reaction?"]),
    ("communication", ["How do you explain to customers what happens with their data?",
                       "How do you communicate data usage to customers?"]),
    ("consent", ["What role does consent play, and how much control do customers get?",
                 "How do customers choose what they share?"]),
    ("ethics", ["Beyond the law, are there ethical lines you draw?",
                "How do ethical questions come up in your day-to-day work?"]),
    ("compliance", ["How do you stay compliant with privacy law without slowing marketing down?",
                    "Regulation is often described as a brake on marketing. How do you handle that tension?"]),
    ("technology", ["Are there technical approaches that help you protect privacy?",
                    "Do you use any privacy-enhancing technologies?"]),
    ("trust", ["What do you think this all means for customer trust?",
               "What is at stake if you get the balance wrong?"]),
    ("closing", ["If you had one piece of advice for a company starting out with AI personalization, what would it be?",
                 "Last question: where do you see this going in the next few years?"]),
]

# Passages: (text, themes a human reader judged it to express).
P = {
"intro": [
 ("I lead {role_work} for {industry_lower}. In practice that means I sit between the people who want more data and the people who want less of it, and I spend a lot of my week translating between them.", ["ai_personalization"]),
 ("My title is {role}, and I have been doing some version of this for {years} years. The job has changed completely: when I started it was mailing lists, now it is models that decide what {customers} see in {product}.", ["ai_personalization"]),
 ("I'm the {role_lower} here. Day to day I work with marketing, with the data team and with legal, so I see the personalization question from all three sides.", ["compliance_efficiency"]),
 ("I run a small team, about eight people. We own the customer data platform and the models on top of it, and we answer to marketing but we also have to answer to the privacy office.", ["ai_personalization", "compliance_efficiency"]),
],
"ai_use": [
 ("Mostly recommendation and timing. We have models that rank products or content for each person, and models that predict when someone is likely to open a message. The ranking models run in real time in {product}; the timing ones run overnight.", ["ai_personalization"]),
 ("We use machine learning for segmentation, propensity scoring and next-best-action. Honestly the fancy part is small. Most of the value comes from getting clean data about what {customers} did last week, and most of the risk comes from the same place.", ["ai_personalization"]),
 ("There is a lot of generative AI talk at the moment. We use it for drafting copy variants, but the decisions about who gets which offer are still classic predictive models, trained on our own first-party data.", ["ai_personalization", "first_party_data"]),
 ("We personalise the home screen, the emails and the offers. The algorithm decides the order of things; a person still decides what is allowed to be in the pool at all. I think that split matters more than people realise.", ["ai_personalization", "governance"]),
 ("A chatbot handles a growing share of service contacts, and it can see the customer's history to personalise the answer. That was the first project where the privacy office asked to see the prompt and the data flows before launch.", ["ai_personalization", "governance"]),
 ("We used to buy third-party audience data and run lookalike models on it. We stopped that two years ago. Now everything is built on what {customers} tell us or do with us directly, which is smaller but much easier to defend.", ["ai_personalization", "first_party_data", "ethics"]),
],
"ai_example": [
 ("Take {example}. The model picks the moment and the content. We tested showing the reason in the message itself, one line saying why you are getting it, and the complaints went down without the conversion dropping.", ["ai_personalization", "transparency", "marketing_efficiency"]),
 ("A recent one was {example2}. The first version used everything we had, including {sensitive}. When we reviewed it we asked whether we really needed that, took it out, and the model was barely worse. That became our default question.", ["ai_personalization", "data_minimization"]),
 ("We ran {example} as an experiment with a holdout group. Personalised beat generic by a clear margin, but what surprised us was the feedback: people liked it when it was obviously useful and hated it when they could not tell how we knew.", ["ai_personalization", "transparency", "intrusiveness"]),
 ("For {example2} we let people pick their own interests first, a kind of zero-party approach, and only then let the model fill the gaps. Fewer people opted in than we hoped, but the ones who did were much more engaged.", ["ai_personalization", "consent_control", "value_exchange"]),
 ("The example I would give is a churn model. It flags {customers} who are likely to leave and triggers a retention offer. It works, but we had a long discussion about whether it is fair that loyal people get worse deals than people who threaten to leave.", ["ai_personalization", "ethics", "bias_fairness"]),
],
"concerns": [
 ("The number one concern is simply not knowing. People do not mind that we use their purchase history so much as they mind not knowing what we use and for what. Most of the anger I see comes from surprise.", ["communication", "transparency"]),
 ("{sensitive_cap} is the obvious one. Even when it is legal to use it, customers feel it is theirs in a deeper way, and if a message reveals that we know it, the reaction is immediate.", ["intrusiveness", "ethics"]),
 ("Customers say two things at the same time: they want relevant offers and they do not want to be tracked. That is the paradox in one sentence. I don't think it is hypocrisy; they want the benefit without the feeling of being watched.", ["value_exchange", "intrusiveness"]),
 ("The concern I hear inside the company is different: people worry that if we ask for consent properly, half the audience disappears and the models get worse. That fear drives a lot of bad decisions.", ["consent_control", "marketing_efficiency"]),
 ("What worries me is how much we collect by default. Every new tool adds fields. Nobody deletes anything. Two years later there is a pile of data nobody can explain to a customer, and that is a liability, not an asset.", ["data_minimization", "security"]),
 ("Honestly, the people most concerned are often the older {customers}, but the ones who complain loudest online are younger. They know what is possible and they expect us to be upfront about it.", ["communication", "trust"]),
],
"creepy": [
 ("Yes. We once sent a message that referred to something a customer had only looked at, never bought. It was technically accurate and completely creepy. Since then the rule is: browsing behaviour can change the order of things, but we never mention it.", ["intrusiveness", "governance"]),
 ("There is a line where it stops feeling like service and starts feeling like someone is following them around. For us that line was location. We had the data, we could have used it in real time, and we decided not to.", ["intrusiveness", "data_minimization", "ethics"]),
 ("Over-personalization is real. If every screen is tuned to you, you stop discovering anything, and people notice. We deliberately keep some randomness in the recommendations now.", ["intrusiveness", "ai_personalization"]),
 ("The worst cases are inferences. Nobody told us they were pregnant or ill or in debt, but a model can guess, and acting on that guess is invasive even if the guess is right. Those inferences are now simply off limits.", ["intrusiveness", "ethics", "manipulation"]),
 ("I think it goes too far when the message is more precise than the relationship. If I have bought one thing from you, you do not get to talk to me like a friend who knows my life.", ["intrusiveness", "trust"]),
],
"risk": [
 ("Security is the floor. The more we centralise data for personalization, the bigger the target. We had a minor incident two years ago, no sensitive data, and it still cost us weeks of work and a lot of goodwill.", ["security", "trust"]),
 ("Breaches worry me more than regulators. A fine is a number; a breach is a headline, and {customers} remember headlines. So access to the raw data is limited to a handful of people and everything is encrypted at rest.", ["security", "regulation", "trust"]),
 ("Bias is the one I lose sleep over. A model trained on past behaviour learns who we served well in the past. If that was mostly affluent postcodes, the offers follow the postcodes, and postcodes are a proxy for things we are not allowed to use.", ["bias_fairness", "ethics"]),
 ("We test the models for discrimination before launch now, by age band and region, because we found one that gave systematically worse offers to older customers. Nobody intended it; it just fell out of the data.", ["bias_fairness", "governance"]),
 ("Manipulation is the quieter risk. A model that optimises only for clicks will find people's weak moments, late at night, after payday. We put limits on frequency and timing for that reason, even though it costs us some revenue.", ["manipulation", "ethics", "marketing_efficiency"]),
],
"communication": [
 ("We rewrote the privacy notice in plain language. The old one was twelve pages of legal text; the new one starts with a short summary: what we collect, why we collect it, and how to change it. It took months because every sentence had to survive legal review.", ["communication", "compliance_efficiency"]),
 ("Clear communication about data usage is most of the battle. If you tell people at the moment it matters, a just-in-time notice next to the feature, they understand it. If you hide it in a policy, they find out later and feel cheated.", ["communication", "transparency", "trust"]),
 ("Every personalised message now has a small link: why am I seeing this? It opens a short explanation and the settings. Only a few percent click it, but knowing it is there changes how people feel about the message.", ["transparency", "consent_control", "communication"]),
 ("I push the teams to explain it the way you would explain it to your mother. No jargon, no 'we may share with selected partners'. If we can't explain a use of data in two sentences, we probably should not be doing it.", ["communication", "ethics"]),
 ("We are honest about the trade-off. We say: if you share your preferences, the offers get better; if you don't, you still get the service, just less tailored. People respect being told the deal.", ["communication", "value_exchange", "trust"]),
 ("Transparency has to cover the algorithm too, not only the data. We can't publish the model, but we can explain the main signals it uses, and that is what people actually want to know.", ["transparency", "ai_personalization"]),
 ("Communication is also internal. Customer service needs to be able to explain how personalization works, because that is who gets the angry calls. We gave them a one-page explanation and it cut escalations noticeably.", ["communication"]),
],
"consent": [
 ("Consent is the backbone. Everything beyond the basic service is opt-in, and the preference centre lets people switch each use on or off separately. Revoking consent has to be as easy as giving it, otherwise it is not real consent.", ["consent_control", "regulation"]),
 ("We moved from one big checkbox to granular choices. It was painful: opt-in rates for some purposes fell to thirty percent. But the data we have now is data we can actually use without worrying.", ["consent_control", "marketing_efficiency"]),
 ("Control matters more than consent in my view. A consent banner is a one-time event that people click away. Control is being able to see what we hold and delete it, any time, and we built that into {product}.", ["consent_control", "transparency"]),
 ("The right to be forgotten sounds simple until you try it. The data is in the warehouse, in the model features, in backups, in the email tool. We had to build an automated deletion pipeline to make it work at all.", ["consent_control", "compliance_automation", "regulation"]),
 ("We offer levels: basic, personalised, and fully personalised with extra benefits. Letting people choose their level of personalization took the heat out of a lot of complaints.", ["value_exchange", "consent_control"]),
],
"ethics": [
 ("Legal is the minimum. The ethical question is whether the customer would be comfortable if they saw exactly what we did with their data. If the answer is no, we don't do it, even if legal says we could.", ["ethics", "compliance_efficiency"]),
 ("We set up a small ethics board, people from marketing, data, legal and customer service, that reviews new uses of personal data. It meets every two weeks. It slows things down a little and it has stopped at least two bad ideas.", ["governance", "ethics"]),
 ("The principle I keep coming back to is data minimization: collect what you need for the purpose you told people about, and nothing more. It is an ethical principle before it is a legal one.", ["data_minimization", "ethics", "regulation"]),
 ("Ethical data handling for me means respect. These are people, not profiles. Just because we can predict something does not mean we should act on it, and that has to be said out loud in meetings, repeatedly.", ["ethics"]),
 ("We do a privacy impact assessment for every new model, and we added ethical questions to the template: who could be harmed, who is left out, would this embarrass us in the press. Privacy by design only works if it is part of the template.", ["governance", "ethics", "bias_fairness"]),
 ("There are groups we treat differently on purpose. Minors, people in financial difficulty, people with health conditions. For them personalization is limited no matter what the model says, because the potential to exploit vulnerability is too high.", ["ethics", "manipulation"]),
],
"compliance": [
 ("Complying with {law} while keeping marketing efficient is the daily tension. What worked for us was bringing legal in at the start of a campaign instead of the end. A review at the brief stage takes an hour; a review after launch takes a month.", ["compliance_efficiency", "regulation", "marketing_efficiency"]),
 ("We automated a lot of compliance. Consent flags travel with every record, the campaign tool refuses to send to anyone without the right consent, and retention rules delete data on schedule. Nobody has to remember the rules; the system enforces them.", ["compliance_automation", "consent_control", "data_minimization"]),
 ("The regulations are not that hard to follow in principle. What is hard is that they are written for lawyers and our tools are built by engineers. We keep a data map of every field and its lawful basis, and that map is the bridge.", ["regulation", "compliance_automation"]),
 ("Privacy law actually forced us to be more efficient. When you can't blast everyone, you have to target better. Our cost per acquisition went down after we cleaned up consent, because we stopped paying to reach people who did not want to hear from us.", ["regulation", "marketing_efficiency", "consent_control"]),
 ("The tension is real, though. A stricter reading of legitimate interest would cost us a measurable share of revenue. We document the balancing test carefully and accept that some campaigns are simply not worth the legal risk.", ["regulation", "marketing_efficiency"]),
 ("My strategy is a playbook: pre-approved patterns for the common campaign types. If marketing stays inside the patterns, there is no legal review and no delay. Only new things come to us. That keeps compliance from becoming a bottleneck.", ["compliance_efficiency", "governance", "marketing_efficiency"]),
 ("With third-party cookies going away, compliance and efficiency point the same way. First-party data with clear consent is both the legal route and the sustainable one, so we put our budget there.", ["first_party_data", "consent_control", "marketing_efficiency"]),
 ("We had a regulator inquiry two years ago, nothing dramatic, but it showed that we could not quickly say which data fed which model. Fixing that made us faster too, because engineers stopped guessing what they were allowed to use.", ["regulation", "compliance_automation"]),
],
"technology": [
 ("We use pseudonymisation everywhere by default: the modelling environment never sees names or emails, only hashed identifiers. It is not anonymisation, legally, but it limits the damage of mistakes.", ["pets", "security"]),
 ("We experimented with federated learning for {product}, training on the device and only sending model updates back. The engineering is heavy, but for {sensitive} it is the only approach I am fully comfortable with.", ["pets"]),
 ("Differential privacy for the reporting side. Analysts get aggregate numbers with calibrated noise; they can't drill down to an individual. It took some convincing, but the numbers are good enough for decisions.", ["pets"]),
 ("Synthetic data has been useful for development and testing. Developers work on realistic fake records, so the real data stays in a locked environment. It is not perfect for training production models, but it removed a lot of copies of real data.", ["pets", "security", "data_minimization"]),
 ("We use a data clean room with one retail partner: both sides put data in, only aggregated results come out. It replaced a file exchange that frankly should never have existed.", ["pets", "first_party_data"]),
],
"trust": [
 ("Trust is the whole game. Personalization only works if people keep sharing data, and they only keep sharing if they trust us. Every shortcut we take with privacy spends trust we will need later.", ["trust", "value_exchange"]),
 ("If we get it wrong, people leave quietly. They don't complain, they just stop opening the emails, switch off tracking, give fake birthdays. Loyalty erodes long before anyone sees it in the numbers.", ["trust", "marketing_efficiency"]),
 ("I see privacy as part of the brand now. Our research shows {customers} rank how we handle their data close to price when they talk about whether they trust us. That was not true five years ago.", ["trust"]),
 ("The reputational risk is asymmetric. Good personalization earns a little goodwill each time; one creepy message or one breach can undo years of it.", ["trust", "intrusiveness", "security"]),
],
"closing": [
 ("Start with the customer's point of view, not the data you happen to have. Ask what they would expect, tell them clearly what you are doing, and make it easy to say no. The models are the easy part.", ["communication", "consent_control", "ethics"]),
 ("Build compliance into the pipeline from day one. Retrofitting consent and deletion into a running personalization stack is ten times harder than designing for it.", ["compliance_automation", "governance"]),
 ("I think regulation will keep tightening, especially around AI. The companies that already explain their algorithms and keep their data lean will barely notice; the others will have a very hard few years.", ["regulation", "transparency", "data_minimization"]),
 ("Be transparent and be modest. Use less data than you could, explain what you use, and measure whether customers actually feel the benefit. If they don't, the personalization is not worth the risk.", ["transparency", "data_minimization", "value_exchange"]),
 ("My advice is to treat privacy as a product feature rather than a legal cost. When we did that, the conversation with marketing changed from 'what are we allowed to do' to 'what would customers value', and both privacy and performance improved.", ["value_exchange", "marketing_efficiency", "compliance_efficiency"]),
],
}

# Which sections each role is asked about, and how many passages an answer takes.
PLAN = {
    "Marketing manager": ["intro", "ai_use", "ai_example", "concerns", "creepy", "risk", "communication", "consent", "compliance", "ethics", "trust", "closing"],
    "Data scientist": ["intro", "ai_use", "ai_example", "concerns", "creepy", "risk", "technology", "communication", "ethics", "compliance", "trust", "closing"],
    "Privacy officer": ["intro", "ai_use", "concerns", "creepy", "risk", "communication", "consent", "ethics", "compliance", "technology", "trust", "closing"],
}
OPENERS = ["", "", "", "Honestly, ", "Well, ", "So, ", "I think ", "Yeah. ", "Good question. ", "Hmm. "]
FOLLOW_UPS = ["Can you say more about that?", "Why do you think that is?", "How did the team react?", "Interesting. And how does that play out in practice?"]
BRIDGES = ["And another thing. ", "At the same time, ", "On top of that, ", "But also, ", "I'd add that ", ""]
HUMAN_CODED = {"P01", "P03", "P06", "P08"}


def fill(text, person):
    pid, role, industry, years = person[:4]
    context = dict(INDUSTRY[industry])
    context.update(role=role, role_lower=role.lower(), industry_lower=industry.lower(), years=years,
                   role_work={"Marketing manager": "the CRM and personalization programme",
                              "Data scientist": "the personalization models",
                              "Privacy officer": "data protection"}[role],
                   sensitive_cap=context["sensitive"][0].upper() + context["sensitive"][1:])
    return text.format(**context)


def lower_first(text):
    return text if text.startswith("I ") or text.startswith("I'") else text[0].lower() + text[1:]


def opening(rng, text):
    """A spoken opener, if one fits the passage's first words."""
    opener = rng.choice(OPENERS)
    if opener == "I think " and (text.startswith("I") or text.startswith("Yes")):
        opener = ""
    return opener + (lower_first(text) if opener.endswith(", ") or opener == "I think " else text)


def answer(rng, person, section, used):
    pool = [i for i in range(len(P[section])) if (section, i) not in used] or list(range(len(P[section])))
    count = 2 if section in ("intro", "closing") else rng.choice([3, 3, 4])
    chosen = rng.sample(pool, min(count, len(pool)))
    used.update((section, i) for i in chosen)
    parts, themes = [], set()
    for k, index in enumerate(chosen):
        text, judged = P[section][index]
        text = fill(text, person)
        if k == 0:
            text = opening(rng, text)
        else:
            bridge = rng.choice(BRIDGES)
            text = bridge + (lower_first(text) if bridge and not bridge.endswith(". ") else text)
        parts.append(text)
        themes.update(judged)
    return parts, themes


def interview(rng, person):
    """Turns as (speaker is interviewer, text, judged themes)."""
    role = person[1]
    used = set()
    turns = []
    for section in PLAN[role]:
        question = rng.choice(dict(GUIDE)[section])
        turns.append((True, question, set()))
        parts, themes = answer(rng, person, section, used)
        if len(parts) == 3 and rng.random() < 0.5:
            turns.append((False, " ".join(parts[:2]), themes))
            turns.append((True, rng.choice(FOLLOW_UPS), set()))
            turns.append((False, parts[2], themes))
        else:
            turns.append((False, " ".join(parts) if rng.random() < 0.6 else "\n\n".join(parts), themes))
    turns.append((True, "Thank you, that was very helpful.", set()))
    return turns


HEADER = "SYNTHETIC interview generated by Data/interviews/generate_interviews.py (seed {seed}); not a real person or a real interview."


def stamp(seconds, separator):
    h, rest = divmod(int(seconds), 3600)
    m, s = divmod(rest, 60)
    millis = int(round((seconds - int(seconds)) * 1000))
    return f"{h:02d}:{m:02d}:{s:02d}{separator}{millis:03d}"


def write_plain(path, person, turns):
    pid, role, industry, years, _, style, interviewer, speaker = person
    lines = [f"# {HEADER.format(seed=SEED)}", f"# participant: {pid}", f"# role: {role}", f"# industry: {industry}", ""]
    clock = 0.0
    for is_interviewer, text, _ in turns:
        name = interviewer if is_interviewer else speaker
        prefix = f"[{stamp(clock, '.')[:8]}] {name}: " if style == "stamped" else f"{name}: "
        lines.append(prefix + text)
        if style != "qa":
            lines.append("")
        clock += 4 + len(text.split()) * 0.42
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines).rstrip("\n") + "\n")


def cues(text, rng):
    """Splits a turn into caption-sized cues of 8–16 words."""
    words = text.replace("\n\n", " ").split()
    chunks, i = [], 0
    while i < len(words):
        n = rng.randint(8, 16)
        chunks.append(" ".join(words[i:i + n]))
        i += n
    return chunks


def write_captions(path, person, turns, rng):
    pid, role, industry, years, fmt, style, interviewer, speaker = person
    out = []
    if fmt == "vtt":
        out += ["WEBVTT", "", "NOTE " + HEADER.format(seed=SEED), "", "NOTE", f"participant: {pid}", f"role: {role}",
                f"industry: {industry}", f"interviewer: {interviewer}", ""]
    else:
        out += [f"# {HEADER.format(seed=SEED)}", f"# participant: {pid}", f"# role: {role}", f"# industry: {industry}", ""]
    clock, number = 1.0, 1
    for is_interviewer, text, _ in turns:
        name = interviewer if is_interviewer else speaker
        for chunk in cues(text, rng):
            duration = 0.6 + len(chunk.split()) * 0.38
            separator = "." if fmt == "vtt" else ","
            out.append(str(number))
            out.append(f"{stamp(clock, separator)} --> {stamp(clock + duration, separator)}")
            out.append(f"<v {name}>{chunk}</v>" if fmt == "vtt" else f"{name}: {chunk}")
            out.append("")
            clock += duration + 0.2
            number += 1
        clock += 1.5
    with open(path, "w", encoding="utf-8", newline="\n") as out_file:
        out_file.write("\n".join(out))


def main():
    rng = random.Random(SEED)
    human_rows = []
    with open(os.path.join(HERE, "participants.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "role", "industry", "years_experience"])
        for person in PARTICIPANTS:
            writer.writerow(person[:4])
    for number, person in enumerate(PARTICIPANTS, start=1):
        turns = interview(rng, person)
        fmt = person[4]
        name = f"INT{number:02d}.{fmt}"
        if fmt == "txt":
            write_plain(os.path.join(HERE, name), person, turns)
        else:
            write_captions(os.path.join(HERE, name), person, turns, rng)
        words = sum(len(t[1].split()) for t in turns)
        print(f"{name}: {words} words")
        if person[0] in HUMAN_CODED:
            for index, (is_interviewer, _, themes) in enumerate(turns, start=1):
                if not is_interviewer:
                    human_rows.append((f"INT{number:02d}-{index:03d}", ";".join(sorted(themes))))
    with open(os.path.join(HERE, "human-coding.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["segment_id", "themes"])
        writer.writerows(human_rows)


if __name__ == "__main__":
    main()
