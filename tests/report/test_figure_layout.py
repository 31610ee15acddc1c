"""The label layout's building blocks: names cut to a width, text wrapped by measure, labels placed clear of
each other, a phone copy drawn anew (the figures built on them are checked in test_figures.py)."""

from __future__ import annotations

import pytest

from readout.report import figure_layout as layout

LONG = "Organization for the Prohibition of Chemical Weapons"


@pytest.fixture(autouse=True, scope="module")
def house_style():
    from readout.report.figures import use_house_style

    use_house_style()


def test_text_is_measured_as_drawn():
    one, two = layout.text_width("MMMM", 10), layout.text_width("MMMMMMMM", 10)
    assert 0.3 < one < 0.6 and two == pytest.approx(2 * one, rel=0.05)
    assert layout.text_width("MMMM", 20) == pytest.approx(2 * one, rel=0.05)
    assert layout.text_width("MMMM", 10, bold=True) > one


@pytest.mark.parametrize("share, whole", [(0.27, False), (0.5, False), (0.67, True)])
def test_a_name_is_wrapped_then_cut_to_its_width(share, whole):
    # widths as shares of the name's own width on one line (about 3 inches at 8 points): two lines of
    # two thirds of it hold it; two of a half or a quarter do not
    width = share * layout.text_width(LONG, 8)
    name = layout.cut(LONG, width, 8, lines=2)
    lines = name.split("\n")
    assert len(lines) == 2 and all(layout.text_width(line, 8) <= width for line in lines)
    if whole:  # two lines hold it
        assert name.replace("\n", " ") == LONG
    else:  # its start, cut
        assert name.endswith("…") and LONG.startswith(name.replace("\n", " ").rstrip("…"))
    assert layout.cut("EU", width, 8) == "EU"  # a short name stays whole


def test_wrapping_keeps_every_word_and_a_word_wider_than_the_line():
    text = "Tone of the sentences naming each actor, Supercalifragilisticexpialidocious"
    wrapped = layout.wrap(text, 1.2, 10)
    assert wrapped.split() == text.split() and wrapped.count("\n") >= 3
    assert "Supercalifragilisticexpialidocious" in wrapped.split("\n")


def test_names_beside_a_plot_take_their_share_of_the_width():
    for narrow in (False, True):
        room = (layout.NARROW_WIDTH if narrow else layout.WIDE_WIDTH) * layout.NAME_SHARE[narrow]
        for name in layout.fit_names([LONG * 2, "United States"], narrow, 9, lines=3):
            assert all(layout.text_width(line, 9) <= room for line in name.split("\n"))


def test_labels_are_placed_clear_of_each_other_or_not_at_all():
    fig, ax = layout.new_figure(3.0, narrow=False, width=4.0)
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    layout.finish(fig)
    frame = ax.get_window_extent(fig.canvas.get_renderer())
    placed: list = []
    assert layout.place_label(ax, "p1s1", (0.5, 0.5), frame, [], placed)
    assert layout.place_label(ax, "p1s2", (0.5, 0.5), frame, [], placed)  # beside the first, not on it
    assert not layout.place_label(ax, "far too long a label to fit anywhere at all here", (0.0, 0.0), frame, [],
                                  placed)
    assert len(placed) == 2 and len(ax.texts) == 2
    (a, b) = placed
    assert a.x1 <= b.x0 or b.x1 <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0
    assert all(frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
               for box in placed)


def test_a_wide_figure_draws_its_phone_layout_anew():
    calls = []

    @layout.two_layouts
    def figure(title: str, *, narrow: bool = False):
        calls.append(narrow)
        fig, ax = layout.new_figure(2.0, narrow)
        layout.set_title(ax, title)
        return layout.finish(fig)

    wide = figure("A title long enough to be wrapped on a phone but not on a page of the report")
    phone = layout.narrow_copy(wide)
    assert calls == [False, True] and layout.narrow_copy(phone) is None
    assert (wide.get_figwidth(), phone.get_figwidth()) == (layout.WIDE_WIDTH, layout.NARROW_WIDTH)
    assert phone.get_figheight() == layout.NARROW_WIDTH * layout.NARROW_ASPECT
    assert layout.written_title(phone) == layout.written_title(wide) and phone.get_suptitle().count("\n") >= 2
