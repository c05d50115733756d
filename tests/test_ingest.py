"""Reading articles: formats, metadata, PDF furniture, line mapping, bad input."""
from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings, strategies as st

from discrepancy.ingest import InputError, collect, parse_article, read_articles
from discrepancy.models import Skipped
from discrepancy.text import prepare, sentences


def test_txt_title_is_first_non_empty_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n\n  The title here  \n\nBody text. More body.\n", encoding="utf-8")
    [article], skipped = read_articles([path])
    assert article.title == "The title here"
    assert article.published is None and article.role == "source"
    assert not skipped


def test_md_front_matter_metadata(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\noutlet: O\npublished: 2025-05\nrole: draft\n---\nBody.\n", encoding="utf-8")
    [article], _ = read_articles([path])
    assert (article.title, article.outlet, article.published, article.role) == ("T", "O", "2025-05", "draft")
    assert article.text == "Body."
    assert article.line_of(article.raw_span(0, 4)[0]) == 7


def test_sidecar_sources_yaml_dates_txt_without_editing_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nThe drill began on Sunday.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt:\n  published: 2025-05-19\n  outlet: Wire\n", encoding="utf-8")
    before = path.read_bytes(), os.stat(path).st_mtime_ns
    [article], skipped = read_articles([tmp_path])
    assert article.published == "2025-05-19" and article.outlet == "Wire"
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    assert not skipped  # sources.yaml is metadata, not a skipped file


def test_front_matter_wins_over_sidecar(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2025-01-02\n---\nText.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.md:\n  published: 2024-01-01\n", encoding="utf-8")
    [article], _ = read_articles([tmp_path])
    assert article.published == "2025-01-02"


@pytest.mark.parametrize("front, message", [
    ("title: [unclosed\n", r"a\.md:\d+: bad front matter"),
    ("published: 2025-13-40\n", r"a\.md:1: front matter: published must be"),
    ("role: editor\n", r"role must be 'source' or 'draft'"),
    ("- just\n- a list\n", r"metadata must be a mapping"),
])
def test_bad_front_matter_is_a_skipped_error_naming_the_file(tmp_path, front, message):
    (tmp_path / "a.md").write_text(f"---\n{front}---\nBody.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("The other article is still read.\n", encoding="utf-8")
    articles, [skipped] = read_articles([tmp_path])
    assert [a.name for a in articles] == ["b.md"]
    where = f"{skipped.source}:{skipped.line}: {skipped.reason}"
    assert skipped.error and re.search(message, where) and "\n" not in where
    assert skipped.source == str(tmp_path / "a.md")


def test_bad_sidecar_is_skipped_and_its_articles_still_read(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\nBody.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a.txt:\n  published: [oops\n", encoding="utf-8")
    articles, [skipped] = read_articles([tmp_path])
    assert [a.name for a in articles] == ["a.txt"] and articles[0].published is None
    assert skipped.source.endswith("sources.yaml") and skipped.line and skipped.error
    assert skipped.reason.startswith("invalid YAML")


def test_binary_file_is_skipped_with_its_line(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Title\nsecond line \x00\x01 bad\n")
    articles, [skipped] = read_articles([tmp_path / "a.txt"])
    assert not articles and skipped.line == 2 and skipped.error and "binary" in skipped.reason


def test_legacy_single_byte_file_is_decoded_and_named(tmp_path):
    text = "Caf\u00e9 owners in Z\u00fcrich said the \u201cdeal\u201d was signed on Friday.\n"
    (tmp_path / "a.txt").write_bytes(("Title\n\n" + text * 3).encode("cp1252"))
    [article], skipped = read_articles([tmp_path / "a.txt"])
    assert not skipped and article.encoding == "cp1252" and "Z\u00fcrich" in article.text


@pytest.mark.parametrize("encoding, expected", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
                                                ("utf-32", "utf-32"), ("utf-8", "utf-8")])
def test_unicode_encodings_with_byte_order_marks(tmp_path, encoding, expected):
    (tmp_path / "a.txt").write_bytes("T\u00edtulo\r\n\r\nThe mayor of \u0141\u00f3d\u017a spoke.\r\n".encode(encoding))
    [article], _ = read_articles([tmp_path / "a.txt"])
    assert article.encoding == expected and "\u0141\u00f3d\u017a" in article.text and "\r" not in article.raw


def test_over_size_article_is_skipped_with_the_limit(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\n" + "Words here. " * 100, encoding="utf-8")
    articles, [skipped] = read_articles([tmp_path], max_bytes=500)
    assert not articles and skipped.error and "over the limit of 500" in skipped.reason


def test_missing_path_and_wrong_suffix(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        collect([tmp_path / "nope.md"])
    (tmp_path / "x.pdf").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not an article"):
        collect([tmp_path / "x.pdf"])


def test_non_articles_in_folders_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "a.md").write_text("Body.\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    articles, skipped = read_articles([tmp_path])
    assert [a.name for a in articles] == ["a.md"]
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert "not an article" in reasons["notes.csv"] and reasons["empty.txt"] == "no text to check"


def test_pdf_footer_and_page_number_removed_and_wrapped_names_joined(seeds):
    [article] = [a for a in read_articles([seeds])[0] if a.name.startswith("002")]
    assert "AVİM Commentary" not in article.text
    assert "the two countries discussed activities" in article.text
    assert "Brigadier General Veli Medeni" in article.text
    start = article.text.index("Veli Medeni")
    raw_start, raw_end = article.raw_span(start, start + len("Veli Medeni"))
    assert article.raw[raw_start:raw_end] == "Veli Medeni"
    assert article.line_of(raw_start) == 7


def test_prepare_maps_every_character_back():
    raw = "Head line\n\nA sentence that is\nwrapped here and\n\n12\n\ncontinues after a page break.\n"
    text, offsets = prepare(raw)
    assert "wrapped here and continues after a page break." in text
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert raw[offsets[i]] == ch


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "1", ".", " ", "\t", "\n", "\n\n", "\u00a0", "\u2029",
                                 "\r\n", "Page 3", " \n \n", "\u00e9"]), max_size=40).map("".join))
def test_prepare_folds_white_space_and_maps_back(raw):
    """Every character of the prepared text comes from the raw text at its mapped offset; white
    space folds to one space or a paragraph break, and no word loses or gains a character."""
    text, offsets = prepare(raw)
    assert len(offsets) == len(text) + 1
    for i, ch in enumerate(text):
        if ch.isspace():
            assert ch in " \n"
        else:
            assert raw[offsets[i]] == ch
    assert "  " not in text and "\n " not in text and " \n" not in text and text.strip(" ") == text
    for word in text.split():  # words are copied whole, never cut or glued to a neighbour
        start = offsets[text.index(word)]
        assert raw[start:start + len(word)] == word


def test_sentences_respect_abbreviations_and_initials():
    text = "Brig. Gen. Vali Madani met Mr. J. Smith in the U.S. capital. They talked. No. 37 was next."
    found = [s.text for s in sentences(text)]
    assert found == ["Brig. Gen. Vali Madani met Mr. J. Smith in the U.S. capital.", "They talked.",
                     "No. 37 was next."]


def test_parse_article_empty_body_is_skipped():
    assert isinstance(parse_article("a.md", "---\ntitle: x\n---\n   \n"), Skipped)


@pytest.mark.parametrize("text, encoding", [
    ("The ferry sank near S\u00f6rve, \u201cwitnesses\u201d said on Monday.", "cp1252"),
    ("\u041c\u043e\u0441\u043a\u0432\u0430 \u0441\u0435\u0433\u043e\u0434\u043d\u044f \u0432\u0435\u0447\u0435\u0440\u043e\u043c "
     "\u0431\u044b\u043b\u043e \u0442\u0438\u0445\u043e", "cp1251"),
    ("Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144 w Wroc\u0142awiu", "cp1250"),
])
def test_short_legacy_texts_are_decoded_as_written(tmp_path, text, encoding):
    (tmp_path / "a.txt").write_bytes(f"Title\n\n{text}\n".encode(encoding))
    [article], skipped = read_articles([tmp_path / "a.txt"])
    assert not skipped and text in article.text and article.encoding == encoding
