"""Word lists for :func:`arnorm.restore_final_yaa` (first, rule-based version).

Every entry is a word *without* proclitics (و ف ب ك ل ال), written with a
final ى. Lookup keys fold alef forms (أ إ آ → ا), because writers who put ى
for final ي usually drop the hamza of alef too (الى، اخرى).

``MAKSURA_*`` lists hold words whose final ى is a true alef maksura and
stays; ``YAA_*`` lists hold words whose final ى stands for ي. The part of
speech says which proclitics a word can carry (كيرى is not ك + يرى, because
ك never comes before a verb); ``MAKSURA_AFTER_ARTICLE`` holds nouns that keep
ى only after ال. ``BY_NEXT_WORD`` and ``BY_PREVIOUS_WORD`` let a neighbour
decide a word (بنى سويف), and ``BEFORE_VERBAL_NOUNS`` lists the words after
which تفعّى, or a verb of ``VERBS_WITH_YAA_NOUNS``, is a verbal noun. Words in no list are decided by the word
frequencies and the patterns in :mod:`arnorm.yaa`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Particles and pronouns: found alone or after و/ف only.
MAKSURA_PARTICLES = _words("على إلى حتى متى لدى سوى بلى عسى شتى")
YAA_PARTICLES = _words("فى هى لى بى كى لكى إنى")

# Verbs: found alone, after و/ف, or after لِـ.
MAKSURA_VERBS = _words(
    # past tense
    "رأى بنى مضى رمى جرى قضى سعى نفى حكى روى نوى أتى أدى لبى غطى صلى نمى"
    " نهى طوى رعى سقى بكى"
    " أعطى ألقى أبدى أجرى أنهى أمضى أوصى أفضى أدلى أرسى أحصى أسدى أثنى أغرى"
    " أعفى أخلى أصغى أودى أوحى"
    " لاقى عانى ساوى داوى ضاهى حاكى "
    " تعالى"
    # present tense of the يفعى pattern
    " يرى ترى نرى أرى يسعى تسعى يبقى تبقى يخشى تخشى ينسى يرضى ترضى يرعى ينأى يهوى"
    " يقوى يغشى يشقى يرقى يأبى يسمى تسمى يتسنى يرجى"
)
YAA_VERBS = _words(
    # past tense of the فعِل pattern
    "بقى نسى لقى رضى خشى فنى"
    # present tense with ت that the تفعّل pattern would keep
    " تأتى تجرى تعنى تقضى تحمى تكفى تمضى تبدى تمشى تبكى تحكى تهدى ترمى تنهى تعطى"
    " تلغى تنفى تؤدى تغطى تروى تنوى تلبى"
)

# Nouns that keep ى only after the article: without it the frequency list
# decides, because the same letters are more often a word with ي (الحسنى but
# the name حسني, اليسرى but يسري, المثلى but مثلي "like me", العمى but عمي
# "my uncle", الثرى but ثري "rich").
MAKSURA_AFTER_ARTICLE = _words("حسنى يسرى وثقى طولى مثلى قربى ثرى عمى مرسى")

# Nouns, adjectives, names: found with any proclitic, the article included.
MAKSURA_NOUNS = _words(
    # nouns of the pattern مفعى / مفتعى / مستفعى and other nouns ending in ى
    "مستشفى مبنى معنى مستوى ملتقى منتدى مقهى مرمى مغزى مسعى مجرى ملهى مأوى منحنى"
    " منفى منتهى مقتضى محتوى مرتقى مثنى مسمى مصلى ملقى مثوى مولى مدى هدى ندى صدى"
    " قوى قرى رؤى ذرى دمى لحى فتى ضحى حمى أذى هوى نوى حصى خطى رحى شذى"
    " لظى سدى أولى"
    # فعلى: feminine elatives and ordinals, verbal nouns
    " أخرى كبرى صغرى عظمى وسطى قصوى فضلى أنثى"
    " شورى ذكرى بشرى دعوى فتوى شكوى جدوى تقوى بلوى نجوى سلوى حلوى عدوى فوضى"
    " ثكلى حبلى"
    # broken plurals
    " مرضى قتلى جرحى أسرى موتى هلكى صرعى غرقى حمقى جوعى عطشى كسالى يتامى حيارى سكارى نصارى"
    " صحارى فتاوى دعاوى قدامى ندامى"
    # أفعل elatives
    " أعلى أدنى أقصى أقوى أحلى أرقى أسمى أبهى أزكى أشقى أتقى أنقى أوفى أبقى أجدى"
    " أحرى أخفى أدهى أذكى أصفى أعمى أقسى أهدى أشهى أغنى"
    # names
    " موسى عيسى يحيى مصطفى ليلى سلمى منى نجوى لبنى نهى مرتضى مجتبى كسرى رضوى"
)
YAA_NOUNS = _words(
    # relative pronouns and nouns that take prepositions
    "أى ذى ذوى التى الذى اللتى اللذى اللائى اللاتى اللواتى حوالى ثمانى"
    # nisba and manqus words that the patterns would keep
    " ولى نبى زى حى رى فنى جوى برى كلى طبى سرى أمنى أرضى أصلى أدبى أزلى"
    " أفقى أثرى أنفى عادى جارى وادى سامى تونسى تجارى تراثى تربوى تنموى تطوعى"
    " ترابى منطقى مشترى تقنى تركى"
)

# Words that a neighbouring word decides, before any list: the word (with or
# without proclitics) → {the next word: True for ي, False for ى}, and
# likewise for the word before. Hamza on alef is ignored in the neighbour.
_BANI = (
    "سويف مزار إسرائيل آدم هاشم أمية عبس هلال وليد ملال مر عدي عدى تميم قريظة"
    " النضير قينقاع سليم مخزوم الإنسان البشر جلدته وطنه جنسه عمومته عمه قومه"
)
# (No entry for على: the name علي بن / بن علي is rare beside the preposition,
# and every على would pay for the look.)
_ALA_PRONOUNS = ("عليه", "عليها", "عليهم", "عليهما", "عليهن")
BY_NEXT_WORD: dict[str, dict[str, bool]] = {
    # بني سويف (an Egyptian governorate), بني إسرائيل: "sons of", not the verb بنى
    "بنى": dict.fromkeys(_BANI.split(), True),
    "مرسى": {"مطروح": False, "علم": False},  # the towns, not the name مرسي
    # المدعى عليه (the defendant, passive) but المدعي العام (the prosecutor)
    "المدعى": dict.fromkeys(_ALA_PRONOUNS, False),
    "البنى": {"التحتية": False},  # the infrastructures (plural of البنية), not البني "brown"
    # مبني عليه "based on it" (the participle), not the noun مبنى "building"
    # (which على follows as well: يقع المبنى على ناصية الشارع)
    "مبنى": dict.fromkeys(_ALA_PRONOUNS, True),
    "المبنى": dict.fromkeys(_ALA_PRONOUNS, True),
}
BY_PREVIOUS_WORD: dict[str, dict[str, bool]] = {
    "بنى": {"قرية": True, "محافظة": True, "مركز": True},  # قرية بني ..., محافظة بني ...
}

# A verb of the shapes تفعّل / تفاعل ending in ى (تلقى، تولى، تنامى) has a
# verbal noun ending in ي (تلقي، تولي، تنامي); a verb never follows a
# preposition or these adverbs, so after them the word is the noun. (Not من,
# حتى or ما: من تبقى is "whoever remained".)
BEFORE_VERBAL_NOUNS = _words(
    "في على إلى عن منذ بعد قبل عند فور إثر عقب خلال حول بسبب رغم نحو ضد دون بدون لدى حسب"
)
# Past tenses فعى whose verbal noun فَعْي has the same letters with ي: after
# the words above (but منذ, which also governs a verb: منذ رأى النور) the
# word is the noun (في رأي الخبراء، بعد نفي الوزير، رغم سعي الحكومة).
VERBS_WITH_YAA_NOUNS = _words("رأى رمى جرى سعى نفى مضى نهى رعى سقى")
VERBS_MAY_FOLLOW = _words("منذ")

# Words no adjective follows, after which a word of the shape فعلى is a verb
# or a noun and decides by itself (قد تمنى، كما أضحى، الذي تمنى، هو يسرى);
# also after و or ف (وقد، فلما، وهو).
NOT_BEFORE_ADJECTIVES = _words(
    "قد لقد ما كما لا لم لن لما ثم حين عندما بعدما كلما طالما ربما إنما هو هي هم الذي التي الذين"
)

# Feminine nouns without ـة, for the agreement of فعلى adjectives (اليد
# اليمنى, مصر السفلى): paired parts of the body, a few common nouns, Egypt.
FEMININE_NOUNS = _words(
    "يد عين أذن قدم ساق ذراع سن كف إصبع"
    " أرض شمس نار حرب دار نفس روح ريح بئر كأس عصا سماء مصر"
    # feminine elatives and ordinals, for the adjectives after them (الصفحة الأولى يسرى)
    " أولى أخرى كبرى صغرى عظمى وسطى قصوى فضلى عليا دنيا"
)
