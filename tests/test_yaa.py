"""restore_final_yaa: Egyptian-style final ى back to standard spelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm import _yaa_words as words
from arnorm import Pipeline, restore_final_yaa


@pytest.mark.parametrize(
    "written, standard",
    [
        # function words
        ("فى", "في"), ("التى", "التي"), ("الذى", "الذي"), ("هى", "هي"), ("أى", "أي"),
        ("اى", "اي"), ("لى", "لي"), ("لكى", "لكي"), ("كى", "كي"), ("اللاتى", "اللاتي"),
        ("حوالى", "حوالي"),
        # nisba adjectives
        ("الأمريكى", "الأمريكي"), ("الروسى", "الروسي"), ("السورى", "السوري"),
        ("العسكرى", "العسكري"), ("المصرى", "المصري"), ("السياسى", "السياسي"),
        ("الاقتصادى", "الاقتصادي"), ("الدولى", "الدولي"), ("عربى", "عربي"),
        ("الأمنى", "الأمني"), ("التجارى", "التجاري"),
        # manqus nouns and ordinals
        ("الماضى", "الماضي"), ("القاضى", "القاضي"), ("النادى", "النادي"), ("الثانى", "الثاني"),
        # construct plurals and duals, names
        ("مقاتلى", "مقاتلي"), ("وزيرى", "وزيري"), ("كيرى", "كيري"), ("سيرجى", "سيرجي"),
        # present tense verbs
        ("يأتى", "يأتي"), ("تأتى", "تأتي"), ("يعنى", "يعني"), ("ينتهى", "ينتهي"),
    ],
)
def test_restores_yaa(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


@pytest.mark.parametrize(
    "word",
    [
        # particles
        "على", "إلى", "الى", "حتى", "متى", "لدى", "سوى", "بلى",
        # nouns
        "المدى", "مستشفى", "المستشفى", "مبنى", "المعنى", "مستوى", "الملتقى", "منتدى", "مصطفى",
        # feminine elatives and ordinals, plurals
        "الأولى", "الاولى", "أخرى", "اخرى", "الكبرى", "العظمى", "القصوى", "الأسرى", "الفوضى",
        "الذكرى", "الفتاوى",
        # elatives
        "الأعلى", "أعلى", "الأدنى", "الأقصى",
        # names
        "موسى", "عيسى", "يحيى", "ليلى",
        # verbs
        "بنى", "مضى", "رأى", "أعطى", "انتهى", "اشترى", "استدعى", "تلقى",
        "يتلقى", "يرى", "يسعى", "تعالى",
    ],
)
def test_keeps_true_alef_maksura(word: str) -> None:
    assert restore_final_yaa(word) == word


@pytest.mark.parametrize(
    "written, standard",
    [
        ("والتى", "والتي"), ("وفى", "وفي"), ("فهى", "فهي"), ("بأى", "بأي"),
        ("بالأمريكى", "بالأمريكي"), ("للعسكرى", "للعسكري"), ("والروسى", "والروسي"),
        ("وعلى", "وعلى"), ("وإلى", "وإلى"), ("فالأولى", "فالأولى"), ("بالمستشفى", "بالمستشفى"),
        ("وانتهى", "وانتهى"), ("ويتلقى", "ويتلقى"), ("للمستشفى", "للمستشفى"),
        ("لنرى", "لنرى"), ("وكيرى", "وكيري"),
    ],
)
def test_clitics(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


def test_a_well_known_word_outweighs_a_listed_word_under_proclitics() -> None:
    # فرعى is the adjective فرعي, not ف + the verb رعى (which stays رعى)
    assert restore_final_yaa("نوع فرعى") == "نوع فرعي"
    assert restore_final_yaa("رعى الغنم") == "رعى الغنم"


@pytest.mark.parametrize(
    "written, standard",
    [
        # the article keeps ى; alone, the frequent word with ي wins
        ("أسماء الله الحسنى", "أسماء الله الحسنى"), ("الرئيس حسنى مبارك", "الرئيس حسني مبارك"),
        ("اليد اليسرى", "اليد اليسرى"), ("ذوى القربى", "ذوي القربى"), ("تحت الثرى", "تحت الثرى"),
        ("رجل ثرى", "رجل ثري"), ("العمى", "العمى"), ("قال عمى", "قال عمي"),
        ("المرسى", "المرسى"), ("الرئيس محمد مرسى", "الرئيس محمد مرسي"),
        # verbs listed before whose ي reading is far more frequent
        ("نادى الزمالك", "نادي الزمالك"), ("الكابتن ناجى", "الكابتن ناجي"),
    ],
)
def test_words_that_keep_alef_maksura_only_after_the_article(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


@pytest.mark.parametrize(
    "written, standard",
    [
        # the next word: بني سويف (a governorate), بني إسرائيل, but the verb بنى
        ("محافظة بنى سويف", "محافظة بني سويف"), ("فى بنى سويف", "في بني سويف"),
        ("ببنى سويف", "ببني سويف"), ("بنى إسرائيل", "بني إسرائيل"), ("بنى اسرائيل", "بني اسرائيل"),
        ("بنى آدم", "بني آدم"), ("بنى بيتا", "بنى بيتا"), ("بنى سويفا", "بنى سويفا"),
        ("قرية بنى مر", "قرية بني مر"),
        ("مرسى مطروح", "مرسى مطروح"), ("مرسى علم", "مرسى علم"), ("محمد مرسى", "محمد مرسي"),
        ("المدعى عليه", "المدعى عليه"), ("والمدعى عليهم", "والمدعى عليهم"), ("المدعى العام", "المدعي العام"),
        # the word before: قرية بني ..., but the verb after other words
        ("قرية بنى حسن", "قرية بني حسن"), ("محافظة  بنى", "محافظة  بني"), ("الذى بنى", "الذي بنى"),
        ("وقرية بنى", "وقرية بنى"), ("قرية\nبنى", "قرية\nبنى"),  # a whole word, not across lines
        # after a preposition or an adverb of time, تفعّى is the verbal noun
        ("بعد تلقى اتصالا", "بعد تلقي اتصالا"), ("فى تلقى العلاج", "في تلقي العلاج"),
        ("منذ تنحى مبارك", "منذ تنحي مبارك"), ("إلى تفادى", "إلى تفادي"), ("تلقى اتصالا", "تلقى اتصالا"),
        ("من تبقى", "من تبقى"), ("حتى تلقى", "حتى تلقى"),  # "whoever remained", "until he received"
        ("فى تقوى الله", "في تقوى الله"),  # a noun of the same letters
        ("وبعد تلقى", "وبعد تلقي"),  # the preposition with a proclitic
        # and so is a فعى verb whose verbal noun فَعْي has the same letters
        ("فى رأى الخبراء", "في رأي الخبراء"), ("وفى رأى", "وفي رأي"), ("بحسب رأى الكاتب", "بحسب رأي الكاتب"),
        ("بعد نفى الوزير", "بعد نفي الوزير"), ("رغم سعى الحكومة", "رغم سعي الحكومة"),
        ("عن رأى", "عن رأي"), ("إلى راى", "إلى راي"),
        ("وقال إنه رأى أن", "وقال إنه رأى أن"), ("ونفى الوزير", "ونفى الوزير"), ("من رأى", "من رأى"),
        ("منذ رأى النور", "منذ رأى النور"),  # منذ governs a verb too
        ("فى مدى", "في مدى"), ("على هدى", "على هدى"),  # nouns with ى stay
    ],
)
def test_a_neighbouring_word_decides(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


@pytest.mark.parametrize(
    "written, standard",
    [
        # Egyptian family names (ـاوي، ـي nisba) and foreign names
        ("الشناوى", "الشناوي"), ("الطنطاوى", "الطنطاوي"), ("البرادعى", "البرادعي"),
        ("الجنزورى", "الجنزوري"), ("الدسوقى", "الدسوقي"), ("شلبى", "شلبي"), ("زيلينسكى", "زيلينسكي"),
        # verbal nouns of تفعّل / تفاعل after the article, plurals of manqus nouns
        ("التحدى", "التحدي"), ("التصدى", "التصدي"), ("التعافى", "التعافي"), ("التوالى", "التوالي"),
        ("الأهالى", "الأهالي"), ("المقاهى", "المقاهي"), ("الأراضى", "الأراضي"), ("النواحى", "النواحي"),
        # nisba adjectives of the news
        ("الإخوانى", "الإخواني"), ("الحوثى", "الحوثي"), ("النووى", "النووي"), ("الثنائى", "الثنائي"),
        # true alef maksura
        ("المتوفى", "المتوفى"), ("الموسيقى", "الموسيقى"), ("المنفى", "المنفى"), ("ألغى", "ألغى"),
        ("أدلى", "أدلى"), ("ادعى", "ادعى"), ("الفتاوى", "الفتاوى"),
    ],
)
def test_news_vocabulary(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


@pytest.mark.parametrize(
    "written, standard",
    [
        ("لا شىء", "لا شيء"), ("المجىء البطىء", "المجيء البطيء"), ("والشىء", "والشيء"),
        ("شَىْءٍ", "شَيْءٍ"), ("شىءٍ", "شيءٍ"), ("ىء", "يء"),
        ("شىءا", "شىءا"),  # the hamza does not end the word: left alone
    ],
)
def test_alef_maksura_before_a_final_hamza(written: str, standard: str) -> None:
    """ىء never occurs in standard spelling: شىء is Egyptian for شيء."""
    assert restore_final_yaa(written) == standard
    assert arnorm.normalize(written) == arnorm.remove_diacritics(standard)


def test_preposition_never_precedes_a_verb() -> None:
    # كيرى is not ك + يرى and بكى is not ب + كى
    assert restore_final_yaa("كيرى") == "كيري"
    assert restore_final_yaa("بكى") == "بكى"


@pytest.mark.parametrize(
    "written, standard",
    [
        ("فى القاهرة", "في القاهرة"),
        ("ذهب إلى المستشفى فى الصباح", "ذهب إلى المستشفى في الصباح"),
        ("وهذه المكالمة هى الأولى بين وزيرى دفاع البلدين", "وهذه المكالمة هي الأولى بين وزيري دفاع البلدين"),
        ("على المدى القريب حيال قضايا أخرى", "على المدى القريب حيال قضايا أخرى"),
        ("(فى)", "(في)"),
        ("فى،", "في،"),
        ("فى\nالتى", "في\nالتي"),
    ],
)
def test_sentences(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


def test_only_a_word_final_maksura_changes() -> None:
    # ى inside a word (a typo, or a joined ligature) and ي anywhere are untouched
    assert restore_final_yaa("فىه") == "فىه"
    assert restore_final_yaa("في التي الذي") == "في التي الذي"


def test_marks_and_tatweel_inside_the_word_are_kept() -> None:
    assert restore_final_yaa("فِى") == "فِي"
    assert restore_final_yaa("الأمريكـــى") == "الأمريكـــي"
    assert restore_final_yaa("عَلَى") == "عَلَى"
    assert restore_final_yaa("فىً") == "فيً"  # a mark after the final letter


def test_standard_text_comes_back_unchanged() -> None:
    text = (
        "ذهب الرئيس إلى المستشفى الكبرى في القاهرة، وعلى الرغم من الفوضى أعطى "
        "مصطفى وموسى ويحيى كلمة أخرى حتى انتهى الاجتماع الأول، ويرى أن الأولوية "
        "القصوى هي المعنى والمبنى ولدى الجميع مستوى أعلى."
    )
    assert restore_final_yaa(text) == text


def test_sample_article_words(sample_yaa_table: list[tuple[str, str, str]]) -> None:
    wrong = [(w, restore_final_yaa(w), c) for w, c, _ in sample_yaa_table if restore_final_yaa(w) != c]
    assert wrong == []


def test_exceptions_force_a_spelling() -> None:
    assert restore_final_yaa("بنى سويف", exceptions={"بنى": "بني"}) == "بني سويف"
    assert restore_final_yaa("وبنى", exceptions={"بنى": "بني"}) == "وبني"  # with clitics too
    assert restore_final_yaa("مبنى", exceptions={"بنى": "بني"}) == "مبنى"  # but not inside a word
    assert restore_final_yaa("فى", exceptions={"فى": "فى"}) == "فى"
    assert restore_final_yaa("أى", exceptions={"اى": "اي"}) == "أي"  # alef forms folded


@pytest.mark.parametrize("text", ["الأولى السفلى", "الأولى الموسيقى", "الصفحة الأولى يسرى"])
def test_a_restored_word_before_an_adjective_leaves_the_adjective_as_it_was(text: str) -> None:
    # the feminine ordinal forced to ي by the user: the adjective after it is
    # judged the same in the second pass, when the ordinal already ends in ي
    exceptions = {"الأولى": "الأولي"}
    once = restore_final_yaa(text, exceptions=exceptions)
    assert "\u0627\u0644\u0623\u0648\u0644\u064a" in once  # الأولي
    assert restore_final_yaa(once, exceptions=exceptions) == once


@pytest.mark.parametrize(
    "exceptions, error",
    [
        ({"بنى": 1}, TypeError),
        ("بنى", TypeError),
        ({"بني": "بني"}, ValueError),  # the key must end in ى
        ({"بنى": "بنا"}, ValueError),  # the value must end in ى or ي
    ],
)
def test_bad_exceptions(exceptions: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        restore_final_yaa("x", exceptions=exceptions)  # type: ignore[arg-type]


def test_word_lists_do_not_contradict_each_other() -> None:
    maksura = words.MAKSURA_NOUNS | words.MAKSURA_VERBS | words.MAKSURA_PARTICLES
    yaa = words.YAA_NOUNS | words.YAA_VERBS | words.YAA_PARTICLES
    assert maksura & yaa == set()
    assert all(word.endswith("ى") for word in maksura | yaa)


@pytest.mark.parametrize(
    "written, standard",
    [
        ("عَلِى", "عَلِي"),  # kasra before: the name Ali
        ("عَلَى", "عَلَى"),  # fatha before: the preposition
        ("هُدًى", "هُدًى"),  # fathatan before
        ("عربىّ", "عربيّ"),  # shadda on the letter: nisba
        ("فِىْ", "فِيْ"),  # sukun on the letter
        ("موسىٰ", "موسىٰ"),  # dagger alef on the letter
        ("بَنِى", "بَنِي"),  # vowels overrule the word list
        # a damma on an initial أ: the verb أُفعِي (past passive, first person)
        ("أُلغى البحث", "أُلغي البحث"), ("وأُعطى الإذن", "وأُعطي الإذن"), ("فأُنهى", "فأُنهي"),
        ("أُسّى", "أُسّي"), ("أُخرى", "أُخرى"), ("الأُخرى", "الأُخرى"), ("أُنثى", "أُنثى"), ("وأُولى", "وأُولى"),
        ("ألغى البحث", "ألغى البحث"),  # no damma: the active past
        # a damma on the ت of افتعل / استفعل: the past passive
        ("استُدعى نيك", "استُدعي نيك"), ("واستُثنى", "واستُثني"), ("اشتُرى", "اشتُري"), ("اصطُفى", "اصطُفي"),
        ("اِستُدعى", "اِستُدعي"), ("استدعى", "استدعى"), ("المصطفى", "المصطفى"),
    ],
)
def test_vowel_marks_decide_when_present(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


def test_exceptions_overrule_vowel_marks() -> None:
    assert restore_final_yaa("عَلِى", exceptions={"على": "على"}) == "عَلِى"


def test_held_out_evaluation_scores_both_classes() -> None:
    from benchmarks.yaa_eval import egyptianize, score

    assert egyptianize("في التي على مبنى عَلِيّ") == "فى التى على مبنى عَلِيّ"
    result = score(["ذهب إلى المستشفى في القاهرة", "هي الأولى التي تحتوي على المبنى الرئيسي"])
    assert result["yaa_tokens"] == 5 and result["maksura_tokens"] == 5
    assert result["accuracy"] == result["yaa_accuracy"] == result["maksura_accuracy"] == 1.0
    assert result["standard_lines_unchanged"] == 1.0


def test_lexicon_loads_once_under_concurrent_first_use() -> None:
    import threading

    from arnorm._yaa_lexicon import Lexicon, _packaged

    reads = []
    lexicon = Lexicon(read=lambda: reads.append(1) or _packaged())
    barrier = threading.Barrier(8)
    results = []

    def work() -> None:
        barrier.wait()
        results.append((lexicon.decide("ف"), lexicon.decide("مستشف")))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [(True, False)] * 8
    assert len(reads) == 1


def test_lexicon_decides_unlisted_words_by_frequency() -> None:
    # none of these is in the hand-written lists
    assert restore_final_yaa("الطبيعى الصينى التلفزيونى") == "الطبيعي الصيني التلفزيوني"
    assert restore_final_yaa("الأفعى الحلوى المقتنى") == "الأفعى الحلوى المقتنى"


@pytest.mark.parametrize(
    "written, standard",
    [
        ("الطبقة السفلى", "الطبقة السفلى"),  # feminine noun: feminine elative
        ("الجزء السفلى", "الجزء السفلي"),  # masculine noun: nisba
        ("الجهة اليمنى", "الجهة اليمنى"),
        ("الجيش اليمنى", "الجيش اليمني"),
        ("الطبقات السفلى", "الطبقات السفلى"),  # plural of things: feminine
        ("الجزء  السفلى", "الجزء  السفلي"),  # several spaces
        ("الطبقة\u00a0السفلى", "الطبقة\u00a0السفلى"),  # any horizontal space
        ("الطبقة\tالسفلى", "الطبقة\tالسفلى"),
        ("الطبقة\nالسفلى", "الطبقة\nالسفلي"),  # not across lines
        # an adjective joined by و to another one agrees with the noun before both
        ("الطبقة العليا والسفلى", "الطبقة العليا والسفلى"),
        ("الجزء العلوي والسفلى", "الجزء العلوي والسفلي"),
        ("الجهة اليمنى واليسرى", "الجهة اليمنى واليسرى"),
        ("الطبقة والسفلى", "الطبقة والسفلى"),
        # without the article too: a feminine elative after a feminine noun,
        # otherwise the nisba or the name written with ي
        ("نقرة يمنى", "نقرة يمنى"), ("نقرة يسرى", "نقرة يسرى"), ("طريقة مثلى", "طريقة مثلى"),
        ("رجل يمنى", "رجل يمني"), ("قال يسرى فودة", "قال يسري فودة"), ("مثلى تماما", "مثلي تماما"),
        ("نقرة يمنى ويسرى", "نقرة يمنى ويسرى"), ("رجل يمنى ويسرى", "رجل يمني ويسري"),
        # no adjective at the start of a line, or after a particle or pronoun: the word decides alone
        ("تمنى الرجل النجاح لابنه", "تمنى الرجل النجاح لابنه"), ("طوبى للغرباء", "طوبى للغرباء"),
        ("حيرى بين أمرين", "حيرى بين أمرين"), ("وقد تمنى الرجل", "وقد تمنى الرجل"),
        ("كما تمنى الجميع", "كما تمنى الجميع"), ("لقد اضحى المكان خاليا", "لقد اضحى المكان خاليا"),
        ("ولقد تمنى الرجل", "ولقد تمنى الرجل"), ("فلما تمنى الرجل", "فلما تمنى الرجل"),
        # feminine nouns without ـة
        ("اليد اليمنى", "اليد اليمنى"), ("بالعين اليسرى", "بالعين اليسرى"), ("مصر السفلى", "مصر السفلى"),
        # place names in ـا are feminine
        ("النمسا السفلى", "النمسا السفلى"), ("ساكسونيا السفلى", "ساكسونيا السفلى"),
        ("الرجل اليمنى", "الرجل اليمني"),  # "the man", masculine
        # مفعى is a participle: the frequency list decides, not the gender
        ("الكائن المعطى", "الكائن المعطي"), ("القيمة المعطى", "القيمة المعطي"),
        # the plural of things after ال takes a feminine adjective
        ("العناصر السفلى", "العناصر السفلى"), ("الحدود العليا والسفلى", "الحدود العليا والسفلى"),
        ("الأطراف السفلى", "الأطراف السفلى"), ("المشاريع الكبرى", "المشاريع الكبرى"),
        # after another adjective of the same noun, or a feminine ordinal
        ("الزاوية اليمنى السفلى", "الزاوية اليمنى السفلى"), ("الصفحة الأولى يسرى", "الصفحة الأولى يسرى"),
        ("الركن العلوي الأيمن السفلى", "الركن العلوي الأيمن السفلي"),
        # an ال word after a word without ال is not its adjective but a noun
        ("عدد الجوعى", "عدد الجوعى"), ("الأطفال الجوعى", "الأطفال الجوعى"),
    ],
)
def test_adjectives_agree_with_the_noun_before(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


@pytest.mark.parametrize(
    "written, standard",
    [
        # both spellings in use: after a definite masculine noun, the nisba
        ("الحوار الموسيقى", "الحوار الموسيقي"), ("الانحدار الخطى", "الانحدار الخطي"),
        ("التوزيع الأسى", "التوزيع الأسي"), ("بالتوزيع الأسى", "بالتوزيع الأسي"),
        # otherwise the word alone decides: a noun after a verb, a preposition, a
        # construct, و, or a feminine noun (whose nisba would end in ـة)
        ("عشاق الموسيقى", "عشاق الموسيقى"), ("على خطى", "على خطى"), ("يشعر بالأسى", "يشعر بالأسى"),
        ("الفن والموسيقى", "الفن والموسيقى"), ("الطبقات الموسيقى", "الطبقات الموسيقى"),
        ("الذين الموسيقى", "الذين الموسيقى"),
    ],
)
def test_a_word_of_two_common_spellings_is_the_nisba_after_a_definite_masculine_noun(
    written: str, standard: str
) -> None:
    assert restore_final_yaa(written) == standard


@pytest.mark.parametrize(
    "written, standard",
    [
        ("وسيتبارى المتسابقون", "وسيتبارى المتسابقون"),  # the future of يتبارى (يتفاعل)
        ("سيتولى", "سيتولى"), ("ستنتهى", "ستنتهي"),
        ("البنى التحتية", "البنى التحتية"), ("والبنى التحتية", "والبنى التحتية"),
        ("اللون البنى", "اللون البني"),
        ("نص غنى التنسيق", "نص غني التنسيق"), ("بلد غنى بالنفط", "بلد غني بالنفط"),
        # فعلى plurals keep ى; السكري (diabetes) is the nisba, far commoner than سكرى (drunk)
        ("عدد الجوعى والعطشى", "عدد الجوعى والعطشى"), ("مرض السكرى", "مرض السكري"),
    ],
)
def test_future_verbs_collocations_and_common_adjectives(written: str, standard: str) -> None:
    assert restore_final_yaa(written) == standard


def test_agreement_is_the_same_before_and_after_spaces_are_unified() -> None:
    from arnorm import normalize_whitespace

    text = (
        "الطبقة\u00a0السفلى والجزء\u2003السفلى\r\nالجهة\tاليمنى بنى\u00a0\u00a0سويف قرية\t بنى"
        "\nالحوار\u00a0الموسيقى العناصر\u2002السفلى الزاوية\tاليمنى\u00a0السفلى"
    )
    steps = ["remove_tatweel", "restore_final_yaa", "normalize_whitespace"]
    expected = normalize_whitespace(restore_final_yaa(text))
    assert expected == (
        "الطبقة السفلى والجزء السفلي\nالجهة اليمنى بني سويف قرية بني"
        "\nالحوار الموسيقي العناصر السفلى الزاوية اليمنى السفلى"
    )
    assert Pipeline(steps)(text) == expected


# The fast path reads the text backwards; it must equal the forward pattern
# on anything: clitics, marks before and after the ى, hamza marks that compose,
# feminine nouns before agreeing adjectives, punctuation, lone surrogates.
_yaa_pieces = st.sampled_from(
    ["ى", "ي", "ف", "عل", "الت", "السفل", "الطبقة", "الجزء", "و", "ال", "ة", "ات", " ", "\u00a0", "\n", ".",
     "بن", "سويف", "إسرائيل", "مرس", "مطروح", "قرية", "تلق", "بعد", "فى", "ء", "شىء", "رأ", "منذ", "حسب", "أ\u064f", "لغ",
     "(", "\u064e", "\u0650", "\u0651", "\u0654", "\u0670", "\u0640", "x", "\ud800",
     # the common words that the reversed pass settles in C, whole
     "على", "إلى", "حتى", "هى", "وهى", "أى", "الذى", "لدى", "وعلى", "التى", "وفى", "مدى", " فى ", " فى فى ",
     # telltales written in standard spelling, and what ends a line (the writer's habit is read line by line)
     "في", " في ", "التي", "هي", "وفي", "بأي", "\r", "\x00", "\u2028"]
)


@pytest.mark.parametrize("habit", ["auto", "egyptian", "standard"])
@pytest.mark.parametrize("exceptions", [None, {"فى": "فى", "بنى": "بني"}, {"على": "علي", "التى": "التى"}])
@given(text=st.lists(_yaa_pieces, max_size=30).map("".join))
def test_reversed_pass_equals_the_forward_pattern(exceptions, habit: str, text: str) -> None:
    from arnorm._accel import rule_runner
    from arnorm.yaa import _final_yaa

    (rule,) = _final_yaa(exceptions=exceptions, habit=habit)
    assert rule_runner(rule)(text) == rule(text)


@pytest.mark.parametrize(
    ("written", "restored"),
    [
        # a line that writes its telltales with ي is standard spelling: its ى stay
        ("في المبنى الرئيسى على خطى الأولى", "في المبنى الرئيسى على خطى الأولى"),
        ("وهي التي بنى الأمريكى", "وهي التي بنى الأمريكى"),
        # ... but for a stray telltale with ى, and ىء, which standard spelling never writes
        ("في البيت الذي فى المدينة الكبرى", "في البيت الذي في المدينة الكبرى"),
        ("هي شىء الأمريكى", "هي شيء الأمريكى"),
        # the Egyptian habit: telltales with ى (as many as with ي, or more) restore the line
        ("فى المبنى الرئيسى", "في المبنى الرئيسي"),
        ("في المبنى التى الرئيسى", "في المبنى التي الرئيسي"),
        ("فى المصري الأمريكى", "في المصري الأمريكي"),  # a stray standard ي is no telltale
        # a line without telltales is restored as before
        ("الأمريكى المبنى", "الأمريكي المبنى"),
        # line by line: each line has its own habit
        ("في الأمريكى\nفى الأمريكى\rفي الأمريكى", "في الأمريكى\nفي الأمريكي\rفي الأمريكى"),
    ],
)
def test_the_writers_habit_line_by_line(written: str, restored: str) -> None:
    assert restore_final_yaa(written) == restored
    assert Pipeline([restore_final_yaa]).batch([written, "فى الأمريكى", written]) == [
        restored, "في الأمريكي", restored]


@pytest.mark.parametrize(
    ("written", "restored"),
    [
        # in a line of standard spelling, marks that spell ي still decide (review of the habit)
        ("جاء عَلِى في الصباح", "جاء عَلِي في الصباح"),
        ("عَلِىّ في البيت", "عَلِيّ في البيت"),
        ("في أُلغِى القرار", "في أُلغِي القرار"),
        ("في شى\u0654 ما", "في شئ ما"),  # a hamza mark on the ى: ئ
        # وفى "he fulfilled" is standard spelling, no Egyptian telltale
        ("عنى بذلك أنه وفى بوعده في الانتخابات", "عنى بذلك أنه وفى بوعده في الانتخابات"),
        # telltales are read without their marks
        ("فِي المبنى الرئيسى", "فِي المبنى الرئيسى"),
        # the noun مبنى before على stays; the participle before عليه is مبني
        ("يقع المبنى على ناصية الشارع", "يقع المبنى على ناصية الشارع"),
        ("والحكم المبنى عليه باطل", "والحكم المبني عليه باطل"),
    ],
)
def test_what_changes_in_a_line_of_standard_spelling(written: str, restored: str) -> None:
    assert restore_final_yaa(written) == restored


def test_the_standard_preset_reads_marks_in_standard_lines() -> None:
    assert arnorm.normalize("جاء عَلِى في الصباح") == "جاء علي في الصباح"


@pytest.mark.parametrize("habit", ["auto", "egyptian", "standard"])
@given(text=st.lists(_yaa_pieces | st.sampled_from(["\x85", "\u2029", "\r\n"]), max_size=40).map("".join))
def test_the_habit_is_the_same_in_pieces(habit: str, text: str) -> None:
    """Long texts are cut into pieces of whole lines: a tiny chunk cuts at
    every line break, and each piece must read its lines' habit alike."""
    from arnorm._accel import Policy, rule_runner
    from arnorm.yaa import _final_yaa

    (rule,) = _final_yaa(habit=habit)
    assert rule_runner(rule, Policy(chunk=3))(text) == rule(text)


def test_maps_that_may_run_before_the_restore_keep_line_breaks_line_breaks() -> None:
    """The rule's context is the word's letters and marks; the habit also
    reads where lines break, which a map hoisted before the rule must keep."""
    from arnorm._rules import CharMap
    from arnorm._yaa_habit import UNIT_BREAKS

    for name in arnorm.PRESETS:
        primitives = Pipeline.from_preset(name).primitives
        names = [getattr(p, "name", "") for p in primitives]
        if "restore_final_yaa" not in names:
            continue
        for primitive in primitives[names.index("restore_final_yaa") + 1 :]:
            if isinstance(primitive, CharMap):
                for key, value in primitive.table.items():
                    assert (key in UNIT_BREAKS) == (value != "" and set(value) <= set(UNIT_BREAKS)), (name, key)


def test_the_habit_can_be_set() -> None:
    assert restore_final_yaa("في الأمريكى", habit="egyptian") == "في الأمريكي"
    assert restore_final_yaa("فى الأمريكى", habit="standard") == "في الأمريكى"
    assert restore_final_yaa("في بنى", exceptions={"بنى": "بني"}) == "في بني"  # exceptions hold in any line
    with pytest.raises(ValueError, match="habit"):
        restore_final_yaa("فى", habit="cairo")


def test_standard_text_with_a_stray_maksura_is_left_alone() -> None:
    # a newspaper paragraph in standard spelling with one word typed the Egyptian way
    text = ("قال المتحدث الرسمي إن الوزير الذي وصل إلى القاهرة أمس التقى نظيره المصرى "
            "في مبنى الوزارة، وهي الزيارة الأولى له منذ توليه منصبه.")
    assert restore_final_yaa(text) == text
    assert restore_final_yaa(text.replace("المصرى", "المصري").replace(" في ", " فى ")) == \
        text.replace("المصرى", "المصري").replace(" في ", " في ")


def test_marks_after_the_maksura_take_the_forward_pass() -> None:
    # ى + hamza above becomes ئ: the marks are rewritten with the letter.
    assert restore_final_yaa("فى\u0654 الطريق") == "فئ الطريق"
    assert restore_final_yaa("عَلَىٰ الأمريكى") == "عَلَىٰ الأمريكي"


@given(text=st.lists(st.sampled_from(["ب", "ب" * 15, "ب" * 130, "\u064e", " ", "\u00a0" * 20, "\t", ".", "x"]),
                     max_size=20).map("".join), data=st.data())
def test_word_and_space_starts_match_a_character_scan(text: str, data) -> None:
    from arnorm.yaa import _BETWEEN_WORDS, _WORD_CHARS, _spaces_start, _word_start

    end = data.draw(st.integers(0, len(text)))
    word = spaces = end
    while word and text[word - 1] in _WORD_CHARS:
        word -= 1
    while spaces and text[spaces - 1] in _BETWEEN_WORDS:
        spaces -= 1
    assert (_word_start(text, end), _spaces_start(text, end)) == (word, spaces)


def test_a_word_of_a_million_letters_is_decided_as_a_word() -> None:
    # The word's start is found in C, in growing windows: same result as a
    # short word with the same ending when the lexicon knows neither.
    for letters in (1, 17, 1_000_000):
        text = "x " + "ق" * letters + "طنى."
        assert restore_final_yaa(text) == text[:-2] + "ي."


def test_long_texts_are_restored_in_pieces_of_whole_lines() -> None:
    from arnorm._accel import Policy, rule_runner
    from arnorm.yaa import _final_yaa

    (rule,) = _final_yaa(exceptions=None)
    chunk = 200
    fast = rule_runner(rule, Policy(chunk=chunk))
    lines = ["فى الطبقة السفلى", "قرية", "بنى سويف", "بعد تلقى", "عَلِى", "شىء", "ى", "المدعى عليه", "x" * 500, "عَلَىٰ"]
    text = "\n".join(lines[i % len(lines)] for i in range(3 * chunk // 10))
    assert len(text) > 2 * chunk
    assert fast(text) == rule(text)
    one_line = text.replace("\n", " ")  # no line break: one piece
    assert fast(one_line) == rule(one_line)


# --- the decision function alone ------------------------------------------------

@pytest.mark.parametrize("text, word, is_yaa", [
    ("فى القاهرة", "فى", True),
    ("ذهب إلى المبنى", "إلى", False), ("ذهب إلى المبنى", "المبنى", False),
    ("عَلِى", "عَلِى", True), ("عَلَى", "عَلَى", False),  # the vowel before the letter
    ("عربىّ", "عربىّ", True),  # shadda on it
    ("أُلغِى الاجتماع", "أُلغِى", True),
    ("محافظة بنى سويف", "بنى", True), ("بنى بيتا", "بنى", False),  # the next word
    ("منذ تولى", "تولى", True), ("ونفى الوزير", "ونفى", False),  # a preposition before, a verb
    ("فى رأى الخبراء", "رأى", True), ("وقال إنه رأى أن", "رأى", False),
    ("الطبقة السفلى", "السفلى", False), ("الجزء السفلى", "السفلى", True),  # agreement
    ("الطبقة العليا والسفلى", "والسفلى", False),
    ("الأمريكى", "الأمريكى", True), ("مستشفى", "مستشفى", False), ("موسى", "موسى", False),
])
def test_the_decider_reads_the_word_its_marks_and_its_neighbours(text: str, word: str, is_yaa: bool) -> None:
    from arnorm.yaa import Decider

    start = text.index(word)
    assert Decider().is_yaa(text, start, start + len(word)) is is_yaa


def test_the_decider_takes_the_users_exceptions_first() -> None:
    from arnorm.yaa import Decider

    assert Decider().is_yaa("بنى بيتا", 0, 3) is False
    assert Decider({"بنى": "بني"}).is_yaa("بنى بيتا", 0, 3) is True
    assert Decider({"فى": "فى"}).alone("وفى") is False  # with proclitics too


def test_exceptions_build_the_rule_once_per_content() -> None:
    """A call with an equal exceptions dict reuses the rule (and its compiled
    runner) instead of building a decider per call."""
    from arnorm.yaa import _final_yaa

    first = _final_yaa(exceptions={"بنى": "بني", "فى": "فى"})
    assert _final_yaa(exceptions={"فى": "فى", "بنى": "بني"}) is first
    assert _final_yaa(exceptions={"بنى": "بنى"}) is not first
    assert arnorm.restore_final_yaa("بنى فى", exceptions={"بنى": "بني", "فى": "فى"}) == "بني فى"


@pytest.mark.parametrize(("text", "expected"), [
    ("قال عَلِى إن الاجتماع أُلغِى", "قال علي إن الاجتماع ألغي"),  # a kasra before ى: ي
    ("ذهب عَلَى الطريق إلى المَبْنَى", "ذهب على الطريق إلى المبنى"),  # a fatha before ى: ى
    ("فى القاهرة", "في القاهرة"),  # without marks, as before
])
def test_the_standard_preset_reads_the_vowel_marks_before_they_go(text: str, expected: str) -> None:
    assert arnorm.normalize(text) == expected


@pytest.mark.parametrize("text", ["و\u0654على", "و\u064e\u0654على", "ا\u0653لى", "فى\u0654"])
def test_a_word_decides_alike_before_and_after_its_hamza_mark_composes(text: str) -> None:
    """remove_diacritics composes و + U+0654 into ؤ (other marks between or
    not): the word's key does too, so the standard preset stays idempotent
    (ؤعلى became ؤعلي on a second run)."""
    once = arnorm.normalize(text)
    assert arnorm.normalize(once) == once
