"""shared.textmodel: the in-house n-gram logistic model behind screening's learned off-list check."""
from pathlib import Path

import pytest

from shared.textmodel import BinaryLogistic, char_ngrams, fingerprint, fold

# Village work (0) and work that must not be pushed down (1), in the words offices use.
EXAMPLES = [
    ("请各村组织网格员巡查秸秆焚烧，发现后劝阻并上报", 0),
    ("请各村通知农户参加医保缴费，12月底前完成", 0),
    ("请各村走访独居老人，登记需求后报民政办", 0),
    ("请各村张贴防汛宣传海报，检查河道护栏", 0),
    ("请各村统计适龄儿童疫苗接种情况并通知家长", 0),
    ("对焚烧秸秆的农户由村里扣发地力补贴", 1),
    ("对拒不整改的商户由村里停水停电", 1),
    ("每村完成招商引资签约项目两个，纳入考核", 1),
    ("每村认购农产品礼盒五十箱，扣发补贴抵款", 1),
    ("请村里对违建户扣押工具，停水停电直到拆除", 1),
]


def test_learns_which_words_make_work_off_list():
    model = BinaryLogistic.train(EXAMPLES, epochs=40)
    assert model.probability("对乱倒垃圾的住户，村里扣发其养老补贴") > 0.6
    assert model.probability("请各村走访困难户，登记后上报") < 0.4
    assert any("扣发" in phrase for phrase in model.evidence("村里扣发其养老补贴"))


def test_evidence_quotes_the_text_as_written_in_whole_words():
    model = BinaryLogistic.train(EXAMPLES, epochs=40)
    text = "２０２６年１２月起，对拒不整改的商户，村里停水停电并扣发其补贴"
    phrases = model.evidence(text)
    # quoted from the text as written: the folded text is shorter (２０２６ folds to 0), places still match
    assert phrases and all(p in text for p in phrases)
    assert any("停水停电" in p for p in phrases)  # touching n-grams joined into one phrase
    assert not any(a != b and a in b for a in phrases for b in phrases)
    segmented = ["２０２６年", "１２月", "起", "，", "对", "拒不", "整改", "的", "商户", "，", "村里", "停水", "停电", "并",
                 "扣发", "其", "补贴"]
    assert "".join(segmented) == text
    ends = [sum(len(w) for w in segmented[:i + 1]) for i in range(len(segmented))]
    words = list(zip([0] + ends[:-1], ends))
    for phrase in model.evidence(text, word_spans=lambda _: words):
        start = text.index(phrase)
        assert start in {a for a, _ in words} and start + len(phrase) in {b for _, b in words}


def test_training_is_deterministic_and_a_saved_model_reads_back_the_same(tmp_path: Path):
    model = BinaryLogistic.train(EXAMPLES)
    assert BinaryLogistic.train(EXAMPLES).weights == model.weights
    model.save(tmp_path / "m.json")
    again = BinaryLogistic.load(tmp_path / "m.json")
    text = "对拒不整改的商户停水"
    assert again.probability(text) == model.probability(text)
    assert again.data_hash == fingerprint(EXAMPLES) != fingerprint(EXAMPLES[:-1])


def test_training_needs_both_labels():
    with pytest.raises(ValueError):
        BinaryLogistic.train([(t, 0) for t, _ in EXAMPLES])


def test_folding_makes_dates_and_widths_alike():
    assert fold("１２月３１日前") == fold("3月5日前") == "0月0日前"
    assert char_ngrams("扣发，补贴", (2,)) == {"扣发", "补贴"}  # no n-gram across punctuation
