#!/usr/bin/env python3
"""The hand annotation of the detection development set, as exact strings in text order.

Each entry: (exact span text, kind, items). An item is (author, year, locator, ref).
`build-gold.py` finds every span after the previous one and writes gold.jsonl.
Annotated by reading each text, before Gloss was run on it.
"""

P, N, M, F = "parenthetical", "narrative", "numeric", "footnote-marker"

def a(author, year, locator=None):
    return (author, year, locator, None)

def r(ref, locator=None, year=None):
    return (None, year, locator, ref)

SPANS = {
    "tr-ozon": [
        ("(Bilgin, 2021; Yıldırım vd., 2021)", P, [a("Bilgin", "2021"), a("Yıldırım vd.", "2021")]),
        ("(Paoli vd., 2011; Chattopadhyay vd., 2019; Yang\nvd., 2021; Bekesiene vd., 2021; Makarova vd., 2021)", P,
         [a("Paoli vd.", "2011"), a("Chattopadhyay vd.", "2019"), a("Yang vd.", "2021"), a("Bekesiene vd.", "2021"), a("Makarova vd.", "2021")]),
        ("(Chelani, 2010;\nTanaskuli, 2019; Mehdipour ve Memarianfard; 2019)", P,
         [a("Chelani", "2010"), a("Tanaskuli", "2019"), a("Mehdipour ve Memarianfard", "2019")]),
        ("(Alipio, 2020; Allu vd., 2020;\nMatasović vd., 2021)", P, [a("Alipio", "2020"), a("Allu vd.", "2020"), a("Matasović vd.", "2021")]),
        ("(Ding vd., 2020; Liu vd.,\n2020)", P, [a("Ding vd.", "2020"), a("Liu vd.", "2020")]),
        ("(Liu vd., 2020; Ma vd., 2021)", P, [a("Liu vd.", "2020"), a("Ma vd.", "2021")]),
        ("(Çağıl ve Yıldırım, 2020;\nDarendeli ve Yılmaz, 2021)", P, [a("Çağıl ve Yıldırım", "2020"), a("Darendeli ve Yılmaz", "2021")]),
        ("(Wang\nvd., 2020; Felix vd., 2021)", P, [a("Wang vd.", "2020"), a("Felix vd.", "2021")]),
        ("(Nghiem vd.,\n2021)", P, [a("Nghiem vd.", "2021")]),
        ("(Adnane vd., 2021)", P, [a("Adnane vd.", "2021")]),
        ("(Alghieth vd., 2021;\nEkinci vd. 2021; Zhang vd., 2021)", P, [a("Alghieth vd.", "2021"), a("Ekinci vd.", "2021"), a("Zhang vd.", "2021")]),
        ("(Eslami vd., 2020; Sayeed vd., 2021)", P, [a("Eslami vd.", "2020"), a("Sayeed vd.", "2021")]),
        ("(Chen vd., 2016)", P, [a("Chen vd.", "2016")]),
        ("(Ekinci vd., 2020)", P, [a("Ekinci vd.", "2020")]),
    ],
    "tr-veribilimi": [
        ("(Balaban & Kartal, 2018; Shearer , 2000; Wrth & Hpp, 2000)", P,
         [a("Balaban & Kartal", "2018"), a("Shearer", "2000"), a("Wrth & Hpp", "2000")]),
        ("Elsever (2023)", N, [a("Elsever", "2023")]),
        ("(Kartal\nvd., 2019; Kartal & Özen, 2017)", P, [a("Kartal vd.", "2019"), a("Kartal & Özen", "2017")]),
        ("(Kartal, 2015; Ronaghan, 2019)", P, [a("Kartal", "2015"), a("Ronaghan", "2019")]),
        ("Bellman (1957)", N, [a("Bellman", "1957")]),
        ("(V enkat, 2018)", P, [a("V enkat", "2018")]),
        ("(Dey , 2021)", P, [a("Dey", "2021")]),
        ("(Benatt, 2018)", P, [a("Benatt", "2018")]),
        ("(Falah vd., 2023)", P, [a("Falah vd.", "2023")]),
        ("(Balaban & Kartal,\n2018)", P, [a("Balaban & Kartal", "2018")]),
        ("(W alesak & Dudek, 2020)", P, [a("W alesak & Dudek", "2020")]),
        ("Flach (2012)", N, [a("Flach", "2012")]),
        ("(Flach, 2012; Kartal, 2015)", P, [a("Flach", "2012"), a("Kartal", "2015")]),
        ("(Kartal, 2015)", P, [a("Kartal", "2015")]),
        ("(Kartal, 2015)", P, [a("Kartal", "2015")]),
    ],
    "tr-makine": [
        ("(Dhar , 2013; Dxon vd., 2020)", P, [a("Dhar", "2013"), a("Dxon vd.", "2020")]),
        ("Smon (1984)", N, [a("Smon", "1984")]),
        ("(Alpaydın, 2014)", P, [a("Alpaydın", "2014")]),
        ("Mohr ve dğ.\n(2012)", N, [a("Mohr ve dğ.", "2012")]),
        ("Mtchell (1997)", N, [a("Mtchell", "1997")]),
        ("(Kartal, 2015)", P, [a("Kartal", "2015")]),
        ("Mtchell (1997)", N, [a("Mtchell", "1997")]),
        ("(Balaban & Kartal, 2018)", P, [a("Balaban & Kartal", "2018")]),
        ("Mtchell (1997)", N, [a("Mtchell", "1997")]),
        ("(Özen, Kartal, & Emre, 2017)", P, [a("Özen, Kartal, & Emre", "2017")]),
        ("(Annon vd., 2018)", P, [a("Annon vd.", "2018")]),
        ("(Annon vd., 2018)", P, [a("Annon vd.", "2018")]),
        ("(Annon vd., 2018)", P, [a("Annon vd.", "2018")]),
        ("(Kartal, 2015; Mohr vd., 2012)", P, [a("Kartal", "2015"), a("Mohr vd.", "2012")]),
        ("(Han vd., 201 1; Sarker , 2021)", P, [a("Han vd.", "201 1"), a("Sarker", "2021")]),
        ("(Kartal, 2015; Kotsants vd., 2006)", P, [a("Kartal", "2015"), a("Kotsants vd.", "2006")]),
        ("(Sarker , 2021)", P, [a("Sarker", "2021")]),
        ("(Jan vd., 2009)", P, [a("Jan vd.", "2009")]),
        ("(Camastra & Vncarell, 2008)", P, [a("Camastra & Vncarell", "2008")]),
        ("(Sokolova & Lapalme, 2009)", P, [a("Sokolova & Lapalme", "2009")]),
        ("(Sokolova & Lapalme, 2009)", P, [a("Sokolova & Lapalme", "2009")]),
    ],
    "tr-hipertansiyon": [
        ("(Chiaranai ve diğ. 2009)", P, [a("Chiaranai ve diğ.", "2009")]),
        ("(Kankaya ve diğ. 2017)", P, [a("Kankaya ve diğ.", "2017")]),
        ("(Lee ve diğ. 2013)", P, [a("Lee ve diğ.", "2013")]),
        ("Liddle ve Carter (2015)", N, [a("Liddle ve Carter", "2015")]),
    ],
    "en-suggestion": [
        ("(Halligan and Oakley, 2014)", P, [a("Halligan and Oakley", "2014")]),
        ("(Asp et al., 2012)", P, [a("Asp et al.", "2012")]),
        ("(Ceci et al., 1987; Bruck and Ceci, 1995)", P, [a("Ceci et al.", "1987"), a("Bruck and Ceci", "1995")]),
        ("(Cohen and Faulkner, 1989)", P, [a("Cohen and Faulkner", "1989")]),
        ("Damasio (1994)", N, [a("Damasio", "1994")]),
        ("Asp et al. (2012)", N, [a("Asp et al.", "2012")]),
        ("(Miller and Cohen, 2001)", P, [a("Miller and Cohen", "2001")]),
        ("Halligan and Oakley (2014)", N, [a("Halligan and Oakley", "2014")]),
        ("(Oakley and Halligan, 2009)", P, [a("Oakley and Halligan", "2009")]),
    ],
    "en-parkinson": [
        ("(Poewe et al., 2017)", P, [a("Poewe et al.", "2017")]),
        ("(Vuletic et al., 2019)", P, [a("Vuletic et al.", "2019")]),
        ("(Bloem et al., 2021)", P, [a("Bloem et al.", "2021")]),
        ("(Damier et al., 1999)", P, [a("Damier et al.", "1999")]),
        ("Braak et al. (2003)", N, [a("Braak et al.", "2003")]),
        ("(Fang et al., 2020)", P, [a("Fang et al.", "2020")]),
        ("(Litvan et al., 2012)", P, [a("Litvan et al.", "2012")]),
        ("(Fang et al., 2020)", P, [a("Fang et al.", "2020")]),
    ],
    "en-walking": [
        ("(O’Donovan et al. 2010)", P, [a("O’Donovan et al.", "2010")]),
        ("(Visser et al. 2002)", P, [a("Visser et al.", "2002")]),
        ("(Hertzog et al. 2008)", P, [a("Hertzog et al.", "2008")]),
        ("(Withall et al. 2014)", P, [a("Withall et al.", "2014")]),
        ("(Hamer et al. 2013)", P, [a("Hamer et al.", "2013")]),
    ],
    "en-honesty": [
        ("(Speer et al., 2020)", P, [a("Speer et al.", "2020")]),
        ("(Wilson and Tanner-Smith, 2013; Kearney and Graczyk, 2014)", P,
         [a("Wilson and Tanner-Smith", "2013"), a("Kearney and Graczyk", "2014")]),
        # Two columns interleaved by the extraction: "Demirci ... (2012) states".
        ("(2012)", N, [a("Demirci", "2012")]),
    ],
    "ru-sanktsii": [
        ("[1]", M, [r(1)]),
        ("[2]", M, [r(2)]),
    ],
    "ru-perehod": [
        ("[6]", M, [r(6)]),
        ("[3]", M, [r(3)]),
    ],
    "ru-vygotsky": [],
    "az-turkdili": [
        ("(7)", M, [r(7)]),
    ],
    "az-qazax": [
        ("[1, s.18]", M, [r(1, "s.18")]),
        ("[1, s.48]", M, [r(1, "s.48")]),
    ],
    "az-qarabag": [],
    "az-vokativ": [
        ("[44. S. 7]", M, [r(44, "S. 7")]),
        ("[45. S. 61]", M, [r(45, "S. 61")]),
        ("[46]", M, [r(46)]),
        ("[47]", M, [r(47)]),
        ("[14. S. 475]", M, [r(14, "S. 475")]),
    ],
    # Reference numbers and pages in round brackets; the excerpt has no list, but every one has a page.
    "az-dialekt": [
        ("(89, s.72)", M, [r(89, "s.72")]),
        ("(45, s.9; 62, s.30-31; 40, s.93-95)", M, [r(45, "s.9"), r(62, "s.30-31"), r(40, "s.93-95")]),
        ("(160, s.222; 135, s.140; 151,\ns.211)", M, [r(160, "s.222"), r(135, "s.140"), r(151, "s.211")]),
        ("(135, s.140)", M, [r(135, "s.140")]),
    ],
    "az-sivele": [],
    "ru-schet": [
        ("[1, с. 5]", M, [r(1, "с. 5")]),
    ],
    "tr-grafik": [
        ("(HolyPython.com, 2023)", P, [a("HolyPython.com", "2023")]),
        ("(Rumsey , 2021a)", P, [a("Rumsey", "2021a")]),
        ("(Y au, 2014)", P, [a("Y au", "2014")]),
        ("(Ünver vd., 2021)", P, [a("Ünver vd.", "2021")]),
        ("(NCSS Statstcal\nSoftware, 2023)", P, [a("NCSS Statstcal Software", "2023")]),
    ],
    "tr-yapayzeka": [
        ("(Nabyev , 2005)", P, [a("Nabyev", "2005")]),
        ("(Nlsson, 2018)", P, [a("Nlsson", "2018")]),
        ("(Rouhanen, 2018)", P, [a("Rouhanen", "2018")]),
        ("(Gherheș, 2018; Schank &\nBaress, 2021)", P, [a("Gherheș", "2018"), a("Schank & Baress", "2021")]),
        ("(Kartal, 2022)", P, [a("Kartal", "2022")]),
        ("(Kartal, 2022)", P, [a("Kartal", "2022")]),
        ("(Rouhanen, 2018)", P, [a("Rouhanen", "2018")]),
        ("(Delpetrev vd., 2020)", P, [a("Delpetrev vd.", "2020")]),
        ("(Sung vd., 2020)", P, [a("Sung vd.", "2020")]),
        ("(Kartal &\nSchwartz, 2022)", P, [a("Kartal & Schwartz", "2022")]),
        ("(SAS, 2023)", P, [a("SAS", "2023")]),
        ("(SAS, 2023)", P, [a("SAS", "2023")]),
        ("(Devln vd., 2019)", P, [a("Devln vd.", "2019")]),
        ("(Delpetrev vd., 2020)", P, [a("Delpetrev vd.", "2020")]),
        ("(Hernández-\nOrallo, 2017)", P, [a("Hernández-Orallo", "2017")]),
        ("(Bostrom,\n2016)", P, [a("Bostrom", "2016")]),
        ("Good (1965)", N, [a("Good", "1965")]),
        ("(Bostrom & Yudkowsky , 2014)", P, [a("Bostrom & Yudkowsky", "2014")]),
        ("(TDK, 2023)", P, [a("TDK", "2023")]),
        ("(Say , 2020)", P, [a("Say", "2020")]),
        ("(Balkuv , 2020)", P, [a("Balkuv", "2020")]),
    ],
    # Added for the second round (2026-12-05), annotated before Gloss was run on them.
    "ru-skleroz": [
        ("[1]", M, [r(1)]), ("[2]", M, [r(2)]), ("[3]", M, [r(3)]), ("[4]", M, [r(4)]),
        ("[5]", M, [r(5)]), ("[6]", M, [r(6)]), ("[7]", M, [r(7)]), ("[8, 9]", M, [r(8), r(9)]),
        ("[10]", M, [r(10)]), ("[11]", M, [r(11)]), ("[10]", M, [r(10)]), ("[10]", M, [r(10)]),
        ("[12]", M, [r(12)]), ("[13]", M, [r(13)]), ("[14]", M, [r(14)]), ("[15]", M, [r(15)]),
        ("[16]", M, [r(16)]),
        # "[95% ДИ 1.21–3.41]" is a confidence interval, not a citation.
        ("[17]", M, [r(17)]), ("[7]", M, [r(7)]), ("[18]", M, [r(18)]), ("[19]", M, [r(19)]),
        ("[20]", M, [r(20)]),
    ],
    "ru-prava": [
        ("[1, с. 76]", M, [r(1, "с. 76")]), ("[2, с. 54]", M, [r(2, "с. 54")]), ("[3, с.83]", M, [r(3, "с.83")]),
        ("[4, с.64]", M, [r(4, "с.64")]), ("[5,с.98]", M, [r(5, "с.98")]), ("[6,  с.148]", M, [r(6, "с.148")]),
    ],
    # Interval notation "(a; b)", "[a; b]", "[a)" is mathematics, not citations.
    "ru-reshetki": [
        ("[см.: 20]", M, [r(20)]),
        ("[6; 7; 11; 13; 14; 16; 19; 22]", M, [r(n) for n in (6, 7, 11, 13, 14, 16, 19, 22)]),
        ("[23; 24]", M, [r(23), r(24)]),
        ("[17]", M, [r(17)]),
        ("[1–5; 9; 20; 21; 25; 26; 28–39]", M, [r(n) for n in list(range(1, 6)) + [9, 20, 21, 25, 26] + list(range(28, 40))]),
        ("[1; 3; 20; 34; 40]", M, [r(n) for n in (1, 3, 20, 34, 40)]),
        ("[см.: 14]", M, [r(14)]),
        ("[1; 18]", M, [r(1), r(18)]),
    ],
    # The enumeration "1) … 4)" and "ст. 160 УПК РСФСР 1922 г" are not citations.
    "ru-arest": [
        ("[1, с.8-10]", M, [r(1, "с.8-10")]), ("[2, с.46]", M, [r(2, "с.46")]), ("[3, с.185]", M, [r(3, "с.185")]),
        ("[4, с.36]", M, [r(4, "с.36")]), ("[5, с.19-20]", M, [r(5, "с.19-20")]), ("[6, с.78-79]", M, [r(6, "с.78-79")]),
    ],
    "ru-kultura": [("[1]", M, [r(1)]), ("[2]", M, [r(2)])],
    # "(2016 г.)", "(Астана; 2015 г.)" are dates of agreements; "2(6) класса" a class number.
    "ru-balet": [("[2]", M, [r(2)]), ("[1]", M, [r(1)]), ("[1]", M, [r(1)]), ("[2]", M, [r(2)])],
    "ru-minisog": [
        ("[1, 2]", M, [r(1), r(2)]), ("[3, 4]", M, [r(3), r(4)]), ("[5]", M, [r(5)]), ("[6]", M, [r(6)]),
        ("[7]", M, [r(7)]), ("[4–6]", M, [r(4), r(5), r(6)]), ("[8]", M, [r(8)]), ("[9]", M, [r(9)]),
        ("[9, 10]", M, [r(9), r(10)]), ("[11]", M, [r(11)]), ("[5, 6]", M, [r(5), r(6)]), ("[12]", M, [r(12)]),
    ],
    # "(2007 г.)", "(N = 17)", "(рис. 2)", "Poly (I : C)" are not citations; "Misharin и соавт. [7]" cites by number.
    "ru-immunomaks": [
        ("[1]", M, [r(1)]), ("[2,  3]", M, [r(2), r(3)]), ("[4]", M, [r(4)]), ("[5]", M, [r(5)]),
        ("[6]", M, [r(6)]), ("[7]", M, [r(7)]), ("[8]", M, [r(8)]), ("[9]", M, [r(9)]), ("[3]", M, [r(3)]),
    ],
    "az-onomastika": [
        ("[1. S. 57]", M, [r(1, "S. 57")]), ("[2]", M, [r(2)]), ("[3]", M, [r(3)]), ("[4]", M, [r(4)]),
        ("[3. S . 32]", M, [r(3, "S . 32")]),
    ],
    # Reference numbers glued to the word before them; "(1851-1914)" is a life span.
    "az-elifba": [("[1]", M, [r(1)]), ("[2]", M, [r(2)]), ("[3]", M, [r(3)])],
    "az-qemberova": [("(Qəmbərova, 2021, s. 78-79)", P, [a("Qəmbərova", "2021", "s. 78-79")])],
    "az-midiya": [
        ("[1]", M, [r(1)]), ("[2]", M, [r(2)]), ("[3]", M, [r(3)]),
        ("[1]", M, [r(1)]), ("[2]", M, [r(2)]), ("[3]", M, [r(3)]),
    ],
}

LANGUAGE = {"tr": "Turkish", "en": "English", "ru": "Russian", "az": "Azerbaijani"}
